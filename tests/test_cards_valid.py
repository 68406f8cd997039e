"""Every card the bot can send passes Microsoft's renderer library and our own Teams checks.

The cards are those of cards/gallery.py: every builder, every language, realistic data.
Microsoft's library runs in Node (tools/cards/validate.mjs), once for all cards.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

import config
from cards.actions import ACTION_FIELD, CardAction
from cards.booking import bookings_card
from cards.elements import OFFICE
from cards.gallery import TODAY, gallery
from tests.support.cards_check import MAX_BYTES, problems, size_in_bytes
from werkplek.booking import Booking, Seat
from werkplek.dayparts import DayPart
from werkplek.i18n import LANGUAGES
from werkplek.organisation import load_organisation

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = ROOT / "tools" / "cards" / "validate.mjs"
CARDS = gallery()

needs_node = pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "node_modules" / "adaptivecards").is_dir(),
    reason="Node.js and the adaptivecards package (make setup) are needed",
)


def validate_with_library(cards: dict[str, Any], tmp_path: Path) -> tuple[int, dict[str, list]]:
    path = tmp_path / "cards.json"
    path.write_text(json.dumps(cards, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        ["node", str(VALIDATOR), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


@pytest.fixture(scope="module")
def library_report(tmp_path_factory) -> tuple[int, dict[str, list]]:
    return validate_with_library(CARDS, tmp_path_factory.mktemp("cards"))


def a_card(*body: dict[str, Any], version: str = "1.5") -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "version": version,
        "body": list(body) or [{"type": "TextBlock", "text": "Desk booked", "wrap": True}],
        "actions": [
            {"type": "Action.Submit", "title": "My bookings", "data": {ACTION_FIELD: "list"}}
        ],
    }


# --- the gallery -------------------------------------------------------------------------------


def test_the_gallery_has_every_card_in_every_language():
    names = {name.rsplit(".", 1)[0] for name in CARDS}
    assert {
        "booking-confirmed",
        "booking-confirmed-last-desk",
        "booking-moved",
        "booking-already",
        "bookings",
        "bookings-empty",
        "booking-form",
        "booking-form-again",
        "refused-zone-full",
        "refused-everything-full",
        "help",
        "help-not-understood",
        "welcome",
    } <= names
    assert len(CARDS) == len(names) * len(LANGUAGES)
    for name in names:
        for language in LANGUAGES:
            assert f"{name}.{language}" in CARDS


def test_gallery_cards_speak_their_language_with_the_demo_organisation():
    assert "Desk booked" in json.dumps(CARDS["booking-confirmed.en"])
    assert "Bureau geboekt" in json.dumps(CARDS["booking-confirmed.nl"], ensure_ascii=False)
    assert "jeudi 26 novembre" in json.dumps(CARDS["booking-confirmed.fr"], ensure_ascii=False)
    assert "Hoofdgebouw" in json.dumps(CARDS["booking-confirmed.fr"], ensure_ascii=False)


def test_the_gallery_command_writes_every_card_as_one_json_file(tmp_path):
    out = tmp_path / "build" / "cards.json"
    subprocess.run(
        [sys.executable, "-m", "cards.gallery", "--write", str(out)],
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    assert json.loads(out.read_text(encoding="utf-8")) == CARDS


# --- Microsoft's library -----------------------------------------------------------------------


@needs_node
def test_microsofts_library_finds_no_problem_in_any_card(library_report):
    returncode, report = library_report
    assert set(report) == set(CARDS)
    assert {name: found for name, found in report.items() if found} == {}
    assert returncode == 0


@needs_node
def test_microsofts_library_reports_what_teams_would_not_show(tmp_path):
    broken = {
        "unknown-element": a_card({"type": "Carousel"}),
        "invalid-size": a_card({"type": "TextBlock", "text": "Desk", "size": "Huge"}),
        "duplicate-id": a_card(
            {"type": "Input.Text", "id": "seat", "label": "Desk"},
            {"type": "Input.Text", "id": "seat", "label": "Desk"},
        ),
        "required-without-label": a_card({"type": "Input.Text", "id": "seat", "isRequired": True}),
        "version-1.6": a_card(version="1.6"),
        "fine": a_card(),
    }
    returncode, report = validate_with_library(broken, tmp_path)
    assert returncode == 1
    assert report["fine"] == []
    expected = {
        "unknown-element": "UnknownElementType",
        "invalid-size": "InvalidPropertyValue",
        "duplicate-id": "DuplicateId",
        "required-without-label": "RequiredInputsShouldHaveLabel",
        "version-1.6": "UnsupportedCardVersion",
    }
    for name, event in expected.items():
        assert any(p.startswith(event) for p in report[name]), (name, report[name])


# --- our own checks ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_passes_our_teams_checks(name):
    assert problems(CARDS[name]) == []


def test_every_card_stays_well_under_teams_size_limit():
    largest = max(CARDS, key=lambda name: size_in_bytes(CARDS[name]))
    assert size_in_bytes(CARDS[largest]) <= MAX_BYTES, largest


def test_every_button_tells_the_bot_what_to_do():
    def submits(node: Any):
        if isinstance(node, dict):
            if node.get("type") == "Action.Submit":
                yield node
            for value in node.values():
                yield from submits(value)
        elif isinstance(node, list):
            for item in node:
                yield from submits(item)

    for name, card in CARDS.items():
        found = list(submits(card))
        assert found, name
        for action in found:
            assert CardAction(action["data"][ACTION_FIELD]), (name, action)


def test_office_days_carry_the_office_icon_next_to_words():
    for language in LANGUAGES:
        text = json.dumps(CARDS[f"bookings.{language}"], ensure_ascii=False)
        assert text.count(f'"{OFFICE} ') == 4, language


@pytest.mark.parametrize(
    ("change", "reported"),
    [
        (lambda c: c["body"].append({"type": "Carousel", "pages": []}), "unknown element type"),
        (lambda c: c["body"][0].update(colour="Good"), "unknown property 'colour'"),
        (
            lambda c: c["body"].append({"type": "Image", "altText": "Floor plan"}),
            "Image has no url",
        ),
        (lambda c: c.update(version="1.6"), "version 1.6 is above 1.5"),
        (
            lambda c: c["body"].extend(
                {"type": "TextBlock", "text": "Desk 1.01 is free. " * 50, "wrap": True}
                for _ in range(90)
            ),
            "over Teams'",
        ),
        (lambda c: c["actions"][0].update(data={"date": "2026-11-26"}), "carries no 'werkplek'"),
        (lambda c: c["actions"][0]["data"].update(werkplek="delete-all"), "unknown action"),
        (lambda c: c["actions"][0].update(title=" "), "has no title"),
        (lambda c: c["body"][0].update(text=""), "text is empty"),
        (
            lambda c: c["body"].append({"type": "Input.Date", "id": "date", "isRequired": True}),
            "is required but has no label",
        ),
        (
            lambda c: c["actions"].append(
                {"type": "Action.Execute", "title": "Book", "verb": "book"}
            ),
            "needs an Action.Submit fallback",
        ),
        (
            lambda c: c["body"].append(
                {
                    "type": "Input.ChoiceSet",
                    "id": "zone",
                    "label": "Zone",
                    "choices": [{"title": "Any zone", "value": ""}],
                }
            ),
            "Choice: value is empty",
        ),
    ],
    ids=[
        "unknown-element-type",
        "unknown-property",
        "image-without-url",
        "version-1.6",
        "oversize",
        "submit-without-werkplek",
        "submit-with-unknown-action",
        "button-without-title",
        "empty-text",
        "required-input-without-label",
        "execute-without-submit-fallback",
        "choice-without-value",
    ],
)
def test_our_checks_report_what_teams_would_drop_or_refuse(change, reported):
    card = copy.deepcopy(a_card())
    assert problems(card) == []
    change(card)
    found = problems(card)
    assert any(reported in p for p in found), found


def test_an_execute_action_with_a_submit_fallback_in_a_1_5_card_passes():
    card = a_card()
    card["actions"].append(
        {
            "type": "Action.Execute",
            "title": "Book",
            "verb": "book",
            "data": {ACTION_FIELD: "book"},
            "fallback": {"type": "Action.Submit", "title": "Book", "data": {ACTION_FIELD: "book"}},
        }
    )
    assert problems(card) == []
    card["version"] = "1.4"
    assert any("must be 1.5" in p for p in problems(card))


def test_the_longest_booking_list_the_horizon_allows_stays_under_the_size_limit():
    org = load_organisation(config.DEMO_ORGANISATION)
    days = [TODAY + timedelta(days=i) for i in range(org.policy.booking_horizon_days + 1)]
    halves = [
        Booking(day, part, Seat("ds/open", "W1"))
        for day in days
        if day.weekday() < 5
        for part in (DayPart.MORNING, DayPart.AFTERNOON)
    ]
    card = bookings_card(org, halves, "fr", TODAY)
    assert problems(card) == []
    assert size_in_bytes(card) < MAX_BYTES / 2
