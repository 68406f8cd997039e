"""Werkplek's domain: booking rules, calendar, organisation and language understanding.

Plain Python on purpose: nothing here imports botbuilder or azure, so the rules
can be tested alone and survive a move to another bot SDK or store.
"""
