"""Periods a message names, as a first and last day: a week or a month.

- "this week"/"deze week"/"cette semaine" = Monday to Friday of the current ISO week;
  "next week"/"volgende week"/"la semaine prochaine" = the next ISO week, "last
  week"/"vorige week"/"la semaine dernière" the previous one. The date grammar reads
  these and reports a week named without a weekday: "volgende week donderdag" is a
  day, not a period.
- "this month"/"deze maand"/"ce mois-ci"/"ce mois"/"le mois courant" = the 1st to the
  last day of the current month; "last month"/"vorige maand"/"afgelopen maand"/"le
  mois dernier"/"le mois passé" the previous month; "next month"/"volgende maand"/"le
  mois prochain" the next one.
- A month named alone ("telework in November", "thuiswerk in oktober", "novembre
  2025"): that month. Only full month names count ("in Nov" does not), and English
  "may" only after "in"/"of"/"for"/"during" ("may I book" is a verb). Without a year
  a telework overview looks back: the current month or the last one of that name,
  except the coming month, which is ahead (said on 23 November 2026: "October" is
  October 2026, "January" January 2026, "December" December 2026, because telework is
  registered ahead; see `OVERVIEW_MONTHS_AHEAD`). Every other intent looks ahead: the
  current month or the next one of that name. A month after "end"/"until"/"begin"
  ("tot eind januari") is a boundary, not a period.
- One period per message: a month phrase, else a month named alone, else a week.
- A period is only returned when the message names one; the caller picks its own
  default (the current month for a telework overview, the current week for permanence).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from werkplek.language.lexicon import (
    CURRENT_WORDS,
    FULL_MONTHS,
    LAST_WORDS,
    MONTH_ALONE_OPENERS,
    MONTH_WORDS,
    NEXT_WORDS,
    NOT_PERIOD_BEFORE,
    THIS_WORDS,
)
from werkplek.language.normalize import NUMBER, WORD, Token

PERIOD = "period"

WEEK = "week"  # offset in ISO weeks from the current one
MONTH = "month"  # offset in months from the current one
NAMED_MONTH = "named_month"  # a month by name, maybe with a year

# A telework overview of a month named without a year looks back, except for the coming
# month: telework is registered ahead, so "my telework in December" said in November is
# the December to come. Set to 0 to look back for every month but the current one.
OVERVIEW_MONTHS_AHEAD = 1

_LOOKBACK_GAP = frozenset({"of", "van", "de", "du", "d", "the", "la", "het"})


@dataclass(frozen=True)
class PeriodMention:
    kind: str
    offset: int = 0  # WEEK and MONTH
    month: int = 0  # NAMED_MONTH
    year: int | None = None  # NAMED_MONTH, when written


def _free_word(tokens: list[Token], index: int) -> str:
    if 0 <= index < len(tokens) and tokens[index].kind == WORD and not tokens[index].role:
        return tokens[index].word
    return ""


def _any_word(tokens: list[Token], index: int) -> str:
    if 0 <= index < len(tokens) and tokens[index].kind == WORD:
        return tokens[index].word
    return ""


def _claim(tokens: list[Token], start: int, end: int) -> None:
    for token in tokens[start:end]:
        token.role = PERIOD


def _month_phrase(tokens: list[Token], i: int) -> PeriodMention | None:
    """ "this month", "vorige maand", "ce mois-ci", "le mois dernier", "next month"."""
    word, following = _free_word(tokens, i), _free_word(tokens, i + 1)
    offset: int | None = None
    end = i + 2
    if following in MONTH_WORDS:
        if word in THIS_WORDS or word in CURRENT_WORDS:
            offset = 0
        elif word in NEXT_WORDS:
            offset = 1
        elif word in LAST_WORDS:
            offset = -1
        if offset is not None and _free_word(tokens, i + 2) == "ci":
            end += 1
    elif word in MONTH_WORDS:
        if following in NEXT_WORDS:
            offset = 1
        elif following in LAST_WORDS:
            offset = -1
        elif following == "ci" or following in CURRENT_WORDS:
            offset = 0
    if offset is None:
        return None
    _claim(tokens, i, end)
    return PeriodMention(MONTH, offset=offset)


def _month_alone(tokens: list[Token], i: int) -> PeriodMention | None:
    """ "in November", "oktober", "novembre 2025"; not "tot eind januari", "may I"."""
    word = _free_word(tokens, i)
    if word not in FULL_MONTHS:
        return None
    before = _any_word(tokens, i - 1)
    if word == "may" and before not in MONTH_ALONE_OPENERS:
        return None
    if before in NOT_PERIOD_BEFORE or (
        before in _LOOKBACK_GAP and _any_word(tokens, i - 2) in NOT_PERIOD_BEFORE
    ):
        return None
    end = i + 1
    year: int | None = None
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == NUMBER
        and not following.role
        and not following.suffix
        and len(following.word) == 4
        and 1900 <= int(following.word) <= 2199
    ):
        year = int(following.word)
        end += 1
    _claim(tokens, i, end)
    return PeriodMention(NAMED_MONTH, month=FULL_MONTHS[word], year=year)


def find_period(tokens: list[Token], weeks: tuple[int, ...] = ()) -> PeriodMention | None:
    """The period the message names, if any; `weeks` are the date grammar's lone weeks."""
    words = {token.word for token in tokens if token.kind == WORD}
    if not words.isdisjoint(MONTH_WORDS):
        for i in range(len(tokens)):
            phrase = _month_phrase(tokens, i)
            if phrase is not None:
                return phrase
    if not words.isdisjoint(FULL_MONTHS):
        for i in range(len(tokens)):
            alone = _month_alone(tokens, i)
            if alone is not None:
                return alone
    if weeks:
        return PeriodMention(WEEK, offset=weeks[0])
    return None


def _month_bounds(year: int, month: int) -> tuple[date, date] | None:
    if not 1 <= year <= 9999:
        return None
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + offset
    return total // 12, total % 12 + 1


def month_end(today: date, month: int) -> date | None:
    """The last day of `month`, the next time it comes round on or after today."""
    for year in (today.year, today.year + 1):
        bounds = _month_bounds(year, month)
        if bounds is not None and bounds[1] >= today:
            return bounds[1]
    return None


def month_bounds(today: date, offset: int = 0) -> tuple[date, date] | None:
    """First and last day of the month `offset` months from today's."""
    return _month_bounds(*_add_months(today.year, today.month, offset))


def resolve_period(
    mention: PeriodMention, today: date, *, look_back: bool
) -> tuple[date, date] | None:
    """First and last day of a period; `look_back` for a month named without a year."""
    try:
        if mention.kind == WEEK:
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=mention.offset)
            return monday, monday + timedelta(days=4)
        if mention.kind == MONTH:
            return month_bounds(today, mention.offset)
        if mention.year is not None:
            return _month_bounds(mention.year, mention.month)
        ahead = (mention.month - today.month) % 12
        if look_back and ahead > OVERVIEW_MONTHS_AHEAD:
            ahead -= 12
        return month_bounds(today, ahead)
    except (ValueError, OverflowError):
        return None
