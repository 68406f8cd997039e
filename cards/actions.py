"""The contract between the buttons on cards and the bot that receives their submits."""

from __future__ import annotations

from enum import StrEnum

ACTION_FIELD = "werkplek"


class CardAction(StrEnum):
    BOOK = "book"  # data: date, part, optional zone / desk; or the form's inputs
    MOVE = "move"  # data: date, part; input "seat" = "site/zone|desk"
    CANCEL = "cancel"  # data: date, part
    LIST = "list"
    FORM = "form"
    TELEWORK = "telework"  # data: date, part
    CANCEL_TELEWORK = "cancel_telework"  # data: date, part
    TELEWORK_MONTH = "telework_month"
    APPROVE = "approve"  # data: person, date, part (a manager decides on a telework request)
    DECLINE = "decline"  # data: person, date, part


# Input ids, merged by Teams into the submitted data.
INPUT_DATE = "date"
INPUT_ZONE = "zone"
INPUT_PART = "part"
INPUT_SEAT = "seat"
SEAT_SEPARATOR = "|"
