"""Multi-turn conversations (botbuilder-dialogs) live here.

Desk booking needs none: one message or one card submit finishes each request.
Later features that ask back and forth (e.g. a recurring telework plan) add their dialogs here.
"""
