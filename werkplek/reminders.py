"""Proactive reminders: which ones exist, when each is due, and what each one says.

Pure rules, like werkplek/booking.py: the schedule of a local day, a user's settings,
and the content of every reminder kind, computed from the day partitions the caller
loaded. Sending, claiming and pacing live in werkplek/reminder_service.py.

Times are local to the organisation's time zone: `slot()` turns "Thursday 14:00" into
an instant with zoneinfo, so the DST change weeks keep the wall-clock time. Nothing is
sent on weekends or Belgian public holidays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from werkplek.booking import HALVES, PersonDay
from werkplek.calendar import holiday_name
from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation, Team
from werkplek.telework import HomeStatus, TeamDay


class ReminderKind(StrEnum):
    WEEK_PLAN = "week_plan"  # next week's Mon-Fri with Office / Home / Off per day
    DAY_BEFORE = "day_before"  # "tomorrow you are at desk 2.03" or "tomorrow you work from home"
    TELEWORK_MORNING = "telework_morning"  # a usual home day with nothing registered yet
    DUTY = "duty"  # the working day before one's permanence duty
    PERMANENCE_GAPS = "permanence_gaps"  # managers: a day next week below the minimum on site
    PENDING_APPROVALS = "pending_approvals"  # managers: telework requests waiting for them


# Kinds only managers (and admins) receive, and see in their settings card.
MANAGER_KINDS = frozenset({ReminderKind.PERMANENCE_GAPS, ReminderKind.PENDING_APPROVALS})


@dataclass(frozen=True)
class Schedule:
    """When a kind is due: on one weekday of each week (Mon=0) or every working day."""

    at: time
    weekday: int | None = None


SCHEDULES: dict[ReminderKind, Schedule] = {
    ReminderKind.WEEK_PLAN: Schedule(time(14, 0), weekday=3),  # Thursday
    ReminderKind.DAY_BEFORE: Schedule(time(16, 0)),
    ReminderKind.TELEWORK_MORNING: Schedule(time(9, 0)),
    ReminderKind.DUTY: Schedule(time(16, 0)),
    # Friday morning: after the Thursday nudge, people have planned their week.
    ReminderKind.PERMANENCE_GAPS: Schedule(time(10, 0), weekday=4),
    ReminderKind.PENDING_APPROVALS: Schedule(time(9, 0)),
}

# A usual home day: the same weekday was a telework day at least this often in the
# previous HABIT_WEEKS weeks.
HABIT_WEEKS = 4
HABIT_MIN = 2

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$")


class InvalidTime(ValueError):
    """A reminder time that is not HH:MM."""


def parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if not match:
        raise InvalidTime(text)
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class ReminderSetting:
    enabled: bool
    at: time

    def serialize(self) -> str:
        return f"{'on' if self.enabled else 'off'} {self.at:%H:%M}"

    @classmethod
    def parse(cls, text: str, default: ReminderSetting) -> ReminderSetting:
        """Stored form "on 14:00"; anything unreadable falls back to the default."""
        if not isinstance(text, str):
            return default
        state, _, clock = text.partition(" ")
        try:
            at = parse_time(clock)
        except InvalidTime:
            return default
        if state not in ("on", "off"):
            return default
        return cls(state == "on", at)


DEFAULT_SETTING = {kind: ReminderSetting(True, s.at) for kind, s in SCHEDULES.items()}


@dataclass(frozen=True)
class ReminderSettings:
    """One user's choices; kinds they never changed follow the defaults."""

    chosen: dict[ReminderKind, ReminderSetting] = field(default_factory=dict)

    def of(self, kind: ReminderKind) -> ReminderSetting:
        return self.chosen.get(kind, DEFAULT_SETTING[kind])

    def changed(self, kind: ReminderKind, setting: ReminderSetting) -> ReminderSettings:
        return replace(self, chosen={**self.chosen, kind: setting})

    def all(self, enabled: bool) -> ReminderSettings:
        """Every kind on or off, keeping the chosen times."""
        return ReminderSettings({k: ReminderSetting(enabled, self.of(k).at) for k in ReminderKind})

    @property
    def any_enabled(self) -> bool:
        return any(self.of(k).enabled for k in ReminderKind)

    def serialize(self) -> dict[str, str]:
        return {kind.value: setting.serialize() for kind, setting in self.chosen.items()}

    @classmethod
    def parse(cls, stored: dict[str, str]) -> ReminderSettings:
        chosen = {}
        for kind in ReminderKind:
            if kind.value in stored:
                chosen[kind] = ReminderSetting.parse(stored[kind.value], DEFAULT_SETTING[kind])
        return cls(chosen)


# --- the calendar of reminders -------------------------------------------------------------


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: date) -> date:
    following = day + timedelta(days=1)
    while not is_working_day(following):
        following += timedelta(days=1)
    return following


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_day(kind: ReminderKind, any_day_in_week: date) -> date | None:
    """The day a weekly kind goes out in that week: its weekday, or the working day before
    it in the same week when that is a holiday (Ascension is always a Thursday)."""
    weekday = SCHEDULES[kind].weekday
    if weekday is None:
        return None
    monday = monday_of(any_day_in_week)
    candidate = monday + timedelta(days=weekday)
    while candidate >= monday:
        if is_working_day(candidate):
            return candidate
        candidate -= timedelta(days=1)
    return None


def goes_out_on(kind: ReminderKind, day: date) -> bool:
    if not is_working_day(day):
        return False
    if SCHEDULES[kind].weekday is None:
        return True
    return weekly_day(kind, day) == day


def slot(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The instant of local wall-clock `at` on `day` (zoneinfo resolves DST)."""
    return datetime.combine(day, at, tzinfo=tz)


def subject_day(kind: ReminderKind, day: date) -> date:
    """The day a reminder sent on `day` is about."""
    if kind in (ReminderKind.DAY_BEFORE, ReminderKind.DUTY):
        return next_working_day(day)
    return day


def next_week(day: date) -> list[date]:
    monday = monday_of(day) + timedelta(days=7)
    return [monday + timedelta(days=i) for i in range(5)]


# --- what each reminder says ---------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """Someone the bot can reach in their personal chat."""

    key: str
    name: str
    email: str | None
    language: str
    settings: ReminderSettings = ReminderSettings()


@dataclass(frozen=True)
class Gap:
    """A team short of people on site in one half day."""

    team: Team
    day: date
    part: DayPart  # FULL when both halves miss the same number
    missing: int


@dataclass(frozen=True)
class PlannedDay:
    day: date
    plan: PersonDay | None  # None: nothing planned
    holiday: str | None = None  # the holiday's name (English); no buttons then
    gaps: tuple[Gap, ...] = ()  # of the recipient's own teams


@dataclass(frozen=True)
class WeekPlan:
    days: tuple[PlannedDay, ...]
    telework: bool = True  # False for front-desk staff and others who may not work from home


@dataclass(frozen=True)
class DayBefore:
    plan: PersonDay  # the next working day: a seat (one or two halves) or telework


@dataclass(frozen=True)
class TeleworkMorning:
    day: date


@dataclass(frozen=True)
class Duty:
    day: date
    teams: tuple[Team, ...]


@dataclass(frozen=True)
class PermanenceGaps:
    gaps: tuple[Gap, ...]  # of the teams the recipient manages, next week


@dataclass(frozen=True)
class PendingRequest:
    team: Team
    requester_key: str  # what the approve / decline buttons send (see Decide)
    name: str
    day: date
    part: DayPart


@dataclass(frozen=True)
class PendingApprovals:
    requests: tuple[PendingRequest, ...]


Content = WeekPlan | DayBefore | TeleworkMorning | Duty | PermanenceGaps | PendingApprovals


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    recipient: Recipient
    day: date  # the local day it goes out
    content: Content


def may_receive(org: Organisation, kind: ReminderKind, email: str | None) -> bool:
    if kind in MANAGER_KINDS:
        return bool(org.teams_managed_by(email))
    if kind in (ReminderKind.TELEWORK_MORNING,):
        return org.may_telework(email)
    return True


def team_gaps(team_day: TeamDay | None, team: Team, day: date) -> tuple[Gap, ...]:
    """The team's shortfall that day, one Gap for the whole day when both halves agree."""
    day_row = team_day or TeamDay(team)
    missing = {half: day_row.shortfall(day, half) for half in HALVES}
    if missing[DayPart.MORNING] == missing[DayPart.AFTERNOON]:
        n = missing[DayPart.MORNING]
        return (Gap(team, day, DayPart.FULL, n),) if n else ()
    return tuple(Gap(team, day, half, n) for half, n in missing.items() if n)


def week_plan(
    org: Organisation,
    recipient: Recipient,
    days: list[date],
    plans: dict[date, dict[str, PersonDay]],
    teams: dict[date, dict[str, TeamDay]],
) -> WeekPlan:
    own = org.teams_of(recipient.email)
    planned = []
    for day in days:
        holiday = holiday_name(day)
        gaps: tuple[Gap, ...] = ()
        if holiday is None:
            for team in own:
                gaps += team_gaps(teams.get(day, {}).get(team.id), team, day)
        planned.append(PlannedDay(day, plans.get(day, {}).get(recipient.key), holiday, gaps))
    return WeekPlan(tuple(planned), org.may_telework(recipient.email))


def day_before(plan: PersonDay | None) -> DayBefore | None:
    """Only when something is planned: a reminder of nothing would be noise."""
    if plan is None or plan.is_empty:
        return None
    return DayBefore(plan)


def telework_morning(
    org: Organisation,
    recipient: Recipient,
    today: date,
    today_plan: PersonDay | None,
    earlier: list[PersonDay | None],
) -> TeleworkMorning | None:
    """Nothing registered today, and today's weekday is one of the person's usual home days."""
    if not org.may_telework(recipient.email):
        return None
    if today_plan is not None and not today_plan.is_empty:
        return None
    at_home = sum(1 for d in earlier if d is not None and HomeStatus.HOME.value in d.home.values())
    return TeleworkMorning(today) if at_home >= HABIT_MIN else None


def duty(recipient: Recipient, day: date, teams: dict[str, TeamDay]) -> Duty | None:
    email = (recipient.email or "").casefold()
    if not email:
        return None
    on = tuple(t.team for t in teams.values() if email in t.duty)
    return Duty(day, on) if on else None


def permanence_gaps(
    org: Organisation,
    recipient: Recipient,
    days: list[date],
    teams: dict[date, dict[str, TeamDay]],
) -> PermanenceGaps | None:
    gaps: tuple[Gap, ...] = ()
    for team in org.teams_managed_by(recipient.email):
        for day in days:
            if is_working_day(day):
                gaps += team_gaps(teams.get(day, {}).get(team.id), team, day)
    return PermanenceGaps(gaps) if gaps else None


def pending_approvals(
    org: Organisation, recipient: Recipient, requested: list[PersonDay]
) -> PendingApprovals | None:
    """Requests waiting in the teams the recipient manages, never their own, by day.

    `requested`: the person days holding a half day in status "requested".
    """
    own = (recipient.email or "").casefold()
    managed = org.teams_managed_by(recipient.email)
    requests = []
    for plan in sorted(requested, key=lambda p: (p.day, p.person.name, p.person.key)):
        email = (plan.person.email or "").casefold()
        team = next((t for t in managed if email in t.members), None)
        if team is None or email == own:
            continue
        halves = [h for h in HALVES if plan.home.get(h) == HomeStatus.REQUESTED.value]
        if not halves:
            continue
        part = DayPart.FULL if len(halves) == 2 else halves[0]
        name = org.display_name(email) or plan.person.name or email
        requests.append(PendingRequest(team, plan.person.key, name, plan.day, part))
    return PendingApprovals(tuple(requests)) if requests else None
