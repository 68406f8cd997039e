"""Weekdays: bare, this/next/last, next week, in two weeks; said on a Monday and a Thursday."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import (
    FRIDAY,
    LAST_THURSDAY,
    MONDAY,
    NEXT_FRIDAY,
    NEXT_MONDAY,
    NEXT_THURSDAY,
    NEXT_TUESDAY,
    SATURDAY,
    SUNDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
)
from werkplek.language import parse


def dates_of(text: str, today: date = MONDAY) -> tuple[date, ...]:
    return parse(text, today).dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("monday", NEXT_MONDAY),
        ("tuesday", TUESDAY),
        ("wednesday", WEDNESDAY),
        ("thursday", THURSDAY),
        ("friday", FRIDAY),
        ("saturday", SATURDAY),
        ("sunday", SUNDAY),
        ("maandag", NEXT_MONDAY),
        ("dinsdag", TUESDAY),
        ("woensdag", WEDNESDAY),
        ("donderdag", THURSDAY),
        ("vrijdag", FRIDAY),
        ("zaterdag", SATURDAY),
        ("zondag", SUNDAY),
        ("lundi", NEXT_MONDAY),
        ("mardi", TUESDAY),
        ("mercredi", WEDNESDAY),
        ("jeudi", THURSDAY),
        ("vendredi", FRIDAY),
        ("samedi", SATURDAY),
        ("dimanche", SUNDAY),
    ],
)
def test_a_bare_weekday_is_the_first_such_day_after_today(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", NEXT_THURSDAY),
        ("donderdag", NEXT_THURSDAY),
        ("jeudi", NEXT_THURSDAY),
        ("Friday", FRIDAY),
        ("vrijdag", FRIDAY),
        ("vendredi", FRIDAY),
        ("Monday", NEXT_MONDAY),
        ("maandag", NEXT_MONDAY),
        ("lundi", NEXT_MONDAY),
    ],
)
def test_on_a_thursday_a_bare_weekday_never_means_today(text: str, expected: date) -> None:
    assert dates_of(text, THURSDAY) == (expected,)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("this Thursday", MONDAY, THURSDAY),
        ("deze donderdag", MONDAY, THURSDAY),
        ("ce jeudi", MONDAY, THURSDAY),
        ("this Thursday", THURSDAY, THURSDAY),
        ("deze donderdag", THURSDAY, THURSDAY),
        ("ce jeudi", THURSDAY, THURSDAY),
        ("this Monday", THURSDAY, NEXT_MONDAY),
        ("deze maandag", THURSDAY, NEXT_MONDAY),
        ("ce lundi", THURSDAY, NEXT_MONDAY),
    ],
)
def test_this_weekday_is_the_first_such_day_on_or_after_today(
    text: str, today: date, expected: date
) -> None:
    assert dates_of(text, today) == (expected,)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("next Thursday", MONDAY, THURSDAY),
        ("volgende donderdag", MONDAY, THURSDAY),
        ("komende donderdag", MONDAY, THURSDAY),
        ("jeudi prochain", MONDAY, THURSDAY),
        ("prochain jeudi", MONDAY, THURSDAY),
        ("next Thursday", THURSDAY, NEXT_THURSDAY),
        ("volgende donderdag", THURSDAY, NEXT_THURSDAY),
        ("jeudi prochain", THURSDAY, NEXT_THURSDAY),
        ("this coming Friday", MONDAY, FRIDAY),
    ],
)
def test_next_weekday_is_the_same_as_a_bare_weekday(text: str, today: date, expected: date) -> None:
    assert dates_of(text, today) == (expected,)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("next week Thursday", MONDAY, NEXT_THURSDAY),
        ("Thursday next week", MONDAY, NEXT_THURSDAY),
        ("next week on Thursday", MONDAY, NEXT_THURSDAY),
        ("Thursday of next week", MONDAY, NEXT_THURSDAY),
        ("volgende week donderdag", MONDAY, NEXT_THURSDAY),
        ("donderdag volgende week", MONDAY, NEXT_THURSDAY),
        ("komende week op donderdag", MONDAY, NEXT_THURSDAY),
        ("donderdag van volgende week", MONDAY, NEXT_THURSDAY),
        ("jeudi la semaine prochaine", MONDAY, NEXT_THURSDAY),
        ("jeudi de la semaine prochaine", MONDAY, NEXT_THURSDAY),
        ("la semaine prochaine jeudi", MONDAY, NEXT_THURSDAY),
        ("jeudi semaine prochaine", MONDAY, NEXT_THURSDAY),
        ("next week Monday", THURSDAY, NEXT_MONDAY),
        ("volgende week maandag", THURSDAY, NEXT_MONDAY),
        ("lundi la semaine prochaine", THURSDAY, NEXT_MONDAY),
        ("Friday next week", THURSDAY, NEXT_FRIDAY),
        ("vrijdag volgende week", THURSDAY, NEXT_FRIDAY),
        ("vendredi de la semaine prochaine", THURSDAY, NEXT_FRIDAY),
    ],
)
def test_next_week_weekday_is_that_day_in_the_next_iso_week(
    text: str, today: date, expected: date
) -> None:
    assert dates_of(text, today) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday in two weeks", date(2026, 12, 10)),
        ("in 2 weeks on Thursday", date(2026, 12, 10)),
        ("over twee weken donderdag", date(2026, 12, 10)),
        ("donderdag over 2 weken", date(2026, 12, 10)),
        ("jeudi dans deux semaines", date(2026, 12, 10)),
        ("dans 2 semaines jeudi", date(2026, 12, 10)),
    ],
)
def test_weekday_in_two_weeks_is_that_day_two_iso_weeks_on(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this week Friday", (FRIDAY,)),
        ("deze week vrijdag", (FRIDAY,)),
        ("vendredi cette semaine", (FRIDAY,)),
        ("maandag en dinsdag volgende week", (NEXT_MONDAY, NEXT_TUESDAY)),
        ("next week Monday and Tuesday", (NEXT_MONDAY, NEXT_TUESDAY)),
        ("lundi et mardi de la semaine prochaine", (NEXT_MONDAY, NEXT_TUESDAY)),
        ("next week", ()),
        ("volgende week", ()),
        ("la semaine prochaine", ()),
    ],
)
def test_a_week_phrase_applies_to_the_weekdays_listed_next_to_it(
    text: str, expected: tuple[date, ...]
) -> None:
    assert dates_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last Thursday", LAST_THURSDAY),
        ("vorige donderdag", LAST_THURSDAY),
        ("afgelopen donderdag", LAST_THURSDAY),
        ("jeudi dernier", LAST_THURSDAY),
        ("jeudi passé", LAST_THURSDAY),
    ],
)
def test_last_weekday_is_a_past_date(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Thursday", THURSDAY),
        ("op donderdag", THURSDAY),
        ("le jeudi", THURSDAY),
        ("donderdags", THURSDAY),
        ("thursdays", THURSDAY),
        ("jeudis", THURSDAY),
        ("thu", THURSDAY),
        ("thurs", THURSDAY),
        ("Tue", TUESDAY),
        ("wed", WEDNESDAY),
        ("fri", FRIDAY),
        ("next mon", NEXT_MONDAY),
        ("on Mon", NEXT_MONDAY),
        ("DONDERDAG", THURSDAY),
        ("JeUdI", THURSDAY),
    ],
)
def test_weekday_forms_and_abbreviations(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    "text",
    [
        "mon bureau",
        "je veux mon bureau habituel",
        "ma place",
        "do you have a desk",
        "za",
        "zo",
        "mar",
        "mer",
        "jeu",
        "ven",
        "je passe au bureau",
    ],
)
def test_words_that_only_look_like_weekdays_are_not_dates(text: str) -> None:
    assert dates_of(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday and Thursday", (NEXT_MONDAY, THURSDAY)),
        ("maandag en donderdag", (NEXT_MONDAY, THURSDAY)),
        ("lundi et jeudi", (NEXT_MONDAY, THURSDAY)),
        ("tuesday, wednesday and friday", (TUESDAY, WEDNESDAY, FRIDAY)),
        ("dinsdag, woensdag en vrijdag", (TUESDAY, WEDNESDAY, FRIDAY)),
        ("mardi, mercredi et vendredi", (TUESDAY, WEDNESDAY, FRIDAY)),
        ("thursday and thursday", (THURSDAY,)),
        ("donderdag of vrijdag", (THURSDAY, FRIDAY)),
        ("jeudi ou vendredi", (THURSDAY, FRIDAY)),
    ],
)
def test_several_weekdays_come_back_in_order_without_duplicates(
    text: str, expected: tuple[date, ...]
) -> None:
    assert dates_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday 3 December", NEXT_THURSDAY),
        ("donderdag 3 december", NEXT_THURSDAY),
        ("jeudi 3 décembre", NEXT_THURSDAY),
        ("Thursday the 3rd", NEXT_THURSDAY),
        ("vendredi le 4", NEXT_FRIDAY),
        ("jeudi 3/12", NEXT_THURSDAY),
        ("jeudi 3", NEXT_THURSDAY),
    ],
)
def test_a_weekday_next_to_a_calendar_date_is_the_same_day(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)
