"""Adaptive Cards built from domain data: plain dicts, no bot SDK (bots/ wraps them).

Every button carries ``{"werkplek": <action>, ...}`` so bots/ can route a submit;
cards/actions.py names the actions and the input ids. cards/elements.py holds the small
builders, the design rules and the icons every card shares; cards/gallery.py builds every
card with sample data, for the tests (tests/test_cards_valid.py) and `make screenshots`.
"""
