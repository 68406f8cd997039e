"""Day and month names, numeric dates, days of the month, and year roll-over."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import LATE_DECEMBER, MONDAY
from werkplek.language import parse

DEC_3 = date(2026, 12, 3)


def dates_of(text: str, today: date = MONDAY) -> tuple[date, ...]:
    return parse(text, today).dates


@pytest.mark.parametrize(
    "text",
    [
        # en
        "December 3",
        "December 3rd",
        "3 December",
        "3rd of December",
        "the 3rd of December",
        "December the 3rd",
        "3 dec",
        "Dec 3",
        "dec. 3",
        "3rd Dec",
        "on the third of December",
        # nl
        "3 december",
        "3 dec.",
        "op 3 december",
        "de 3de december",
        "3e december",
        "drie december",
        "donderdag 3 december",
        # fr
        "3 décembre",
        "3 decembre",
        "le 3 décembre",
        "3 déc",
        "3 déc.",
        "le trois décembre",
        "jeudi 3 décembre",
        "3 DÉCEMBRE",
    ],
)
def test_day_and_month_names(text: str) -> None:
    assert dates_of(text) == (DEC_3,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er décembre", date(2026, 12, 1)),
        ("le premier décembre", date(2026, 12, 1)),
        ("1 december", date(2026, 12, 1)),
        ("first of December", date(2026, 12, 1)),
        ("December 1st", date(2026, 12, 1)),
        ("1ste december", date(2026, 12, 1)),
        ("15 janvier", date(2027, 1, 15)),
        ("15 januari", date(2027, 1, 15)),
        ("January 15", date(2027, 1, 15)),
        ("2 févr", date(2027, 2, 2)),
        ("2 febr", date(2027, 2, 2)),
        ("2 feb", date(2027, 2, 2)),
        ("4 mars", date(2027, 3, 4)),
        ("4 maart", date(2027, 3, 4)),
        ("4 mrt", date(2027, 3, 4)),
        ("4 March", date(2027, 3, 4)),
        ("5 mai", date(2027, 5, 5)),
        ("5 mei", date(2027, 5, 5)),
        ("May 5", date(2027, 5, 5)),
        ("6 juin", date(2027, 6, 6)),
        ("6 juni", date(2027, 6, 6)),
        ("7 juil", date(2027, 7, 7)),
        ("7 juli", date(2027, 7, 7)),
        ("8 août", date(2027, 8, 8)),
        ("8 aout", date(2027, 8, 8)),
        ("8 aug", date(2027, 8, 8)),
        ("9 sept", date(2027, 9, 9)),
        ("9 sep", date(2027, 9, 9)),
        ("10 okt", date(2027, 10, 10)),
        ("10 oct", date(2027, 10, 10)),
        ("30 nov", date(2026, 11, 30)),
        ("23 novembre", date(2026, 11, 23)),
    ],
)
def test_every_month_in_full_and_abbreviated(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 december 2026", DEC_3),
        ("3 décembre 2027", date(2027, 12, 3)),
        ("December 3rd, 2027", date(2027, 12, 3)),
        ("Dec 3 2027", date(2027, 12, 3)),
        ("3 december 2025", date(2025, 12, 3)),
    ],
)
def test_a_written_year_is_kept_even_in_the_past(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/12", DEC_3),
        ("3-12", DEC_3),
        ("3.12", DEC_3),
        ("03/12", DEC_3),
        ("03/12/2026", DEC_3),
        ("3/12/26", DEC_3),
        ("3.12.2026", DEC_3),
        ("3-12-2026", DEC_3),
        ("2026-12-03", DEC_3),
        ("le 3/12", DEC_3),
        ("op 3/12", DEC_3),
        ("on 3/12", DEC_3),
        ("3/12.", DEC_3),
        ("25/12", date(2026, 12, 25)),
        ("1/2", date(2027, 2, 1)),
        ("23/11", MONDAY),
    ],
)
def test_numeric_dates_are_day_first(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("3/1", LATE_DECEMBER, date(2027, 1, 3)),
        ("3 januari", LATE_DECEMBER, date(2027, 1, 3)),
        ("3 janvier", LATE_DECEMBER, date(2027, 1, 3)),
        ("January 3", LATE_DECEMBER, date(2027, 1, 3)),
        ("20/12", LATE_DECEMBER, LATE_DECEMBER),
        ("19/12", LATE_DECEMBER, date(2027, 12, 19)),
        ("the 5th", LATE_DECEMBER, date(2027, 1, 5)),
        ("le 5", LATE_DECEMBER, date(2027, 1, 5)),
        ("de 5de", LATE_DECEMBER, date(2027, 1, 5)),
    ],
)
def test_a_date_without_year_is_the_next_occurrence(text: str, today: date, expected: date) -> None:
    assert dates_of(text, today) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the 3rd", DEC_3),
        ("the 3rd", DEC_3),
        ("3rd", DEC_3),
        ("le 3", DEC_3),
        ("le 3 stp", DEC_3),
        ("de 3de", DEC_3),
        ("op de 3e", DEC_3),
        ("le 30", date(2026, 11, 30)),
        ("the 23rd", MONDAY),
        ("the 22nd", date(2026, 12, 22)),
        ("le 1er", date(2026, 12, 1)),
    ],
)
def test_a_day_of_the_month_needs_a_marker(text: str, expected: date) -> None:
    assert dates_of(text) == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", ()),
        ("book 3 desks", ()),
        ("2 plekken graag", ()),
        ("for 3 people", ()),
        ("2026", ()),
        ("le 3 jours", ()),
        ("the 2nd floor", ()),
        ("room 12", ()),
        ("morgen om 10.30", (date(2026, 11, 24),)),
        ("tomorrow at 9.30", (date(2026, 11, 24),)),
        ("demain à 9.30", (date(2026, 11, 24),)),
    ],
)
def test_a_bare_number_or_clock_time_is_not_a_day(text: str, expected: tuple[date, ...]) -> None:
    assert dates_of(text) == expected


def test_a_clock_time_after_om_is_not_a_date() -> None:
    understanding = parse("morgen om 10.30", MONDAY)
    assert understanding.dates == (date(2026, 11, 24),)
    assert understanding.date_problem is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/12, 4/12", (DEC_3, date(2026, 12, 4))),
        ("3/12 en 4/12", (DEC_3, date(2026, 12, 4))),
        ("3/12 et 4/12", (DEC_3, date(2026, 12, 4))),
        ("3 and 4 December", (DEC_3, date(2026, 12, 4))),
        ("3 en 4 december", (DEC_3, date(2026, 12, 4))),
        ("le 3 et le 4 décembre", (DEC_3, date(2026, 12, 4))),
        ("4/12 and 3/12", (date(2026, 12, 4), DEC_3)),
        ("3/12 and 3 December", (DEC_3,)),
        ("tomorrow and 3/12", (date(2026, 11, 24), DEC_3)),
    ],
)
def test_several_calendar_dates_in_order_without_duplicates(
    text: str, expected: tuple[date, ...]
) -> None:
    assert dates_of(text) == expected


@pytest.mark.parametrize(
    "text",
    ["le 3 et le 4 décembre", "3 and 4 December", "the 3rd and 4th of December", "3 en 4 dec"],
)
def test_a_month_after_a_list_of_days_applies_to_all_of_them(text: str) -> None:
    assert dates_of(text, date(2026, 10, 1)) == (DEC_3, date(2026, 12, 4))


@pytest.mark.parametrize(
    "text", ["may I book a desk", "may i have a seat", "I may come in", "je mars", "mei"]
)
def test_a_month_name_alone_is_not_a_date(text: str) -> None:
    assert dates_of(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from Monday to Wednesday", ((2026, 11, 30), (2026, 12, 1), (2026, 12, 2))),
        ("van maandag tot woensdag", ((2026, 11, 30), (2026, 12, 1), (2026, 12, 2))),
        ("maandag t/m woensdag", ((2026, 11, 30), (2026, 12, 1), (2026, 12, 2))),
        ("du lundi au mercredi", ((2026, 11, 30), (2026, 12, 1), (2026, 12, 2))),
        ("du 3 au 5 décembre", ((2026, 12, 3), (2026, 12, 4), (2026, 12, 5))),
        ("3/12 till 4/12", ((2026, 12, 3), (2026, 12, 4))),
        ("Thursday to Monday", ((2026, 11, 26), (2026, 11, 27), (2026, 11, 30))),
        ("maandag en woensdag", ((2026, 11, 30), (2026, 11, 25))),
    ],
)
def test_a_range_of_days_gives_every_working_day_in_it(text: str, expected: tuple) -> None:
    assert dates_of(text) == tuple(date(*day) for day in expected)


def test_a_range_is_read_whatever_this_month_is() -> None:
    assert dates_of("du 3 au 5 décembre", date(2026, 10, 1)) == (
        DEC_3,
        date(2026, 12, 4),
        date(2026, 12, 5),
    )
