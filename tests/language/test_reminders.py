"""Proactive reminders: the settings card, all off, all back on, in nl, fr and en."""

from __future__ import annotations

import pytest

from tests.language.calendar_days import MONDAY, THURSDAY, TUESDAY
from werkplek.language import Intent, PlaceName, Places, parse

REMINDER_INTENTS = (Intent.REMINDERS, Intent.STOP_REMINDERS, Intent.START_REMINDERS)
PLACES = Places(zones=(PlaceName("hq/floor-1", ("Verdieping 1",)),))

SETTINGS = [
    # en
    "reminders",
    "Reminders",
    "my reminders",
    "reminder settings",
    "notifications",
    "notification settings",
    "change my reminders",
    "show my reminders",
    "reminder",
    "notifs",
    "help with reminders",
    "reminders please",
    # nl
    "herinneringen",
    "mijn herinneringen",
    "meldingen",
    "instellingen herinneringen",
    "herinneringsinstellingen",
    "mijn meldingen aanpassen",
    "toon mijn herinneringen",
    "notificaties",
    "notificatie-instellingen",
    "herinnering",
    "reminders aanpassen",
    # fr
    "rappels",
    "mes rappels",
    "paramètres des rappels",
    "notifications",
    "mes notifications",
    "modifier mes rappels",
    "réglages des rappels",
    "rappel",
    "voir mes rappels",
]

STOP = [
    # en
    "stop reminders",
    "stop the reminders",
    "turn off reminders",
    "no more reminders",
    "unsubscribe",
    "mute reminders",
    "stop all reminders",
    "stop all notifications please",
    "turn all reminders off",
    "turn the notifications off",
    "switch off reminders",
    "reminders off",
    "disable notifications",
    "pause reminders",
    "silence notifications",
    "put the reminders on hold",
    "no reminders please",
    "no notifications",
    "I don't want any reminders",
    "I no longer want notifications",
    "I want to stop receiving reminders",
    "please stop sending me reminders",
    "do not send me reminders",
    "cancel my reminders",
    "delete all reminders",
    "unsubscribe me",
    "unsubscribe from reminders",
    "opt out",
    "stop reminding me",
    "stop notifying me",
    "don't remind me",
    "never remind me again",
    "I don't want to be reminded anymore",
    "can you turn off the reminders?",
    "hi, stop reminders",
    # nl
    "stop herinneringen",
    "geen herinneringen meer",
    "zet de herinneringen uit",
    "herinneringen uitzetten",
    "stop met herinneringen",
    "ik wil geen meldingen meer",
    "geen meldingen",
    "meldingen uitschakelen",
    "schakel de meldingen uit",
    "zet alle herinneringen af",
    "zet de meldingen af",
    "herinneringen stopzetten",
    "alle meldingen uit graag",
    "stuur me geen herinneringen meer",
    "ik wil geen herinneringen meer ontvangen",
    "herinneringen verwijderen",
    "ik meld me af voor de herinneringen",
    "ik wil niet meer herinnerd worden",
    "kan je de meldingen uitzetten?",
    "uitschrijven",
    "goeie morgen, zet de herinneringen uit",
    # fr
    "arrête les rappels",
    "désactive les rappels",
    "plus de rappels",
    "stop rappels",
    "pas de rappels",
    "aucun rappel",
    "je ne veux plus de rappels",
    "je ne veux plus de notifications",
    "désactiver les notifications",
    "coupe les notifications",
    "supprime les rappels",
    "arrête de me rappeler",
    "se désabonner",
    "désabonne-moi",
    "bonjour, plus de rappels svp",
]

START = [
    # en
    "start reminders",
    "turn reminders back on",
    "turn on reminders",
    "turn the notifications back on",
    "switch reminders on",
    "notifications on please",
    "resume reminders",
    "enable notifications",
    "reactivate reminders",
    "re-enable reminders",
    "unmute reminders",
    "send me reminders again",
    "I want reminders again",
    "start reminding me again",
    # nl
    "herinneringen aanzetten",
    "zet de herinneringen weer aan",
    "herinneringen weer aanzetten",
    "zet de meldingen terug aan",
    "schakel de herinneringen in",
    "meldingen inschakelen",
    "activeer herinneringen",
    "herinneringen hervatten",
    "herinneringen aan",
    # fr
    "active les rappels",
    "réactive les rappels",
    "réactiver les notifications",
    "remets les rappels",
    "reprendre les rappels",
    "rallume les notifications",
    "je veux de nouveau des rappels",
]


@pytest.mark.parametrize("text", SETTINGS)
def test_naming_the_reminders_opens_their_settings(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.REMINDERS


@pytest.mark.parametrize("text", STOP)
def test_stopping_the_reminders_is_stop_reminders(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.STOP_REMINDERS


@pytest.mark.parametrize("text", START)
def test_turning_the_reminders_back_on_is_start_reminders(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.START_REMINDERS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # no reminder word at all: the usual order
        ("book a desk Thursday", Intent.BOOK),
        ("ik werk morgen thuis", Intent.TELEWORK),
        ("stop following Bert", Intent.UNFOLLOW),
        ("cancel my desk tomorrow", Intent.CANCEL),
        ("arrête de suivre Chloé", Intent.UNFOLLOW),
        ("volg Bert niet meer", Intent.UNFOLLOW),
        ("stop by the office tomorrow", Intent.BOOK),
        ("I'm off tomorrow", Intent.BOOK),
        ("hide my plans", Intent.PRIVACY),
        # "remind me" asks for a one-off reminder: the errand it names decides
        ("remind me to book a desk Thursday", Intent.BOOK),
        ("remind me to cancel my desk tomorrow", Intent.CANCEL),
        ("remind me tomorrow", Intent.BOOK),
        ("herinner me eraan dat ik morgen thuis werk", Intent.TELEWORK),
        ("herinner me eraan om donderdag een plek te boeken", Intent.BOOK),
        ("rappelle-moi de réserver un bureau jeudi", Intent.BOOK),
        ("rappelle-moi que je télétravaille vendredi", Intent.TELEWORK),
        ("notify me when Bert books a desk", Intent.BOOK),
        # a reminder noun with another errand and a date, or a booking verb
        ("reminder: book a desk Thursday", Intent.BOOK),
        ("reminder: cancel my desk tomorrow", Intent.CANCEL),
        ("reminder: wfh Friday", Intent.TELEWORK),
        ("reminder thuiswerk vrijdag", Intent.TELEWORK),
        ("herinnering: ik kom donderdag", Intent.BOOK),
        ("rappel : télétravail vendredi", Intent.TELEWORK),
        ("rappel : réserver un bureau jeudi", Intent.BOOK),
        ("reminder stop by the office tomorrow", Intent.BOOK),
    ],
)
def test_other_errands_keep_their_intent(text: str, intent: Intent) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is intent


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("remind me to book a desk Thursday", (THURSDAY,)),
        ("reminder: book a desk Thursday", (THURSDAY,)),
        ("remind me to cancel my desk tomorrow", (TUESDAY,)),
        ("herinner me eraan dat ik morgen thuis werk", (TUESDAY,)),
    ],
)
def test_a_reminder_word_does_not_lose_the_dates_of_another_errand(
    text: str, dates: tuple[object, ...]
) -> None:
    assert parse(text, MONDAY).dates == dates


@pytest.mark.parametrize(
    "text",
    [
        # one kind of reminder, named by another errand's words: switched on the card
        "telework reminders",
        "my desk reminders",
        "stop the duty reminders",
        "turn off the telework reminders",
        "geen herinneringen meer over mijn reservaties",
        "herinneringen aan mijn reservaties",
        "zet de herinneringen aan mijn boeking uit",
        "rappels de permanence",
        "désactive les rappels de télétravail",
        "stop reminding me to book a desk",
        # one kind of reminder by its schedule
        "stop the daily reminder",
        "stop the weekly reminders",
        "geen dagelijkse herinneringen meer",
        "zet de weekplanning herinnering uit",
        "désactive le rappel quotidien",
        "stop the approval reminders",
        "stop the day before reminder",
        "notifications for my team",
        "stop the reminders for my team",
        # a day, a half day, a recurrence or a period: reminders are switched for good
        "stop reminders tomorrow",
        "geen herinneringen meer vanaf morgen",
        "pas de rappels vendredi",
        "stop the morning reminders",
        "no reminders every Monday",
        "stop reminders next week",
        "cancel Thursday's reminder",
        # questions
        "how do I turn off the reminders?",
        "how do reminders work?",
        "why do I get notifications",
        "are my reminders on?",
        "what are my reminders",
        "waarom krijg ik herinneringen?",
        "hoe zet ik de meldingen uit?",
        "waar kan ik de herinneringen uitzetten",
        "wanneer komen de herinneringen",
        "comment désactiver les rappels ?",
        "pourquoi je reçois des rappels ?",
        "est-ce que les rappels sont actifs",
        # complaints: no stop
        "I didn't get a reminder",
        "I'm not getting notifications",
        "I never got reminded",
        "ik heb geen herinnering gekregen",
        "ik krijg geen herinneringen meer",
        "je n'ai pas reçu de rappel",
        "je ne reçois plus de rappels",
        "no more reminders?",
        "my reminders aren't working",
        "the reminders come too early",
        # a state, not a switch
        "all reminders are off",
        "my reminders are on",
        "mijn meldingen staan aan",
        "les rappels sont désactivés ?",
        # both switches
        "turn off reminders and turn on notifications",
        "zet de herinneringen aan en uit",
        "turn reminders on and off",
        # privacy and team words with a reminder word
        "hide my notifications",
        "reminders for Verdieping 1",
    ],
)
def test_a_reminder_that_cannot_be_switched_all_at_once_opens_the_settings(text: str) -> None:
    understanding = parse(text, MONDAY, PLACES)
    assert understanding.intent is Intent.REMINDERS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("remnders", Intent.REMINDERS),
        ("reminderss", Intent.REMINDERS),
        ("herinneringn", Intent.REMINDERS),
        ("herinnerigen", Intent.REMINDERS),
        ("notifcations", Intent.REMINDERS),
        ("rapels", Intent.REMINDERS),
        ("melidngen", Intent.REMINDERS),
        ("stop the remnders", Intent.STOP_REMINDERS),
        ("geen herinneringn meer", Intent.STOP_REMINDERS),
        ("désactive les rapels", Intent.STOP_REMINDERS),
        ("unsubscibe", Intent.STOP_REMINDERS),
        ("turn on notifcations", Intent.START_REMINDERS),
        ("zet de herinnerigen weer aan", Intent.START_REMINDERS),
    ],
)
def test_one_typo_in_a_reminder_word_is_tolerated(text: str, intent: Intent) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "stop",
        "start",
        "mute",
        "stop!",
        "remind me",
        "you never remind me",
        "you don't remind me anymore",
        "ik herinner me niet meer waar ik zat",
        "ik herinner me dat ik morgen thuis werk",
        "je ne me rappelle plus où je suis assis",
        "rappelle-moi",
        "the remainder of the week",
        "un appel demain",
        "appel jeudi",
        "stop following Bert",
        "I'm off tomorrow",
        "turn on the lights",
        "zet de verwarming aan",
        "plus de place jeudi ?",
    ],
)
def test_messages_that_name_no_reminder_setting_are_not_about_reminders(text: str) -> None:
    assert parse(text, MONDAY).intent not in REMINDER_INTENTS


@pytest.mark.parametrize(
    "text",
    ["zet An op permanentie vrijdag en stuur haar een herinnering", "set An on duty, notify her"],
)
def test_putting_someone_on_permanence_wins_over_a_reminder_word(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.SET_PERMANENCE
    assert understanding.person == "An"


@pytest.mark.parametrize(
    "text",
    [
        "reminders",
        "stop reminders",
        "start reminders",
        "hide my notifications",
        "notifications from Bert",
        "stop the reminders about Bert",
        "where is Bert? stop the reminders",
        "follow Bert's reminders",
    ],
)
def test_reminder_intents_carry_no_person_or_visibility(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent in REMINDER_INTENTS
    assert understanding.person is None
    assert understanding.visibility is None


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("reminders", "reminders: the settings"),
        ("stop reminders", "reminders: stop_reminders"),
        ("turn on reminders", "reminders: start_reminders"),
        ("stop reminders tomorrow", "reminders: a switch with a date"),
        ("stop the daily reminder", "reminders: one kind of reminder"),
        ("how do I stop the reminders?", "reminders: a question"),
        ("ik krijg geen herinneringen meer", "reminders: a complaint"),
    ],
)
def test_notes_say_why_a_reminder_intent_was_chosen(text: str, note: str) -> None:
    assert note in parse(text, MONDAY).notes


@pytest.mark.parametrize(
    "text",
    [
        "reminders " * 300,
        "stop " * 200 + "reminders",
        "geen geen meer meer herinneringen herinneringen",
        "turn on off on off reminders",
        "reminders, , , ; ? off",
        "off",
        "on",
        "aan uit",
        "plus de",
        "don't",
        "herinneringen 😀",
        "unsubscribe " * 100,
        "opt",
        "rappels ? ? ?",
    ],
)
def test_odd_reminder_messages_do_not_crash(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert not any(note.startswith("error") for note in understanding.notes)
