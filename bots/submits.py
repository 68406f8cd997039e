"""Card submits: check what a button sent back and turn it into a command.

Anything missing, altered or oversized becomes None (the caller answers with
"that button no longer works" and the help card), never an exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from cards.actions import (
    ACTION_FIELD,
    INPUT_DATE,
    INPUT_PART,
    INPUT_REMINDER_AT,
    INPUT_REMINDER_ON,
    INPUT_SEAT,
    INPUT_VISIBILITY,
    INPUT_ZONE,
    SEAT_SEPARATOR,
    CardAction,
)
from werkplek.commands import (
    MAX_WEEK_DISTANCE,
    AnswerFollow,
    AskDeleteMyData,
    Book,
    BookNear,
    Cancel,
    CancelTelework,
    Command,
    DayOff,
    Decide,
    DeleteMyData,
    Follow,
    KeepMyData,
    Privacy,
    RegisterTelework,
    SetReminders,
    ShowBookings,
    ShowForm,
    ShowMyData,
    ShowPermanence,
    ShowReminders,
    ShowTeamWeek,
    SwitchReminders,
    TeleworkMonth,
    WhereIs,
    month_of,
    sane_week,
    week_of,
)
from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation
from werkplek.presence import Visibility
from werkplek.reminders import InvalidTime, ReminderKind, ReminderSetting, parse_time

_MAX_FIELD = 200
_MAX_TOKEN = 1000  # a signed confirm token names the user: longer than other fields


def _field(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    if not isinstance(value, str) or len(value) > _MAX_FIELD:
        return None
    return value.strip()


def _altered(data: Mapping[str, Any], *names: str) -> bool:
    """An optional field is there but is not a text a card sends (another type, oversized):
    the submit was altered, it does not mean "no zone" or "my first team"."""
    return any(data.get(name) is not None and _field(data, name) is None for name in names)


def _day(data: Mapping[str, Any]) -> date | None:
    return _iso(_field(data, INPUT_DATE))


def _part(data: Mapping[str, Any]) -> DayPart | None:
    if data.get(INPUT_PART) is None:
        return DayPart.FULL
    text = _field(data, INPUT_PART)
    if text == "":
        return DayPart.FULL
    try:
        return DayPart(text)
    except ValueError:
        return None


def _email(data: Mapping[str, Any]) -> str | None:
    email = _field(data, "email")
    return email if email and "@" in email else None


def _presence_command(action: CardAction, data: Mapping[str, Any], today: date):
    """Presence buttons; False when `action` is not one of them, None when its data is bad."""
    day = _day(data)
    if action is CardAction.PRIVACY:
        return Privacy()
    if action is CardAction.PRIVACY_SET:
        choice = _field(data, INPUT_VISIBILITY)
        return Privacy(choice) if choice in {v.value for v in Visibility} else None
    if action in (CardAction.FOLLOW_ACCEPT, CardAction.FOLLOW_DECLINE):
        follower = _field(data, "follower")
        return AnswerFollow(action is CardAction.FOLLOW_ACCEPT, follower) if follower else None
    if action is CardAction.TEAM_WEEK:
        monday = _iso(_field(data, "week"))
        if monday is None or abs((monday - today).days) > MAX_WEEK_DISTANCE:
            return None
        if _altered(data, "team"):
            return None
        return ShowTeamWeek(sane_week(monday, today), _field(data, "team") or None)
    email = _email(data)
    if action is CardAction.BOOK_NEAR:
        return BookNear((day,), DayPart.FULL, email=email) if day and email else None
    if action is CardAction.PICK_PERSON:
        purpose = _field(data, "for")
        if not email:
            return None
        if purpose == "where_is":
            return WhereIs(day or today, email=email)
        if purpose in ("follow", "unfollow"):
            return Follow(email=email, stop=purpose == "unfollow")
        if purpose == "book_near" and day:
            return BookNear((day,), DayPart.FULL, email=email)
        return None
    return False


def _reminder_command(action: CardAction, data: Mapping[str, Any], today: date):
    """Reminder buttons; False when `action` is not one of them, None when its data is bad."""
    if action is CardAction.REMINDERS:
        return ShowReminders()
    if action is CardAction.REMINDERS_ALL:
        choice = _field(data, "enabled")
        return SwitchReminders(choice == "on") if choice in ("on", "off") else None
    if action is CardAction.REMINDERS_SAVE:
        chosen = []
        for kind in ReminderKind:
            switch = data.get(INPUT_REMINDER_ON + kind.value)
            clock = data.get(INPUT_REMINDER_AT + kind.value)
            if switch is None and clock is None:
                continue  # not shown to this user (a manager's reminder)
            if switch not in ("true", "false", True, False):
                return None
            text = _field(data, INPUT_REMINDER_AT + kind.value)
            if text is None:
                return None
            try:
                at = parse_time(text)
            except InvalidTime:
                return ShowReminders(bad_time=text)
            chosen.append((kind, ReminderSetting(switch in ("true", True), at)))
        return SetReminders(tuple(chosen)) if chosen else None
    if action is CardAction.DAY_OFF:
        day = _day(data)
        return DayOff(day) if day else None
    if action is CardAction.PERMANENCE:
        monday = _iso(_field(data, "week"))
        if monday is None or abs((monday - today).days) > MAX_WEEK_DISTANCE:
            return None
        return ShowPermanence(*week_of(sane_week(monday, today)))
    return False


def _my_data_command(action: CardAction, data: Mapping[str, Any]):
    """My-data buttons; False when `action` is not one of them, None when its data is bad."""
    if action is CardAction.MY_DATA:
        return ShowMyData()
    if action is CardAction.MY_DATA_DELETE:
        return AskDeleteMyData()
    if action is CardAction.MY_DATA_KEEP:
        return KeepMyData()
    if action is CardAction.MY_DATA_CONFIRM:
        token = data.get("token")
        if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN:
            return None
        return DeleteMyData(token)
    return False


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def command_from_submit(value: Any, org: Organisation, today: date) -> Command | None:
    """The command a card button asks for, or None when the data is not one of ours."""
    if not isinstance(value, Mapping):
        return None
    try:
        action = CardAction(value.get(ACTION_FIELD))
    except ValueError:
        return None
    if action is CardAction.LIST:
        return ShowBookings()
    if action is CardAction.FORM:
        return ShowForm()
    if action is CardAction.TELEWORK_MONTH:
        return TeleworkMonth(*month_of(today))
    presence = _presence_command(action, value, today)
    if presence is not False:
        return presence
    reminders = _reminder_command(action, value, today)
    if reminders is not False:
        return reminders
    my_data = _my_data_command(action, value)
    if my_data is not False:
        return my_data
    day, part = _day(value), _part(value)
    if part is None:
        return None
    if day is None:
        # The form's date picker was left empty or sent something odd: show the form again.
        return ShowForm(note_key="form.date_error") if action is CardAction.BOOK else None
    if action is CardAction.CANCEL:
        return Cancel((day,), part)
    if action is CardAction.TELEWORK:
        return RegisterTelework((day,), part)
    if action is CardAction.CANCEL_TELEWORK:
        return CancelTelework((day,), part)
    if action in (CardAction.APPROVE, CardAction.DECLINE):
        requester = _field(value, "person")
        if not requester:
            return None
        return Decide(action is CardAction.APPROVE, requester, day, part)
    if action is CardAction.MOVE:
        seat = _field(value, INPUT_SEAT) or ""
        zone_key, _, desk_id = seat.partition(SEAT_SEPARATOR)
        zone = org.zone(zone_key)
        if zone is None or zone.desk(desk_id) is None:
            return None
        return Book((day,), part, zone_key, desk_id)
    if _altered(value, INPUT_ZONE, "desk"):
        return None
    zone_key = _field(value, INPUT_ZONE) or None
    desk_id = _field(value, "desk") or None
    if zone_key is not None and org.zone(zone_key) is None:
        return None
    if desk_id is not None and (zone_key is None or org.zone(zone_key).desk(desk_id) is None):
        return None
    return Book((day,), part, zone_key, desk_id)
