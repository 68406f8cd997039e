"""Command-line jobs run by app.py (`python app.py export ...`), outside the bot."""
