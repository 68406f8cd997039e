"""The date grammar: which calendar days a message names, relative to `today`.

Interpretations (nl / fr / en, all understood together):

- "today"/"vandaag"/"aujourd'hui"/"auj" = today; "tomorrow"/"morgen"/"demain" = +1;
  "the day after tomorrow"/"overmorgen"/"après-demain" = +2; "yesterday"/"gisteren" = -1,
  "eergisteren"/"avant-hier" = -2 (past dates are returned; the caller refuses them).
  French "hier" is not read: in Dutch it means "here". "this morning"/"vanmiddag"/
  "ce matin" = today.
- A bare weekday ("Thursday", "donderdag", "jeudi", "op donderdag", "le jeudi",
  "donderdags") = the first such day strictly after today; so is "next Thursday",
  "volgende/komende donderdag", "jeudi prochain", "prochain jeudi".
  "this Thursday"/"deze donderdag"/"ce jeudi" = the first such day on or after today.
  "last Thursday"/"vorige donderdag"/"jeudi dernier" = the last such day before today.
- "next week Thursday", "Thursday next week", "volgende week donderdag", "donderdag
  volgende week", "jeudi (de) la semaine prochaine", "la semaine prochaine jeudi" =
  that weekday in the next ISO week (weeks start on Monday). "this week" = this ISO
  week, "last week" the previous one. "in two weeks"/"over twee weken"/"dans deux
  semaines" with a weekday = that weekday two ISO weeks on; alone = today + 14 days.
  A week phrase applies to all weekdays listed next to it ("maandag en dinsdag
  volgende week"). "next week"/"this week"/"last week" without a weekday names no day:
  it is reported in `DateResult.weeks` and becomes a period (see `periods`).
- English weekday abbreviations tue/wed/thu/thur(s)/fri/sat/sun are read; "mon" only
  right after next/this/last/on (French "mon" is "my"). Two-letter and French/Dutch
  abbreviations are not read.
- Day and month: "3 December", "3 déc.", "le 3 décembre", "1er décembre", "December 3",
  "December 3rd", "the 3rd of December", "le premier décembre", "3 en 4 december",
  with an optional year ("3 december 2026", "Dec 3, 2026").
- Numeric, day first: "3/12", "3-12", "3.12", "03/12/2026", "3/12/26", "3.12.2026";
  ISO "2026-12-03". A number after "om"/"at"/"à" is a clock time ("om 10.30"), not a date.
- Without a year, a day and month mean the next occurrence on or after today (so in
  late December "3/1" is next January). A day of the month alone needs a marker:
  an ordinal suffix ("the 3rd", "de 3de", "op de 3e", "le 1er") or "le"/"the"/"de"
  ("le 3"), or a weekday right before it ("jeudi 3"); it means the next such day on or
  after today. A bare number is never a date.
- "in 2 days"/"in two days"/"over 2 dagen"/"dans deux jours" = +2; "in a week"/"over een
  week"/"dans une semaine" = +7. Number words go from one to twelve in each language.
- A weekday written next to a calendar date ("donderdag 3 december") is the same day:
  only the calendar date is kept (a note says when the weekday does not match).
- An impossible date ("31 februari", "31/02", "2026-13-01", "30 février") is not
  returned; it sets `DateProblem.INVALID`.
- Dates come back in the order mentioned, without duplicates.
- Tokens other grammars claimed first are not read: a recurrence ("every Monday
  until 31 December", see `recurrence`, which reads its until date with this grammar)
  and a person's name ("zet Jan op permanentie").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from werkplek.language.lexicon import (
    ARTICLE_NUMBERS,
    CONNECTORS,
    COUNT_PREPOSITIONS,
    DAY_MARKERS,
    DAY_UNIT_WORDS,
    DESK_NOUNS,
    GAP_WORDS,
    LAST_PREFIXES,
    LAST_WORDS,
    MONTHS,
    NEXT_WORDS,
    NOT_AFTER_DAY,
    NUMBER_WORDS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    RANGE_WORDS,
    RELATIVE_DAYS,
    RELATIVE_PHRASES,
    THIS_WORDS,
    TIME_MARKERS,
    WEAK_WEEKDAY_OPENERS,
    WEAK_WEEKDAYS,
    WEEK_WORDS,
    WEEKDAYS,
)
from werkplek.language.model import DateProblem
from werkplek.language.normalize import ISO_DATE, NUMBER, NUMERIC_DATE, PUNCT, WORD, Token

DATE = "date"
WEEKDAY = "weekday"
_PART = "part"

# Kinds of mention.
_DAY = "day"  # a resolved calendar day
_WEEKDAY = "weekday"  # a weekday, resolved once week phrases are attached
_WEEK = "week"  # "next week", "in two weeks": shifts neighbouring weekdays
_INVALID = "invalid"


@dataclass(slots=True)
class _Mention:
    start: int
    end: int  # exclusive token index
    kind: str
    day: date | None = None
    explicit: bool = False  # spelled-out calendar date: absorbs an adjacent weekday
    weekday: int = 0
    mode: str = "next"  # "next" (also bare), "this" or "last"
    weeks: int | None = None  # ISO week offset, for weekdays and week phrases
    alone: date | None = None  # a week phrase's own day ("in two weeks")
    period: bool = False  # "next week", "deze week": a period when no weekday attaches


@dataclass(frozen=True)
class DateResult:
    dates: tuple[date, ...] = ()
    problem: DateProblem | None = None
    notes: tuple[str, ...] = field(default=())
    weeks: tuple[int, ...] = ()  # ISO week offsets named without a day ("next week": 1)


# --- small helpers --------------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _next_day_month(today: date, day: int, month: int) -> date | None:
    """The next `day`/`month` on or after today; None if it never exists (30 February)."""
    for year in range(today.year, today.year + 9):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def next_day_of_month(today: date, day: int) -> date | None:
    """The next `day` of a month on or after today ("jusqu'au 20"); None if out of range."""
    return _next_day_of_month(today, day)


def _next_day_of_month(today: date, day: int) -> date | None:
    year, month = today.year, today.month
    for _ in range(13):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _year(text: str) -> int | None:
    """A written year: four digits, or two digits in this century."""
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return 2000 + int(text)
    return None


def _token(tokens: list[Token], index: int) -> Token | None:
    if 0 <= index < len(tokens):
        return tokens[index]
    return None


def _word(tokens: list[Token], index: int) -> str:
    token = _token(tokens, index)
    if token is None or token.role or token.kind not in (WORD, PUNCT):
        return ""
    return token.word


def _free(token: Token | None) -> bool:
    return token is not None and not token.role


def _day_number(token: Token | None, *, words: bool) -> tuple[int, bool] | None:
    """A day-of-month number ("3", "3rd", "1er"; with `words`: "first", "trois").

    Returns the number and whether it was written as an ordinal.
    """
    if not _free(token):
        return None
    assert token is not None
    if token.kind == NUMBER and len(token.word) <= 2:
        if token.suffix and token.suffix not in ORDINAL_SUFFIXES:
            return None
        return int(token.word), bool(token.suffix)
    if words and token.kind == WORD:
        if token.word in ORDINAL_WORDS:
            return ORDINAL_WORDS[token.word], True
        if token.word in NUMBER_WORDS and token.word not in ARTICLE_NUMBERS:
            return NUMBER_WORDS[token.word], False
    return None


def _year_after(tokens: list[Token], index: int) -> tuple[int | None, int]:
    """An optional year at `index` (maybe after a comma): (year, tokens used)."""
    offset = 1 if _word(tokens, index) == "," else 0
    token = _token(tokens, index + offset)
    if (
        _free(token)
        and token is not None
        and token.kind == NUMBER
        and not token.suffix
        and len(token.word) == 4
        and 1900 <= int(token.word) <= 2199
    ):
        return int(token.word), offset + 1
    return None, 0


def _calendar_mention(
    start: int, end: int, year: int | None, month: int, day: int, today: date
) -> _Mention:
    """A day and month, in the given year or else the next time it comes round."""
    found = _next_day_month(today, day, month) if year is None else _safe_date(year, month, day)
    if found is None:
        return _Mention(start, end, _INVALID)
    return _Mention(start, end, _DAY, day=found, explicit=True)


# --- matchers: each looks at tokens[i] and returns mentions, or None ------------------------


def _numeric(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    token = tokens[i]
    if token.kind not in (NUMERIC_DATE, ISO_DATE):
        return None
    if "." in token.text and _word(tokens, i - 1) in TIME_MARKERS:
        return []  # "om 10.30": a clock time
    parts = token.text.replace("/", "-").replace(".", "-").split("-")
    numbers = [int(part) for part in parts]
    if token.kind == ISO_DATE:
        year, month, day = numbers
        return [_calendar_mention(i, i + 1, year, month, day, today)]
    day, month = numbers[0], numbers[1]
    year = _year(parts[2]) if len(parts) == 3 else None
    if len(parts) == 3 and year is None:
        return [_Mention(i, i + 1, _INVALID)]
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return [_Mention(i, i + 1, _INVALID)]
    return [_calendar_mention(i, i + 1, year, month, day, today)]


def _day_month(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "3 december", "3rd of December", "1er décembre", "3 en 4 december", "drie december"."""
    days: list[tuple[int, int]] = []  # (day, token index)
    j = i
    while True:
        number = _day_number(_token(tokens, j), words=True)
        if number is None:
            return None
        days.append((number[0], j))
        j += 1
        if _word(tokens, j) in ("of", "de", "van") and _word(tokens, j + 1) in MONTHS:
            j += 1
        if _word(tokens, j) in MONTHS:
            break
        if _word(tokens, j) in CONNECTORS or _word(tokens, j) in RANGE_WORDS:
            skip = 2 if _word(tokens, j + 1) in DAY_MARKERS else 1
            if _day_number(_token(tokens, j + skip), words=True):
                j += skip
                continue
        return None
    month = MONTHS[_word(tokens, j)]
    year, used = _year_after(tokens, j + 1)
    end = j + 1 + used
    mentions = []
    for position, (day, index) in enumerate(days):
        last = position == len(days) - 1
        mentions.append(
            _calendar_mention(index, end if last else index + 1, year, month, day, today)
        )
    # The connector and month tokens belong to the last mention's span.
    mentions[-1].start = days[-1][1]
    return mentions


def _month_day(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "December 3", "December 3rd, 2026", "December the 3rd"."""
    if _word(tokens, i) not in MONTHS:
        return None
    j = i + 1
    if _word(tokens, j) == "the":
        j += 1
    number = _day_number(_token(tokens, j), words=False)
    if number is None:
        return None
    if _word(tokens, j + 1) in _NOT_A_DAY_AFTER:
        return None
    year, used = _year_after(tokens, j + 1)
    month = MONTHS[_word(tokens, i)]
    return [_calendar_mention(i, j + 1 + used, year, month, number[0], today)]


def _relative_day(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    for phrase, offset in RELATIVE_PHRASES:
        if all(_word(tokens, i + k) == word for k, word in enumerate(phrase)):
            return [_Mention(i, i + len(phrase), _DAY, day=_shift(today, offset))]
    word = _word(tokens, i)
    if word in RELATIVE_DAYS:
        return [_Mention(i, i + 1, _DAY, day=_shift(today, RELATIVE_DAYS[word]))]
    following = _token(tokens, i + 1)
    if word in THIS_WORDS and following is not None and following.role == _PART:
        return [_Mention(i, i + 1, _DAY, day=today)]  # "this afternoon", "ce matin"
    return None


def _count(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "in 2 days", "over twee weken", "dans une semaine"."""
    if _word(tokens, i) not in COUNT_PREPOSITIONS:
        return None
    token = _token(tokens, i + 1)
    if not _free(token) or token is None:
        return None
    if token.kind == NUMBER and not token.suffix and len(token.word) <= 3:
        amount = int(token.word)
    elif token.kind == WORD and token.word in NUMBER_WORDS:
        amount = NUMBER_WORDS[token.word]
    else:
        return None
    unit = _word(tokens, i + 2)
    if unit in DAY_UNIT_WORDS:
        return [_Mention(i, i + 3, _DAY, day=_shift(today, amount))]
    if unit in WEEK_WORDS:
        return [_Mention(i, i + 3, _WEEK, weeks=amount, alone=_shift(today, 7 * amount))]
    return None


def _week_phrase(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "next week", "volgende week", "cette semaine", "semaine prochaine"."""
    first, second = _word(tokens, i), _word(tokens, i + 1)
    offsets = (("next", NEXT_WORDS, 1), ("this", THIS_WORDS, 0), ("last", LAST_WORDS, -1))
    for _, words, weeks in offsets:
        if (first in words and second in WEEK_WORDS) or (
            first in WEEK_WORDS and second in words and second not in THIS_WORDS
        ):
            return [_Mention(i, i + 2, _WEEK, weeks=weeks, period=True)]
    return None


_WEEKDAY_PREFIXES = NEXT_WORDS | THIS_WORDS | LAST_PREFIXES
_NOT_A_DAY_AFTER = NOT_AFTER_DAY | DESK_NOUNS


def _weekday(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "Thursday", "next Thursday", "ce jeudi", "jeudi prochain", "on Mon"."""
    j = i
    modifiers: list[str] = []
    while _word(tokens, j) in _WEEKDAY_PREFIXES:
        modifiers.append(_word(tokens, j))
        j += 1
    word = _word(tokens, j)
    if word in WEEKDAYS:
        weekday = WEEKDAYS[word]
    elif word in WEAK_WEEKDAYS and (
        modifiers or _word(tokens, j - 1) in WEAK_WEEKDAY_OPENERS or _word(tokens, j - 1) == "op"
    ):
        weekday = WEAK_WEEKDAYS[word]
    else:
        return None
    end = j + 1
    after = _word(tokens, end)
    if (after in NEXT_WORDS or after in LAST_WORDS) and _word(tokens, end + 1) not in WEEK_WORDS:
        modifiers.append(after)
        end += 1
    mode = "next"
    if any(word in LAST_WORDS for word in modifiers):
        mode = "last"
    elif modifiers and not any(word in NEXT_WORDS for word in modifiers):
        mode = "this"
    return [_Mention(i, end, _WEEKDAY, weekday=weekday, mode=mode)]


def _day_of_month(tokens: list[Token], i: int, today: date) -> list[_Mention] | None:
    """ "the 3rd", "le 3", "de 3de", "op de 3e", "jeudi 3"."""
    number = _day_number(_token(tokens, i), words=False)
    if number is None:
        return None
    day, ordinal = number
    if _word(tokens, i + 1) in _NOT_A_DAY_AFTER:
        return None
    previous = _token(tokens, i - 1)
    after_weekday = previous is not None and previous.role == WEEKDAY
    if not (ordinal or _word(tokens, i - 1) in DAY_MARKERS or after_weekday):
        return None
    if not 1 <= day <= 31:
        return [_Mention(i, i + 1, _INVALID)]
    found = _next_day_of_month(today, day)
    if found is None:
        return [_Mention(i, i + 1, _INVALID)]
    return [_Mention(i, i + 1, _DAY, day=found, explicit=True)]


_MATCHERS = (
    _numeric,
    _relative_day,
    _count,
    _week_phrase,
    _weekday,
    _day_month,
    _month_day,
    _day_of_month,
)


# --- second pass: attach week phrases, drop weekdays that repeat a date ---------------------


def _only_between(tokens: list[Token], start: int, end: int, allowed: frozenset[str]) -> bool:
    for token in tokens[start:end]:
        if token.kind not in (WORD, PUNCT) or token.word not in allowed:
            return False
    return True


_GAP = GAP_WORDS | {","}
_RANGE_MARKERS = RANGE_WORDS
_RANGE_WORDS = GAP_WORDS | RANGE_WORDS | {"/", "en", "m", "met", "a"}
_CHAIN = GAP_WORDS | CONNECTORS


def _weekday_run(
    tokens: list[Token], mentions: list[_Mention], index: int, step: int
) -> list[_Mention]:
    """The weekdays listed next to mentions[index], walking in direction `step`."""
    run: list[_Mention] = []
    current = mentions[index]
    k = index + step
    while 0 <= k < len(mentions):
        candidate = mentions[k]
        if candidate.kind != _WEEKDAY:
            break
        left, right = (current, candidate) if step > 0 else (candidate, current)
        allowed = _GAP if not run else _CHAIN
        if not _only_between(tokens, left.end, right.start, allowed):
            break
        run.append(candidate)
        current = candidate
        k += step
    return run


def _attach_weeks(
    tokens: list[Token], mentions: list[_Mention], notes: list[str], weeks: list[int]
) -> None:
    for index, mention in enumerate(mentions):
        if mention.kind != _WEEK:
            continue
        run = _weekday_run(tokens, mentions, index, 1) or _weekday_run(tokens, mentions, index, -1)
        run = [weekday for weekday in run if weekday.weeks is None]
        for weekday in run:
            weekday.weeks = mention.weeks
        if run:
            mention.kind = ""  # used up by its weekdays
        elif mention.alone is not None:
            mention.kind, mention.day = _DAY, mention.alone
        else:
            mention.kind = ""
            notes.append("a week without a day")
            if mention.period and mention.weeks is not None:
                weeks.append(mention.weeks)


def _absorb_weekdays(tokens: list[Token], mentions: list[_Mention], notes: list[str]) -> None:
    """ "donderdag 3 december", "Thursday the 3rd": one day, named twice."""
    for index, mention in enumerate(mentions):
        if mention.kind != _WEEKDAY or mention.weeks is not None:
            continue
        for neighbour_index in (index + 1, index - 1):
            if not 0 <= neighbour_index < len(mentions):
                continue
            neighbour = mentions[neighbour_index]
            if not neighbour.explicit or neighbour.day is None:
                continue
            left, right = sorted((mention, neighbour), key=lambda m: m.start)
            if _only_between(tokens, left.end, right.start, _GAP):
                if neighbour.day.weekday() != mention.weekday:
                    notes.append(f"weekday does not match {neighbour.day.isoformat()}")
                mention.kind = ""
                break


def _resolve_weekday(mention: _Mention, today: date) -> date | None:
    if mention.weeks is not None:
        monday = _shift(today, -today.weekday())
        if monday is None:
            return None
        return _shift(monday, 7 * mention.weeks + mention.weekday)
    ahead = (mention.weekday - today.weekday()) % 7
    if mention.mode == "this":
        return _shift(today, ahead)
    if mention.mode == "last":
        behind = (today.weekday() - mention.weekday) % 7 or 7
        return _shift(today, -behind)
    return _shift(today, ahead or 7)


def find_dates(tokens: list[Token], today: date) -> DateResult:
    """Every day the tokens name, in order, and whether an impossible date was written."""
    mentions: list[_Mention] = []
    i = 0
    while i < len(tokens):
        if tokens[i].role:
            i += 1
            continue
        for matcher in _MATCHERS:
            found = matcher(tokens, i, today)
            if found is None:
                continue
            end = max((mention.end for mention in found), default=i + 1)
            role = WEEKDAY if any(m.kind == _WEEKDAY for m in found) else DATE
            for token in tokens[i:end]:
                token.role = role
            mentions.extend(found)
            i = max(end, i + 1)
            break
        else:
            i += 1

    notes: list[str] = []
    weeks: list[int] = []
    _attach_weeks(tokens, mentions, notes, weeks)
    _absorb_weekdays(tokens, mentions, notes)
    problem: DateProblem | None = None
    resolved: list[_Mention] = []
    for mention in mentions:
        if mention.kind == _INVALID:
            problem = DateProblem.INVALID
            continue
        if mention.kind == _WEEKDAY:
            mention.day = _resolve_weekday(mention, today)
        elif mention.kind != _DAY:
            continue
        if mention.day is not None:
            resolved.append(mention)
    days: list[date] = []
    for day in _expand_ranges(tokens, resolved, notes):
        if day not in days:
            days.append(day)
    return DateResult(tuple(days), problem, tuple(notes), tuple(weeks))


_MAX_RANGE_DAYS = 31


def _expand_ranges(tokens: list[Token], mentions: list[_Mention], notes: list[str]) -> list[date]:
    """ "van maandag tot woensdag", "du 3 au 5 décembre", "Monday to Wednesday": every day.

    A weekday that ends a range comes after its start ("from Friday to Monday" runs over
    the weekend). Saturdays and Sundays inside a range are left out unless the range
    starts or ends on one.
    """
    days: list[date] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        assert first.day is not None
        if index + 1 < len(mentions):
            last = mentions[index + 1]
            assert last.day is not None
            if _only_between(tokens, first.end, last.start, _RANGE_WORDS) and _has_range_word(
                tokens, first.end, last.start
            ):
                end = last.day
                if end < first.day and last.kind == _WEEKDAY and last.weeks is None:
                    end = _shift(end, 7) or end
                span = (end - first.day).days
                if 0 < span <= _MAX_RANGE_DAYS:
                    weekend = first.day.weekday() >= 5 or end.weekday() >= 5
                    for offset in range(span + 1):
                        day = first.day + timedelta(days=offset)
                        if weekend or day.weekday() < 5:
                            days.append(day)
                    notes.append("a range of days")
                    index += 2
                    continue
        days.append(first.day)
        index += 1
    return days


def _has_range_word(tokens: list[Token], start: int, end: int) -> bool:
    return any(token.word in _RANGE_MARKERS for token in tokens[start:end])
