"""Half days: morning, afternoon, full day; Dutch compounds like "morgenvoormiddag"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import MONDAY, NEXT_MONDAY, THURSDAY, TUESDAY, WEDNESDAY
from werkplek.dayparts import DayPart
from werkplek.language import parse

AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # en
        ("tomorrow morning", AM),
        ("tomorrow in the morning", AM),
        ("tomorrow am", AM),
        ("tomorrow a.m.", AM),
        ("Thursday AM", AM),
        ("tomorrow afternoon", PM),
        ("Thursday pm", PM),
        ("thursday p.m.", PM),
        ("tomorrow in the afternoon", PM),
        ("tomorrow from 2pm", PM),
        ("tomorrow", FULL),
        ("tomorrow all day", FULL),
        ("full day on Thursday", FULL),
        ("the whole day tomorrow", FULL),
        # nl
        ("morgen voormiddag", AM),
        ("donderdag in de voormiddag", AM),
        ("morgen 's morgens", AM),
        ("donderdag smorgens", AM),
        ("'s ochtends donderdag", AM),
        ("donderdag ochtend", AM),
        ("donderdag vm", AM),
        ("donderdag v.m.", AM),
        ("morgen namiddag", PM),
        ("donderdag 's middags", PM),
        ("donderdag nm", PM),
        ("morgen in de namiddag", PM),
        ("morgen de hele dag", FULL),
        ("donderdag volledige dag", FULL),
        ("maandag morgen", AM),
        # fr
        ("demain matin", AM),
        ("jeudi le matin", AM),
        ("jeudi matinée", AM),
        ("jeudi en matinée", AM),
        ("demain après-midi", PM),
        ("jeudi apres-midi", PM),
        ("jeudi apres midi", PM),
        ("jeudi aprem", PM),
        ("jeudi aprèm", PM),
        ("jeudi l'après-midi", PM),
        ("demain toute la journée", FULL),
        ("journée complète jeudi", FULL),
        ("demain", FULL),
    ],
)
def test_half_day_words(text: str, part: DayPart) -> None:
    assert parse(text, MONDAY).part is part


@pytest.mark.parametrize(
    ("text", "expected", "part"),
    [
        ("morgenvoormiddag", TUESDAY, AM),
        ("morgennamiddag", TUESDAY, PM),
        ("morgenochtend", TUESDAY, AM),
        ("morgenmiddag", TUESDAY, PM),
        ("morgenmorgen", TUESDAY, AM),
        ("overmorgenvoormiddag", WEDNESDAY, AM),
        ("overmorgennamiddag", WEDNESDAY, PM),
        ("donderdagvoormiddag", THURSDAY, AM),
        ("donderdagnamiddag", THURSDAY, PM),
        ("vrijdagnamiddag", date(2026, 11, 27), PM),
        ("maandagochtend", NEXT_MONDAY, AM),
        ("maandagmorgen", NEXT_MONDAY, AM),
        ("woensdagmiddag", WEDNESDAY, PM),
        ("vandaagnamiddag", MONDAY, PM),
        ("vanmiddag", MONDAY, PM),
        ("vanvoormiddag", MONDAY, AM),
        ("boek morgenvoormiddag een plek", TUESDAY, AM),
        ("Donderdagnamiddag?", THURSDAY, PM),
    ],
)
def test_dutch_day_compounds_give_date_and_half_day(
    text: str, expected: date, part: DayPart
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.dates == (expected,)
    assert understanding.part is part


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", (TUESDAY,)),
        ("morgen graag", (TUESDAY,)),
        ("ik kom morgen", (TUESDAY,)),
        ("boek morgen een plek", (TUESDAY,)),
    ],
)
def test_morgen_alone_is_tomorrow_not_morning(text: str, expected: tuple[date, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.dates == expected
    assert understanding.part is FULL


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I am in the office tomorrow", FULL),
        ("I am coming Thursday", FULL),
        ("am I booked tomorrow", FULL),
        ("good morning, book me a desk tomorrow", FULL),
        ("good afternoon, tomorrow morning please", AM),
        ("goeiemiddag, morgen graag", FULL),
        ("bon après-midi, demain matin", AM),
        ("tomorrow morning and afternoon", FULL),
        ("demain matin et après-midi", FULL),
    ],
)
def test_words_that_only_look_like_half_days(text: str, part: DayPart) -> None:
    assert parse(text, MONDAY).part is part


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("tomorow morning", AM),
        ("tomorrow mornig", AM),
        ("demain aprés-midi", PM),
        ("morgen voormidag", AM),
        ("morgen namidag", PM),
        ("tomorrow afernoon", PM),
    ],
)
def test_half_day_words_with_a_typo(text: str, part: DayPart) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.dates == (TUESDAY,)
    assert understanding.part is part
