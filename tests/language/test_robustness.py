"""Any string at all gives a valid Understanding, quickly and deterministically."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.language.calendar_days import MONDAY, THURSDAY, TUESDAY
from werkplek.dayparts import DayPart
from werkplek.language import Intent, PlaceName, Places, Understanding, parse

PLACES = Places(
    zones=(PlaceName("hq/floor-1", ("Verdieping 1",)),),
    desks=(PlaceName("hq/floor-1/2.03", ("2.03",)),),
)

ODD_STRINGS = [
    "",
    " ",
    "\t\n\r ",
    "x" * 30_000,
    "donderdag " * 3_000,
    "3/12 " * 5_000,
    "😀🎉👍",
    "book a desk 😀 tomorrow 🎉",
    "مرحبا، أريد حجز مكتب غدا",
    "שלום, אני רוצה להזמין שולחן מחר",
    "\u202eyadsruht\u202c",
    "\x00\x01\x02\x1b[31mred\x1b[0m",
    "\ufeffmorgen",
    "/ \\ # ?",
    "?!?!?!",
    "....",
    "---",
    "////",
    "9999-99-99",
    "99/99/9999",
    "0000-00-00",
    "31/12/9999",
    "in 999 weeks",
    "over 99999999999999999999 dagen",
    "le 99999999999999999999",
    "\ud800",
    "Ｄｏｎｄｅｒｄａｇ",
    "１/１２",
    "ǅ ǆ ß ﬁ œ æ",
    "日本語のテキスト",
    "<script>alert(1)</script>",
    "'; DROP TABLE bookings; --",
    "%s %d {0} {name}",
    "\u200b\u200bmorgen\u200b",
    "mon",
    "a",
    "am pm vm nm",
    "next next next",
    "la la la semaine semaine prochaine prochaine",
    "3 3 3 december december",
    "in in in 2 2 days days",
]


@pytest.mark.parametrize("text", ODD_STRINGS)
def test_odd_input_gives_a_valid_understanding(text: str) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert isinstance(understanding, Understanding)
    assert isinstance(understanding.intent, Intent)
    assert isinstance(understanding.part, DayPart)
    assert all(isinstance(day, date) for day in understanding.dates)
    assert len(set(understanding.dates)) == len(understanding.dates)
    assert not any(note.startswith("error") for note in understanding.notes)


@pytest.mark.parametrize("text", ["", "   ", "blabla", "x" * 30_000])
def test_meaningless_input_is_unknown(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text", ["Ｄｏｎｄｅｒｄａｇ", "\u200b\u200bdonderdag\u200b", "\ufeffDONDERDAG"]
)
def test_unicode_variants_of_a_word_are_understood(text: str) -> None:
    assert parse(text, MONDAY).dates == (THURSDAY,)


def test_only_the_start_of_a_very_long_message_is_read() -> None:
    understanding = parse("x " * 1_000 + "morgen", MONDAY)
    assert understanding.dates == ()
    assert parse("morgen " + "x " * 10_000, MONDAY).dates == (TUESDAY,)


@pytest.mark.parametrize(
    "today", [date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29), date(2026, 12, 31)]
)
@pytest.mark.parametrize("text", ["gisteren", "morgen", "in 2 weeks", "3/1", "last Monday", "le 3"])
def test_extreme_todays_do_not_crash(today: date, text: str) -> None:
    understanding = parse(text, today)
    assert not any(note.startswith("error") for note in understanding.notes)


def test_a_datetime_today_is_used_as_its_date() -> None:
    assert parse("morgen", datetime(2026, 11, 23, 23, 59)).dates == (TUESDAY,)


def test_unhashable_place_names_are_still_matched() -> None:
    places = Places(zones=(PlaceName("hq/floor-1", ["Verdieping 1"]),))  # type: ignore[arg-type]
    assert parse("verdieping 1 morgen", MONDAY, places).zone == "hq/floor-1"


def test_parsing_is_deterministic() -> None:
    texts = ["morgenvoormiddag op verdieping 1", "annule jeudi", "thrusday pm", "3/12"]
    first = [parse(text, MONDAY, PLACES) for text in texts]
    second = [parse(text, MONDAY, PLACES) for text in texts]
    assert first == second
