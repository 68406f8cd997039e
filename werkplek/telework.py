"""Telework rules: who may work from home when, what it is worth, and team permanence first.

Pure functions over one day's state, like werkplek/booking.py; the same storage
transaction writes the person's day, the zones and the teams, so permanence holds
when two people ask for the last free slot at the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from werkplek.booking import HALVES, Booking, PersonDay, ZoneDay, release
from werkplek.dayparts import DayPart
from werkplek.organisation import HalfDayAllowance, Organisation, Policy, Team


class HomeStatus(StrEnum):
    HOME = "home"  # registered telework, counts for hours and allowance
    REQUESTED = "requested"  # beyond the norm, waiting for the manager: not telework yet


@dataclass(frozen=True)
class TeamDay:
    """Who of a team is away from the office on one day, and who is on permanence duty."""

    team: Team
    away: dict[DayPart, dict[str, HomeStatus]] = field(default_factory=dict)  # half -> email
    duty: frozenset[str] = frozenset()
    version: object | None = None

    def away_in(self, half: DayPart) -> dict[str, HomeStatus]:
        return self.away.get(half, {})

    def on_site(self, half: DayPart) -> list[str]:
        """Members not registered (or asking) to work from home in that half day."""
        away = self.away_in(half)
        return [m for m in self.team.members if m not in away]

    def shortfall(self, day: date, half: DayPart) -> int:
        """How many people are missing on site for the team's minimum (0 when covered)."""
        return max(0, self.team.min_on_site(day.weekday()) - len(self.on_site(half)))

    def with_away(self, email: str, halves: tuple[DayPart, ...], status: HomeStatus) -> TeamDay:
        away = {h: dict(self.away_in(h)) for h in HALVES}
        for half in halves:
            away[half][email] = status
        return replace(self, away=away)

    def without(self, email: str, halves: tuple[DayPart, ...]) -> TeamDay:
        away = {h: dict(self.away_in(h)) for h in HALVES}
        for half in halves:
            away[half].pop(email, None)
        return replace(self, away=away)


class TeleworkRefusal(StrEnum):
    NOT_ALLOWED = "not_allowed"  # front-desk staff and others with telework: false
    PERMANENCE = "permanence"  # the team would fall below its minimum on site
    ON_DUTY = "on_duty"  # the person is on permanence duty that day
    NO_EMAIL = "no_email"  # we do not know who this is in the organisation


@dataclass(frozen=True)
class TeleworkRefused:
    reason: TeleworkRefusal
    team: Team | None = None
    on_site: tuple[str, ...] = ()  # e-mails of who is on site, for the message


@dataclass(frozen=True)
class AlreadyHome:
    status: HomeStatus


@dataclass(frozen=True)
class TeleworkPlan:
    person: PersonDay
    zones: tuple[ZoneDay, ...]
    teams: tuple[TeamDay, ...]
    status: HomeStatus
    part: DayPart
    cancelled_bookings: tuple[Booking, ...] = ()


def day_units(part: DayPart) -> Decimal:
    return Decimal(1) if part is DayPart.FULL else Decimal("0.5")


def plan_telework(
    org: Organisation,
    person: PersonDay,
    part: DayPart,
    zones: dict[str, ZoneDay],
    teams: dict[str, TeamDay],
    home_days_this_week: Decimal,
) -> TeleworkPlan | TeleworkRefused | AlreadyHome:
    """Register `part` of the person's day as telework, or say why not.

    Beyond the week's norm the day becomes a request for the manager. Permanence is
    checked for every team the person is in; a desk booked for the same half day is
    cancelled (a day is office or home, not both).
    """
    email = person.person.email
    if not email:
        return TeleworkRefused(TeleworkRefusal.NO_EMAIL)
    if not org.may_telework(email):
        return TeleworkRefused(TeleworkRefusal.NOT_ALLOWED)
    halves = tuple(h for h in part.halves if h not in person.home)
    if not halves:
        return AlreadyHome(person.home[part.halves[0]])
    new_part = halves[0] if len(halves) == 1 else DayPart.FULL

    norm = Decimal(org.telework_norm(email))
    status = (
        HomeStatus.HOME
        if home_days_this_week + day_units(new_part) <= norm
        else HomeStatus.REQUESTED
    )
    changed_teams = []
    for team in org.teams_of(email):
        team_day = teams.get(team.id) or TeamDay(team)
        if email in team_day.duty:
            return TeleworkRefused(TeleworkRefusal.ON_DUTY, team)
        after = team_day.with_away(email, halves, status)
        if any(after.shortfall(person.day, h) for h in halves):
            worst = min(halves, key=lambda h: len(team_day.on_site(h)))
            return TeleworkRefused(TeleworkRefusal.PERMANENCE, team, tuple(team_day.on_site(worst)))
        changed_teams.append(after)

    freed, changed_zones, cancelled = release(person, zones, halves, org)
    home = {**freed.home, **dict.fromkeys(halves, status)}
    return TeleworkPlan(
        person=replace(freed, home=home),
        zones=changed_zones,
        teams=tuple(changed_teams),
        status=status,
        part=new_part,
        cancelled_bookings=cancelled,
    )


def clear_home(
    org: Organisation, person: PersonDay, teams: dict[str, TeamDay], halves: tuple[DayPart, ...]
) -> tuple[PersonDay, tuple[TeamDay, ...], tuple[DayPart, ...]]:
    """Take back telework for `halves`: the new day, changed teams, the halves that were home."""
    cleared = tuple(h for h in halves if h in person.home)
    if not cleared:
        return person, (), ()
    email = person.person.email or ""
    changed = tuple(
        (teams.get(t.id) or TeamDay(t)).without(email, cleared) for t in org.teams_of(email)
    )
    home = {h: s for h, s in person.home.items() if h not in cleared}
    return replace(person, home=home), changed, cleared


def part_of(halves: tuple[DayPart, ...]) -> DayPart:
    return DayPart.FULL if len(halves) == 2 else halves[0]


# --- What telework is worth -------------------------------------------------------------


@dataclass(frozen=True)
class TeleworkDay:
    day: date
    part: DayPart
    status: HomeStatus


def minutes_of(part: DayPart, policy: Policy) -> int:
    return policy.full_day_minutes if part is DayPart.FULL else policy.half_day_minutes


def day_allowance(part: DayPart, policy: Policy) -> Decimal:
    """Per-day scheme: the amount one registered day earns (zero under monthly tiers)."""
    if policy.allowance_tiers:
        return Decimal("0.00")
    if part is DayPart.FULL or policy.half_day_allowance is HalfDayAllowance.FULL:
        return policy.allowance_per_day
    if policy.half_day_allowance is HalfDayAllowance.HALF:
        return (policy.allowance_per_day / 2).quantize(Decimal("0.01"))
    return Decimal("0.00")


def counted_days(days: list[TeleworkDay], policy: Policy) -> Decimal:
    """Telework days for a monthly tier: half days count as the half-day rule says."""
    half = {
        HalfDayAllowance.NONE: Decimal(0),
        HalfDayAllowance.HALF: Decimal("0.5"),
        HalfDayAllowance.FULL: Decimal(1),
    }[policy.half_day_allowance]
    return sum(
        (
            Decimal(1) if d.part is DayPart.FULL else half
            for d in days
            if d.status is HomeStatus.HOME
        ),
        Decimal(0),
    )


@dataclass(frozen=True)
class MonthTotals:
    days: tuple[TeleworkDay, ...]  # registered telework, in date order
    requested: tuple[TeleworkDay, ...]  # waiting for approval: not counted
    minutes: int
    allowance: Decimal


def month_totals(days: list[TeleworkDay], policy: Policy) -> MonthTotals:
    """Hours and allowance of a month of telework (the card and the payroll export agree)."""
    home = sorted((d for d in days if d.status is HomeStatus.HOME), key=lambda d: d.day)
    requested = sorted((d for d in days if d.status is HomeStatus.REQUESTED), key=lambda d: d.day)
    if policy.allowance_tiers:
        count = counted_days(home, policy)
        reached = [t.amount for t in policy.allowance_tiers if count >= t.days]
        allowance = reached[-1] if reached else Decimal("0.00")
    else:
        allowance = sum((day_allowance(d.part, policy) for d in home), Decimal("0.00"))
    return MonthTotals(
        days=tuple(home),
        requested=tuple(requested),
        minutes=sum(minutes_of(d.part, policy) for d in home),
        allowance=allowance,
    )


def telework_days(person: PersonDay) -> list[TeleworkDay]:
    """The person's telework on one day, as full or half days."""
    am, pm = person.home.get(DayPart.MORNING), person.home.get(DayPart.AFTERNOON)
    if am and am == pm:
        return [TeleworkDay(person.day, DayPart.FULL, am)]
    return [
        TeleworkDay(person.day, half, status)
        for half, status in ((DayPart.MORNING, am), (DayPart.AFTERNOON, pm))
        if status
    ]


def format_minutes(minutes: int) -> str:
    """Hours as h:mm, the way time registration systems take them (456 -> "7:36")."""
    return f"{minutes // 60}:{minutes % 60:02d}"
