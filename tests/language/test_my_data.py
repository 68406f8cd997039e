"""The user's own data (GDPR): everything stored about me, or deleting it, in nl, fr and en."""

from __future__ import annotations

import pytest

from tests.language.calendar_days import MONDAY
from werkplek.language import Intent, PlaceName, Places, parse

MY_DATA_INTENTS = (Intent.MY_DATA, Intent.DELETE_MY_DATA)
PLACES = Places(zones=(PlaceName("hq/floor-1", ("Verdieping 1",)),))

SHOW = [
    # en
    "my data",
    "My data",
    "my personal data",
    "show my data",
    "what data do you have about me?",
    "what data do you keep on me",
    "what do you know about me",
    "what do you store about me?",
    "what information do you have about me",
    "export my data",
    "download my data please",
    "I want a copy of my data",
    "GDPR",
    "gdpr request",
    "right of access",
    "hi, my data",
    "don't delete my data",
    "who can see my data",
    # nl
    "mijn gegevens",
    "Mijn gegevens",
    "mijn persoonsgegevens",
    "toon mijn gegevens",
    "welke gegevens bewaar je over mij?",
    "welke gegevens heeft Werkplek over mij?",
    "wat weet je over mij",
    "wat bewaar je over mij",
    "informatie over mij",
    "mijn data",
    "download mijn gegevens",
    "export van mijn gegevens",
    "inzage in mijn gegevens",
    "inzagerecht",
    "AVG",
    "verwijder mijn gegevens niet",
    "m'n gegevens graag",
    # fr
    "mes données",
    "Mes données",
    "mes données personnelles",
    "montre mes données",
    "quelles données avez-vous sur moi ?",
    "qu'est-ce que tu sais sur moi",
    "que savez-vous de moi",
    "télécharger mes données",
    "je veux télécharger mes données",
    "exporter mes données",
    "RGPD",
    "droit d'accès",
    "ne supprime pas mes données",
    "bonjour, mes données svp",
]

DELETE = [
    # en
    "delete my data",
    "Delete my data",
    "delete all my data",
    "erase my data",
    "remove my personal data",
    "wipe my data",
    "please delete everything you know about me",
    "delete my account",
    "forget me",
    "please forget me",
    "I want to be forgotten",
    "right to be forgotten",
    "how do I delete my data?",
    "can you delete my data?",
    "GDPR: delete my data",
    "data deletion",
    # nl
    "verwijder mijn gegevens",
    "verwijder al mijn gegevens",
    "verwijder al mijn gegevens uit Werkplek",
    "wis mijn gegevens",
    "mijn gegevens wissen",
    "mijn gegevens verwijderen aub",
    "verwijder mijn account",
    "verwijder mijn profiel",
    "vergeet mij",
    "vergeet me",
    "ik wil vergeten worden",
    "recht om vergeten te worden",
    "recht op vergetelheid",
    "hoe verwijder ik mijn gegevens?",
    "schrap mijn persoonsgegevens",
    # fr
    "supprime mes données",
    "supprimez mes données personnelles",
    "supprimer toutes mes données",
    "efface mes données",
    "effacer mes données",
    "supprime mon compte",
    "oublie-moi",
    "oubliez-moi",
    "droit à l'oubli",
    "suppression de mes données",
    "comment supprimer mes données ?",
]


@pytest.mark.parametrize("text", SHOW)
def test_asking_for_my_data_is_my_data(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.MY_DATA


@pytest.mark.parametrize("text", DELETE)
def test_asking_to_delete_my_data_is_delete_my_data(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.DELETE_MY_DATA


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("mes donées", Intent.MY_DATA),
        ("mijn gegevns", Intent.MY_DATA),
        ("mijn persoonsgegevns", Intent.MY_DATA),
        ("verwijder mijn gegeven", Intent.DELETE_MY_DATA),
        ("supprime mes donnés", Intent.DELETE_MY_DATA),
    ],
)
def test_one_typo_in_a_longer_data_word_is_tolerated(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY).intent is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # no data word: the usual order
        ("delete my bookings", Intent.CANCEL),
        ("verwijder mijn reservatie donderdag", Intent.CANCEL),
        ("supprime ma réservation jeudi", Intent.CANCEL),
        ("delete all reminders", Intent.STOP_REMINDERS),
        ("supprime les rappels", Intent.STOP_REMINDERS),
        ("remove Bert from my favourites", Intent.UNFOLLOW),
        ("I forgot my badge, book a desk tomorrow", Intent.BOOK),
        ("forget it", Intent.UNKNOWN),
        ("my account", Intent.UNKNOWN),
        ("privacy", Intent.PRIVACY),
        # someone else's data: only one's own can be seen or deleted
        ("delete Bert's data", Intent.CANCEL),
        ("de gegevens van An", Intent.UNKNOWN),
        ("verwijder de gegevens van Jan", Intent.CANCEL),
        ("les données de Chloé", Intent.UNKNOWN),
        # a day named: that day's errand
        ("verwijder mijn gegevens van donderdag", Intent.CANCEL),
        ("my data tomorrow", Intent.BOOK),
        # a booking word
        ("book the data room Thursday", Intent.BOOK),
        ("book a desk in Verdieping 1 near the data team", Intent.BOOK),
        # who sees my plans is the privacy setting
        ("hide my data", Intent.PRIVACY),
        ("verberg mijn gegevens", Intent.PRIVACY),
    ],
)
def test_other_errands_keep_their_intent(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY, PLACES).intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "GDPR: forget me tomorrow",
        "recht op vergetelheid vanaf maandag",
        "droit à l'oubli la semaine prochaine",
    ],
)
def test_being_forgotten_wins_over_a_day(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.DELETE_MY_DATA


@pytest.mark.parametrize(
    "text",
    [
        "zet An op permanentie vrijdag en verwijder haar gegevens",
        "set An on duty, delete my data later",
    ],
)
def test_putting_someone_on_permanence_wins_over_a_data_word(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.SET_PERMANENCE
    assert understanding.person == "An"


@pytest.mark.parametrize("text", ["my data", "delete my data", "vergeet mij", "mes données"])
def test_my_data_intents_carry_no_person_visibility_or_day(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent in MY_DATA_INTENTS
    assert understanding.person is None
    assert understanding.visibility is None
    assert understanding.dates == ()


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("my data", "my data: show"),
        ("delete my data", "a delete word"),
        ("don't delete my data", "a negated delete"),
        ("vergeet mij", "being forgotten"),
        ("RGPD", "the GDPR named"),
    ],
)
def test_notes_say_why_a_my_data_intent_was_chosen(text: str, note: str) -> None:
    assert note in parse(text, MONDAY).notes


@pytest.mark.parametrize(
    "text",
    [
        "data " * 300,
        "delete " * 200 + "my data",
        "verwijder verwijder gegevens gegevens niet niet",
        "Bert's",
        "'s data",
        "data van",
        "de",
        "forget",
        "oublie",
        "right to be",
        "données 😀",
        "gdpr " * 100,
        "données de 'Chloé'",
        "DATA OF BERT",
    ],
)
def test_odd_data_messages_do_not_crash(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert not any(note.startswith("error") for note in understanding.notes)
