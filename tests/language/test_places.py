"""Zones and desks named in the text, matched before dates so they never read as dates."""

from __future__ import annotations

import pytest

from tests.language.calendar_days import FRIDAY, MONDAY, NEXT_MONDAY, THURSDAY, TUESDAY
from werkplek.language import Intent, PlaceName, Places, parse

FLOOR_1 = "hq/floor-1"
FLOOR_10 = "hq/floor-10"
QUIET = "hq/quiet"
DESK_203 = "hq/floor-1/2.03"
DESK_12 = "hq/floor-1/12"
DESK_A7 = "hq/floor-1/a7"

PLACES = Places(
    zones=(
        PlaceName(FLOOR_1, ("floor-1", "Verdieping 1", "Étage 1", "Floor 1")),
        PlaceName(FLOOR_10, ("floor-10", "Verdieping 10", "Étage 10", "Floor 10")),
        PlaceName(QUIET, ("quiet", "Stilteruimte", "Salle calme", "Quiet room")),
    ),
    desks=(
        PlaceName(DESK_203, ("2.03",)),
        PlaceName(DESK_12, ("12",)),
        PlaceName(DESK_A7, ("A7",)),
    ),
)


@pytest.mark.parametrize(
    ("text", "zone", "dates"),
    [
        ("boek een plek op Verdieping 1 maandag", FLOOR_1, (NEXT_MONDAY,)),
        ("boek een plek op verdieping 1 voor maandag", FLOOR_1, (NEXT_MONDAY,)),
        ("VERDIEPING   1 maandag", FLOOR_1, (NEXT_MONDAY,)),
        ("verdieping-1 maandag", FLOOR_1, (NEXT_MONDAY,)),
        ("boek een plek op Verdieping 10 maandag", FLOOR_10, (NEXT_MONDAY,)),
        ("réserve une place à l'étage 1 jeudi", FLOOR_1, (THURSDAY,)),
        ("réserve une place à l'etage 10 jeudi", FLOOR_10, (THURSDAY,)),
        ("book a desk on floor 1 on Friday", FLOOR_1, (FRIDAY,)),
        ("book a desk on Floor 10 Friday", FLOOR_10, (FRIDAY,)),
        ("stilteruimte morgen", QUIET, (TUESDAY,)),
        ("une place en salle calme demain", QUIET, (TUESDAY,)),
        ("quiet room tomorrow please", QUIET, (TUESDAY,)),
        ("boek een plek op floor-1 maandag", FLOOR_1, (NEXT_MONDAY,)),
    ],
)
def test_zone_names_match_whole_and_never_become_dates(text: str, zone: str, dates: tuple) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert understanding.zone == zone
    assert understanding.dates == dates
    assert understanding.desk is None
    assert understanding.intent is Intent.BOOK


@pytest.mark.parametrize(
    ("text", "desk", "dates"),
    [
        ("book desk 2.03 on Friday", DESK_203, (FRIDAY,)),
        ("boek bureau 2.03 vrijdag", DESK_203, (FRIDAY,)),
        ("plek 2.03 vrijdag", DESK_203, (FRIDAY,)),
        ("réserve le bureau 2.03 vendredi", DESK_203, (FRIDAY,)),
        ("2.03 on Friday", DESK_203, (FRIDAY,)),
        ("desk 12 tomorrow", DESK_12, (TUESDAY,)),
        ("plek 12 morgen", DESK_12, (TUESDAY,)),
        ("bureau 12 demain", DESK_12, (TUESDAY,)),
        ("desk a7 tomorrow", DESK_A7, (TUESDAY,)),
        ("desk 12 on the 3rd", DESK_12, (parse("the 3rd", MONDAY).dates[0],)),
    ],
)
def test_desk_names_are_desks_not_dates(text: str, desk: str, dates: tuple) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert understanding.desk == desk
    assert understanding.dates == dates
    assert understanding.date_problem is None


@pytest.mark.parametrize(
    ("text", "zone", "desk"),
    [
        ("book 12 desks on floor 1", FLOOR_1, None),
        ("12 december", None, None),
        ("book a desk", None, None),
        ("verdieping 100 maandag", None, None),
        ("verdieping 1.5", None, None),
        ("2.030", None, None),
        ("quietly", None, None),
    ],
)
def test_numbers_and_words_inside_other_text_are_not_places(
    text: str, zone: str | None, desk: str | None
) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert (understanding.zone, understanding.desk) == (zone, desk)


def test_a_desk_and_a_zone_can_both_be_named() -> None:
    understanding = parse("desk 2.03 on verdieping 1 tomorrow", MONDAY, PLACES)
    assert (understanding.zone, understanding.desk) == (FLOOR_1, DESK_203)
    assert understanding.dates == (TUESDAY,)


def test_without_places_a_desk_like_number_is_read_as_a_date() -> None:
    assert parse("2.03", MONDAY).dates == (parse("2/3", MONDAY).dates[0],)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("verdiepnig 1 maandag", FLOOR_1),
        ("stilteruimet morgen", QUIET),
        ("etgae 1 lundi", None),
    ],
)
def test_one_typo_in_a_long_zone_word_is_tolerated(text: str, zone: str | None) -> None:
    assert parse(text, MONDAY, PLACES).zone == zone


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("cancel desk 2.03 on Friday", Intent.CANCEL),
        ("annuleer verdieping 1 maandag", Intent.CANCEL),
        ("verdieping 1", Intent.BOOK),
        ("étage 1 demain", Intent.BOOK),
    ],
)
def test_places_keep_the_intent_of_the_words_around_them(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY, PLACES).intent is intent
