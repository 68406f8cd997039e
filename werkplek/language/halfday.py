"""Which half of the day a user asks for: morning, afternoon, or (by default) the full day.

Interpretations:
- Morning: "morning", "am"/"a.m." (not in "I am"), "voormiddag", "ochtend",
  "'s morgens", "vm", "matin", "matinée", "10am". Dutch "morgen" alone is
  *tomorrow*; it is a morning only after a weekday or "'s" ("maandag morgen",
  "maandagmorgen", "morgenmorgen").
- Afternoon: "afternoon", "pm", "namiddag", "middag", "'s middags", "nm",
  "après-midi", "aprem", "2pm". Dutch "morgenmiddag" is tomorrow afternoon.
- Full day: the default, and explicit "all day", "hele dag", "toute la journée"...
  An explicit full day, or both halves named, gives the full day.

Tokens read here get role "part" so the date grammar does not read them again
(which keeps "maandag morgen" from also meaning tomorrow).
"""

from __future__ import annotations

from werkplek.dayparts import DayPart
from werkplek.language.lexicon import (
    AFTERNOON_PHRASES,
    AM_WORD,
    FULL_DAY_PHRASES,
    HALF_DAY_PARTS,
    HOUR_SUFFIX_PARTS,
    MONTHS,
    MORGEN_AS_MORNING_AFTER,
    RELATIVE_DAYS,
    WEEKDAYS,
)
from werkplek.language.normalize import NUMBER, NUMERIC_DATE, PUNCT, WORD, Token

PART = "part"


def phrase_at(tokens: list[Token], start: int, phrase: tuple[str, ...]) -> bool:
    """Whether free word tokens from `start` spell `phrase`."""
    if start + len(phrase) > len(tokens):
        return False
    for offset, word in enumerate(phrase):
        token = tokens[start + offset]
        if token.kind != WORD or token.role or token.word != word:
            return False
    return True


def _claim(tokens: list[Token], start: int, length: int) -> None:
    for token in tokens[start : start + length]:
        token.role = PART


def _is_dateish(token: Token | None) -> bool:
    if token is None:
        return False
    if token.kind in (NUMBER, NUMERIC_DATE):
        return True
    return token.kind == WORD and (
        token.word in WEEKDAYS or token.word in RELATIVE_DAYS or token.word in MONTHS
    )


def _am_is_morning(tokens: list[Token], index: int) -> bool:
    """ "Thursday am", "tomorrow am please": yes. "I am in the office": no."""
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if previous is not None and previous.word in ("i", "im"):
        return False
    if _is_dateish(previous) or _is_dateish(following):
        return True
    return following is None or following.kind == PUNCT


def find_part(tokens: list[Token]) -> tuple[DayPart, bool]:
    """The half day asked for, and whether one was mentioned at all."""
    full = morning = afternoon = False
    for index, token in enumerate(tokens):
        if token.role:
            continue
        if token.kind == NUMBER and token.suffix in HOUR_SUFFIX_PARTS:
            part = HOUR_SUFFIX_PARTS[token.suffix]
            morning |= part is DayPart.MORNING
            afternoon |= part is DayPart.AFTERNOON
            token.role = PART
            continue
        if token.kind != WORD:
            continue
        for phrase in FULL_DAY_PHRASES:
            if phrase_at(tokens, index, phrase):
                _claim(tokens, index, len(phrase))
                full = True
                break
        if token.role:
            continue
        if any(phrase_at(tokens, index, phrase) for phrase in AFTERNOON_PHRASES):
            _claim(tokens, index, 2)
            afternoon = True
            continue
        word = token.word
        if word in HALF_DAY_PARTS:
            morning |= HALF_DAY_PARTS[word] is DayPart.MORNING
            afternoon |= HALF_DAY_PARTS[word] is DayPart.AFTERNOON
            token.role = PART
        elif (word == AM_WORD and _am_is_morning(tokens, index)) or (
            word == "morgen" and index > 0 and tokens[index - 1].word in MORGEN_AS_MORNING_AFTER
        ):
            morning = True
            token.role = PART
    mentioned = full or morning or afternoon
    if full or (morning and afternoon):
        return DayPart.FULL, mentioned
    if morning:
        return DayPart.MORNING, mentioned
    if afternoon:
        return DayPart.AFTERNOON, mentioned
    return DayPart.FULL, mentioned
