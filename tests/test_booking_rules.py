"""The distancing rules alone, without storage or bot: capacity, neighbours, half days."""

from __future__ import annotations

from datetime import date

import pytest

from werkplek.booking import (
    AlreadyBooked,
    BookingRequest,
    DeskRefusal,
    Person,
    PersonDay,
    Plan,
    Refused,
    Seat,
    ZoneDay,
    plan_booking,
    release,
)
from werkplek.dayparts import DayPart
from werkplek.organisation import parse_organisation

DAY = date(2026, 11, 26)
ORG = parse_organisation(
    {
        "organisation": {"name": "Test"},
        "sites": [
            {
                "id": "hq",
                "zones": [
                    {
                        "id": "a",
                        "capacity": 2,
                        "desks": [
                            {"id": "1", "neighbours": ["2"]},
                            {"id": "2", "neighbours": ["3"]},
                            {"id": "3"},
                            {"id": "4"},
                        ],
                    },
                    {"id": "b", "capacity": 1, "desks": [{"id": "9"}]},
                ],
            }
        ],
    }
)
A, B = ORG.zone("hq/a"), ORG.zone("hq/b")
AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL


def me(**seats: Seat) -> PersonDay:
    return PersonDay(Person("me"), DAY, {DayPart(k): v for k, v in seats.items()})


def taken(zone, **halves: dict[str, str]) -> ZoneDay:
    return ZoneDay(zone, {DayPart(h): dict(v) for h, v in halves.items()})


@pytest.mark.parametrize(
    ("state", "desk", "part", "reason"),
    [
        ({"am": {"1": "x"}}, "1", FULL, DeskRefusal.DESK_TAKEN),
        ({"am": {"1": "x"}}, "2", AM, DeskRefusal.NEIGHBOUR_TAKEN),
        ({"am": {"3": "x"}}, "2", AM, DeskRefusal.NEIGHBOUR_TAKEN),  # neighbours work both ways
        ({"am": {"1": "x", "4": "y"}}, "3", AM, DeskRefusal.ZONE_FULL),
        ({}, "7", AM, DeskRefusal.UNKNOWN_DESK),
    ],
)
def test_a_desk_is_refused_for_the_right_reason(state, desk, part, reason):
    zone_day = taken(A, **state)
    decision = plan_booking(ORG, BookingRequest(DAY, part, "hq/a", desk), me(), {A.key: zone_day})
    assert decision == Refused(reason, "hq/a", desk)


@pytest.mark.parametrize(
    ("state", "desk", "part"),
    [
        ({"am": {"1": "x"}}, "1", PM),  # the afternoon of a desk taken in the morning
        ({"am": {"1": "x"}}, "3", FULL),  # not a neighbour of 1
        ({"pm": {"1": "x", "4": "y"}}, "3", AM),  # capacity counts per half day
    ],
)
def test_a_desk_is_given_when_the_rules_allow_it(state, desk, part):
    decision = plan_booking(
        ORG, BookingRequest(DAY, part, "hq/a", desk), me(), {A.key: taken(A, **state)}
    )
    assert isinstance(decision, Plan)
    assert decision.booking.seat == Seat("hq/a", desk)
    assert all(decision.person.seats[h] == Seat("hq/a", desk) for h in part.halves)


def test_without_a_place_the_first_allowed_desk_of_the_first_zone_with_room_is_given():
    zones = {A.key: taken(A, am={"1": "x", "3": "y"})}
    decision = plan_booking(ORG, BookingRequest(DAY, FULL), me(), zones)
    assert decision.booking.seat == Seat("hq/b", "9")


def test_when_every_zone_is_full_the_refusal_says_so():
    zones = {A.key: taken(A, am={"1": "x", "3": "y"}), B.key: taken(B, am={"9": "z"})}
    assert plan_booking(ORG, BookingRequest(DAY, AM), me(), zones) == Refused(DeskRefusal.ALL_FULL)


def test_asking_again_without_a_place_keeps_the_booking():
    seat = Seat("hq/a", "1")
    zones = {A.key: taken(A, am={"1": "me"}, pm={"1": "me"})}
    decision = plan_booking(ORG, BookingRequest(DAY, FULL), me(am=seat, pm=seat), zones)
    assert isinstance(decision, AlreadyBooked)


def test_asking_for_the_whole_day_with_a_morning_booked_adds_the_afternoon_at_the_same_desk():
    seat = Seat("hq/a", "4")
    decision = plan_booking(
        ORG, BookingRequest(DAY, FULL), me(am=seat), {A.key: taken(A, am={"4": "me"})}
    )
    assert isinstance(decision, Plan)
    assert decision.booking.part is PM and decision.booking.seat == seat
    assert decision.person.seats == {AM: seat, PM: seat}


def test_moving_may_go_to_the_neighbour_of_ones_own_desk():
    seat = Seat("hq/a", "1")
    zones = {A.key: taken(A, am={"1": "me"}, pm={"1": "me"})}
    decision = plan_booking(
        ORG, BookingRequest(DAY, FULL, "hq/a", "2"), me(am=seat, pm=seat), zones
    )
    assert isinstance(decision, Plan)
    (zone_after,) = decision.zones
    assert zone_after.occupants(AM) == {"2": "me"} and zone_after.occupants(PM) == {"2": "me"}
    assert [b.seat for b in decision.moved_from] == [seat]


def test_cancelling_the_morning_of_a_full_day_keeps_the_afternoon():
    seat = Seat("hq/a", "1")
    zones = {A.key: taken(A, am={"1": "me"}, pm={"1": "me"})}
    person, changed, cancelled = release(me(am=seat, pm=seat), zones, (AM,), ORG)
    assert person.seats == {PM: seat}
    assert changed[0].occupants(AM) == {} and changed[0].occupants(PM) == {"1": "me"}
    assert [(b.part, b.seat) for b in cancelled] == [(AM, seat)]
