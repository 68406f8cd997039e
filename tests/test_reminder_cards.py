"""The reminder cards say what is planned and offer the buttons that change it, in nl, fr and en.

The cards' validity (Microsoft's library, Teams' limits) is checked on the gallery in
tests/test_cards_valid.py; here: the words, and the data each button sends to the bot.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

import config
from cards.actions import ACTION_FIELD, INPUT_REMINDER_AT, INPUT_REMINDER_ON, CardAction
from cards.elements import HOME, OFFICE, PENDING, PERMANENCE, WARNING
from cards.gallery import reminder_christmas_week, reminder_requests, reminder_week
from cards.reminders import (
    MAX_REQUESTS,
    day_before_card,
    duty_card,
    pending_approvals_card,
    permanence_gaps_card,
    reminder_card,
    reminder_settings_card,
    telework_morning_card,
    week_plan_card,
)
from tests.support.cards_check import problems, size_in_bytes
from werkplek.booking import Person, PersonDay, Seat
from werkplek.dayparts import DayPart
from werkplek.i18n import LANGUAGES
from werkplek.organisation import load_organisation
from werkplek.reminders import (
    MANAGER_KINDS,
    DayBefore,
    Duty,
    Gap,
    PendingApprovals,
    PermanenceGaps,
    PlannedDay,
    Recipient,
    Reminder,
    ReminderKind,
    ReminderSetting,
    ReminderSettings,
    TeleworkMorning,
    WeekPlan,
)

ORG = load_organisation(config.DEMO_ORGANISATION)
TODAY = date(2026, 11, 23)  # a Monday
TUESDAY = date(2026, 11, 24)
FRIDAY = date(2026, 11, 27)
NEXT_WEEK = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]
SOCIAL = next(t for t in ORG.teams if t.id == "sociale-dienst")
ONTHAAL = next(t for t in ORG.teams if t.id == "onthaal")
AN = Person("29:1an-peeters", "An Peeters", "an@example.org")
DESK_203 = Seat("hq/z2", "2.03")
DESK_105 = Seat("hq/z1", "1.05")
OTHER_LANGUAGES = [language for language in LANGUAGES if language != "en"]


def plan(day: date, seats=None, home=None) -> PersonDay:
    return PersonDay(AN, day, dict(seats or {}), {h: s for h, s in (home or {}).items()})


def whole(seat: Seat) -> dict[DayPart, Seat]:
    return {DayPart.MORNING: seat, DayPart.AFTERNOON: seat}


AT_HOME = {DayPart.MORNING: "home", DayPart.AFTERNOON: "home"}


def strings(node: Any) -> list[str]:
    """Every string a user reads or hears on a card (never the buttons' data)."""
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            if key in ("text", "title", "tooltip", "label", "errorMessage") and isinstance(
                value, str
            ):
                found.append(value)
            elif key != "data":
                found.extend(strings(value))
        return found
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return []


def words(card: dict[str, Any]) -> str:
    return "\n".join(strings(card))


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


def elements(node: Any, kind: str) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        for value in node.values():
            found += elements(value, kind)
    elif isinstance(node, list):
        for item in node:
            found += elements(item, kind)
    return found


# --- next week ------------------------------------------------------------------------------

WEEK_BUTTONS = {"en": ("Office", "Home", "Off"), "nl": ("Kantoor", "Thuis", "Vrij")}
WEEK_BUTTONS["fr"] = ("Bureau", "Domicile", "Congé")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_week_plan_offers_office_home_and_off_for_each_working_day(language):
    card = week_plan_card(ORG, reminder_week(ORG), language, TODAY)
    office, home, off = WEEK_BUTTONS[language]
    days = [d.isoformat() for d in NEXT_WEEK]
    booked = buttons(card, CardAction.BOOK)
    teleworked = buttons(card, CardAction.TELEWORK)
    freed = buttons(card, CardAction.DAY_OFF)
    assert [b["data"] for b in booked] == [
        {ACTION_FIELD: "book", "date": d, "part": "full"} for d in days
    ]
    assert [b["data"] for b in teleworked] == [
        {ACTION_FIELD: "telework", "date": d, "part": "full"} for d in days
    ]
    assert [b["data"] for b in freed] == [{ACTION_FIELD: "day_off", "date": d} for d in days]
    assert {b["title"] for b in booked} == {office}
    assert {b["title"] for b in teleworked} == {home}
    assert {b["title"] for b in freed} == {off}
    # The short titles are told apart by their tooltip, which names the day.
    assert all(b["tooltip"] != booked[0]["tooltip"] for b in booked[1:])
    assert problems(card) == []


def test_the_three_buttons_of_a_day_stand_together_under_that_day():
    card = week_plan_card(ORG, reminder_week(ORG), "en", TODAY)
    rows = elements(card, "ActionSet")
    per_day = [[a["data"][ACTION_FIELD] for a in row["actions"]] for row in rows]
    assert per_day[:5] == [["book", "telework", "day_off"]] * 5
    dates = [{a["data"]["date"] for a in row["actions"]} for row in rows[:5]]
    assert dates == [{d.isoformat()} for d in NEXT_WEEK]


HOLIDAY = {"en": "Public holiday: Christmas Day", "nl": "Feestdag: Kerstmis"}
HOLIDAY["fr"] = "Jour férié : Noël"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_public_holiday_is_named_in_the_language_and_has_no_buttons(language):
    card = week_plan_card(ORG, reminder_christmas_week(ORG), language, date(2026, 12, 17))
    assert HOLIDAY[language] in strings(card)
    dates = {b["data"].get("date") for b in submits(card)}
    assert "2026-12-25" not in dates
    assert {"2026-12-21", "2026-12-24"} <= dates
    assert len(buttons(card, CardAction.DAY_OFF)) == 4


WEEK_LINES = {
    "en": (
        f"{OFFICE} Desk 2.03, Verdieping 2",
        f"{HOME} Working from home",
        f"{OFFICE} Morning: desk 1.05, Verdieping 1",
        f"{PENDING} Afternoon: asked to work from home, waiting for your manager",
        "Nothing planned yet",
        f"{WARNING} Sociale dienst: 1 more person needed on site",
    ),
    "nl": (
        f"{OFFICE} Bureau 2.03, Verdieping 2",
        f"{HOME} Thuiswerk",
        f"{OFFICE} Voormiddag: bureau 1.05, Verdieping 1",
        f"{PENDING} Namiddag: thuiswerk aangevraagd, wacht op je leidinggevende",
        "Nog niets gepland",
        f"{WARNING} Sociale dienst: nog 1 persoon nodig op kantoor",
    ),
    "fr": (
        f"{OFFICE} Bureau 2.03, Verdieping 2",
        f"{HOME} En télétravail",
        f"{OFFICE} Matin : bureau 1.05, Verdieping 1",
        f"{PENDING} Après-midi : télétravail demandé, en attente de votre responsable",
        "Rien de prévu pour l'instant",
        f"{WARNING} Sociale dienst : il manque encore 1 personne sur place",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_week_plan_says_what_is_planned_each_day_and_where_the_team_is_short(language):
    desk, home, morning, afternoon, nothing, gap = WEEK_LINES[language]
    lines = strings(week_plan_card(ORG, reminder_week(ORG), language, TODAY))
    for line in (desk, home, morning, afternoon, gap):
        assert line in lines
    assert lines.count(nothing) == 2  # Thursday and Friday
    # Under its own day: the Wednesday heading, then the morning, then the afternoon.
    assert lines.index(morning) + 1 == lines.index(afternoon)
    assert lines.index(desk) < lines.index(home) < lines.index(morning) < lines.index(gap)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Sociale dienst (morning): 2 more people needed on site"),
        ("nl", "Sociale dienst (voormiddag): nog 2 personen nodig op kantoor"),
        ("fr", "Sociale dienst (matin) : il manque encore 2 personnes sur place"),
    ],
)
def test_a_gap_in_one_half_names_the_half_and_counts_people_in_words(language, line):
    day = NEXT_WEEK[3]
    week = WeekPlan((PlannedDay(day, None, gaps=(Gap(SOCIAL, day, DayPart.MORNING, 2),)),))
    card = week_plan_card(ORG, week, language, TODAY)
    [warning] = [b for b in elements(card, "TextBlock") if b["text"].startswith(WARNING)]
    assert warning["text"] == f"{WARNING} {line}"
    assert warning["color"] == "Attention"


def test_the_week_plan_ends_with_the_reminder_settings_and_stays_small():
    card = week_plan_card(ORG, reminder_week(ORG), "fr", TODAY)
    [settings] = buttons(card, CardAction.REMINDERS)
    assert settings["title"] == "Réglages des rappels"
    assert card["actions"] == [settings]
    assert size_in_bytes(card) < 28 * 1024 / 4


# --- the day before -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "part", "sentence"),
    [
        ("en", DayPart.FULL, "Tomorrow you are at desk 2.03, Verdieping 2."),
        ("nl", DayPart.FULL, "Morgen zit je aan bureau 2.03, Verdieping 2."),
        ("fr", DayPart.FULL, "Demain, vous êtes au bureau 2.03, Verdieping 2."),
        ("en", DayPart.MORNING, "Tomorrow you are at desk 2.03, Verdieping 2 (morning)."),
        ("nl", DayPart.AFTERNOON, "Morgen zit je aan bureau 2.03, Verdieping 2 (namiddag)."),
        ("fr", DayPart.AFTERNOON, "Demain, vous êtes au bureau 2.03, Verdieping 2 (après-midi)."),
    ],
)
def test_the_day_before_names_desk_and_zone_and_cancels_the_booked_part(language, part, sentence):
    seats = {half: DESK_203 for half in part.halves}
    card = day_before_card(ORG, DayBefore(plan(TUESDAY, seats)), language, TODAY)
    assert f"{OFFICE} {sentence}" in strings(card)
    [cancel] = buttons(card, CardAction.CANCEL)
    assert cancel["data"] == {ACTION_FIELD: "cancel", "date": "2026-11-24", "part": part.value}
    assert cancel["style"] == "destructive"
    assert buttons(card, CardAction.BOOK) == []
    assert problems(card) == []


@pytest.mark.parametrize(
    ("language", "heading", "sentence"),
    [
        ("en", "Next working day: Monday 30 November", "On Monday 30 November you are at desk"),
        ("nl", "Volgende werkdag: maandag 30 november", "Op maandag 30 november zit je aan"),
        ("fr", "Prochain jour ouvrable : lundi 30 novembre", "Le lundi 30 novembre, vous êtes"),
    ],
)
def test_on_friday_the_day_before_names_monday_instead_of_tomorrow(language, heading, sentence):
    card = day_before_card(ORG, DayBefore(plan(NEXT_WEEK[0], whole(DESK_203))), language, FRIDAY)
    said = words(card)
    assert strings(card)[0] == heading
    assert sentence in said
    assert not any(w in said for w in ("Tomorrow", "Morgen", "Demain"))


@pytest.mark.parametrize(
    ("language", "sentence", "button"),
    [
        ("en", f"{HOME} Tomorrow you work from home.", "Come to the office instead"),
        ("nl", f"{HOME} Morgen werk je thuis.", "Toch naar kantoor komen"),
        ("fr", f"{HOME} Demain, vous êtes en télétravail.", "Venir plutôt au bureau"),
    ],
)
def test_a_telework_day_before_offers_to_come_to_the_office_instead(language, sentence, button):
    card = day_before_card(ORG, DayBefore(plan(TUESDAY, home=AT_HOME)), language, TODAY)
    assert sentence in strings(card)
    [office] = buttons(card, CardAction.BOOK)
    assert office["title"] == button
    assert office["data"] == {ACTION_FIELD: "book", "date": "2026-11-24", "part": "full"}
    assert buttons(card, CardAction.CANCEL) == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Tomorrow you would work from home, but your request is still waiting for your"),
        ("nl", "Morgen zou je thuiswerken, maar je aanvraag wacht nog op je leidinggevende."),
        ("fr", "Demain, vous seriez en télétravail, mais votre demande attend encore votre"),
    ],
)
def test_a_requested_day_says_it_waits_for_the_manager(language, sentence):
    requested = {DayPart.MORNING: "requested", DayPart.AFTERNOON: "requested"}
    card = day_before_card(ORG, DayBefore(plan(TUESDAY, home=requested)), language, TODAY)
    [line] = [s for s in strings(card) if sentence in s]
    assert line.startswith(f"{PENDING} ")
    assert buttons(card, CardAction.BOOK)[0]["data"]["part"] == "full"


def test_a_split_day_says_both_halves_and_offers_both_buttons():
    day = plan(TUESDAY, {DayPart.AFTERNOON: DESK_105}, {DayPart.MORNING: "home"})
    card = day_before_card(ORG, DayBefore(day), "en", TODAY)
    lines = strings(card)
    home = f"{HOME} Tomorrow you work from home (morning)."
    desk = f"{OFFICE} Tomorrow you are at desk 1.05, Verdieping 1 (afternoon)."
    assert lines.index(home) < lines.index(desk)  # the morning first
    [cancel] = buttons(card, CardAction.CANCEL)
    [office] = buttons(card, CardAction.BOOK)
    assert cancel["data"]["part"] == "pm"
    assert office["data"] == {ACTION_FIELD: "book", "date": "2026-11-24", "part": "am"}


def test_two_desks_in_one_day_get_a_cancel_button_each_naming_the_desk():
    seats = {DayPart.MORNING: DESK_105, DayPart.AFTERNOON: DESK_203}
    card = day_before_card(ORG, DayBefore(plan(TUESDAY, seats)), "nl", TODAY)
    cancels = buttons(card, CardAction.CANCEL)
    assert [(c["title"], c["data"]["part"]) for c in cancels] == [
        ("Bureau 1.05 annuleren (voormiddag)", "am"),
        ("Bureau 2.03 annuleren (namiddag)", "pm"),
    ]


# --- a usual home day, duty, gaps -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "telework", "office"),
    [
        ("en", "Log today as telework", "I'm at the office"),
        ("nl", "Vandaag als thuiswerk registreren", "Ik ben op kantoor"),
        ("fr", "Enregistrer aujourd'hui en télétravail", "Je suis au bureau"),
    ],
)
def test_the_telework_morning_logs_today_as_telework_or_books_a_desk(language, telework, office):
    card = telework_morning_card(TeleworkMorning(TODAY), language, TODAY)
    [home] = buttons(card, CardAction.TELEWORK)
    [desk] = buttons(card, CardAction.BOOK)
    assert (home["title"], desk["title"]) == (telework, office)
    assert home["data"] == {ACTION_FIELD: "telework", "date": "2026-11-23", "part": "full"}
    assert desk["data"] == {ACTION_FIELD: "book", "date": "2026-11-23", "part": "full"}
    assert problems(card) == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Tomorrow you are on permanence duty for Sociale dienst and Onthaal."),
        ("nl", "Morgen heb je permanentie voor Sociale dienst en Onthaal."),
        ("fr", "Demain, vous êtes de permanence pour Sociale dienst et Onthaal."),
    ],
)
def test_the_duty_reminder_names_every_team_joined_in_the_language(language, sentence):
    card = duty_card(Duty(TUESDAY, (SOCIAL, ONTHAAL)), language, TODAY)
    assert f"{PERMANENCE} {sentence}" in strings(card)
    [show] = buttons(card, CardAction.PERMANENCE)
    assert show["data"] == {ACTION_FIELD: "permanence", "week": "2026-11-23"}


GAPS = PermanenceGaps(
    (
        Gap(SOCIAL, NEXT_WEEK[3], DayPart.FULL, 2),
        Gap(SOCIAL, NEXT_WEEK[1], DayPart.AFTERNOON, 1),
        Gap(ONTHAAL, NEXT_WEEK[3], DayPart.FULL, 1),
    )
)


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            (
                "Tuesday 1 December",
                f"{WARNING} Sociale dienst (afternoon): 1 more person needed on site",
                "Thursday 3 December",
                f"{WARNING} Sociale dienst: 2 more people needed on site",
                f"{WARNING} Onthaal: 1 more person needed on site",
            ),
        ),
        (
            "nl",
            (
                "Dinsdag 1 december",
                f"{WARNING} Sociale dienst (namiddag): nog 1 persoon nodig op kantoor",
                "Donderdag 3 december",
                f"{WARNING} Sociale dienst: nog 2 personen nodig op kantoor",
                f"{WARNING} Onthaal: nog 1 persoon nodig op kantoor",
            ),
        ),
        (
            "fr",
            (
                "Mardi 1 décembre",
                f"{WARNING} Sociale dienst (après-midi) : il manque encore 1 personne sur place",
                "Jeudi 3 décembre",
                f"{WARNING} Sociale dienst : il manque encore 2 personnes sur place",
                f"{WARNING} Onthaal : il manque encore 1 personne sur place",
            ),
        ),
    ],
)
def test_permanence_gaps_list_each_team_short_by_day_and_open_that_week(language, lines):
    card = permanence_gaps_card(ORG, GAPS, language, FRIDAY)
    said = strings(card)
    at = said.index(lines[0])
    assert said[at : at + len(lines)] == list(lines)
    [show] = buttons(card, CardAction.PERMANENCE)
    assert show["data"] == {ACTION_FIELD: "permanence", "week": "2026-11-30"}
    assert problems(card) == []


# --- requests waiting for a manager ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "details"),
    [
        ("en", "Telework requests waiting for you (3)", "Monday 30 November, morning · Sociale"),
        ("nl", "Aanvragen voor thuiswerk die op jou wachten (3)", "maandag 30 november, voormi"),
        ("fr", "Demandes de télétravail en attente de votre décision (3)", "lundi 30 novembre, ma"),
    ],
)
def test_pending_approvals_send_person_date_and_part_like_the_approval_card(
    language, heading, details
):
    card = pending_approvals_card(ORG, reminder_requests(ORG, 3), language, TODAY)
    said = strings(card)
    assert said[0] == f"{PENDING} {heading}"
    assert any(details in line for line in said)
    expected = [
        {"person": "29:1bert-claes", "date": "2026-11-30", "part": "full"},
        {"person": "29:1chloe-dubois", "date": "2026-11-30", "part": "am"},
        {"person": "29:1an-peeters", "date": "2026-11-30", "part": "pm"},
    ]
    approve = buttons(card, CardAction.APPROVE)
    decline = buttons(card, CardAction.DECLINE)
    assert [b["data"] for b in approve] == [{ACTION_FIELD: "approve", **d} for d in expected]
    assert [b["data"] for b in decline] == [{ACTION_FIELD: "decline", **d} for d in expected]
    assert "Bert Claes" in approve[0]["tooltip"]
    assert problems(card) == []


@pytest.mark.parametrize(
    ("language", "more"), [("en", "…and 3 more."), ("nl", "… en nog 3."), ("fr", "… et 3 autres.")]
)
def test_at_most_ten_requests_get_buttons_and_the_rest_is_counted(language, more):
    card = pending_approvals_card(ORG, reminder_requests(ORG, MAX_REQUESTS + 3), language, TODAY)
    assert MAX_REQUESTS == 10
    assert len(buttons(card, CardAction.APPROVE)) == 10
    assert len(buttons(card, CardAction.DECLINE)) == 10
    assert strings(card)[0].endswith("(13)")
    assert more in strings(card)


def test_a_long_list_of_requests_stays_small():
    card = pending_approvals_card(ORG, reminder_requests(ORG, 60), "fr", TODAY)
    assert len(buttons(card, CardAction.APPROVE)) == MAX_REQUESTS
    assert size_in_bytes(card) < 28 * 1024 / 2


# --- settings -------------------------------------------------------------------------------

MEMBER_KINDS = [k for k in ReminderKind if k not in MANAGER_KINDS]


def test_the_settings_card_shows_manager_kinds_only_when_passed():
    member = reminder_settings_card(ReminderSettings(), MEMBER_KINDS, "en")
    manager = reminder_settings_card(ReminderSettings(), list(ReminderKind), "en")
    member_ids = {e["id"] for e in elements(member, "Input.Toggle")}
    manager_ids = {e["id"] for e in elements(manager, "Input.Toggle")}
    assert member_ids == {INPUT_REMINDER_ON + k.value for k in MEMBER_KINDS}
    assert manager_ids == {INPUT_REMINDER_ON + k.value for k in ReminderKind}
    assert "on_permanence_gaps" not in member_ids
    assert "Teams short on site next week (every Friday)" in strings(manager)
    assert "Teams short on site next week (every Friday)" not in strings(member)


def test_the_settings_card_holds_a_switch_and_a_time_per_kind_with_the_current_values():
    settings = (
        ReminderSettings()
        .changed(ReminderKind.TELEWORK_MORNING, ReminderSetting(False, time(8, 5)))
        .changed(ReminderKind.DAY_BEFORE, ReminderSetting(True, time(17, 30)))
    )
    card = reminder_settings_card(settings, MEMBER_KINDS, "en")
    toggles = {e["id"]: e for e in elements(card, "Input.Toggle")}
    times = {e["id"]: e for e in elements(card, "Input.Time")}
    assert toggles["on_telework_morning"]["value"] == "false"
    assert toggles["on_day_before"]["value"] == "true"
    assert toggles["on_week_plan"]["value"] == "true"  # the default
    assert {(e["valueOn"], e["valueOff"]) for e in toggles.values()} == {("true", "false")}
    assert times["at_telework_morning"]["value"] == "08:05"
    assert times["at_day_before"]["value"] == "17:30"
    assert times["at_week_plan"]["value"] == "14:00"
    assert set(times) == {INPUT_REMINDER_AT + k.value for k in MEMBER_KINDS}
    assert toggles["on_week_plan"]["title"] == "Planning for next week (every Thursday)"


@pytest.mark.parametrize(
    ("language", "save", "off", "on", "label"),
    [
        ("en", "Save", "Turn all off", "Turn all on", "Planning for next week (every Thursday)"),
        ("nl", "Opslaan", "Alles uitzetten", "Alles aanzetten", "(elke donderdag)"),
        ("fr", "Enregistrer", "Tout désactiver", "Tout activer", "(chaque jeudi)"),
    ],
)
def test_the_settings_card_saves_or_turns_everything_off_or_on(language, save, off, on, label):
    card = reminder_settings_card(ReminderSettings(), MEMBER_KINDS, language)
    [saved] = buttons(card, CardAction.REMINDERS_SAVE)
    switched = buttons(card, CardAction.REMINDERS_ALL)
    assert saved["title"] == save
    assert [(b["title"], b["data"]["enabled"]) for b in switched] == [(off, "off"), (on, "on")]
    assert any(label in s for s in strings(card))


def test_a_note_stands_above_the_settings():
    card = reminder_settings_card(ReminderSettings(), MEMBER_KINDS, "en", note="Saved!")
    assert strings(card)[:2] == ["Reminders", "Saved!"]
    assert "Saved!" not in strings(reminder_settings_card(ReminderSettings(), MEMBER_KINDS, "en"))


# --- any reminder, in its recipient's language ----------------------------------------------


def contents() -> list[tuple[ReminderKind, Any, date]]:
    return [
        (ReminderKind.WEEK_PLAN, reminder_week(ORG), TODAY),
        (ReminderKind.WEEK_PLAN, reminder_christmas_week(ORG), date(2026, 12, 17)),
        (ReminderKind.DAY_BEFORE, DayBefore(plan(TUESDAY, whole(DESK_203))), TODAY),
        (
            ReminderKind.DAY_BEFORE,
            DayBefore(plan(NEXT_WEEK[0], {DayPart.MORNING: DESK_105}, {DayPart.AFTERNOON: "home"})),
            FRIDAY,
        ),
        (ReminderKind.DAY_BEFORE, DayBefore(plan(TUESDAY, home=AT_HOME)), TODAY),
        (ReminderKind.TELEWORK_MORNING, TeleworkMorning(TODAY), TODAY),
        (ReminderKind.DUTY, Duty(TUESDAY, (SOCIAL, ONTHAAL)), TODAY),
        (ReminderKind.PERMANENCE_GAPS, GAPS, FRIDAY),
        (ReminderKind.PENDING_APPROVALS, reminder_requests(ORG, 12), TODAY),
    ]


def send(kind: ReminderKind, content: Any, today: date, language: str) -> dict[str, Any]:
    recipient = Recipient("29:1an-peeters", "An Peeters", "an@example.org", language)
    return reminder_card(ORG, Reminder(kind, recipient, today, content), today)


# Words of the English cards that must never show on a Dutch or French one.
ENGLISH = (
    "Tomorrow",
    " you ",
    "desk",
    "Desk",
    "morning",
    "afternoon",
    "whole day",
    "Office",
    "Home",
    "Reminder",
    "needed",
    "holiday",
    "Christmas",
    "Approve",
    "Decline",
    "Monday",
    "December",
    "November",
    "planned",
    "Time",
    "every",
)
# What reads the same in every language: names of people, teams and zones.
NAMES = {"An Peeters", "Bert Claes", "Chloé Dubois", "Sociale dienst", "Onthaal"}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_reminder_card_speaks_the_recipients_language(language):
    for kind, content, today in contents():
        card = send(kind, content, today, language)
        english = send(kind, content, today, "en")
        said = words(card)
        for word in ENGLISH:
            assert word not in said, (kind, word)
        assert set(strings(card)) & set(strings(english)) <= NAMES, kind
    settings = reminder_settings_card(ReminderSettings(), list(ReminderKind), language)
    english_settings = reminder_settings_card(ReminderSettings(), list(ReminderKind), "en")
    for word in ENGLISH:
        assert word not in words(settings), word
    assert not set(strings(settings)) & set(strings(english_settings))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reminder_is_drawn_by_the_builder_of_its_content(language):
    week = reminder_week(ORG)
    assert send(ReminderKind.WEEK_PLAN, week, TODAY, language) == week_plan_card(
        ORG, week, language, TODAY
    )
    duty = Duty(TUESDAY, (SOCIAL,))
    assert send(ReminderKind.DUTY, duty, TODAY, language) == duty_card(duty, language, TODAY)
    waiting = PendingApprovals(reminder_requests(ORG, 2).requests)
    assert send(ReminderKind.PENDING_APPROVALS, waiting, TODAY, language) == (
        pending_approvals_card(ORG, waiting, language, TODAY)
    )


def test_every_reminder_card_passes_our_teams_checks():
    for language in LANGUAGES:
        for kind, content, today in contents():
            assert problems(send(kind, content, today, language)) == [], (kind, language)
