"""Team permanence: the coverage view, and putting someone on permanence, in nl, fr and en."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import (
    DECEMBER,
    FRIDAY,
    MONDAY,
    NEXT_MONDAY,
    NEXT_WEEK,
    THIS_WEEK,
    THURSDAY,
    TUESDAY,
)
from werkplek.dayparts import DayPart
from werkplek.language import Intent, parse

AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL


@pytest.mark.parametrize(
    ("text", "period", "dates"),
    [
        # en
        ("permanence", None, ()),
        ("permanence next week", NEXT_WEEK, ()),
        ("who is on duty this week", THIS_WEEK, ()),
        ("who has duty on Friday?", None, (FRIDAY,)),
        ("is An on duty Friday?", None, (FRIDAY,)),
        # nl
        ("permanentie", None, ()),
        ("permanentie volgende week", NEXT_WEEK, ()),
        ("wie heeft permanentie deze week", THIS_WEEK, ()),
        ("heeft An vrijdag permanentie?", None, (FRIDAY,)),
        ("wie zet ik op permanentie?", None, ()),
        ("permanentie in december", DECEMBER, ()),
        # fr
        ("permanence la semaine prochaine", NEXT_WEEK, ()),
        ("qui est de permanence cette semaine", THIS_WEEK, ()),
        ("qui est de permanence jeudi ?", None, (THURSDAY,)),
        ("les permanences de la semaine prochaine", NEXT_WEEK, ()),
    ],
)
def test_permanence_without_someone_being_set_is_the_coverage_view(
    text: str, period: tuple[date, date] | None, dates: tuple[date, ...]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.PERMANENCE
    assert understanding.period == period
    assert understanding.dates == dates
    assert understanding.person is None


@pytest.mark.parametrize(
    ("text", "person", "dates", "part"),
    [
        # en
        ("set An on permanence Friday", "An", (FRIDAY,), FULL),
        ("put An on duty tomorrow morning", "An", (TUESDAY,), AM),
        ("An has duty on Friday", "An", (FRIDAY,), FULL),
        ("ok, An has duty on Friday", "An", (FRIDAY,), FULL),
        ("Pieter Janssens is on duty Thursday afternoon", "Pieter Janssens", (THURSDAY,), PM),
        ("assign Marie-Claire to permanence on Monday", "Marie-Claire", (NEXT_MONDAY,), FULL),
        # nl
        ("zet An op permanentie vrijdag", "An", (FRIDAY,), FULL),
        ("zet An vrijdag op permanentie", "An", (FRIDAY,), FULL),
        ("plaats Jan vrijdag op de permanentie", "Jan", (FRIDAY,), FULL),
        ("An heeft permanentie donderdagnamiddag", "An", (THURSDAY,), PM),
        ("vrijdag heeft An permanentie", "An", (FRIDAY,), FULL),
        ("An staat vrijdag op permanentie", "An", (FRIDAY,), FULL),
        ("hallo, zet Els De Smet op permanentie morgen", "Els De Smet", (TUESDAY,), FULL),
        (
            "zet Marie-Claire Van den Broeck op permanentie op 3 december",
            "Marie-Claire Van den Broeck",
            (date(2026, 12, 3),),
            FULL,
        ),
        # fr
        ("mets Chloé de permanence vendredi", "Chloé", (FRIDAY,), FULL),
        ("mets Chloé Dubois en permanence vendredi après-midi", "Chloé Dubois", (FRIDAY,), PM),
        ("Chloé Dubois est de permanence jeudi", "Chloé Dubois", (THURSDAY,), FULL),
        ("mettez Hélène à la permanence demain matin", "Hélène", (TUESDAY,), AM),
        ("Françoise est de permanence", "Françoise", (), FULL),
    ],
)
def test_putting_someone_on_permanence_keeps_their_name_as_typed(
    text: str, person: str, dates: tuple[date, ...], part: DayPart
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.SET_PERMANENCE
    assert understanding.person == person
    assert understanding.dates == dates
    assert understanding.part is part


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("SET ANNELIES ON DUTY FRIDAY", "ANNELIES"),
        ("zet  an   op permanentie vrijdag", "an"),
        ("mets Chloe\u0301 de permanence vendredi", "Chloé"),  # typed with a combining accent
        ("mets   Zoë   Lefèvre   de permanence vendredi", "Zoë   Lefèvre"),
    ],
)
def test_a_name_keeps_the_users_case_and_accents(text: str, person: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.person == person
    assert understanding.dates == (FRIDAY,)


@pytest.mark.parametrize(
    ("text", "person", "period"),
    [
        ("zet Jan op permanentie", "Jan", None),
        ("set May on duty next week", "May", NEXT_WEEK),
        ("mets Mars de permanence", "Mars", None),
        ("zet Dag op permanentie", "Dag", None),
    ],
)
def test_a_name_that_is_also_a_date_word_is_a_name(
    text: str, person: str, period: tuple[date, date] | None
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.SET_PERMANENCE
    assert understanding.person == person
    assert understanding.dates == ()
    assert understanding.period == period


@pytest.mark.parametrize(
    "text",
    [
        "put me on duty Friday",
        "zet mij op permanentie vrijdag",
        "mets-moi de permanence vendredi",
    ],
)
def test_putting_oneself_on_permanence_names_no_other_person(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.SET_PERMANENCE
    assert understanding.person is None
    assert "person: the user" in understanding.notes
    assert understanding.dates == (FRIDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "cancel An's permanence Friday",
        "annuleer de permanentie van An vrijdag",
        "annule la permanence de Chloé vendredi",
    ],
)
def test_cancelling_a_permanence_shows_the_coverage_view_not_a_desk_cancel(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.PERMANENCE
    assert understanding.dates == (FRIDAY,)


@pytest.mark.parametrize(
    "text",
    ["how does permanence work?", "hoe werkt de permanentie?", "comment marche la permanence ?"],
)
def test_asking_how_permanence_works_is_help(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.HELP


@pytest.mark.parametrize(
    "text",
    [
        "permanence " * 200,
        "zet zet zet op op permanentie",
        "set on permanence",
        "mets de permanence",
        "a b c d e f g h has duty",
        "zet 😀 op permanentie vrijdag",
        "heeft heeft permanentie",
    ],
)
def test_odd_permanence_messages_do_not_crash(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent in (Intent.PERMANENCE, Intent.SET_PERMANENCE)
    assert not any(note.startswith("error") for note in understanding.notes)
