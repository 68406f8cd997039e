"""Telework: registering, cancelling and reviewing days worked from home, in nl, fr and en."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import (
    FRIDAY,
    MONDAY,
    NEXT_MONDAY,
    NEXT_WEEK,
    NOVEMBER,
    OCTOBER,
    THIS_WEEK,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
)
from werkplek.dayparts import DayPart
from werkplek.language import Intent, parse

AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL


@pytest.mark.parametrize(
    ("text", "dates", "part"),
    [
        # en
        ("I work from home tomorrow", (TUESDAY,), FULL),
        ("wfh Friday", (FRIDAY,), FULL),
        ("home office on Tuesday", (TUESDAY,), FULL),
        ("working from home Thursday afternoon", (THURSDAY,), PM),
        ("I'm teleworking on Wednesday morning", (WEDNESDAY,), AM),
        ("I work remotely on Thursday", (THURSDAY,), FULL),
        ("remote tomorrow", (TUESDAY,), FULL),
        ("can I work from home tomorrow?", (TUESDAY,), FULL),
        ("I work from home, not at the office, on Friday", (FRIDAY,), FULL),
        # nl
        ("ik werk morgen thuis", (TUESDAY,), FULL),
        ("thuiswerk vrijdagvoormiddag", (FRIDAY,), AM),
        ("thuis op maandag en donderdag", (NEXT_MONDAY, THURSDAY), FULL),
        ("ik ben donderdag thuis", (THURSDAY,), FULL),
        ("ik werk van thuis uit op dinsdag", (TUESDAY,), FULL),
        ("telewerken op woensdag", (WEDNESDAY,), FULL),
        ("thuiswerkdag morgen", (TUESDAY,), FULL),
        ("ik werk thuis, niet op kantoor, vrijdag", (FRIDAY,), FULL),
        ("ik werk volgende week maandag thuis", (NEXT_MONDAY,), FULL),
        # fr
        ("je télétravaille demain", (TUESDAY,), FULL),
        ("je suis en télétravail jeudi après-midi", (THURSDAY,), PM),
        ("je travaille à domicile lundi", (NEXT_MONDAY,), FULL),
        ("je bosse de chez moi vendredi", (FRIDAY,), FULL),
        ("je suis à la maison demain", (TUESDAY,), FULL),
        ("télétravail mercredi matin", (WEDNESDAY,), AM),
    ],
)
def test_a_telework_word_and_a_day_register_telework(
    text: str, dates: tuple[date, ...], part: DayPart
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.dates == dates
    assert understanding.part is part
    assert understanding.recurrence is None and understanding.period is None


@pytest.mark.parametrize(
    "text",
    [
        "wfh",
        "I'm working from home",
        "thuiswerk",
        "ik werk thuis",
        "télétravail",
        "je travaille à la maison",
        "boek thuiswerk",
    ],
)
def test_a_clear_telework_phrase_without_a_day_is_telework_without_dates(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.dates == ()


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("thuiswerkvrijdag", (FRIDAY,)),
        ("thuiswerkvoormiddag vrijdag", (FRIDAY,)),
        ("telewerkdonderdagnamiddag", (THURSDAY,)),
    ],
)
def test_dutch_telework_compounds_are_split(text: str, dates: tuple[date, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.dates == dates


@pytest.mark.parametrize(
    ("text", "typo"),
    [
        ("thuiswrk morgen", "thuiswrk -> thuiswerk"),
        ("teletravial demain", "teletravial -> teletravail"),
        ("telewrok tomorrow", "telewrok -> telework"),
    ],
)
def test_a_telework_word_with_one_typo_is_understood(text: str, typo: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK
    assert understanding.dates == (TUESDAY,)
    assert f"typo: {typo}" in understanding.notes


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # en
        ("I'm not working from home Friday after all", (FRIDAY,)),
        ("cancel my telework tomorrow", (TUESDAY,)),
        ("I don't work from home on Friday", (FRIDAY,)),
        ("no home office on Friday", (FRIDAY,)),
        ("cancel my telework booking for Thursday", (THURSDAY,)),
        # nl
        ("annuleer thuiswerk vrijdag", (FRIDAY,)),
        ("ik werk vrijdag toch niet thuis", (FRIDAY,)),
        ("geen thuiswerk vrijdag", (FRIDAY,)),
        ("ik ben morgen niet thuis", (TUESDAY,)),
        ("zeg mijn thuiswerk van donderdag af", (THURSDAY,)),
        # fr
        ("annule mon télétravail de jeudi", (THURSDAY,)),
        ("je ne suis pas en télétravail vendredi", (FRIDAY,)),
        ("supprime mon télétravail de demain", (TUESDAY,)),
    ],
)
def test_a_cancel_word_or_a_negation_with_telework_cancels_telework(
    text: str, dates: tuple[date, ...]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.CANCEL_TELEWORK
    assert understanding.dates == dates


@pytest.mark.parametrize(
    "text",
    [
        "ik ben niet thuis maar op kantoor morgen",
        "ik werk morgen niet thuis, ik kom naar kantoor",
        "I'm not working from home tomorrow, I'm coming to the office",
        "not at home but in the office tomorrow",
        "je ne suis pas en télétravail demain, je viens au bureau",
        "pas de télétravail demain, je serai au bureau",
    ],
)
def test_a_negated_telework_word_with_the_office_is_a_booking(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.dates == (TUESDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "ik kom donderdag toch naar kantoor",
        "I'm coming to the office on Thursday after all",
        "je viens quand même au bureau jeudi",
    ],
)
def test_coming_to_the_office_stays_a_booking(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.dates == (THURSDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "cancel my desk, I'm working from home Thursday",
        "annuleer mijn reservatie van donderdag, ik werk thuis",
        "annule ma réservation de jeudi, je suis en télétravail",
    ],
)
def test_cancelling_a_desk_because_of_telework_cancels_the_desk(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.CANCEL
    assert understanding.dates == (THURSDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "book a desk, home is too noisy tomorrow",
        "boek een plek morgen, thuis is het te druk",
        "réserve un bureau demain, à la maison c'est trop bruyant",
    ],
)
def test_an_at_home_word_beside_a_desk_booking_stays_a_booking(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.dates == (TUESDAY,)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # en
        ("my telework this month", NOVEMBER),
        ("telework in November", NOVEMBER),
        ("how many days did I work from home", None),
        ("how many days did I work from home last month", OCTOBER),
        ("my telework", None),
        ("show my telework for next week", NEXT_WEEK),
        ("when am I working from home?", None),
        # nl
        ("mijn thuiswerk deze maand", NOVEMBER),
        ("thuiswerkdagen vorige maand", OCTOBER),
        ("thuiswerk in oktober", OCTOBER),
        ("mijn thuiswerk", None),
        ("hoeveel thuiswerkdagen heb ik deze week", THIS_WEEK),
        ("toon mijn thuiswerk", None),
        ("wanneer werk ik thuis", None),
        # fr
        ("mon télétravail ce mois-ci", NOVEMBER),
        ("combien de jours de télétravail le mois dernier", OCTOBER),
        ("mon télétravail", None),
        ("mes jours de télétravail en octobre", OCTOBER),
        ("aperçu du télétravail de la semaine prochaine", NEXT_WEEK),
    ],
)
def test_asking_about_telework_or_naming_a_period_is_an_overview(
    text: str, period: tuple[date, date] | None
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK_OVERVIEW
    assert understanding.period == period
    assert understanding.dates == ()


@pytest.mark.parametrize(
    "text",
    [
        "am I working from home tomorrow?",
        "ben ik morgen thuis?",
        "suis-je en télétravail demain ?",
    ],
)
def test_a_question_about_a_telework_day_is_an_overview_of_that_day(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TELEWORK_OVERVIEW
    assert understanding.dates == (TUESDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "I'm going home",
        "I'm sick at home tomorrow",
        "ik ga naar huis",
        "ik ben morgen ziek thuis",
        "je rentre à la maison",
        "je suis malade à la maison demain",
    ],
)
def test_home_without_work_or_with_another_errand_is_not_telework(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "how do I register telework?",
        "hoe registreer ik thuiswerk?",
        "comment déclarer du télétravail ?",
    ],
)
def test_asking_how_telework_works_is_help(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.HELP
