"""Adaptive Cards built from domain data: plain dicts, no bot SDK (bots/ wraps them).

Every button carries ``{"werkplek": <action>, ...}`` so bots/ can route a submit;
cards/actions.py names the actions and the input ids.
"""
