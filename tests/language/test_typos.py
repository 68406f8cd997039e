"""One typo in a known word of 5+ letters is tolerated, without inventing matches."""

from __future__ import annotations

from datetime import date

import pytest

from tests.language.calendar_days import MONDAY, THURSDAY, TUESDAY
from werkplek.language import Intent, parse
from werkplek.language.typos import correct, damerau_levenshtein


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("tomorrow", "tomorrow", 0),
        ("tomorow", "tomorrow", 1),
        ("thrusday", "thursday", 1),
        ("thursay", "thursday", 1),
        ("donderdga", "donderdag", 1),
        ("wendsday", "wednesday", 2),
        ("", "abc", 3),
        ("abc", "", 3),
        ("ca", "abc", 3),
        ("kitten", "sitting", 3),
    ],
)
def test_damerau_levenshtein_counts_swaps_as_one_edit(a: str, b: str, distance: int) -> None:
    assert damerau_levenshtein(a, b) == distance


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorow", TUESDAY),
        ("tommorrow", TUESDAY),
        ("tomorrwo", TUESDAY),
        ("thursay", THURSDAY),
        ("thrusday", THURSDAY),
        ("donderag", THURSDAY),
        ("dondedag", THURSDAY),
        ("donderdga", THURSDAY),
        ("jeudii", THURSDAY),
        ("demian", TUESDAY),
        ("vandaaag", MONDAY),
        ("overmorgne", date(2026, 11, 25)),
        ("3 decmber", date(2026, 12, 3)),
        ("3 decembr", date(2026, 12, 3)),
        ("3 decemebr", date(2026, 12, 3)),
        ("3 décembe", date(2026, 12, 3)),
        ("5 febuary", date(2027, 2, 5)),
        ("volgnede week donderdag", date(2026, 12, 3)),
    ],
)
def test_one_typo_in_a_date_word_is_tolerated(text: str, expected: date) -> None:
    assert parse(text, MONDAY).dates == (expected,)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("cancle thursday", Intent.CANCEL),
        ("annuleeer donderdag", Intent.CANCEL),
        ("anuler jeudi", Intent.CANCEL),
        ("reservatie voor donderdag", Intent.BOOK),
        ("reservering voor donderdag", Intent.BOOK),
        ("resevatie voor donderdag", Intent.BOOK),
        ("reserveerr een plek", Intent.BOOK),
        ("mijn reservaites", Intent.LIST),
        ("mes réservatoins", Intent.LIST),
        ("my bookigns", Intent.LIST),
        ("bonjuor", Intent.HELP),
        ("helllo", Intent.HELP),
    ],
)
def test_one_typo_in_an_intent_word_is_tolerated(text: str, intent: Intent) -> None:
    assert parse(text, MONDAY).intent is intent


@pytest.mark.parametrize(
    "text",
    [
        "wendsday",  # two edits
        "thrusdya",  # two edits
        "tmorow",  # two edits
        "dnoderdga",  # two edits
    ],
)
def test_two_typos_are_not_guessed(text: str) -> None:
    assert parse(text, MONDAY).dates == ()


@pytest.mark.parametrize(
    "word",
    [
        "maar",  # Dutch "but", 4 letters: never corrected
        "mars",  # a real month
        "domain",
        "remain",
        "martin",
        "remote",
        "match",
        "there",
        "mourning",
        "where",
        "jour",
        "zondag",
        "samedi",
    ],
)
def test_real_words_are_not_corrected_into_other_words(word: str) -> None:
    assert correct(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I work remote tomorrow", Intent.TELEWORK),  # "remote" is not "remove": no cancel
        ("book a desk for martin tomorrow", Intent.BOOK),
    ],
)
def test_lookalike_words_keep_their_own_meaning(text: str, expected: Intent) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is expected
    assert understanding.part.value == "full"


def test_short_tokens_are_never_corrected() -> None:
    assert correct("thrs") is None
    assert correct("jeu") is None
    assert correct("mei") is None
