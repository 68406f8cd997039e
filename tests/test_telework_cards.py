"""Telework and permanence cards say what they must, in each language.

The cards' validity (Microsoft's library, Teams' limits) is checked on the gallery in
tests/test_cards_valid.py; here: the words, the numbers and the buttons' data.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import config
from cards.actions import ACTION_FIELD, CardAction
from cards.elements import DONE, HOME, PERMANENCE, REFUSED, WARNING
from cards.telework import (
    PENDING,
    approval_card,
    format_hours,
    month_card,
    permanence_card,
    telework_card,
    telework_refused_card,
)
from tests.support.cards_check import problems
from werkplek.booking import Booking, Seat
from werkplek.dayparts import DayPart
from werkplek.i18n import LANGUAGES
from werkplek.organisation import AllowanceTier, Organisation, Team, load_organisation
from werkplek.telework import (
    HomeStatus,
    TeamDay,
    TeleworkDay,
    TeleworkRefusal,
    TeleworkRefused,
    month_totals,
)
from werkplek.telework_service import NotRegistered, Registered

TODAY = date(2026, 11, 23)  # a Monday
THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
AN, BERT, CHLOE, LIEN = (f"{n}@example.org" for n in ("an", "bert", "chloe", "lien"))


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load_organisation(config.DEMO_ORGANISATION)


def social(org: Organisation) -> Team:
    return next(t for t in org.teams if t.id == "sociale-dienst")


def texts(node: Any) -> list[str]:
    """Every text a user reads on the card: text blocks, facts and button titles."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node["text"])
        if node.get("type", "").startswith("Action."):
            found.append(node["title"])
        if "facts" in node:
            found += [f"{f['title']}: {f['value']}" for f in node["facts"]]
        for key, value in node.items():
            if key != "facts":
                found += texts(value)
    elif isinstance(node, list):
        for item in node:
            found += texts(item)
    return found


def words(card: dict[str, Any]) -> str:
    return "\n".join(texts(card))


def submits(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit":
            found.append(node)
        for value in node.values():
            found += submits(value)
    elif isinstance(node, list):
        for item in node:
            found += submits(item)
    return found


def buttons(card: dict[str, Any], action: CardAction) -> list[dict[str, Any]]:
    return [s for s in submits(card) if s["data"][ACTION_FIELD] == action.value]


def days_of_november(*days: int, part: DayPart = DayPart.FULL) -> list[TeleworkDay]:
    return [TeleworkDay(date(2026, 11, d), part, HomeStatus.HOME) for d in days]


# --- hours and amounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "minutes", "written"),
    [
        ("en", 456, "7h36"),
        ("nl", 456, "7u36"),
        ("fr", 456, "7h36"),
        ("en", 228, "3h48"),
        ("nl", 228, "3u48"),
        ("en", 3192, "53h12"),
        ("nl", 3192, "53u12"),
        ("fr", 3192, "53h12"),
        ("fr", 480, "8h00"),
    ],
)
def test_hours_are_written_as_people_read_them(language, minutes, written):
    assert format_hours(minutes, language) == written


# --- registered -----------------------------------------------------------------------------

REGISTERED = {
    "en": ("Telework registered", "Thursday 26 November, whole day", "7h36", "3.00 EUR"),
    "nl": ("Thuiswerk geregistreerd", "donderdag 26 november, hele dag", "7u36", "3,00 EUR"),
    "fr": ("Télétravail enregistré", "jeudi 26 novembre, toute la journée", "7h36", "3,00 EUR"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_registered_day_shows_time_code_hours_and_allowance(org, language):
    heading, when, hours, allowance = REGISTERED[language]
    card = telework_card(
        org, Registered(THURSDAY, DayPart.FULL, HomeStatus.HOME, norm=2), language, TODAY
    )
    said = words(card)
    assert texts(card)[0] == f"{HOME} {heading}"
    assert when in said
    assert "thuiswerk" in said  # the organisation's time code
    assert hours in said
    assert allowance in said
    assert problems(card) == []
    [cancel] = buttons(card, CardAction.CANCEL_TELEWORK)
    assert cancel["data"] == {ACTION_FIELD: "cancel_telework", "date": "2026-11-26", "part": "full"}
    assert buttons(card, CardAction.TELEWORK_MONTH)


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Your desk 1.01 (Verdieping 1) that day was cancelled"),
        ("nl", "Je bureau 1.01 (Verdieping 1) is die dag geannuleerd"),
        ("fr", "Votre bureau 1.01 (Verdieping 1) ce jour-là a été annulé"),
    ],
)
def test_a_desk_cancelled_by_telework_is_named(org, language, note):
    booking = Booking(FRIDAY, DayPart.MORNING, Seat("hq/z1", "1.01"))
    registered = Registered(FRIDAY, DayPart.MORNING, HomeStatus.HOME, (booking,), norm=2)
    card = telework_card(org, registered, language, TODAY)
    assert note in words(card)
    [cancel] = buttons(card, CardAction.CANCEL_TELEWORK)
    assert cancel["data"]["part"] == "am"


@pytest.mark.parametrize(
    ("language", "heading", "sentence"),
    [
        ("en", "Telework requested", "beyond your norm of 2 days a week: Lien Janssens will"),
        ("nl", "Thuiswerk aangevraagd", "je norm van 2 dagen per week, dus vraag ik het aan Lien"),
        ("fr", "Télétravail demandé", "votre norme de 2 jours par semaine : je transmets la"),
    ],
)
def test_a_request_beyond_the_norm_names_who_decides_and_counts_nothing(
    org, language, heading, sentence
):
    registered = Registered(THURSDAY, DayPart.FULL, HomeStatus.REQUESTED, norm=2, managers=(LIEN,))
    card = telework_card(org, registered, language, TODAY)
    said = words(card)
    assert texts(card)[0] == f"{PENDING} {heading}"
    assert sentence in said
    assert "Lien Janssens" in said
    assert "EUR" not in said
    assert buttons(card, CardAction.CANCEL_TELEWORK)


def test_a_request_names_several_managers_or_an_unknown_ones_e_mail(org):
    registered = Registered(
        THURSDAY, DayPart.FULL, HomeStatus.REQUESTED, norm=1, managers=(LIEN, "boss@example.org")
    )
    said = words(telework_card(org, registered, "en", TODAY))
    assert "norm of 1 day a week: Lien Janssens and boss@example.org will" in said


# --- refused --------------------------------------------------------------------------------

PERMANENCE_REFUSAL = {
    "en": (
        "Sociale dienst needs at least 2 people on site on Thursday 26 November. "
        "On site: An Peeters and Lien Janssens.",
        "Days that still work:",
        "Friday 27 November",
    ),
    "nl": (
        "Sociale dienst heeft op donderdag 26 november minstens 2 personen op kantoor nodig. "
        "Op kantoor: An Peeters en Lien Janssens.",
        "Op deze dagen kan het wel:",
        "vrijdag 27 november",
    ),
    "fr": (
        "Sociale dienst a besoin d'au moins 2 personnes sur place le jeudi 26 novembre. "
        "Sur place : An Peeters et Lien Janssens.",
        "Ces jours-là, c'est possible :",
        "vendredi 27 novembre",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_permanence_refusal_names_who_is_on_site_and_offers_other_days(org, language):
    reason, other_days, friday = PERMANENCE_REFUSAL[language]
    refused = TeleworkRefused(TeleworkRefusal.PERMANENCE, social(org), (AN, LIEN))
    outcome = NotRegistered(THURSDAY, refused, (FRIDAY, date(2026, 11, 30)))
    card = telework_refused_card(org, outcome, language, TODAY)
    said = words(card)
    assert texts(card)[0].startswith(f"{REFUSED} ")
    assert reason in said
    assert other_days in said
    offered = buttons(card, CardAction.TELEWORK)
    assert [b["data"] for b in offered] == [
        {ACTION_FIELD: "telework", "date": "2026-11-27", "part": "full"},
        {ACTION_FIELD: "telework", "date": "2026-11-30", "part": "full"},
    ]
    assert friday in offered[0]["title"]
    assert problems(card) == []


def test_the_other_days_register_the_part_that_was_asked(org):
    refused = TeleworkRefused(TeleworkRefusal.PERMANENCE, social(org), (AN, LIEN))
    outcome = NotRegistered(THURSDAY, refused, (FRIDAY,))
    card = telework_refused_card(org, outcome, "en", TODAY, part=DayPart.AFTERNOON)
    [button] = buttons(card, CardAction.TELEWORK)
    assert button["data"]["part"] == "pm"
    assert "Friday 27 November, afternoon" in button["title"]


def test_without_other_days_the_refusal_offers_no_day_but_the_month(org):
    refused = TeleworkRefused(TeleworkRefusal.PERMANENCE, social(org), (AN,))
    card = telework_refused_card(org, NotRegistered(THURSDAY, refused), "en", TODAY)
    said = words(card)
    assert "needs at least 2 people on site" in said
    assert "On site: An Peeters." in said
    assert "Days that still work" not in said
    assert buttons(card, CardAction.TELEWORK) == []
    assert buttons(card, CardAction.TELEWORK_MONTH)


@pytest.mark.parametrize(
    ("language", "reason", "sentence"),
    [
        ("en", TeleworkRefusal.ON_DUTY, "You are on permanence duty for Sociale dienst on Thurs"),
        ("nl", TeleworkRefusal.ON_DUTY, "Je hebt permanentie voor Sociale dienst op donderdag 26"),
        ("fr", TeleworkRefusal.ON_DUTY, "Vous êtes de permanence pour Sociale dienst le jeudi 26"),
        ("en", TeleworkRefusal.NOT_ALLOWED, "Your role does not allow telework."),
        ("nl", TeleworkRefusal.NOT_ALLOWED, "Je functie laat geen thuiswerk toe."),
        ("fr", TeleworkRefusal.NOT_ALLOWED, "Votre fonction ne permet pas le télétravail."),
        ("en", TeleworkRefusal.NO_EMAIL, "I don't know your work e-mail yet"),
        ("nl", TeleworkRefusal.NO_EMAIL, "Ik ken je werkmailadres nog niet"),
        ("fr", TeleworkRefusal.NO_EMAIL, "Je ne connais pas encore votre adresse e-mail"),
    ],
)
def test_each_refusal_says_why(org, language, reason, sentence):
    team = social(org) if reason is TeleworkRefusal.ON_DUTY else None
    outcome = NotRegistered(THURSDAY, TeleworkRefused(reason, team))
    card = telework_refused_card(org, outcome, language, TODAY)
    assert sentence in words(card)
    assert problems(card) == []


# --- the month ------------------------------------------------------------------------------

MONTH = {
    "en": ("Your telework in November 2026", "7 days · 53h12 · 21.00 EUR"),
    "nl": ("Je thuiswerk in november 2026", "7 dagen · 53u12 · 21,00 EUR"),
    "fr": ("Votre télétravail en novembre 2026", "7 jours · 53h12 · 21,00 EUR"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_seven_full_days_are_53_hours_12_and_21_euros(org, language):
    heading, total = MONTH[language]
    totals = month_totals(days_of_november(3, 5, 10, 12, 17, 19, 24), org.policy)
    card = month_card(org, totals, date(2026, 11, 1), language, TODAY)
    said = words(card)
    assert texts(card)[0] == f"{HOME} {heading}"
    assert total in said
    rows = [line for line in texts(card) if line.startswith(f"{HOME} ") and "2026" not in line]
    assert len(rows) == 7
    assert said.count(format_hours(456, language)) == 7  # one per row
    assert problems(card) == []


@pytest.mark.parametrize(
    ("language", "total"),
    [("en", "6.5 days · 49h24"), ("nl", "6,5 dagen · 49u24"), ("fr", "6,5 jours · 49h24")],
)
def test_half_days_count_as_half_in_the_language_s_decimals(org, language, total):
    days = days_of_november(3, 5, 10, 12, 17, 19) + days_of_november(24, part=DayPart.MORNING)
    card = month_card(org, month_totals(days, org.policy), date(2026, 11, 1), language, TODAY)
    assert total in words(card)


@pytest.mark.parametrize(
    ("language", "waiting", "day", "total"),
    [
        ("en", "Waiting for approval", "Thursday 26 November, whole day", "1 day · 7h36 · 3.00"),
        ("nl", "Wacht op goedkeuring", "donderdag 26 november, hele dag", "1 dag · 7u36 · 3,00"),
        ("fr", "En attente d'approbation", "jeudi 26 novembre, toute la journée", "1 jour · 7h36"),
    ],
)
def test_requested_days_are_listed_apart_and_not_counted(org, language, waiting, day, total):
    days = [*days_of_november(3), TeleworkDay(THURSDAY, DayPart.FULL, HomeStatus.REQUESTED)]
    card = month_card(org, month_totals(days, org.policy), date(2026, 11, 1), language, TODAY)
    lines = texts(card)
    said = "\n".join(lines)
    assert waiting in said
    assert f"{PENDING} {day}" in lines
    assert lines.index(f"{PENDING} {day}") > next(
        i for i, line in enumerate(lines) if waiting in line
    )
    assert total in said


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "No telework registered in November 2026."),
        ("nl", "Geen thuiswerk geregistreerd in november 2026."),
        ("fr", "Aucun télétravail enregistré en novembre 2026."),
    ],
)
def test_an_empty_month_says_so(org, language, sentence):
    card = month_card(org, month_totals([], org.policy), date(2026, 11, 1), language, TODAY)
    assert sentence in words(card)
    assert "EUR" not in words(card)
    assert problems(card) == []


# --- approval -------------------------------------------------------------------------------

APPROVAL = {
    "en": (
        "An Peeters asks to work from home on Thursday 26 November (whole day), "
        "beyond the norm of 2 days a week.",
        "Approve",
        "Decline",
    ),
    "nl": (
        "An Peeters vraagt om op donderdag 26 november (hele dag) thuis te werken, "
        "boven de norm van 2 dagen per week.",
        "Goedkeuren",
        "Weigeren",
    ),
    "fr": (
        "An Peeters demande à télétravailler le jeudi 26 novembre (toute la journée), "
        "au-delà de la norme de 2 jours par semaine.",
        "Approuver",
        "Refuser",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_approval_buttons_carry_person_date_and_part(org, language):
    sentence, approve, decline = APPROVAL[language]
    card = approval_card(
        org, "An Peeters", THURSDAY, DayPart.FULL, 2, language, TODAY, "29:1an-peeters"
    )
    assert sentence in words(card)
    data = {"person": "29:1an-peeters", "date": "2026-11-26", "part": "full"}
    [yes] = buttons(card, CardAction.APPROVE)
    [no] = buttons(card, CardAction.DECLINE)
    assert (yes["title"], no["title"]) == (approve, decline)
    assert yes["data"] == {ACTION_FIELD: "approve", **data}
    assert no["data"] == {ACTION_FIELD: "decline", **data}
    assert problems(card) == []


# --- permanence -----------------------------------------------------------------------------


def week(org: Organisation) -> dict[date, dict[str, TeamDay]]:
    team = social(org)
    full = DayPart.FULL.halves
    return {
        TODAY: {
            team.id: TeamDay(team, duty=frozenset({LIEN})).with_away(BERT, full, HomeStatus.HOME)
        },
        THURSDAY: {
            team.id: TeamDay(team)
            .with_away(AN, full, HomeStatus.HOME)
            .with_away(BERT, full, HomeStatus.HOME)
            .with_away(CHLOE, (DayPart.MORNING,), HomeStatus.REQUESTED)
        },
        date(2026, 11, 28): {},  # a Saturday: not shown
    }


PERMANENCE_ROWS = {
    "en": (
        "on site 3 / minimum 2",
        "on site 1 / minimum 2 · short by 1",
        "From home: Bert Claes",
        "On duty: Lien Janssens",
        "Chloé Dubois (morning, awaiting approval)",
    ),
    "nl": (
        "op kantoor 3 / minimum 2",
        "op kantoor 1 / minimum 2 · 1 te weinig",
        "Thuis: Bert Claes",
        "Permanentie: Lien Janssens",
        "Chloé Dubois (voormiddag, wacht op goedkeuring)",
    ),
    "fr": (
        "sur place 3 / minimum 2",
        "sur place 1 / minimum 2 · il en manque 1",
        "Télétravail : Bert Claes",
        "De permanence : Lien Janssens",
        "Chloé Dubois (matin, en attente d'approbation)",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_permanence_says_in_words_when_a_team_is_short(org, language):
    covered, short, home, duty, pending = PERMANENCE_ROWS[language]
    card = permanence_card(org, week(org), [social(org)], language, TODAY)
    lines = texts(card)
    assert f"{DONE} {covered}" in lines
    assert f"{WARNING} {short}" in lines
    assert f"{HOME} {home}" in lines
    assert f"{PERMANENCE} {duty}" in lines
    assert any(pending in line for line in lines)
    assert "Sociale dienst" in lines
    warning = next(n for n in _blocks(card) if n["text"] == f"{WARNING} {short}")
    assert warning["color"] == "Attention"
    assert sum(1 for line in lines if line.startswith((DONE, WARNING))) == 2  # no Saturday
    assert problems(card) == []


def test_permanence_lists_every_team_with_its_own_minimum(org):
    desk = next(t for t in org.teams if t.id == "onthaal")
    coverage = {TODAY: {}, date(2026, 11, 24): {}}
    card = permanence_card(org, coverage, [social(org), desk], "en", TODAY)
    lines = texts(card)
    assert lines.count(f"{DONE} on site 4 / minimum 2") == 2
    assert lines.count(f"{DONE} on site 1 / minimum 1") == 2
    assert lines.index("Sociale dienst") < lines.index("Onthaal")


def _blocks(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node)
        for value in node.values():
            found += _blocks(value)
    elif isinstance(node, list):
        for item in node:
            found += _blocks(item)
    return found


def test_amounts_use_the_language_s_decimal_sign(org):
    totals = month_totals(days_of_november(3), org.policy)
    assert totals.allowance == Decimal("3.00")
    assert "3.00 EUR" in words(month_card(org, totals, date(2026, 11, 1), "en", TODAY))
    assert "3,00 EUR" in words(month_card(org, totals, date(2026, 11, 1), "nl", TODAY))


def test_under_monthly_tiers_a_day_shows_no_amount_of_its_own(org):
    policy = replace(org.policy, allowance_tiers=(AllowanceTier(Decimal(5), Decimal("20.00")),))
    tiered = replace(org, policy=policy)
    registered = Registered(THURSDAY, DayPart.FULL, HomeStatus.HOME, norm=2)
    said = words(telework_card(tiered, registered, "en", TODAY))
    assert "Allowance: per month, by number of days" in said
    assert "EUR" not in said
