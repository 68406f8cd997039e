"""Glue: text in, `Understanding` out, in a fixed order of small grammars.

1. `normalize.fold`: case, accents, control characters; first 500 characters only.
2. `places.find_places`: zones and desks are cut out first, so their names never
   read as dates ("Verdieping 1", desk "2.03").
3. `normalize.tokenize`: tokens, Dutch compounds split ("thuiswerkvrijdag"), typos
   repaired.
4. `permanence.find_assignment`: the name of someone put on permanence is claimed
   before anything else, so "Jan" is not January and "Dag" not a greeting; it is
   taken from the original text, so its spelling and accents are kept.
5. `recurrence.find_recurrence`: "every Monday ... until the end of January" is
   claimed next, so its weekdays and its until are not single days or a period.
6. `intents.mark_greetings`, then `halfday.find_part`, then `dates.find_dates`, then
   `periods.find_period`: each claims the tokens it reads, so "goeie morgen" is a
   greeting and "maandag morgen" a morning, not tomorrow; a week named without a
   weekday ("next week") and month phrases ("deze maand", "in November") are periods.
7. `intents.classify` decides from what is left.
8. The period is resolved once the intent is known (a telework overview looks back
   for a month named without a year); none is returned for UNKNOWN or HELP. With a
   recurrence `dates` stays empty: the caller expands it. `person` is only set for
   SET_PERMANENCE.

`parse` never raises: a chat bot must answer every message, so an unexpected error
becomes `Intent.UNKNOWN` with a note.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from werkplek.language.dates import find_dates
from werkplek.language.halfday import find_part
from werkplek.language.intents import classify, mark_greetings
from werkplek.language.model import Intent, Places, Understanding
from werkplek.language.normalize import fold, tokenize
from werkplek.language.periods import find_period, resolve_period
from werkplek.language.permanence import find_assignment
from werkplek.language.places import find_places
from werkplek.language.recurrence import find_recurrence

log = logging.getLogger(__name__)


def parse(text: str, today: date, places: Places = Places()) -> Understanding:  # noqa: B008
    """Understand one chat message; `today` is the organisation's local date."""
    try:
        return _parse(text, today, places)
    except Exception as error:  # a chat message must never crash the bot
        log.exception("could not understand a message of %d characters", len(text or ""))
        return Understanding(Intent.UNKNOWN, notes=(f"error: {type(error).__name__}",))


def _parse(text: str, today: date, places: Places) -> Understanding:
    if isinstance(today, datetime):
        today = today.date()
    if not isinstance(places, Places):
        places = Places()
    placed = find_places(fold(text), places)
    tokens = tokenize(placed.text)
    assignment = find_assignment(tokens, text)
    repeated = find_recurrence(tokens, today)
    greeted = mark_greetings(tokens)
    part, part_mentioned = find_part(tokens)
    found = find_dates(tokens, today)
    named = find_period(tokens, found.weeks)
    recurrence = repeated.recurrence
    problem = found.problem or repeated.problem
    intent, why = classify(
        tokens,
        has_date=bool(found.dates) or problem is not None,
        has_part=part_mentioned,
        has_place=placed.zone is not None or placed.desk is not None,
        greeted=greeted,
        has_recurrence=recurrence is not None,
        has_period=named is not None,
        sets_permanence=assignment is not None,
    )
    period = None
    if named is not None and intent not in (Intent.UNKNOWN, Intent.HELP):
        look_back = intent is Intent.TELEWORK_OVERVIEW
        period = resolve_period(named, today, look_back=look_back)
    person = assignment.person if assignment and intent is Intent.SET_PERMANENCE else None
    typos = tuple(
        f"typo: {t.text} -> {t.word}" for t in tokens if t.text != t.word and t.kind == "word"
    )
    return Understanding(
        intent=intent,
        dates=() if recurrence is not None else found.dates,
        part=part,
        zone=placed.zone,
        desk=placed.desk,
        date_problem=problem,
        notes=(
            *why,
            *placed.notes,
            *(assignment.notes if assignment else ()),
            *repeated.notes,
            *found.notes,
            *typos,
        ),
        recurrence=recurrence,
        period=period,
        person=person,
    )
