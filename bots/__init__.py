"""The Teams bot: routes activities. botbuilder is used here, in dialogs/ and in app.py only."""
