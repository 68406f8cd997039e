"""What the user asked for, whether typed or clicked: the input of a turn, in domain terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from werkplek.dayparts import DayPart
from werkplek.language import Intent, PlaceName, Places, Recurrence, Understanding
from werkplek.organisation import Organisation
from werkplek.reminders import ReminderKind, ReminderSetting


@dataclass(frozen=True)
class Book:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL
    zone_key: str | None = None
    desk_id: str | None = None


@dataclass(frozen=True)
class Cancel:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL


@dataclass(frozen=True)
class ShowBookings:
    cancelling: bool = False  # "cancel" without a day: show the list to pick from


@dataclass(frozen=True)
class ShowForm:
    note_key: str | None = None  # a message to show above the form, e.g. "form.date_error"


@dataclass(frozen=True)
class Help:
    understood: bool = True  # False: "Sorry, I didn't understand that" comes first


@dataclass(frozen=True)
class InvalidDate:
    pass


@dataclass(frozen=True)
class RegisterTelework:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL


@dataclass(frozen=True)
class CancelTelework:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL


@dataclass(frozen=True)
class TeleworkMonth:
    first: date
    last: date


@dataclass(frozen=True)
class ShowPermanence:
    first: date
    last: date


@dataclass(frozen=True)
class SetPermanence:
    name: str
    days: tuple[date, ...]


@dataclass(frozen=True)
class Decide:
    """A manager's answer to a telework request (from the approval card)."""

    approve: bool
    requester_key: str
    day: date
    part: DayPart


@dataclass(frozen=True)
class WhoIsIn:
    day: date
    zone_key: str | None = None


@dataclass(frozen=True)
class WhereIs:
    """A colleague by the name typed, or by e-mail once picked from a choice card."""

    day: date
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class ShowTeamWeek:
    monday: date
    team_id: str | None = None


@dataclass(frozen=True)
class Follow:
    name: str | None = None
    email: str | None = None
    stop: bool = False


@dataclass(frozen=True)
class AnswerFollow:
    accept: bool
    follower_key: str


@dataclass(frozen=True)
class Privacy:
    visibility: str | None = None  # "team", "everyone", "nobody"; None: show the settings


@dataclass(frozen=True)
class BookNear:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class ShowReminders:
    note_key: str | None = None  # a message above the settings card, e.g. "reminders.saved"
    bad_time: str | None = None  # what was typed in a time field that is not HH:MM


@dataclass(frozen=True)
class SetReminders:
    """The settings card's Save: every kind shown, with its switch and time."""

    settings: tuple[tuple[ReminderKind, ReminderSetting], ...]


@dataclass(frozen=True)
class SwitchReminders:
    enabled: bool  # "stop reminders" / "start reminders"


@dataclass(frozen=True)
class DayOff:
    """The week plan's Off: free the day's desk and telework."""

    day: date


@dataclass(frozen=True)
class ShowMyData:
    """Everything stored about the user (GDPR): a card, and a link to the JSON document."""


@dataclass(frozen=True)
class AskDeleteMyData:
    """ "delete my data": the confirmation card (Confirm / Keep) comes first."""


@dataclass(frozen=True)
class DeleteMyData:
    """The confirmation card's Confirm: `token` was signed for the user it was shown to."""

    token: str


@dataclass(frozen=True)
class KeepMyData:
    """The confirmation card's Keep: nothing is deleted."""


Command = (
    Book
    | Cancel
    | ShowBookings
    | ShowForm
    | Help
    | InvalidDate
    | RegisterTelework
    | CancelTelework
    | TeleworkMonth
    | ShowPermanence
    | SetPermanence
    | Decide
    | WhoIsIn
    | WhereIs
    | ShowTeamWeek
    | Follow
    | AnswerFollow
    | Privacy
    | BookNear
    | ShowReminders
    | SetReminders
    | SwitchReminders
    | DayOff
    | ShowMyData
    | AskDeleteMyData
    | DeleteMyData
    | KeepMyData
)
MY_DATA_COMMANDS = (ShowMyData, AskDeleteMyData, DeleteMyData, KeepMyData)
PRESENCE_COMMANDS = (WhoIsIn, WhereIs, ShowTeamWeek, Follow, AnswerFollow, Privacy, BookNear)


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=4)


# Week views further than this from today show this week (and keep date arithmetic in range).
MAX_WEEK_DISTANCE = 366


def sane_week(day: date, today: date) -> date:
    """The Monday of `day`'s week, or of this week when `day` is implausibly far away."""
    if abs((day - today).days) > MAX_WEEK_DISTANCE:
        day = today
    return week_of(day)[0]


def expand(recurrence: Recurrence, today: date, horizon_days: int) -> tuple[date, ...]:
    """Every day of a recurring plan from today on, up to the planning horizon."""
    days = []
    day = today
    last = min(recurrence.until, today + timedelta(days=horizon_days))
    while day <= last:
        if day.weekday() in recurrence.weekdays:
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)


def command_for(understanding: Understanding, org: Organisation, today: date) -> Command:
    """Turn what the language layer understood into what the bot should do."""
    u = understanding
    horizon = (
        org.policy.telework_horizon_days
        if u.intent is Intent.TELEWORK
        else org.policy.booking_horizon_days
    )
    days = expand(u.recurrence, today, horizon) if u.recurrence else u.dates
    first = days[0] if days else today
    if u.intent is Intent.WHO_IS_IN:
        return WhoIsIn(first, u.zone)
    if u.intent is Intent.WHERE_IS:
        return WhereIs(first, u.person) if u.person else WhoIsIn(first, u.zone)
    if u.intent is Intent.TEAM_WEEK:
        return ShowTeamWeek(sane_week(u.period[0] if u.period else first, today))
    if u.intent in (Intent.FOLLOW, Intent.UNFOLLOW):
        if not u.person:
            return Help(understood=False)
        return Follow(u.person, stop=u.intent is Intent.UNFOLLOW)
    if u.intent is Intent.PRIVACY:
        return Privacy(u.visibility)
    if u.intent is Intent.REMINDERS:
        return ShowReminders()
    if u.intent is Intent.MY_DATA:
        return ShowMyData()
    if u.intent is Intent.DELETE_MY_DATA:
        return AskDeleteMyData()
    if u.intent in (Intent.STOP_REMINDERS, Intent.START_REMINDERS):
        return SwitchReminders(enabled=u.intent is Intent.START_REMINDERS)
    if u.intent is Intent.BOOK and u.person:
        return BookNear(days, u.part, u.person) if days else BookNear((today,), u.part, u.person)
    if u.intent is Intent.TELEWORK:
        if u.date_problem and not days:
            return InvalidDate()
        return RegisterTelework(days or (today,), u.part)  # "ik werk thuis": today
    if u.intent is Intent.CANCEL_TELEWORK:
        return CancelTelework(days, u.part) if days else TeleworkMonth(*month_of(today))
    if u.intent is Intent.TELEWORK_OVERVIEW:
        return TeleworkMonth(*(u.period or month_of(today)))
    if u.intent is Intent.PERMANENCE:
        if u.period and abs((u.period[0] - today).days) <= MAX_WEEK_DISTANCE:
            return ShowPermanence(*u.period)
        return ShowPermanence(*week_of(sane_week(first, today)))
    if u.intent is Intent.SET_PERMANENCE:
        if u.person and days:
            return SetPermanence(u.person, days)
        return ShowPermanence(*week_of(sane_week(first, today)))
    if u.intent is Intent.BOOK and u.recurrence:
        return Book(days, u.part, u.zone, None) if days else ShowForm()
    if u.intent in (Intent.BOOK, Intent.CANCEL, Intent.LIST) and u.date_problem and not u.dates:
        return InvalidDate()
    if u.intent is Intent.BOOK:
        if not u.dates:
            return ShowForm()
        zone_key, desk_id = u.zone, None
        if u.desk:
            zone_key, _, desk_id = u.desk.rpartition("/")
        if zone_key is not None and org.zone(zone_key) is None:
            zone_key, desk_id = None, None
        return Book(u.dates, u.part, zone_key, desk_id)
    if u.intent is Intent.CANCEL:
        return Cancel(u.dates, u.part) if u.dates else ShowBookings(cancelling=True)
    if u.intent is Intent.LIST:
        return ShowBookings()
    return Help(understood=u.intent is Intent.HELP)


def places_for(org: Organisation) -> Places:
    """The zone and desk names users may type, for the language layer."""
    return Places(
        zones=tuple(PlaceName(z.key, (z.id, z.name)) for z in org.zones),
        desks=tuple(PlaceName(f"{z.key}/{d.id}", (d.id,)) for z in org.zones for d in z.desks),
    )
