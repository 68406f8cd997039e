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
    # Presence (cards/presence.py): who is where.
    BOOK_NEAR = "book_near"  # data: date, email (book the free desk closest to a colleague's)
    PICK_PERSON = "pick_person"  # data: for (where_is, follow, unfollow, book_near), email, date?
    TEAM_WEEK = "team_week"  # data: week (a Monday, ISO), optional team (id); also a verb
    PRIVACY = "privacy"  # show who sees my plans
    PRIVACY_SET = "privacy_set"  # input "visibility"
    FOLLOW_ACCEPT = "follow_accept"  # data: follower (the requester's key)
    FOLLOW_DECLINE = "follow_decline"  # data: follower
    # Reminders (cards/reminders.py).
    PERMANENCE = "permanence"  # data: week (a Monday, ISO): the coverage of that week
    DAY_OFF = "day_off"  # data: date: free that day's desk and telework (the week plan's "Off")
    REMINDERS = "reminders"  # show the reminder settings
    REMINDERS_SAVE = "reminders_save"  # inputs "on_{kind}" ("true"/"false"), "at_{kind}" (HH:MM)
    REMINDERS_ALL = "reminders_all"  # data: enabled ("on" / "off")
    # The user's own data, GDPR (cards/my_data.py).
    MY_DATA = "my_data"  # show everything stored about me
    MY_DATA_DELETE = "my_data_delete"  # ask to delete it: the confirmation card
    MY_DATA_CONFIRM = "my_data_confirm"  # data: token (signed for the user the card was for)
    MY_DATA_KEEP = "my_data_keep"  # the confirmation card's Keep: nothing is deleted


# Input ids, merged by Teams into the submitted data.
INPUT_DATE = "date"
INPUT_ZONE = "zone"
INPUT_PART = "part"
INPUT_SEAT = "seat"
INPUT_VISIBILITY = "visibility"  # a werkplek.presence.Visibility value
SEAT_SEPARATOR = "|"
INPUT_REMINDER_ON = "on_"  # + a werkplek.reminders.ReminderKind value
INPUT_REMINDER_AT = "at_"  # + a werkplek.reminders.ReminderKind value
