"""What a turn answers: text, or an Adaptive Card (a dict from cards/), as an Activity."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import Activity

Reply = str | dict[str, Any]


def to_activity(reply: Reply) -> Activity:
    if isinstance(reply, str):
        return MessageFactory.text(reply)
    return MessageFactory.attachment(CardFactory.adaptive_card(reply))
