"""Weekly repetitions: "every Monday and Thursday at home until the end of January".

- An "every" word comes first: every/each/all, elke/iedere/ieder/elk/alle, chaque/tous
  les/toutes les. Then one or more weekdays joined by and/en/et/","/"&"/"+"/"/"; the
  "every" may be repeated ("every Monday and every Thursday", "tous les lundis et les
  jeudis"). Plurals count ("mondays", "lundis", "maandagen"). "every week on Tuesday"/
  "elke week op dinsdag"/"chaque semaine le mardi" too. "every day"/"every weekday"/
  "elke (werk)dag"/"tous les jours (ouvrables)" = Monday to Friday.
  Saturdays and Sundays are dropped with a note (telework and desks are for working
  days); "every Saturday" alone is no recurrence. Without an "every" word a weekday
  is one day: "thuis op maandag en donderdag" is next Monday and Thursday.
- `until` follows until/till/through, tot (en met), t/m, jusqu'à/jusqu'au/jusque:
  - "the end of January"/"eind januari"/"fin janvier"/"la fin de janvier" = the last
    day of that month, the next time it comes round on or after today (said on
    10 February 2027, "end of January" is 31 January 2028);
  - "the end of the month"/"het einde van de maand"/"eind deze maand"/"la fin du mois"
    = the last day of the current month, "end of next month" of the next one; "the end
    of the week"/"eind van de week"/"la fin de la semaine" = this week's Friday; "the
    end of the year"/"eind van het jaar"/"la fin de l'année" = 31 December;
  - any date the date grammar reads ("31 December", "15/1", "jusqu'au 20 décembre",
    "until Friday"); a bare day of the month after "jusqu'au" ("jusqu'au 20") is the
    next such day;
  - a month alone ("tot januari", "until January") = the day before it starts;
  - no until, or one that cannot be read: four weeks from today (today + 28 days), with
    a note. An impossible until date ("tot 31 februari") also reports
    `DateProblem.INVALID`.
- Everything read here is claimed, so the date grammar and the period grammar do not
  read "januari" in "tot eind januari" again. The parser returns no `dates` with a
  recurrence: the caller expands it from today up to and including `until`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from werkplek.language.dates import find_dates, next_day_of_month
from werkplek.language.lexicon import (
    ALL_WEEKDAYS_WORDS,
    END_WORDS,
    EVERY_WORDS,
    MONTH_WORDS,
    MONTHS,
    NEXT_WORDS,
    NL_WEEKDAY_PLURALS,
    THIS_WORDS,
    UNTIL_WORDS,
    WEAK_WEEKDAYS,
    WEEK_WORDS,
    WEEKDAYS,
    YEAR_WORDS,
)
from werkplek.language.model import DateProblem, Recurrence
from werkplek.language.normalize import NUMBER, PUNCT, WORD, Token
from werkplek.language.periods import month_bounds, month_end

RECURRENCE = "recurrence"
DEFAULT_WEEKS = 4  # a recurrence without "until" runs four weeks from today

_JOINERS = frozenset({"and", "en", "et", ",", "&", "+", "/"})
_REPEATERS = EVERY_WORDS | {"les", "le", "the", "op", "on", "de"}
_BEFORE_DAY = frozenset({"les", "de", "the", "of"})
_AFTER_WEEK = frozenset({"on", "op", "le", "les", "the", "de", "en"})
_UNTIL_FILLERS = frozenset({"en", "met", "a", "au", "aux", "and", "including", "inclus"})
_ARTICLES = frozenset({"the", "het", "de", "la", "le", "l"})
_END_GAP = frozenset({"of", "van", "de", "du", "d", "the", "het", "la", "le", "l"}) | THIS_WORDS
_WORKING_DAY_TAILS = frozenset({"ouvrable", "ouvrables", "ouvre", "ouvres"})


@dataclass(frozen=True)
class RecurrenceResult:
    recurrence: Recurrence | None
    problem: DateProblem | None = None
    notes: tuple[str, ...] = field(default=())


def _word(tokens: list[Token], index: int) -> str:
    """The word at `index` if it is free (not claimed); punctuation counts as a word."""
    if 0 <= index < len(tokens):
        token = tokens[index]
        if not token.role and token.kind in (WORD, PUNCT):
            return token.word
    return ""


def _claim(tokens: list[Token], start: int, end: int) -> None:
    for token in tokens[start:end]:
        if not token.role:
            token.role = RECURRENCE


def _weekday_of(word: str, after_every: bool) -> int | None:
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    if word in NL_WEEKDAY_PLURALS:
        return NL_WEEKDAY_PLURALS[word]
    if after_every and word in WEAK_WEEKDAYS:
        return WEAK_WEEKDAYS[word]
    return None


def _weekdays_after(tokens: list[Token], i: int) -> tuple[list[int], int] | None:
    """The weekdays an "every" word at `i` names, and the end of the phrase."""
    j = i + 1
    while _word(tokens, j) in _BEFORE_DAY:
        j += 1
    week = _word(tokens, j) in WEEK_WORDS
    if week:
        j += 1
        while _word(tokens, j) in _AFTER_WEEK:
            j += 1
    if not week:
        if _word(tokens, j) == "working" and _word(tokens, j + 1) in ALL_WEEKDAYS_WORDS:
            j += 1
        if _word(tokens, j) in ALL_WEEKDAYS_WORDS:
            end = j + 1
            if _word(tokens, end) in _WORKING_DAY_TAILS:
                end += 1
            return [0, 1, 2, 3, 4], end
    days: list[int] = []
    while True:
        day = _weekday_of(_word(tokens, j), after_every=True)
        if day is None:
            break
        days.append(day)
        j += 1
        k = j
        if _word(tokens, k) not in _JOINERS:
            break
        k += 1
        while _word(tokens, k) in _REPEATERS:
            k += 1
        if _weekday_of(_word(tokens, k), after_every=True) is None:
            break
        j = k
    if not days:
        return None
    return days, j


def _end_of(tokens: list[Token], start: int, today: date) -> tuple[date | None, int] | None:
    """After "end"/"eind"/"fin": January, the month, next month, the week, the year."""
    j = start
    offset = 0
    while _word(tokens, j) in _END_GAP or _word(tokens, j) in NEXT_WORDS:
        if _word(tokens, j) in NEXT_WORDS:
            offset = 1
        j += 1
    word = _word(tokens, j)
    if _word(tokens, j + 1) in NEXT_WORDS:  # "la fin du mois prochain"
        offset, end = 1, j + 2
    else:
        end = j + 1
    if word in MONTHS:
        return month_end(today, MONTHS[word]), end
    if word in MONTH_WORDS:
        bounds = month_bounds(today, offset)
        return (bounds[1] if bounds else None), end
    if word in WEEK_WORDS:
        friday = today - timedelta(days=today.weekday()) + timedelta(days=4 + 7 * offset)
        return friday, end
    if word in YEAR_WORDS:
        return date(today.year + offset, 12, 31), end
    return None


def _until_at(
    tokens: list[Token], start: int, today: date, notes: list[str]
) -> tuple[date | None, DateProblem | None]:
    """The last day named after an until word; `start` is the first token after it."""
    j = start
    while _word(tokens, j) in _UNTIL_FILLERS:
        j += 1
    _claim(tokens, start, j)
    e = j
    while _word(tokens, e) in _ARTICLES:
        e += 1
    if _word(tokens, e) in END_WORDS:
        try:
            found = _end_of(tokens, e + 1, today)
        except (ValueError, OverflowError):  # at the very end of the calendar
            found = None
        if found is not None:
            day, end = found
            _claim(tokens, j, end)
            return day, None
    dates = find_dates(tokens[j : j + 8], today)
    if dates.dates:
        return dates.dates[0], None
    if dates.problem is not None:
        return None, dates.problem
    token = tokens[e] if e < len(tokens) else None
    if token is not None and not token.role and token.kind == NUMBER and not token.suffix:
        number = int(token.word) if len(token.word) <= 2 else 0
        if 1 <= number <= 31:
            _claim(tokens, j, e + 1)
            return next_day_of_month(today, number), None
    if _word(tokens, e) in MONTHS:
        month = MONTHS[_word(tokens, e)]
        year = today.year if month > today.month else today.year + 1
        _claim(tokens, j, e + 1)
        notes.append("until a month: the day before it starts")
        if year > date.max.year:
            return None, None
        return date(year, month, 1) - timedelta(days=1), None
    return None, None


def _find_until(
    tokens: list[Token], today: date, notes: list[str]
) -> tuple[date | None, DateProblem | None]:
    for k, token in enumerate(tokens):
        if token.role or token.kind != WORD:
            continue
        if token.word in UNTIL_WORDS:
            start = k + 1
        elif token.word == "t" and _word(tokens, k + 1) == "/" and _word(tokens, k + 2) == "m":
            start = k + 3  # "t/m": tot en met
        else:
            continue
        token.role = RECURRENCE
        if start > k + 1:
            _claim(tokens, k + 1, start)
        day, problem = _until_at(tokens, start, today, notes)
        if day is None and problem is None:
            notes.append("until not understood")
        return day, problem
    return None, None


def find_recurrence(tokens: list[Token], today: date) -> RecurrenceResult:
    """A weekly repetition and its last day, if the message names one."""
    for i, token in enumerate(tokens):
        if token.role or token.kind != WORD or token.word not in EVERY_WORDS:
            continue
        found = _weekdays_after(tokens, i)
        if found is None:
            continue
        days, end = found
        notes: list[str] = []
        working = sorted({day for day in days if day < 5})
        if len(working) < len(set(days)):
            notes.append("weekend days left out of a recurrence")
        if not working:
            return RecurrenceResult(None, notes=tuple(notes))
        _claim(tokens, i, end)
        until, problem = _find_until(tokens, today, notes)
        if until is None:
            try:
                until = today + timedelta(weeks=DEFAULT_WEEKS)
            except OverflowError:
                until = date.max
            notes.append(f"recurrence for {DEFAULT_WEEKS} weeks")
        elif until < today:
            notes.append("recurrence ends before today")
        return RecurrenceResult(Recurrence(tuple(working), until), problem, tuple(notes))
    return RecurrenceResult(None)
