"""Periods: this/next/last week, this/last/next month, a month named alone."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import (
    DECEMBER,
    LAST_WEEK,
    MONDAY,
    NEXT_THURSDAY,
    NEXT_WEEK,
    NOVEMBER,
    OCTOBER,
    SUNDAY,
    THIS_WEEK,
    THURSDAY,
)
from werkplek.language import Intent, parse

JANUARY_2027 = date(2027, 1, 13)
DECEMBER_2026 = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # en
        ("permanence next week", NEXT_WEEK),
        ("who is on duty this week", THIS_WEEK),
        ("permanence last week", LAST_WEEK),
        # nl
        ("permanentie volgende week", NEXT_WEEK),
        ("wie heeft permanentie deze week", THIS_WEEK),
        ("permanentie vorige week", LAST_WEEK),
        # fr
        ("permanence la semaine prochaine", NEXT_WEEK),
        ("qui est de permanence cette semaine", THIS_WEEK),
        ("permanence la semaine dernière", LAST_WEEK),
    ],
)
def test_a_week_named_alone_is_monday_to_friday_of_that_iso_week(
    text: str, period: tuple[date, date]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.PERMANENCE
    assert understanding.period == period
    assert understanding.dates == ()


@pytest.mark.parametrize(
    "text", ["permanence this week", "permanentie deze week", "permanence cette semaine"]
)
def test_this_week_said_on_a_sunday_is_the_week_ending_that_day(text: str) -> None:
    assert parse(text, SUNDAY).period == THIS_WEEK


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # en
        ("my telework this month", NOVEMBER),
        ("telework last month", OCTOBER),
        ("telework next month", DECEMBER),
        ("telework current month", NOVEMBER),
        # nl
        ("mijn thuiswerk deze maand", NOVEMBER),
        ("thuiswerk vorige maand", OCTOBER),
        ("thuiswerk afgelopen maand", OCTOBER),
        ("thuiswerk volgende maand", DECEMBER),
        # fr
        ("mon télétravail ce mois-ci", NOVEMBER),
        ("télétravail ce mois", NOVEMBER),
        ("télétravail le mois dernier", OCTOBER),
        ("télétravail le mois passé", OCTOBER),
        ("télétravail le mois prochain", DECEMBER),
    ],
)
def test_this_last_and_next_month_are_whole_months(text: str, period: tuple[date, date]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK_OVERVIEW
    assert understanding.period == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("telework last month", DECEMBER_2026),
        ("thuiswerk vorige maand", DECEMBER_2026),
        ("télétravail le mois dernier", DECEMBER_2026),
    ],
)
def test_last_month_in_january_is_last_years_december(text: str, period: tuple[date, date]) -> None:
    assert parse(text, JANUARY_2027).period == period


JANUARY_2026 = (date(2026, 1, 1), date(2026, 1, 31))
MAY_2026 = (date(2026, 5, 1), date(2026, 5, 31))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # en
        ("telework in November", NOVEMBER),
        ("telework in October", OCTOBER),
        ("telework in January", JANUARY_2026),
        ("telework in may", MAY_2026),
        ("telework in November 2025", (date(2025, 11, 1), date(2025, 11, 30))),
        # nl
        ("thuiswerk in oktober", OCTOBER),
        ("thuiswerkdagen in januari", JANUARY_2026),
        ("mijn thuiswerk in februari", (date(2026, 2, 1), date(2026, 2, 28))),
        # fr
        ("télétravail en novembre", NOVEMBER),
        ("mes jours de télétravail en octobre", OCTOBER),
        ("télétravail en janvier", JANUARY_2026),
    ],
)
def test_a_month_named_in_a_telework_overview_looks_back(
    text: str, period: tuple[date, date]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK_OVERVIEW
    assert understanding.period == period


@pytest.mark.parametrize(
    "text", ["my telework in December", "mijn thuiswerk in december", "mon télétravail en décembre"]
)
def test_the_coming_month_in_a_telework_overview_is_ahead_because_telework_is_planned(
    text: str,
) -> None:
    assert parse(text, MONDAY).period == DECEMBER


@pytest.mark.parametrize(
    "text", ["telework in January", "thuiswerk in januari", "télétravail en janvier"]
)
def test_the_coming_month_in_december_is_next_years_january(text: str) -> None:
    assert parse(text, date(2026, 12, 14)).period == (date(2027, 1, 1), date(2027, 1, 31))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("permanence in December", DECEMBER),
        ("permanentie in januari", (date(2027, 1, 1), date(2027, 1, 31))),
        ("permanence en novembre", NOVEMBER),
        ("my bookings in December", DECEMBER),
        ("mijn reservaties in januari", (date(2027, 1, 1), date(2027, 1, 31))),
        ("mes réservations en décembre", DECEMBER),
    ],
)
def test_a_month_named_outside_a_telework_overview_looks_ahead(
    text: str, period: tuple[date, date]
) -> None:
    assert parse(text, MONDAY).period == period


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("wfh next week Thursday", (NEXT_THURSDAY,)),
        ("thuiswerk volgende week donderdag", (NEXT_THURSDAY,)),
        ("télétravail jeudi de la semaine prochaine", (NEXT_THURSDAY,)),
        ("wfh Thursday this week", (THURSDAY,)),
    ],
)
def test_a_week_with_a_weekday_is_a_day_not_a_period(text: str, dates: tuple[date, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.dates == dates
    assert understanding.period is None


@pytest.mark.parametrize(
    "text",
    [
        "permanence",
        "permanentie",
        "my telework",
        "mijn thuiswerk",
        "mon télétravail",
        "ik werk thuis tot eind januari",
        "may I book a desk",
        "book a desk in 2 weeks",
        "mei",
        "november",
    ],
)
def test_no_period_unless_one_is_named(text: str) -> None:
    assert parse(text, MONDAY).period is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("what did I book for next week?", NEXT_WEEK),
        ("mijn reservaties van deze week", THIS_WEEK),
        ("mes réservations de la semaine prochaine", NEXT_WEEK),
    ],
)
def test_a_booking_list_keeps_the_period_it_names(text: str, period: tuple[date, date]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.LIST
    assert understanding.period == period


@pytest.mark.parametrize("today", [date(1, 1, 1), date(9999, 12, 31), date(1, 1, 3)])
@pytest.mark.parametrize(
    "text",
    [
        "telework last month",
        "thuiswerk volgende maand",
        "permanence la semaine prochaine",
        "telework in December",
        "permanence in January",
        "thuiswerk vorige week",
    ],
)
def test_periods_at_the_ends_of_the_calendar_do_not_crash(today: date, text: str) -> None:
    understanding = parse(text, today)
    assert not any(note.startswith("error") for note in understanding.notes)
