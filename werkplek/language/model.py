"""What the language layer returns, and what it needs to know about the organisation.

`Understanding` fields are filled per intent: `dates`, `part`, `zone`, `desk` for every
intent that names days or places (WHO_IS_IN: no date means today, decided by the
caller); `period` when a week or month is named (TEAM_WEEK: none means this week);
`person` for SET_PERMANENCE, WHERE_IS, FOLLOW, UNFOLLOW and BOOK next to someone;
`visibility` for PRIVACY. REMINDERS, STOP_REMINDERS and START_REMINDERS need no field:
a switch is only STOP_ or START_REMINDERS for every reminder kind at once, so a day or
one kind of reminder named ("stop reminders tomorrow", "stop the daily reminder") gives
REMINDERS, the settings card, instead; dates named are kept in `dates` all the same.
MY_DATA and DELETE_MY_DATA need no field either: they are always about the user's own
data (someone else's is never MY_DATA), and deleting is confirmed on a card first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from werkplek.dayparts import DayPart


class Intent(StrEnum):
    BOOK = "book"  # book a desk (also: "I'll be in the office Thursday", a bare date)
    LIST = "list"  # my bookings
    CANCEL = "cancel"  # cancel a booking
    HELP = "help"  # help, what can you do, greetings
    UNKNOWN = "unknown"
    TELEWORK = "telework"  # register home work: "ik werk morgen thuis", "wfh Friday"
    CANCEL_TELEWORK = "cancel_telework"  # "annuleer thuiswerk vrijdag", "not WFH Friday after all"
    TELEWORK_OVERVIEW = "telework_overview"  # "mijn thuiswerk deze maand", "telework in November"
    PERMANENCE = "permanence"  # a manager's coverage view: "who is on duty this week"
    SET_PERMANENCE = "set_permanence"  # "zet An op permanentie vrijdag", "An has duty on Friday"
    # Presence, who is where (see `presence`):
    WHO_IS_IN = "who_is_in"  # "who's in Thursday?", "wie is er donderdag", "qui vient demain"
    WHERE_IS = "where_is"  # "where is Bert on Tuesday?", "komt An donderdag?"; `person`
    TEAM_WEEK = "team_week"  # "my team this week", "ons team volgende week"; `period` a week
    FOLLOW = "follow"  # "follow Bert", "voeg An toe aan mijn favorieten"; `person`
    UNFOLLOW = "unfollow"  # "stop following Bert", "ne plus suivre Chloé"; `person`
    PRIVACY = "privacy"  # "show my plans to my team", "verberg mijn planning"; `visibility`
    # Proactive reminders (see `reminders`):
    REMINDERS = "reminders"  # the settings card: "reminders", "herinneringen", "rappels"
    STOP_REMINDERS = "stop_reminders"  # "stop reminders", "geen herinneringen meer"
    START_REMINDERS = "start_reminders"  # "turn reminders back on", "active les rappels"
    # The user's own data, GDPR (see `my_data`):
    MY_DATA = "my_data"  # everything stored about me: "my data", "mijn gegevens", "mes données"
    DELETE_MY_DATA = "delete_my_data"  # "delete my data", "vergeet mij", "supprime mes données"


# `Understanding.visibility`: who may see the user's plans.
VISIBILITY_TEAM = "team"  # own team(s) and accepted followers
VISIBILITY_EVERYONE = "everyone"
VISIBILITY_NOBODY = "nobody"


class DateProblem(StrEnum):
    """A date was mentioned but could not be turned into a day."""

    INVALID = "invalid"  # e.g. "31 februari", "31/02", "2026-13-01"


@dataclass(frozen=True)
class PlaceName:
    """A zone or desk the user may name. `key` is what the caller gets back."""

    key: str  # zone: "site_id/zone_id"; desk: "site_id/zone_id/desk_id"
    names: tuple[str, ...]  # zone: its id and display names; desk: its id (e.g. "2.03")


@dataclass(frozen=True)
class Places:
    """The organisation's zones and desks, so that a user can name them."""

    zones: tuple[PlaceName, ...] = ()
    desks: tuple[PlaceName, ...] = ()


@dataclass(frozen=True)
class Recurrence:
    """A weekly repetition: "every Monday and Thursday at home until the end of January".

    The caller expands it into days, from today up to and including `until`.
    """

    weekdays: tuple[int, ...]  # Monday=0 .. Friday=4, sorted, distinct
    until: date  # last day included


@dataclass(frozen=True)
class Understanding:
    intent: Intent
    dates: tuple[date, ...] = ()  # in the order mentioned, without duplicates
    part: DayPart = DayPart.FULL
    zone: str | None = None  # PlaceName.key of a named zone
    desk: str | None = None  # PlaceName.key of a named desk
    date_problem: DateProblem | None = None
    notes: tuple[str, ...] = field(default=())  # free-form debugging hints, never shown to users
    recurrence: Recurrence | None = None  # "every Monday until the end of January"; dates empty
    period: tuple[date, date] | None = None  # first and last day of a named period ("this month")
    # A name as typed ("An", "Chloé Dubois"), never checked against the organisation:
    # who is put on permanence (SET_PERMANENCE), asked about (WHERE_IS), followed or no
    # longer followed (FOLLOW, UNFOLLOW), or sat next to: BOOK with a person is "book next
    # to Bert" (there is no separate `near` flag). None for every other intent.
    person: str | None = None
    # PRIVACY: "team", "everyone" or "nobody" (the VISIBILITY_ constants) when the user
    # chooses; None when only asking or opening the settings, and for every other intent.
    visibility: str | None = None
