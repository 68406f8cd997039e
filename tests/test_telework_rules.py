"""Telework rules alone: the norm, people who may not telework, permanence, office or home."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from werkplek.booking import Person, PersonDay, Seat, ZoneDay
from werkplek.dayparts import DayPart
from werkplek.organisation import parse_organisation
from werkplek.telework import (
    AlreadyHome,
    HomeStatus,
    TeamDay,
    TeleworkDay,
    TeleworkPlan,
    TeleworkRefusal,
    TeleworkRefused,
    clear_home,
    month_totals,
    plan_telework,
)

THURSDAY = date(2026, 11, 26)
AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL
HOME, REQUESTED = HomeStatus.HOME, HomeStatus.REQUESTED


def org(**policy):
    return parse_organisation(
        {
            "organisation": {"name": "Test"},
            "policy": policy,
            "sites": [{"id": "hq", "zones": [{"id": "a", "capacity": 4, "desks": [{"id": "1"}]}]}],
            "teams": [
                {
                    "id": "t",
                    "managers": ["boss@x.org"],
                    "members": ["an@x.org", "bert@x.org", "chloe@x.org"],
                    "min_on_site": {"mon": 1, "tue": 1, "wed": 1, "thu": 2, "fri": 0},
                },
                {"id": "zero", "members": ["zed@x.org"], "telework_days_per_week": 0},
            ],
            "people": [{"email": "desk@x.org", "telework": False}],
        }
    )


ORG = org()
TEAM = ORG.teams[0]


def day_of(email: str, **home: HomeStatus) -> PersonDay:
    return PersonDay(
        Person(email, email, email), THURSDAY, {}, {DayPart(k): v for k, v in home.items()}
    )


def plan(person: PersonDay, part=FULL, teams=None, week=Decimal(0), zones=None, o=ORG):
    return plan_telework(o, person, part, zones or {}, teams or {}, week)


def test_within_the_norm_a_day_at_home_is_registered_and_the_team_knows():
    result = plan(day_of("an@x.org"))
    assert isinstance(result, TeleworkPlan) and result.status is HOME
    assert result.person.home == {AM: HOME, PM: HOME}
    assert result.teams[0].away_in(AM) == {"an@x.org": HOME}


@pytest.mark.parametrize(
    ("week", "part", "status"),
    [
        (Decimal(1), FULL, HOME),  # the second day of the week: within two
        (Decimal(2), FULL, REQUESTED),  # a third day needs the manager
        (Decimal("1.5"), AM, HOME),  # half days count half
        (Decimal("1.5"), FULL, REQUESTED),
    ],
)
def test_beyond_the_weekly_norm_the_day_is_a_request(week, part, status):
    assert plan(day_of("an@x.org"), part, week=week).status is status


def test_a_team_with_norm_zero_asks_approval_for_every_day():
    assert plan(day_of("zed@x.org")).status is REQUESTED


def test_front_desk_staff_may_not_telework():
    assert plan(day_of("desk@x.org")) == TeleworkRefused(TeleworkRefusal.NOT_ALLOWED)


def test_without_a_known_email_the_rules_cannot_be_checked():
    person = PersonDay(Person("k"), THURSDAY)
    assert plan(person).reason is TeleworkRefusal.NO_EMAIL


def test_permanence_comes_first_and_the_refusal_names_who_is_on_site():
    teams = {"t": TeamDay(TEAM, {AM: {"bert@x.org": HOME}, PM: {"bert@x.org": HOME}})}
    result = plan(day_of("an@x.org"), teams=teams)
    assert result.reason is TeleworkRefusal.PERMANENCE
    assert set(result.on_site) == {"an@x.org", "chloe@x.org"}


def test_permanence_is_counted_per_half_day():
    teams = {"t": TeamDay(TEAM, {AM: {"bert@x.org": HOME}})}
    assert isinstance(plan(day_of("an@x.org"), PM, teams=teams), TeleworkPlan)
    assert plan(day_of("an@x.org"), AM, teams=teams).reason is TeleworkRefusal.PERMANENCE


def test_a_request_waiting_for_approval_already_holds_its_permanence_slot():
    teams = {"t": TeamDay(TEAM, {AM: {"bert@x.org": REQUESTED}, PM: {"bert@x.org": REQUESTED}})}
    assert plan(day_of("an@x.org"), teams=teams).reason is TeleworkRefusal.PERMANENCE


def test_someone_on_permanence_duty_stays_on_site():
    teams = {"t": TeamDay(TEAM, duty=frozenset({"an@x.org"}))}
    assert plan(day_of("an@x.org"), teams=teams).reason is TeleworkRefusal.ON_DUTY


def test_registering_home_cancels_the_desk_booked_for_that_half_day():
    seat = Seat("hq/a", "1")
    zone = ZoneDay(ORG.zone("hq/a"), {AM: {"1": "an@x.org"}, PM: {"1": "an@x.org"}})
    person = PersonDay(Person("an@x.org", "An", "an@x.org"), THURSDAY, {AM: seat, PM: seat})
    result = plan(person, PM, zones={"hq/a": zone})
    assert result.person.seats == {AM: seat} and result.person.home == {PM: HOME}
    assert result.zones[0].occupants(PM) == {} and result.zones[0].occupants(AM) == {
        "1": "an@x.org"
    }
    assert [b.part for b in result.cancelled_bookings] == [PM]


def test_asking_again_for_a_day_at_home_changes_nothing():
    assert plan(day_of("an@x.org", am=HOME, pm=HOME)) == AlreadyHome(HOME)


def test_taking_telework_back_frees_the_teams_slot():
    teams = {"t": TeamDay(TEAM, {AM: {"an@x.org": HOME}, PM: {"an@x.org": HOME}})}
    person, changed, cleared = clear_home(ORG, day_of("an@x.org", am=HOME, pm=HOME), teams, (AM,))
    assert person.home == {PM: HOME} and cleared == (AM,)
    assert changed[0].away_in(AM) == {} and changed[0].away_in(PM) == {"an@x.org": HOME}


def days(*parts: DayPart, status=HOME) -> list[TeleworkDay]:
    return [TeleworkDay(date(2026, 11, 2 + i), p, status) for i, p in enumerate(parts)]


@pytest.mark.parametrize(
    ("policy", "entries", "minutes", "allowance"),
    [
        ({}, days(*[FULL] * 7), 7 * 456, "21.00"),  # 7 days = 53h12 and 21.00 EUR
        ({}, days(FULL, AM), 456 + 228, "3.00"),  # by default a half day earns nothing
        ({"half_day_allowance": "half"}, days(FULL, AM), 684, "4.50"),
        ({"half_day_allowance": "full"}, days(FULL, PM), 684, "6.00"),
        ({}, days(FULL, FULL, status=REQUESTED), 0, "0.00"),  # requests do not count yet
        (
            {"allowance_tiers": [{"days": 1, "amount": 20}, {"days": 5, "amount": 40}]},
            days(*[FULL] * 6),
            6 * 456,
            "40.00",
        ),
        ({"allowance_tiers": [{"days": 1, "amount": 20}]}, days(AM), 228, "0.00"),
        (
            {"allowance_tiers": [{"days": 1, "amount": 20}], "half_day_allowance": "half"},
            days(AM, PM),
            456,
            "20.00",
        ),
    ],
)
def test_a_month_of_telework_is_worth_its_hours_and_allowance(policy, entries, minutes, allowance):
    totals = month_totals(entries, org(**policy).policy)
    assert totals.minutes == minutes
    assert totals.allowance == Decimal(allowance)
