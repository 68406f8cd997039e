"""Presence, who is where: who is in, where is someone, my team's week, booking next to someone."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import (
    DECEMBER,
    FRIDAY,
    MONDAY,
    NEXT_WEEK,
    THIS_WEEK,
    THURSDAY,
    TUESDAY,
)
from werkplek.dayparts import DayPart
from werkplek.language import Intent, PlaceName, Places, parse

FLOOR_2 = "hq/floor-2"
PLACES = Places(zones=(PlaceName(FLOOR_2, ("Verdieping 2", "Étage 2", "Floor 2")),))


@pytest.mark.parametrize(
    ("text", "dates", "zone"),
    [
        # en
        ("who's in Thursday?", (THURSDAY,), None),
        ("who is in the office tomorrow", (TUESDAY,), None),
        ("whos in tomorrow", (TUESDAY,), None),
        ("who else is coming Friday?", (FRIDAY,), None),
        ("who is on Floor 2 on Friday", (FRIDAY,), FLOOR_2),
        ("tell me who is in tomorrow", (TUESDAY,), None),
        ("who's in?", (), None),
        ("where is everyone tomorrow", (TUESDAY,), None),
        # nl
        ("wie is er donderdag?", (THURSDAY,), None),
        ("wie komt er morgen naar kantoor", (TUESDAY,), None),
        ("wie zit er vrijdag op Verdieping 2", (FRIDAY,), FLOOR_2),
        ("weet je wie er morgen komt?", (TUESDAY,), None),
        ("wie is er vandaag aanwezig", (MONDAY,), None),
        ("komt iedereen morgen?", (TUESDAY,), None),
        ("hallo, wie is er donderdag op kantoor?", (THURSDAY,), None),
        # fr
        ("qui est au bureau jeudi ?", (THURSDAY,), None),
        ("qui vient demain ?", (TUESDAY,), None),
        ("qui d'autre vient jeudi ?", (THURSDAY,), None),
        ("qui sera là vendredi ?", (FRIDAY,), None),
        ("qui est à l'étage 2 demain ?", (TUESDAY,), FLOOR_2),
        ("où est tout le monde demain ?", (TUESDAY,), None),
    ],
)
def test_asking_who_is_in_gives_the_day_and_zone_but_books_nothing(
    text: str, dates: tuple[date, ...], zone: str | None
) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert understanding.intent is Intent.WHO_IS_IN
    assert understanding.dates == dates
    assert understanding.zone == zone
    assert understanding.person is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("who is in next week", NEXT_WEEK),
        ("wie komt er deze week", THIS_WEEK),
        ("qui vient la semaine prochaine ?", NEXT_WEEK),
    ],
)
def test_asking_who_is_in_during_a_week_gives_that_week(
    text: str, period: tuple[date, date]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.WHO_IS_IN
    assert understanding.period == period


@pytest.mark.parametrize(
    ("text", "person", "dates"),
    [
        # en
        ("where is Bert on Tuesday?", "Bert", (TUESDAY,)),
        ("where's Bert tomorrow", "Bert", (TUESDAY,)),
        ("Where is Chloé Dubois tomorrow?", "Chloé Dubois", (TUESDAY,)),
        ("can you tell me where Bert is on Friday", "Bert", (FRIDAY,)),
        ("is Bert in the office Thursday?", "Bert", (THURSDAY,)),
        ("will Bert be in on Friday?", "Bert", (FRIDAY,)),
        ("is Bert coming in tomorrow", "Bert", (TUESDAY,)),
        ("does Bert come in Thursday", "Bert", (THURSDAY,)),
        ("hi, is Bert working from home Friday?", "Bert", (FRIDAY,)),
        ("where is Bert", "Bert", ()),
        # nl
        ("waar zit An morgen?", "An", (TUESDAY,)),
        ("waar is Chloé vrijdag", "Chloé", (FRIDAY,)),
        ("komt An donderdag?", "An", (THURSDAY,)),
        ("zit An morgen op kantoor?", "An", (TUESDAY,)),
        ("is An er morgen?", "An", (TUESDAY,)),
        ("werkt Bert morgen thuis?", "Bert", (TUESDAY,)),
        ("weet je waar An morgen zit?", "An", (TUESDAY,)),
        ("waar zit Els De Smet morgen", "Els De Smet", (TUESDAY,)),
        ("An komt donderdag?", "An", (THURSDAY,)),
        # fr
        ("où est Chloé demain ?", "Chloé", (TUESDAY,)),
        ("Bert vient-il jeudi ?", "Bert", (THURSDAY,)),
        ("Chloé est-elle au bureau demain ?", "Chloé", (TUESDAY,)),
        ("Chloé sera-t-elle là jeudi ?", "Chloé", (THURSDAY,)),
        ("est-ce que Chloé vient demain ?", "Chloé", (TUESDAY,)),
        ("où est-ce que Marie-Claire travaille vendredi ?", "Marie-Claire", (FRIDAY,)),
    ],
)
def test_asking_where_someone_is_keeps_the_name_as_typed(
    text: str, person: str, dates: tuple[date, ...]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.WHERE_IS
    assert understanding.person == person
    assert understanding.dates == dates


@pytest.mark.parametrize(
    ("text", "person", "dates"),
    [
        ("where is May on Tuesday?", "May", (TUESDAY,)),
        ("where is Will tomorrow?", None, (TUESDAY,)),  # "will" is a verb: not read as a name
        ("waar is Jan morgen", "Jan", (TUESDAY,)),
        ("komt Dag donderdag?", "Dag", (THURSDAY,)),
        ("où est Mars demain ?", "Mars", (TUESDAY,)),
        ("où est Juin jeudi ?", "Juin", (THURSDAY,)),
    ],
)
def test_a_name_that_is_also_a_known_word_is_a_name(
    text: str, person: str | None, dates: tuple[date, ...]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.person == person
    assert understanding.dates == dates
    assert understanding.period is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("WHERE IS BERT THURSDAY", "BERT"),
        ("waar zit an donderdag", "an"),
        ("komt pieter janssens donderdag?", "pieter janssens"),
        ("où est Zoë Lefèvre jeudi ?", "Zoë Lefèvre"),
        ("waar zit An eigenlijk donderdag", "An"),
    ],
)
def test_a_name_ends_where_its_capitals_or_unknown_words_end(text: str, person: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.WHERE_IS
    assert understanding.person == person
    assert understanding.dates == (THURSDAY,)


@pytest.mark.parametrize(
    ("text", "period", "dates"),
    [
        # en
        ("my team this week", THIS_WEEK, ()),
        ("team next week", NEXT_WEEK, ()),
        ("where is my team", None, ()),
        ("my colleagues next week", NEXT_WEEK, ()),
        ("is my team in on Thursday?", None, (THURSDAY,)),
        # nl
        ("mijn team deze week", THIS_WEEK, ()),
        ("ons team volgende week", NEXT_WEEK, ()),
        ("wie van mijn team komt deze week", THIS_WEEK, ()),
        ("waar zit de ploeg morgen", None, (TUESDAY,)),
        ("mijn team in december", DECEMBER, ()),
        # fr
        ("mon équipe cette semaine", THIS_WEEK, ()),
        ("qui de mon équipe vient la semaine prochaine ?", NEXT_WEEK, ()),
        ("où est mon équipe ?", None, ()),
    ],
)
def test_my_team_is_the_team_week_with_the_week_named(
    text: str, period: tuple[date, date] | None, dates: tuple[date, ...]
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.TEAM_WEEK
    assert understanding.period == period
    assert understanding.dates == dates


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("book a desk for my team next week", Intent.BOOK),
        ("boek een plek bij mijn team morgen", Intent.BOOK),
        ("réserve un bureau pour mon équipe jeudi", Intent.BOOK),
        ("cancel my team's bookings", Intent.CANCEL),
        ("annuleer de reservaties van mijn team", Intent.CANCEL),
        ("annule les réservations de mon équipe", Intent.CANCEL),
    ],
)
def test_booking_or_cancelling_for_my_team_is_not_the_team_week(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY).intent is intent


@pytest.mark.parametrize(
    ("text", "person", "dates", "part"),
    [
        # en
        ("book next to Bert", "Bert", (), DayPart.FULL),
        ("book a desk near An on Thursday", "An", (THURSDAY,), DayPart.FULL),
        ("next to Bert tomorrow afternoon", "Bert", (TUESDAY,), DayPart.AFTERNOON),
        ("a seat close to Chloé Dubois on Friday", "Chloé Dubois", (FRIDAY,), DayPart.FULL),
        ("where can I sit next to Bert on Thursday?", "Bert", (THURSDAY,), DayPart.FULL),
        ("book next to May on Thursday", "May", (THURSDAY,), DayPart.FULL),
        # nl
        ("boek naast Bert donderdag", "Bert", (THURSDAY,), DayPart.FULL),
        ("een plek naast An morgen", "An", (TUESDAY,), DayPart.FULL),
        ("reserveer een plek in de buurt van Jan vrijdag", "Jan", (FRIDAY,), DayPart.FULL),
        ("naast Els De Smet donderdagvoormiddag", "Els De Smet", (THURSDAY,), DayPart.MORNING),
        # fr
        ("réserve à côté de Chloé jeudi", "Chloé", (THURSDAY,), DayPart.FULL),
        ("un bureau près de Bert demain", "Bert", (TUESDAY,), DayPart.FULL),
        ("une place à côté d'An vendredi matin", "An", (FRIDAY,), DayPart.MORNING),
    ],
)
def test_booking_next_to_someone_is_book_with_their_name(
    text: str, person: str, dates: tuple[date, ...], part: DayPart
) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.person == person
    assert understanding.dates == dates
    assert understanding.part is part


@pytest.mark.parametrize(
    "text",
    [
        "book a desk near the window on Thursday",
        "book a desk near an empty desk on Thursday",
        "boek een plek naast de printer donderdag",
        "boek een plek donderdag, bij voorkeur aan het raam",
        "réserve une place près de la fenêtre jeudi",
        "réserve une place à côté de l'entrée jeudi",
    ],
)
def test_booking_near_a_thing_names_no_person(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.BOOK
    assert understanding.person is None
    assert understanding.dates == (THURSDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "cancel my desk next to Bert on Thursday",
        "annuleer mijn plek naast An donderdag",
        "annule ma place à côté de Chloé jeudi",
    ],
)
def test_cancelling_a_desk_next_to_someone_is_a_cancel_without_a_person(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.CANCEL
    assert understanding.person is None
    assert understanding.dates == (THURSDAY,)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # questions about one's own desk stay LIST
        ("where do I sit thursday", Intent.LIST),
        ("where do I sit on Thursday?", Intent.LIST),
        ("where is my desk tomorrow", Intent.LIST),
        ("waar zit ik donderdag", Intent.LIST),
        ("waar is mijn bureau morgen", Intent.LIST),
        ("où est mon bureau jeudi ?", Intent.LIST),
        # permanence questions stay PERMANENCE
        ("who is on duty this week", Intent.PERMANENCE),
        ("is An on duty Friday?", Intent.PERMANENCE),
        ("wie heeft permanentie deze week", Intent.PERMANENCE),
        ("wie is er van permanentie donderdag?", Intent.PERMANENCE),
        ("qui est de permanence jeudi ?", Intent.PERMANENCE),
        # coming in oneself stays BOOK
        ("I'll be in the office Thursday", Intent.BOOK),
        ("is there a desk free tomorrow?", Intent.BOOK),
        ("ik kom donderdag naar kantoor", Intent.BOOK),
        ("is er morgen nog plaats?", Intent.BOOK),
        ("je viens au bureau jeudi", Intent.BOOK),
        ("lundi ou mardi", Intent.BOOK),
        # one's own telework stays telework
        ("am I working from home tomorrow?", Intent.TELEWORK_OVERVIEW),
        ("ik werk morgen thuis", Intent.TELEWORK),
        ("je suis en télétravail jeudi", Intent.TELEWORK),
    ],
)
def test_own_bookings_permanence_and_telework_keep_their_intent(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY).intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "who is working from home Friday",
        "wie werkt er vrijdag thuis",
        "qui est en télétravail vendredi ?",
    ],
)
def test_asking_who_works_from_home_is_who_is_in_not_a_telework_overview(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.WHO_IS_IN
    assert understanding.dates == (FRIDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "where is the coffee machine",
        "who is Bert",
        "waar kan ik parkeren",
        "wie ben jij",
        "où est la salle de réunion ?",
        "qui es-tu ?",
    ],
)
def test_questions_about_no_one_are_not_presence(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent not in (Intent.WHO_IS_IN, Intent.WHERE_IS, Intent.TEAM_WEEK)
    assert understanding.person is None


@pytest.mark.parametrize(
    "text",
    [
        "where is " + "Bert " * 300,
        "waar " * 300,
        "komt " * 300 + "?",
        "naast " * 300,
        "à côté de " * 100,
        "who who who is is in in",
        "est-ce que est-ce que ?",
        "Bert vient-il vient-il",
        "wie van mijn team team team",
        "?? waar ?? is ?? An ??",
        "where is 😀 tomorrow",
        "naast \ue000 morgen",
    ],
)
def test_odd_presence_messages_do_not_crash(text: str) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert not any(note.startswith("error") for note in understanding.notes)
