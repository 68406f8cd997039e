"""The presence cards: who is where, never more than the colleague shares, in nl, fr and en."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

import config
from cards.actions import ACTION_FIELD, INPUT_VISIBILITY, CardAction
from cards.elements import HOME, OFFICE, PERMANENCE
from cards.gallery import (
    AN,
    BERT,
    BERT_SMIT,
    CHLOE,
    LIEN,
    TODAY,
    presence_day,
    presence_quiet_day,
    presence_week,
)
from cards.presence import (
    choose_person_card,
    day_card,
    follow_request_card,
    person_card,
    privacy_card,
    week_card,
)
from tests.support.cards_check import problems
from werkplek.booking import Seat
from werkplek.i18n import LANGUAGES, format_day, t
from werkplek.organisation import load_organisation
from werkplek.presence import (
    ColleagueDay,
    DayView,
    HalfPlan,
    TeamToday,
    TeamWeek,
    Visibility,
    WeekRow,
    Where,
)

ORG = load_organisation(config.DEMO_ORGANISATION)
THURSDAY = date(2026, 11, 26)
MONDAY = date(2026, 11, 30)
SOCIAL = next(team for team in ORG.teams if team.id == "sociale-dienst")
OFFICE_1_03 = HalfPlan(Where.OFFICE, Seat("hq/z1", "1.03"))
HOME_PLAN = HalfPlan(Where.HOME)
NOTHING = HalfPlan(Where.UNKNOWN)

# What gives away where someone is: place names, desk numbers, the words for office and home.
HALF_DAYS = {
    "en": ("morning", "afternoon"),
    "nl": ("voormiddag", "namiddag"),
    "fr": ("matin", "après-midi"),
}


def whereabouts_words(language: str) -> list[str]:
    keys = (
        "presence.at_home",
        "presence.asked_home",
        "presence.week_office",
        "presence.week_home",
        "presence.week_asked",
        "presence.on_duty",
    )
    return [
        "Verdieping",
        "Open ruimte",
        "1.03",
        OFFICE,
        HOME,
        PERMANENCE,
        *(t(language, key) for key in keys),
    ]


def strings(node: Any) -> list[str]:
    """Every string a user reads or hears on a card."""
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            if key in ("text", "title", "tooltip", "label") and isinstance(value, str):
                found.append(value)
            elif key != "data":
                found.extend(strings(value))
        return found
    if isinstance(node, list):
        return [s for item in node for s in strings(item)]
    return []


def actions(node: Any, kind: str = "Action.Submit") -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == kind:
            found.append(node)
        for value in node.values():
            found += actions(value, kind)
    elif isinstance(node, list):
        for item in node:
            found += actions(item, kind)
    return found


def submits_for(card: dict[str, Any], action: CardAction) -> list[dict[str, Any]]:
    return [a for a in actions(card) if a["data"][ACTION_FIELD] == action.value]


# --- a colleague who does not share is never located ---------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hidden_colleague_is_named_in_the_day_view_without_a_word_of_where(language):
    card = day_card(ORG, presence_day(ORG), language, TODAY, viewer=AN.email)
    assert problems(card) == []
    lines = [s for s in strings(card) if CHLOE.name in s]
    assert lines == [t(language, "presence.team_not_shared", names=CHLOE.name)]
    for line in lines:
        for word in whereabouts_words(language):
            assert word not in line, (line, word)
    assert CHLOE.email not in json.dumps(card)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_person_card_of_someone_who_does_not_share_says_only_that(language):
    # Even with an entry at hand (a bug upstream), nothing of it shows.
    entry = ColleagueDay(CHLOE, THURSDAY, OFFICE_1_03, HOME_PLAN, on_duty=True)
    card = person_card(ORG, entry, CHLOE, THURSDAY, language, TODAY, shared=False)
    assert problems(card) == []
    read = "\n".join(strings(card))
    assert t(language, "presence.person_not_shared", name="Chloé") in read
    for word in whereabouts_words(language):
        assert word not in read, word
    assert not submits_for(card, CardAction.BOOK_NEAR)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hidden_row_of_the_week_says_not_shared_once_and_nothing_else(language):
    card = week_card(ORG, presence_week(ORG), language, TODAY)
    assert problems(card) == []
    read = strings(card)
    at = read.index(CHLOE.name)
    assert read[at + 1] == t(language, "presence.week_not_shared")
    assert read[at + 2] == LIEN.name  # the next row: nothing in between
    assert read.count(t(language, "presence.week_not_shared")) == 1


# --- half days ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_half_days_are_written_out_in_the_day_view_and_the_person_card(language):
    morning, afternoon = HALF_DAYS[language]
    day = "\n".join(strings(day_card(ORG, presence_day(ORG), language, TODAY, AN.email)))
    assert f"{OFFICE} {morning.capitalize()}" in day and "1.01" in day  # Bert, at desk 1.01
    assert f"{HOME} {afternoon.capitalize()}" in day
    entry = ColleagueDay(BERT, THURSDAY, OFFICE_1_03, HOME_PLAN)
    person = "\n".join(strings(person_card(ORG, entry, BERT, THURSDAY, language, TODAY, True)))
    assert f"{OFFICE} {morning.capitalize()}" in person and "Verdieping 1" in person
    assert f"{HOME} {afternoon.capitalize()}" in person


@pytest.mark.parametrize("language", LANGUAGES)
def test_half_days_in_the_week_grid_read_morning_slash_afternoon(language):
    card = week_card(ORG, presence_week(ORG), language, TODAY)
    read = strings(card)
    assert f"{OFFICE}/{HOME}" in read  # An, Friday
    assert f"{OFFICE}/–" in read  # Lien, Wednesday: only the morning
    assert any("½" in s for s in read)  # the legend says what the halves are


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cell_of_the_week_reads_without_colour(language):
    card = week_card(ORG, presence_week(ORG), language, TODAY)
    read = strings(card)
    for key in ("presence.week_office", "presence.week_home", "presence.week_asked"):
        assert t(language, key) in read, key
    duty = [s for s in read if s.startswith(PERMANENCE) and ":" in s]
    assert len(duty) == 1  # Lien: "🛡️ On permanence duty: Mon 30 and Fri 4"
    assert "–" in read  # Bert, Friday: nothing planned


# --- buttons --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_week_buttons_carry_the_neighbouring_mondays_and_a_submit_fallback(language):
    card = week_card(ORG, presence_week(ORG), language, TODAY)
    assert card["version"] == "1.5"
    executes = actions(card, "Action.Execute")
    assert len(executes) == 2
    weeks = []
    for execute in executes:
        assert execute["verb"] == CardAction.TEAM_WEEK.value
        data = execute["data"]
        assert data[ACTION_FIELD] == CardAction.TEAM_WEEK.value
        assert data["team"] == SOCIAL.id
        fallback = execute["fallback"]
        assert fallback["type"] == "Action.Submit"
        assert fallback["data"] == data and fallback["title"] == execute["title"]
        weeks.append(data["week"])
    assert weeks == ["2026-11-23", "2026-12-07"]
    titles = [e["title"] for e in executes]
    assert titles == [t(language, "presence.week_previous"), t(language, "presence.week_next")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_book_next_to_a_colleague_carries_the_day_and_their_email(language):
    card = day_card(ORG, presence_day(ORG), language, TODAY, viewer=AN.email)
    near = submits_for(card, CardAction.BOOK_NEAR)
    # Bert, Lien and Olivia (once, though she is also among the people An follows); not An.
    assert [b["data"]["email"] for b in near] == [
        BERT.email,
        LIEN.email,
        "olivia@example.org",
    ]
    for button in near:
        assert button["data"]["date"] == THURSDAY.isoformat()
    assert near[0]["title"] == t(language, "presence.book_near", name="Bert")
    entry = ColleagueDay(BERT, THURSDAY, OFFICE_1_03, OFFICE_1_03)
    person = person_card(ORG, entry, BERT, THURSDAY, language, TODAY, True)
    (button,) = submits_for(person, CardAction.BOOK_NEAR)
    assert button["data"] == {
        ACTION_FIELD: "book_near",
        "date": "2026-11-26",
        "email": BERT.email,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_day_view_footer_opens_the_week_of_that_day_and_the_privacy_choice(language):
    card = day_card(ORG, presence_day(ORG), language, TODAY, viewer=AN.email)
    (week,) = submits_for(card, CardAction.TEAM_WEEK)
    assert week["data"]["week"] == "2026-11-23"  # Thursday 26 November's Monday
    assert submits_for(card, CardAction.PRIVACY)


@pytest.mark.parametrize("language", LANGUAGES)
def test_nobody_in_the_office_says_so_and_lists_the_team(language):
    card = day_card(ORG, presence_quiet_day(ORG), language, TODAY, viewer=AN.email)
    read = "\n".join(strings(card))
    assert t(language, "presence.nobody_in") in read
    assert t(language, "presence.asked_home") in read  # Bert waits for his manager
    assert t(language, "presence.team_unplanned", names=AN.name) in read
    assert not submits_for(card, CardAction.BOOK_NEAR)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("entry", "keys"),
    [
        (None, ["presence.person_nothing"]),
        (ColleagueDay(BERT, THURSDAY, NOTHING, NOTHING), ["presence.person_nothing"]),
        (ColleagueDay(BERT, THURSDAY, HOME_PLAN, HOME_PLAN), ["presence.person_home"]),
        (
            ColleagueDay(BERT, THURSDAY, OFFICE_1_03, OFFICE_1_03, on_duty=True),
            ["presence.person_office", "presence.person_duty"],
        ),
    ],
)
def test_the_person_card_says_where_in_a_sentence(language, entry, keys):
    card = person_card(ORG, entry, BERT, THURSDAY, language, TODAY, True)
    assert problems(card) == []
    read = "\n".join(strings(card))
    place = t(language, "presence.place", zone="Verdieping 1", desk="1.03")
    when = format_day(THURSDAY, language, TODAY)
    for key in keys:
        assert t(language, key, name="Bert", date=when, place=place) in read, key
    assert bool(submits_for(card, CardAction.BOOK_NEAR)) is ("presence.person_office" in keys)


@pytest.mark.parametrize("language", LANGUAGES)
def test_ambiguous_names_get_one_button_each_with_name_email_and_purpose(language):
    card = choose_person_card([BERT, BERT_SMIT], language, "where_is", THURSDAY)
    assert problems(card) == []
    buttons = submits_for(card, CardAction.PICK_PERSON)
    assert [b["data"] for b in buttons] == [
        {ACTION_FIELD: "pick_person", "for": "where_is", "email": c.email, "date": "2026-11-26"}
        for c in (BERT, BERT_SMIT)
    ]
    assert all(
        c.name in b["title"] and c.email in b["title"]
        for b, c in zip(buttons, (BERT, BERT_SMIT), strict=True)
    )
    undated = choose_person_card([BERT, BERT_SMIT], language, "follow", None)
    assert all("date" not in b["data"] for b in submits_for(undated, CardAction.PICK_PERSON))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("current", list(Visibility))
def test_the_privacy_card_offers_the_three_choices_with_the_current_one_chosen(language, current):
    card = privacy_card(current, language)
    assert problems(card) == []
    (chooser,) = [e for e in card["body"] if e["type"] == "Input.ChoiceSet"]
    assert chooser["id"] == INPUT_VISIBILITY
    assert chooser["style"] == "expanded"
    assert chooser["value"] == current.value
    assert [c["value"] for c in chooser["choices"]] == ["team", "everyone", "nobody"]
    assert submits_for(card, CardAction.PRIVACY_SET)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_follow_request_can_be_allowed_or_declined(language):
    card = follow_request_card("Olivia Buiten", "29:1olivia", language)
    assert problems(card) == []
    assert t(language, "follow.request_text", name="Olivia Buiten") in strings(card)
    for action in (CardAction.FOLLOW_ACCEPT, CardAction.FOLLOW_DECLINE):
        (button,) = submits_for(card, action)
        assert button["data"]["follower"] == "29:1olivia"


def test_a_week_of_an_empty_or_all_hidden_team_still_renders():
    days = tuple(date(2026, 11, 30 + i) if i == 0 else date(2026, 12, i) for i in range(5))
    rows = (WeekRow(BERT, None), WeekRow(CHLOE, None))
    card = week_card(ORG, TeamWeek(SOCIAL, MONDAY, days, rows), "nl", TODAY)
    assert problems(card) == []
    view = DayView(THURSDAY, (), (TeamToday(SOCIAL, (), (), (), (), (BERT, CHLOE)),), ())
    assert problems(day_card(ORG, view, "fr", TODAY)) == []
