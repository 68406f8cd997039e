"""Booking use cases: load a day, let the rules decide, write atomically, retry on a race.

The repository is a Protocol so this module stays free of any storage SDK;
storage/ implements it on Azure Table storage.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Protocol

from werkplek.booking import (
    AlreadyBooked,
    Booking,
    BookingRequest,
    DeskRefusal,
    Person,
    PersonDay,
    Refused,
    Seat,
    ZoneDay,
    plan_booking,
    release,
    zones_with_room,
)
from werkplek.calendar import DayCheck, check_day, working_days_after
from werkplek.dayparts import DayPart
from werkplek.dayplan import DayState
from werkplek.errors import ConcurrentChange
from werkplek.organisation import Organisation, Zone
from werkplek.telework import TeamDay, clear_home, part_of

log = logging.getLogger(__name__)

# Optimistic concurrency: a lost race costs one reload. Dozens of people booking the same
# zone in the same second still converge well within this many attempts.
MAX_ATTEMPTS = 12


class BookingRepository(Protocol):
    async def load_day(self, day: date, person: Person) -> DayState:
        """The person's half days and every zone's and team's state on `day`."""
        ...

    async def load_zones(self, days: list[date]) -> dict[date, dict[str, ZoneDay]]:
        """Every zone's occupancy on each of `days`."""
        ...

    async def load_teams(self, days: list[date]) -> dict[date, dict[str, TeamDay]]:
        """Every team's telework and duty on each of `days`."""
        ...

    async def commit(
        self,
        before: PersonDay | None,
        after: PersonDay | None,
        zones: tuple[ZoneDay, ...] = (),
        teams: tuple[TeamDay, ...] = (),
    ) -> None:
        """Write one day's changes all at once, or raise ConcurrentChange."""
        ...

    async def commit_teams(self, day: date, teams: tuple[TeamDay, ...]) -> None:
        """Write team rows of one day, or raise ConcurrentChange."""
        ...

    async def person_days(self, person: Person, first: date, last: date) -> list[PersonDay]:
        """The person's planned days from `first` to `last`, in date order."""
        ...

    async def everyone_days(self, first: date, last: date) -> list[PersonDay]:
        """Every person's planned days from `first` to `last`."""
        ...


@dataclass(frozen=True)
class DayNotBookable:
    day: date
    check: DayCheck


@dataclass(frozen=True)
class Booked:
    booking: Booking
    moved_from: tuple[Booking, ...] = ()
    telework_cancelled: DayPart | None = None  # the half days that were telework before
    free_seats: tuple[Seat, ...] = ()  # other desks still free then, from the state just written


@dataclass(frozen=True)
class Suggestion:
    """Somewhere else that still has room: another zone the same day, or another day."""

    day: date
    zone: Zone
    free_places: int


@dataclass(frozen=True)
class NoDesk:
    request: BookingRequest
    reason: DeskRefusal
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class Cancelled:
    bookings: tuple[Booking, ...]


@dataclass(frozen=True)
class NothingToCancel:
    day: date


BookOutcome = Booked | AlreadyBooked | NoDesk | DayNotBookable
CancelOutcome = Cancelled | NothingToCancel | DayNotBookable


class BookingService:
    def __init__(self, org: Organisation, repository: BookingRepository) -> None:
        self.org = org
        self.repository = repository

    def check(self, day: date, today: date, language: str = "en") -> DayCheck:
        return check_day(day, today, self.org.policy.booking_horizon_days, language)

    async def book(
        self, person: Person, request: BookingRequest, today: date, language: str = "en"
    ) -> BookOutcome:
        checked = self.check(request.day, today, language)
        if not checked.ok:
            return DayNotBookable(request.day, checked)
        for attempt in range(MAX_ATTEMPTS):
            state = await self.repository.load_day(request.day, person)
            decision = plan_booking(self.org, request, state.person, state.zones)
            if isinstance(decision, AlreadyBooked):
                return decision
            if isinstance(decision, Refused):
                suggestions = await self._suggest(request, state.zones, today)
                return NoDesk(request, decision.reason, suggestions)
            # A half day is office or home: booking a desk takes back telework for it.
            after, teams, cleared = clear_home(
                self.org, decision.person, state.teams, decision.booking.part.halves
            )
            try:
                await self.repository.commit(state.person, after, decision.zones, teams)
            except ConcurrentChange:
                log.debug("lost a booking race on %s, attempt %d", request.day, attempt + 1)
                await back_off(attempt)
                continue
            # What was just written is the day's state: no second read for the other free desks.
            zones_after = {**state.zones, **{z.zone.key: z for z in decision.zones}}
            return Booked(
                decision.booking,
                decision.moved_from,
                part_of(cleared) if cleared else None,
                self._free_seats(zones_after, request.part, decision.booking.seat),
            )
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {request.day}")

    async def cancel(self, person: Person, day: date, part: DayPart, today: date) -> CancelOutcome:
        if day < today:
            return DayNotBookable(day, self.check(day, today))
        for attempt in range(MAX_ATTEMPTS):
            state = await self.repository.load_day(day, person)
            after, changed, cancelled = release(state.person, state.zones, part.halves, self.org)
            if not cancelled:
                return NothingToCancel(day)
            try:
                await self.repository.commit(state.person, after, changed)
            except ConcurrentChange:
                await back_off(attempt)
                continue
            return Cancelled(cancelled)
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")

    async def upcoming(self, person: Person, today: date) -> list[Booking]:
        last = today + timedelta(days=self.org.policy.booking_horizon_days)
        days = await self.repository.person_days(person, today, last)
        return [b for d in days for b in d.bookings()]

    async def free_seats(
        self, day: date, part: DayPart, exclude: Seat | None = None
    ) -> tuple[Seat, ...]:
        """Desks one could still take on `day` (for "choose another desk")."""
        zones = (await self.repository.load_zones([day]))[day]
        return self._free_seats(zones, part, exclude)

    def _free_seats(
        self, zones: dict[str, ZoneDay], part: DayPart, exclude: Seat | None, limit: int = 30
    ) -> tuple[Seat, ...]:
        seats = (
            Seat(zone.key, desk_id)
            for zone in self.org.zones
            for desk_id in zones.get(zone.key, ZoneDay(zone)).free_desks(part.halves)
            if Seat(zone.key, desk_id) != exclude
        )
        return tuple(islice(seats, limit))  # zones are looked at only until there are enough

    async def _suggest(
        self, request: BookingRequest, zones: dict[str, ZoneDay], today: date
    ) -> tuple[Suggestion, ...]:
        """Nearest alternatives: other zones that day, then the asked zone on the next days."""
        halves = request.part.halves
        asked = self.org.zone(request.zone_key) if request.zone_key else None
        site_id = asked.site_id if asked else None
        same_day = [
            Suggestion(request.day, zone, places)
            for zone, places in zones_with_room(self.org, zones, halves, site_id)
            if asked is None or zone.key != asked.key
        ][:3]
        days = working_days_after(request.day, 5, today, self.org.policy.booking_horizon_days)
        later: list[Suggestion] = []
        if days:
            for day, day_zones in sorted((await self.repository.load_zones(days)).items()):
                for zone, places in zones_with_room(self.org, day_zones, halves, site_id):
                    if asked is None or zone.key == asked.key:
                        later.append(Suggestion(day, zone, places))
                        break
                if len(later) == 3:
                    break
        return tuple(same_day + later)


async def back_off(attempt: int) -> None:
    """A short random pause so racing instances do not collide again in lockstep."""
    await asyncio.sleep(random.uniform(0, 0.005 * (2 ** min(attempt, 5))))
