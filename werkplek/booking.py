"""The distancing rules: zone capacity, free neighbour desks, one desk per person per half day.

Pure functions over one day's state. Storage loads the state, these functions
decide, storage writes the result atomically (and reloads when someone else
was faster), so the rules hold across any number of bot instances.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation, Zone

HALVES = (DayPart.MORNING, DayPart.AFTERNOON)


@dataclass(frozen=True)
class Seat:
    zone_key: str  # "site/zone"
    desk_id: str


@dataclass(frozen=True)
class ZoneDay:
    """Who sits where in one zone on one day, per half day. `version` is storage's, opaque here."""

    zone: Zone
    taken: dict[DayPart, dict[str, str]] = field(default_factory=dict)  # half -> desk -> user
    version: object | None = None

    def occupants(self, half: DayPart) -> dict[str, str]:
        return self.taken.get(half, {})

    def refusal(self, desk_id: str, halves: tuple[DayPart, ...]) -> DeskRefusal | None:
        """Why `desk_id` cannot be given for `halves`, or None when it can."""
        if self.zone.desk(desk_id) is None:
            return DeskRefusal.UNKNOWN_DESK
        for half in halves:
            taken = self.occupants(half)
            if desk_id in taken:
                return DeskRefusal.DESK_TAKEN
            if len(taken) >= self.zone.capacity:
                return DeskRefusal.ZONE_FULL
            if self.zone.neighbours_of(desk_id) & taken.keys():
                return DeskRefusal.NEIGHBOUR_TAKEN
        return None

    def free_desks(self, halves: tuple[DayPart, ...]) -> list[str]:
        """Desks that can be given now, in the zone's order."""
        return [d.id for d in self.zone.desks if self.refusal(d.id, halves) is None]

    def free_places(self, halves: tuple[DayPart, ...]) -> int:
        """How many more people fit, by capacity and by desks still allowed."""
        room = min(self.zone.capacity - len(self.occupants(h)) for h in halves)
        return max(0, min(room, len(self.free_desks(halves))))

    def with_seat(self, desk_id: str, halves: tuple[DayPart, ...], user: str) -> ZoneDay:
        taken = {h: dict(self.occupants(h)) for h in HALVES}
        for half in halves:
            taken[half][desk_id] = user
        return replace(self, taken=taken)

    def without_user(self, user: str, halves: tuple[DayPart, ...]) -> ZoneDay:
        taken = {h: dict(self.occupants(h)) for h in HALVES}
        for half in halves:
            taken[half] = {d: u for d, u in taken[half].items() if u != user}
        return replace(self, taken=taken)


@dataclass(frozen=True)
class Person:
    """Who is booking: a stable key for storage, and what we show colleagues."""

    key: str
    name: str = ""
    email: str | None = None


@dataclass(frozen=True)
class PersonDay:
    """One person's seats on one day, per half day."""

    person: Person
    day: date
    seats: dict[DayPart, Seat] = field(default_factory=dict)
    # Telework per half day (werkplek.telework.HomeStatus); a half day is office or home.
    home: dict[DayPart, str] = field(default_factory=dict)
    version: object | None = None

    @property
    def is_empty(self) -> bool:
        return not self.seats and not self.home

    def bookings(self) -> list[Booking]:
        """The seats as bookings: one full-day booking when both halves share a desk."""
        am, pm = self.seats.get(DayPart.MORNING), self.seats.get(DayPart.AFTERNOON)
        if am and am == pm:
            return [Booking(self.day, DayPart.FULL, am)]
        return [
            Booking(self.day, half, seat)
            for half, seat in ((DayPart.MORNING, am), (DayPart.AFTERNOON, pm))
            if seat
        ]

    def without(self, halves: tuple[DayPart, ...]) -> PersonDay:
        return replace(self, seats={h: s for h, s in self.seats.items() if h not in halves})


@dataclass(frozen=True)
class Booking:
    day: date
    part: DayPart
    seat: Seat


class DeskRefusal(StrEnum):
    UNKNOWN_DESK = "unknown_desk"
    DESK_TAKEN = "desk_taken"
    NEIGHBOUR_TAKEN = "neighbour_taken"
    ZONE_FULL = "zone_full"
    ALL_FULL = "all_full"


@dataclass(frozen=True)
class BookingRequest:
    day: date
    part: DayPart = DayPart.FULL
    zone_key: str | None = None  # a zone the user asked for
    desk_id: str | None = None  # a desk the user asked for (within zone_key)

    @property
    def names_a_place(self) -> bool:
        return self.zone_key is not None


@dataclass(frozen=True)
class Plan:
    """What to write: the person's new day and every zone that changes."""

    booking: Booking
    person: PersonDay
    zones: tuple[ZoneDay, ...]
    moved_from: tuple[Booking, ...] = ()


@dataclass(frozen=True)
class AlreadyBooked:
    bookings: tuple[Booking, ...]


@dataclass(frozen=True)
class Refused:
    reason: DeskRefusal
    zone_key: str | None = None
    desk_id: str | None = None


def plan_booking(
    org: Organisation, request: BookingRequest, person: PersonDay, zones: dict[str, ZoneDay]
) -> Plan | AlreadyBooked | Refused:
    """Decide which desk to give, or why none can be given.

    `zones` holds the day's state of every zone of the organisation (missing = empty).
    Asking again without naming a place keeps the booking one has; naming a place moves it.
    """
    halves = request.part.halves
    part = request.part
    if not request.names_a_place:
        # Asking again keeps what one has; only the half days still free get a desk.
        missing = tuple(h for h in halves if h not in person.seats)
        if not missing:
            return AlreadyBooked(_overlapping(person, halves))
        halves = missing
        part = missing[0] if len(missing) == 1 else DayPart.FULL
    held = {h: person.seats[h] for h in halves if h in person.seats}
    if len(held) == len(halves) and all(
        s == Seat(request.zone_key, s.desk_id if request.desk_id is None else request.desk_id)
        for s in held.values()
    ):
        return AlreadyBooked(_overlapping(person, halves))

    # A move frees the seats held for these halves first, so one may move to a neighbour desk.
    state = {key: _zone_day(org, zones, key) for key in (z.key for z in org.zones)}
    for seat in held.values():
        state[seat.zone_key] = state[seat.zone_key].without_user(person.person.key, halves)
    freed_person = person.without(halves)

    seat_or_refusal = _choose(org, request, freed_person, state, halves)
    if isinstance(seat_or_refusal, Refused):
        return seat_or_refusal
    seat = seat_or_refusal
    state[seat.zone_key] = state[seat.zone_key].with_seat(seat.desk_id, halves, person.person.key)
    new_person = replace(freed_person, seats={**freed_person.seats, **dict.fromkeys(halves, seat)})
    changed = {s.zone_key for s in held.values()} | {seat.zone_key}
    return Plan(
        booking=Booking(request.day, part, seat),
        person=new_person,
        zones=tuple(state[k] for k in sorted(changed)),
        moved_from=_overlapping(person, tuple(held)),
    )


def _overlapping(person: PersonDay, halves: tuple[DayPart, ...]) -> tuple[Booking, ...]:
    return tuple(b for b in person.bookings() if set(b.part.halves) & set(halves))


def _zone_day(org: Organisation, zones: dict[str, ZoneDay], key: str) -> ZoneDay:
    if key in zones:
        return zones[key]
    zone = org.zone(key)
    assert zone is not None
    return ZoneDay(zone)


def _choose(
    org: Organisation,
    request: BookingRequest,
    person: PersonDay,
    state: dict[str, ZoneDay],
    halves: tuple[DayPart, ...],
) -> Seat | Refused:
    if request.zone_key is not None:
        zone_day = state.get(request.zone_key)
        if zone_day is None:
            return Refused(DeskRefusal.UNKNOWN_DESK, request.zone_key, request.desk_id)
        if request.desk_id is not None:
            reason = zone_day.refusal(request.desk_id, halves)
            if reason is not None:
                return Refused(reason, request.zone_key, request.desk_id)
            return Seat(request.zone_key, request.desk_id)
        free = zone_day.free_desks(halves)
        if not free:
            return Refused(DeskRefusal.ZONE_FULL, request.zone_key)
        return Seat(request.zone_key, free[0])

    # No place named: keep the person at the desk of their other half day when possible,
    # then fill zones in the order of the organisation file (predictable for everyone).
    for other in person.seats.values():
        if state[other.zone_key].refusal(other.desk_id, halves) is None:
            return other
    for zone in org.zones:
        free = state[zone.key].free_desks(halves)
        if free:
            return Seat(zone.key, free[0])
    return Refused(DeskRefusal.ALL_FULL)


def zones_with_room(
    org: Organisation, zones: dict[str, ZoneDay], halves: tuple[DayPart, ...], site_id: str | None
) -> list[tuple[Zone, int]]:
    """Zones (of one site first, then the others) with free places, for suggestions."""
    result = []
    for zone in org.zones:
        places = _zone_day(org, zones, zone.key).free_places(halves)
        if places:
            result.append((zone, places))
    result.sort(key=lambda item: item[0].site_id != site_id)
    return result


def release(
    person: PersonDay, zones: dict[str, ZoneDay], halves: tuple[DayPart, ...], org: Organisation
) -> tuple[PersonDay, tuple[ZoneDay, ...], tuple[Booking, ...]]:
    """Cancel the seats for `halves`: the new day, the changed zones, the cancelled bookings."""
    held = {h: s for h, s in person.seats.items() if h in halves}
    cancelled = tuple(
        replace(b, part=b.part if set(b.part.halves) <= set(halves) else _only(b.part, halves))
        for b in person.bookings()
        if set(b.part.halves) & held.keys()
    )
    changed = []
    for key in sorted({s.zone_key for s in held.values()}):
        changed.append(_zone_day(org, zones, key).without_user(person.person.key, tuple(held)))
    return person.without(halves), tuple(changed), cancelled


def _only(part: DayPart, halves: tuple[DayPart, ...]) -> DayPart:
    kept = [h for h in part.halves if h in halves]
    return kept[0] if len(kept) == 1 else part
