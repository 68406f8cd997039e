"""Message catalogues and dates in nl, fr and en."""

from __future__ import annotations

from datetime import date

import pytest

from werkplek.calendar import DayRefusal, check_day
from werkplek.i18n import LANGUAGES, catalogue, format_day, language_of, placeholders


def test_every_language_has_every_message_with_the_same_placeholders():
    english = catalogue("en")
    for language in LANGUAGES:
        messages = catalogue(language)
        assert messages.keys() == english.keys(), language
        for key, text in english.items():
            assert placeholders(messages[key]) == placeholders(text), (language, key)


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("nl-BE", "nl"),
        ("nl-NL", "nl"),
        ("fr-BE", "fr"),
        ("fr-FR", "fr"),
        ("en-US", "en"),
        ("de-DE", "en"),
        ("", "en"),
        (None, "en"),
        ("NL-be", "nl"),
    ],
)
def test_the_reply_language_follows_the_teams_locale(locale, language):
    assert language_of(locale) == language


@pytest.mark.parametrize(
    ("language", "day", "today", "text"),
    [
        ("nl", date(2026, 11, 26), date(2026, 11, 23), "donderdag 26 november"),
        ("fr", date(2026, 11, 26), date(2026, 11, 23), "jeudi 26 novembre"),
        ("en", date(2026, 11, 26), date(2026, 11, 23), "Thursday 26 November"),
        ("nl", date(2027, 1, 4), date(2026, 12, 20), "maandag 4 januari 2027"),
        ("fr", date(2027, 1, 4), date(2026, 12, 20), "lundi 4 janvier 2027"),
        ("en", date(2027, 1, 4), date(2026, 12, 20), "Monday 4 January 2027"),
    ],
)
def test_days_are_written_out_in_the_users_language(language, day, today, text):
    assert format_day(day, language, today) == text


TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "refusal"),
    [
        (date(2026, 11, 23), None),
        (date(2026, 11, 20), DayRefusal.PAST),
        (date(2026, 11, 28), DayRefusal.WEEKEND),
        (date(2026, 12, 25), DayRefusal.HOLIDAY),
        (date(2026, 12, 21), None),
        (date(2026, 12, 22), DayRefusal.BEYOND_HORIZON),
    ],
)
def test_which_days_can_be_booked(day, refusal):
    assert check_day(day, TODAY, 28).refusal == refusal


@pytest.mark.parametrize(
    ("language", "name"), [("nl", "Kerstmis"), ("fr", "Noël"), ("en", "Christmas Day")]
)
def test_holidays_are_named_in_each_language(language, name):
    assert check_day(date(2026, 12, 25), TODAY, 40, language).holiday == name
