"""Telework use cases: register, take back, approve, month totals, permanence duty.

Same pattern as booking_service: load a day, let the rules decide, write the
person, zones and teams in one transaction, reload and decide again on a race.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from werkplek.booking import Booking, Person, PersonDay
from werkplek.booking_service import MAX_ATTEMPTS, BookingRepository, back_off
from werkplek.calendar import DayCheck, check_day, working_days_after
from werkplek.dayparts import DayPart
from werkplek.errors import ConcurrentChange
from werkplek.organisation import Organisation, Team
from werkplek.telework import (
    AlreadyHome,
    HomeStatus,
    MonthTotals,
    TeamDay,
    TeleworkPlan,
    TeleworkRefusal,
    TeleworkRefused,
    clear_home,
    day_units,
    month_totals,
    part_of,
    plan_telework,
    telework_days,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Registered:
    day: date
    part: DayPart
    status: HomeStatus  # HOME, or REQUESTED when beyond the norm
    cancelled_bookings: tuple[Booking, ...] = ()
    norm: int = 0
    managers: tuple[str, ...] = ()  # who decides on a request (e-mails)


@dataclass(frozen=True)
class NotRegistered:
    day: date
    refusal: TeleworkRefused
    other_days: tuple[date, ...] = ()  # days that still keep the team's permanence


@dataclass(frozen=True)
class StillHome:
    day: date
    status: HomeStatus


@dataclass(frozen=True)
class DayClosed:
    day: date
    check: DayCheck


@dataclass(frozen=True)
class TeleworkTakenBack:
    day: date
    part: DayPart


@dataclass(frozen=True)
class NoTelework:
    day: date


class DecisionRefusal:
    NOT_MANAGER = "not_manager"
    NOTHING_PENDING = "nothing_pending"


@dataclass(frozen=True)
class Decided:
    requester: Person
    day: date
    part: DayPart
    approved: bool


@dataclass(frozen=True)
class NotDecided:
    reason: str  # a DecisionRefusal value
    day: date


@dataclass(frozen=True)
class DutySet:
    team: Team
    email: str
    day: date


@dataclass(frozen=True)
class DutyRefused:
    reason: str  # "not_manager", "not_member", "at_home", "closed"
    team: Team | None
    email: str | None
    day: date


@dataclass(frozen=True)
class PermanenceView:
    """The permanence overview one person may see: only their own and managed teams."""

    teams: tuple[Team, ...]  # managed teams first, then the teams they are a member of
    managed: frozenset[str]  # ids of the teams they manage (or all, for an admin)
    coverage: dict[date, dict[str, TeamDay]]  # of `teams` only

    @property
    def shared_by_choice(self) -> frozenset[str]:
        """Members whose names depend on their own sharing choice (teams not managed):
        a manager sees their team's names, permanence is their job."""
        return frozenset(
            e for team in self.teams if team.id not in self.managed for e in team.members
        )


RegisterOutcome = Registered | NotRegistered | StillHome | DayClosed


class TeleworkService:
    def __init__(self, org: Organisation, repository: BookingRepository) -> None:
        self.org = org
        self.repository = repository

    def _check(self, day: date, today: date, language: str) -> DayCheck:
        return check_day(day, today, self.org.policy.telework_horizon_days, language)

    async def register(
        self, person: Person, day: date, part: DayPart, today: date, language: str = "en"
    ) -> RegisterOutcome:
        checked = self._check(day, today, language)
        if not checked.ok:
            return DayClosed(day, checked)
        for attempt in range(MAX_ATTEMPTS):
            state = await self.repository.load_day(day, person)
            week = await self._home_days_this_week(person, day)
            plan = plan_telework(self.org, state.person, part, state.zones, state.teams, week)
            if isinstance(plan, AlreadyHome):
                return StillHome(day, plan.status)
            if isinstance(plan, TeleworkRefused):
                other = ()
                if plan.reason is TeleworkRefusal.PERMANENCE:
                    other = await self._days_that_work(state.person, part, today)
                return NotRegistered(day, plan, other)
            if await self._commit(state.person, plan, attempt):
                return Registered(
                    day,
                    plan.part,
                    plan.status,
                    plan.cancelled_bookings,
                    self.org.telework_norm(person.email),
                    self._managers_of(person.email),
                )
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")

    async def take_back(
        self, person: Person, day: date, part: DayPart, today: date
    ) -> TeleworkTakenBack | NoTelework | DayClosed:
        if day < today:
            return DayClosed(day, check_day(day, today, self.org.policy.telework_horizon_days))
        for attempt in range(MAX_ATTEMPTS):
            state = await self.repository.load_day(day, person)
            after, teams, cleared = clear_home(self.org, state.person, state.teams, part.halves)
            if not cleared:
                return NoTelework(day)
            try:
                await self.repository.commit(state.person, after, (), teams)
            except ConcurrentChange:
                await back_off(attempt)
                continue
            return TeleworkTakenBack(day, part_of(cleared))
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")

    async def month(self, person: Person, first: date, last: date) -> MonthTotals:
        days = await self.repository.person_days(person, first, last)
        return month_totals([t for d in days for t in telework_days(d)], self.org.policy)

    async def decide(
        self, manager: Person, requester: Person, day: date, part: DayPart, approve: bool
    ) -> Decided | NotDecided:
        """A manager approves or declines a request; only the requester's own managers may."""
        for attempt in range(MAX_ATTEMPTS):
            state = await self.repository.load_day(day, requester)
            who = state.person.person
            same = (manager.email or "").casefold() == (who.email or "").casefold()
            if same or not self._manages(manager.email, who.email):
                return NotDecided(DecisionRefusal.NOT_MANAGER, day)
            pending = tuple(
                h for h in part.halves if state.person.home.get(h) == HomeStatus.REQUESTED
            )
            if not pending:
                return NotDecided(DecisionRefusal.NOTHING_PENDING, day)
            if approve:
                home = {**state.person.home, **dict.fromkeys(pending, HomeStatus.HOME)}
                after = replace(state.person, home=home)
                teams = tuple(
                    (state.teams.get(t.id) or TeamDay(t)).with_away(
                        who.email or "", pending, HomeStatus.HOME
                    )
                    for t in self.org.teams_of(who.email)
                )
            else:
                after, teams, _ = clear_home(self.org, state.person, state.teams, pending)
            try:
                await self.repository.commit(state.person, after, (), teams)
            except ConcurrentChange:
                await back_off(attempt)
                continue
            return Decided(who, day, part_of(pending), approve)
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")

    async def coverage(self, days: list[date]) -> dict[date, dict[str, TeamDay]]:
        """Every team's telework and duty on each day (for the rules; people see
        `permanence`, which keeps to their own teams)."""
        loaded = await self.repository.load_teams(days)
        return {
            day: {t.id: loaded[day].get(t.id) or TeamDay(t) for t in self.org.teams} for day in days
        }

    def permanence_teams(self, email: str | None) -> tuple[Team, ...]:
        """The teams whose permanence `email` may see: managed ones first, then their own."""
        teams = list(self.org.teams_managed_by(email))
        teams += [t for t in self.org.teams_of(email) if t not in teams]
        return tuple(teams)

    async def permanence(self, viewer: Person, days: list[date]) -> PermanenceView:
        """Coverage of the viewer's own and managed teams, never of another team."""
        teams = self.permanence_teams(viewer.email)
        managed = frozenset(t.id for t in self.org.teams_managed_by(viewer.email))
        if not teams or not days:
            return PermanenceView(teams, managed, {day: {} for day in days})
        everyone = await self.coverage(days)
        coverage = {day: {t.id: everyone[day][t.id] for t in teams} for day in days}
        return PermanenceView(teams, managed, coverage)

    async def set_duty(
        self, manager: Person, team: Team, email: str, day: date, today: date
    ) -> DutySet | DutyRefused:
        """Put a member on permanence duty: they stay on site that day. Only a manager of
        that team (or an admin) may."""
        if team.id not in {t.id for t in self.org.teams_managed_by(manager.email)}:
            return DutyRefused("not_manager", team, email, day)
        email = email.casefold()
        if email not in team.members:
            return DutyRefused("not_member", team, email, day)
        if not check_day(day, today, self.org.policy.telework_horizon_days).ok:
            return DutyRefused("closed", team, email, day)
        for attempt in range(MAX_ATTEMPTS):
            team_day = (await self.coverage([day]))[day][team.id]
            if any(email in team_day.away_in(h) for h in (DayPart.MORNING, DayPart.AFTERNOON)):
                return DutyRefused("at_home", team, email, day)
            try:
                await self.repository.commit_teams(
                    day, (replace(team_day, duty=team_day.duty | {email}),)
                )
            except ConcurrentChange:
                await back_off(attempt)
                continue
            return DutySet(team, email, day)
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")

    async def _commit(self, before: PersonDay, plan: TeleworkPlan, attempt: int) -> bool:
        try:
            await self.repository.commit(before, plan.person, plan.zones, plan.teams)
        except ConcurrentChange:
            await back_off(attempt)
            return False
        return True

    async def _home_days_this_week(self, person: Person, day: date) -> Decimal:
        monday = day - timedelta(days=day.weekday())
        days = await self.repository.person_days(person, monday, monday + timedelta(days=6))
        return sum(
            # The halves asked for now are not at home yet; the day's other half counts.
            (day_units(t.part) for d in days for t in telework_days(d)),
            Decimal(0),
        )

    async def _days_that_work(
        self, person: PersonDay, part: DayPart, today: date
    ) -> tuple[date, ...]:
        """The next working days on which the person's teams keep their minimum on site."""
        email = person.person.email or ""
        days = working_days_after(person.day, 10, today, self.org.policy.telework_horizon_days)
        if not days:
            return ()
        coverage = await self.coverage(days)
        good = [
            day
            for day in days
            if all(
                not coverage[day][t.id]
                .with_away(email, part.halves, HomeStatus.HOME)
                .shortfall(day, h)
                and email not in coverage[day][t.id].duty
                for t in self.org.teams_of(email)
                for h in part.halves
            )
        ]
        return tuple(good[:3])

    def _manages(self, manager_email: str | None, requester_email: str | None) -> bool:
        if manager_email and manager_email.casefold() in self.org.admins:
            return True
        return any(
            t in self.org.teams_managed_by(manager_email)
            for t in self.org.teams_of(requester_email)
        )

    def _managers_of(self, email: str | None) -> tuple[str, ...]:
        """Who decides on the person's requests: their managers, never themselves (else admins)."""
        me = (email or "").casefold()
        managers = [m for t in self.org.teams_of(email) for m in t.managers if m != me]
        return tuple(dict.fromkeys(managers or [a for a in self.org.admins if a != me]))
