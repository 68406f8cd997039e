"""Relative days and counts: today, tomorrow, the day after, in N days, in a week."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import MONDAY, NEXT_MONDAY, TUESDAY, WEDNESDAY
from werkplek.language import parse


def dates_of(text: str, today: date = MONDAY) -> tuple[date, ...]:
    return parse(text, today).dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", MONDAY),
        ("vandaag", MONDAY),
        ("aujourd'hui", MONDAY),
        ("aujourd’hui", MONDAY),
        ("aujourdhui", MONDAY),
        ("auj", MONDAY),
        ("tomorrow", TUESDAY),
        ("morgen", TUESDAY),
        ("demain", TUESDAY),
        ("the day after tomorrow", WEDNESDAY),
        ("day after tomorrow", WEDNESDAY),
        ("overmorgen", WEDNESDAY),
        ("après-demain", WEDNESDAY),
        ("apres demain", WEDNESDAY),
        ("après demain", WEDNESDAY),
        ("yesterday", date(2026, 11, 22)),
        ("gisteren", date(2026, 11, 22)),
        ("this afternoon", MONDAY),
        ("vanmiddag", MONDAY),
        ("vanmorgen", MONDAY),
        ("ce matin", MONDAY),
        ("cet après-midi", MONDAY),
    ],
)
def test_relative_day_words(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2 days", WEDNESDAY),
        ("in two days", WEDNESDAY),
        ("over 2 dagen", WEDNESDAY),
        ("over twee dagen", WEDNESDAY),
        ("dans 2 jours", WEDNESDAY),
        ("dans deux jours", WEDNESDAY),
        ("in 3 days", date(2026, 11, 26)),
        ("over drie dagen", date(2026, 11, 26)),
        ("dans trois jours", date(2026, 11, 26)),
        ("in a week", NEXT_MONDAY),
        ("in one week", NEXT_MONDAY),
        ("over een week", NEXT_MONDAY),
        ("over één week", NEXT_MONDAY),
        ("dans une semaine", NEXT_MONDAY),
        ("in 2 weeks", date(2026, 12, 7)),
        ("over twee weken", date(2026, 12, 7)),
        ("dans deux semaines", date(2026, 12, 7)),
        ("in ten days", date(2026, 12, 3)),
        ("over tien dagen", date(2026, 12, 3)),
        ("dans dix jours", date(2026, 12, 3)),
        ("dans sept jours", NEXT_MONDAY),
    ],
)
def test_relative_counts_of_days_and_weeks(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today and tomorrow", (MONDAY, TUESDAY)),
        ("vandaag en morgen", (MONDAY, TUESDAY)),
        ("aujourd'hui et demain", (MONDAY, TUESDAY)),
        ("tomorrow and the day after tomorrow", (TUESDAY, WEDNESDAY)),
        ("morgen en overmorgen", (TUESDAY, WEDNESDAY)),
        ("demain et après-demain", (TUESDAY, WEDNESDAY)),
        ("tomorrow, tomorrow", (TUESDAY,)),
    ],
)
def test_several_relative_days(text: str, expected: tuple[date, ...]) -> None:
    assert dates_of(text) == expected


@pytest.mark.parametrize("text", ["hier", "ik ben hier morgen", "in 2", "over", "dans", "2 days"])
def test_ambiguous_or_incomplete_words_add_no_date(text: str) -> None:
    assert date(2026, 11, 22) not in dates_of(text)
    assert len(dates_of(text)) <= 1


def test_ik_ben_hier_morgen_means_tomorrow_not_yesterday() -> None:
    assert dates_of("ik ben hier morgen") == (TUESDAY,)
