"""Impossible dates are reported as a problem, never returned as a day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import MONDAY, TUESDAY
from werkplek.language import DateProblem, parse


@pytest.mark.parametrize(
    "text",
    [
        # nl
        "31 februari",
        "30 februari",
        "boek een plek op 31 april",
        "32 december",
        "0 december",
        # fr
        "30 février",
        "le 31 juin",
        "31 septembre",
        # en
        "February 30",
        "the 31st of April",
        "June 31st",
        # numeric
        "31/02",
        "30/02/2027",
        "2026-13-01",
        "2026-02-30",
        "13/13",
        "0/12",
        "3/12/202",
        "le 32",
        "the 45th",
    ],
)
def test_an_impossible_date_sets_the_problem_and_adds_no_day(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.date_problem is DateProblem.INVALID
    assert understanding.dates == ()


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("morgen en 31 februari", (TUESDAY,)),
        ("demain et le 30 février", (TUESDAY,)),
        ("tomorrow and 31/02", (TUESDAY,)),
    ],
)
def test_valid_dates_next_to_an_impossible_one_are_kept(text: str, dates: tuple) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.date_problem is DateProblem.INVALID
    assert understanding.dates == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29 februari", date(2028, 2, 29)),
        ("29/02", date(2028, 2, 29)),
        ("29 février 2028", date(2028, 2, 29)),
        ("28 February", date(2027, 2, 28)),
    ],
)
def test_a_leap_day_without_year_is_the_next_leap_day(text: str, expected: date) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.dates == (expected,)
    assert understanding.date_problem is None


@pytest.mark.parametrize(
    "text", ["29 februari 2027", "29/02/2027", "2027-02-29", "February 29, 2027"]
)
def test_a_leap_day_in_a_common_year_is_impossible(text: str) -> None:
    assert parse(text, MONDAY).date_problem is DateProblem.INVALID


@pytest.mark.parametrize(
    "text", ["morgen", "3 december", "3/12", "jeudi", "next week Thursday", "le 3", ""]
)
def test_possible_dates_report_no_problem(text: str) -> None:
    assert parse(text, MONDAY).date_problem is None
