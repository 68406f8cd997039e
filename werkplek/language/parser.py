"""Glue: text in, `Understanding` out, in a fixed order of small grammars.

1. `normalize.fold`: case, accents, control characters; first 500 characters only.
2. `places.find_places`: zones and desks are cut out first, so their names never
   read as dates ("Verdieping 1", desk "2.03").
3. `normalize.tokenize`: tokens, Dutch compounds split, typos repaired.
4. `intents.mark_greetings`, then `halfday.find_part`, then `dates.find_dates`: each
   claims the tokens it reads, so "goeie morgen" is a greeting and "maandag morgen"
   a morning, not tomorrow.
5. `intents.classify` decides from what is left.

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
from werkplek.language.places import find_places

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
    greeted = mark_greetings(tokens)
    part, part_mentioned = find_part(tokens)
    found = find_dates(tokens, today)
    intent, why = classify(
        tokens,
        has_date=bool(found.dates) or found.problem is not None,
        has_part=part_mentioned,
        has_place=placed.zone is not None or placed.desk is not None,
        greeted=greeted,
    )
    typos = tuple(
        f"typo: {t.text} -> {t.word}" for t in tokens if t.text != t.word and t.kind == "word"
    )
    return Understanding(
        intent=intent,
        dates=found.dates,
        part=part,
        zone=placed.zone,
        desk=placed.desk,
        date_problem=found.problem,
        notes=(*why, *placed.notes, *found.notes, *typos),
    )
