"""Intent: book, list, cancel, help or unknown, in nl, fr and en."""

from __future__ import annotations

import pytest

from tests.language.calendar_days import MONDAY
from werkplek.language import Intent, parse

BOOK = [
    # en
    "book me a desk Thursday",
    "can I get a desk tomorrow?",
    "I need a spot on Friday",
    "reserve a workplace for next Tuesday",
    "I'll be in the office Thursday",
    "book desk 2.03 on Friday",
    "book a desk",
    "could you please book me a desk for thursday thanks",
    "I would like a seat on Wednesday",
    "please reserve a workspace for me",
    "I'm coming to the office on Friday",
    "make a reservation for tomorrow",
    "tomorrow please",
    "Thursday",
    "tomorrow afternoon",
    "any desk free on Friday?",
    # nl
    "boek een bureau donderdag",
    "ik wil graag een werkplek reserveren voor maandag",
    "reserveer een plaats",
    "reserveer een plek",
    "reserveer een bureau",
    "reserveer een werkplek",
    "reserveer een flexplek",
    "ik kom donderdag naar kantoor",
    "boek een plek op verdieping 1 maandag",
    "kan ik morgen een plekje krijgen",
    "ik heb vrijdag een bureau nodig",
    "donderdag",
    "morgen graag",
    "een reservatie voor donderdag",
    "mag ik een plaats voor woensdag",
    # fr
    "réserve un bureau jeudi",
    "je voudrais réserver une place demain",
    "je voudrais réserver un poste demain",
    "je voudrais réserver un bureau demain",
    "réserver un poste de travail",
    "je viens au bureau jeudi",
    "jeudi",
    "demain après-midi",
    "j'ai besoin d'une place vendredi",
    "est-ce que je peux avoir un bureau lundi ?",
    "je serai au bureau mercredi",
    "faire une réservation pour demain",
]

LIST = [
    # en
    "my bookings",
    "my reservations",
    "show my bookings",
    "what have I booked?",
    "what did I book for next week?",
    "list my reservations",
    "do I have a desk tomorrow?",
    "where do I sit on Thursday?",
    "when am I in the office?",
    "which desk is mine tomorrow",
    "bookings",
    # nl
    "mijn reservaties",
    "mijn boekingen",
    "toon mijn reservaties",
    "wat heb ik geboekt",
    "wat heb ik gereserveerd?",
    "heb ik morgen een plek?",
    "waar zit ik donderdag",
    "overzicht",
    "m'n reserveringen",
    "laat mijn boekingen zien",
    # fr
    "mes réservations",
    "voir mes réservations",
    "quelles sont mes réservations",
    "qu'est-ce que j'ai réservé ?",
    "affiche mes réservations",
    "ai-je un bureau demain ?",
    "ma réservation de jeudi",
    "montre mes reservations de la semaine prochaine",
]

CANCEL = [
    # en
    "cancel my desk Thursday",
    "cancel Thursday",
    "cancel my booking for tomorrow",
    "I don't need my desk on Friday anymore",
    "I no longer need a desk tomorrow",
    "please delete my reservation",
    "I won't come in on Friday",
    "cancel",
    "drop my reservation for tomorrow",
    # nl
    "annuleer donderdag",
    "annuleer mijn reservatie van morgen",
    "schrap mijn boeking van vrijdag",
    "verwijder mijn reservatie",
    "ik heb mijn plek vrijdag niet meer nodig",
    "ik kom donderdag niet",
    "mijn plek van morgen mag weg",
    "zeg mijn plaats van morgen af",
    "reservatie annuleren",
    # fr
    "annule jeudi",
    "annuler ma réservation de demain",
    "supprime ma réservation de vendredi",
    "je n'ai plus besoin de mon bureau jeudi",
    "je ne viens pas vendredi",
    "annulez ma place",
    "retire ma réservation",
]

HELP = [
    # en
    "help",
    "what can you do",
    "what can you do?",
    "how does this work?",
    "?",
    "hi",
    "hello",
    "hey there",
    "good morning",
    "Good afternoon!",
    # nl
    "hulp",
    "help mij",
    "wat kan je",
    "wat kun je doen?",
    "hoe werkt dit",
    "hallo",
    "dag",
    "goeiemorgen",
    "goedemiddag",
    "goeie morgen",
    # fr
    "aide",
    "que peux-tu faire",
    "que pouvez-vous faire ?",
    "comment ça marche ?",
    "bonjour",
    "salut",
    "bonsoir",
    "bon après-midi",
]

UNKNOWN = [
    "",
    "blabla",
    "what's the weather",
    "what's the weather tomorrow",
    "hoe is het weer morgen",
    "quel temps fera-t-il demain",
    "je suis malade demain",
    "ik ben morgen ziek thuis",
    "asdf qwerty",
    "42",
    "the quick brown fox jumps over the lazy dog",
    "hello, what is the capital of France",
]


@pytest.mark.parametrize("text", BOOK)
def test_booking_requests_and_bare_dates_are_book(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.BOOK


@pytest.mark.parametrize("text", LIST)
def test_questions_about_own_bookings_are_list(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.LIST


@pytest.mark.parametrize("text", CANCEL)
def test_cancel_words_and_negated_needs_are_cancel(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.CANCEL


@pytest.mark.parametrize("text", HELP)
def test_help_questions_and_lone_greetings_are_help(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.HELP


@pytest.mark.parametrize("text", UNKNOWN)
def test_unrelated_messages_are_unknown(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.UNKNOWN


FORMERLY_UNKNOWN_TELEWORK = [
    "tomorrow I work from home",
    "morgen werk ik thuis",
    "je travaille de chez moi demain",
    "wfh tomorrow",
]


@pytest.mark.parametrize("text", FORMERLY_UNKNOWN_TELEWORK)
def test_working_from_home_on_a_day_is_telework_not_unknown(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.TELEWORK


@pytest.mark.parametrize(
    "text",
    [
        "cancel my booking",
        "cancel my reservations",
        "annuleer mijn boeking",
        "annuleer mijn reservaties",
        "annuler mes réservations",
        "annule ma réservation",
        "cancel the desk I booked",
        "verwijder wat ik geboekt heb",
    ],
)
def test_cancel_wins_over_booking_and_listing_words(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "hello, book me a desk tomorrow",
        "hallo, boek een plek voor donderdag",
        "bonjour, je voudrais réserver un bureau jeudi",
        "help me book a desk",
        "hi, cancel Thursday please",
    ],
)
def test_greetings_do_not_hide_a_request(text: str) -> None:
    assert parse(text, MONDAY).intent in (Intent.BOOK, Intent.CANCEL)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("my bookings for tomorrow", ("2026-11-24",)),
        ("mijn reservaties van donderdag", ("2026-11-26",)),
        ("mes réservations de jeudi", ("2026-11-26",)),
    ],
)
def test_a_list_request_keeps_its_date(text: str, dates: tuple[str, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.LIST
    assert tuple(day.isoformat() for day in understanding.dates) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("cancel my booking for tomorrow", ("2026-11-24",)),
        ("annuleer mijn reservatie van morgen", ("2026-11-24",)),
        ("annuler ma réservation de demain", ("2026-11-24",)),
    ],
)
def test_a_cancel_request_keeps_its_date(text: str, dates: tuple[str, ...]) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.CANCEL
    assert tuple(day.isoformat() for day in understanding.dates) == dates


@pytest.mark.parametrize(
    "text", ["good morning", "goeie morgen", "goedemorgen", "bonjour", "good afternoon"]
)
def test_a_greeting_names_no_date_or_half_day(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.dates == ()
    assert understanding.part.value == "full"
