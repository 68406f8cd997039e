"""Glue: text in, `Understanding` out, in a fixed order of small grammars.

1. `normalize.fold`: case, accents, control characters; first 500 characters only.
2. `places.find_places`: zones and desks are cut out first, so their names never
   read as dates ("Verdieping 1", desk "2.03").
3. `normalize.tokenize`: tokens, Dutch compounds split ("thuiswerkvrijdag"), typos
   repaired.
4. `permanence.find_assignment`: the name of someone put on permanence is claimed
   before anything else, so "Jan" is not January and "Dag" not a greeting; it is
   taken from the original text, so its spelling and accents are kept.
4b. `reminders.find_reminders`: whether the message names the proactive reminders
   ("reminders", "herinneringen", "rappels", "unsubscribe", "stop reminding me") and
   how it switches them; it claims nothing and is decided in step 7. Skipped when
   someone is put on permanence.
4b'. `my_data.find_my_data`: whether the message is about the user's own data
   ("my data", "mijn gegevens", "delete my data", "vergeet mij", "GDPR"); it claims
   nothing and is decided in step 7. Skipped when someone is put on permanence.
4c. `presence.find_presence`: questions about colleagues (WHO_IS_IN, WHERE_IS), the
   team's week, following, privacy and booking next to someone; a name is claimed
   here too ("waar is Jan", "volg Dag", "book next to May"), from the original text.
   Skipped when a permanence word is present.
5. `recurrence.find_recurrence`: "every Monday ... until the end of January" is
   claimed next, so its weekdays and its until are not single days or a period.
6. `intents.mark_greetings`, then `halfday.find_part`, then `dates.find_dates`, then
   `periods.find_period`: each claims the tokens it reads, so "goeie morgen" is a
   greeting and "maandag morgen" a morning, not tomorrow; a week named without a
   weekday ("next week") and month phrases ("deze maand", "in November") are periods.
7. `intents.classify` decides from what is left; a presence match overrides it (see
   `presence`), except booking next to someone, which only makes BOOK (or UNKNOWN: "next
   to Bert") a BOOK with a `person`, and leaves other intents ("cancel my desk next to
   Bert") without one. Then reminders (see `reminders`): once dates are known,
   `ReminderMatch.decide` gives REMINDERS, STOP_REMINDERS or START_REMINDERS, which
   override both ("hide my notifications" is not PRIVACY, "notifications for my team"
   not TEAM_WEEK), or None when another errand decides the message ("remind me to book
   a desk Thursday" stays BOOK, "reminder: wfh Friday" TELEWORK). Last, the user's
   own data (see `my_data`): MY_DATA or DELETE_MY_DATA override everything before
   ("delete my data" is not CANCEL), unless `MyDataMatch.decide` leaves the message to
   them (a day named, someone else's data, a booking word, a privacy choice).
8. The period is resolved once the intent is known (a telework overview looks back
   for a month named without a year); none is returned for UNKNOWN or HELP. With a
   recurrence `dates` stays empty: the caller expands it. `person` is only set for
   SET_PERMANENCE, WHERE_IS, FOLLOW, UNFOLLOW and BOOK next to someone; `visibility`
   only for PRIVACY. The reminder intents carry neither.

`parse` never raises: a chat bot must answer every message, so an unexpected error
becomes `Intent.UNKNOWN` with a note.
"""

from __future__ import annotations

import logging
import traceback
from datetime import date, datetime

from werkplek.language.dates import find_dates
from werkplek.language.halfday import find_part
from werkplek.language.intents import classify, mark_greetings
from werkplek.language.model import Intent, Places, Understanding
from werkplek.language.my_data import find_my_data
from werkplek.language.normalize import fold, tokenize
from werkplek.language.periods import find_period, resolve_period
from werkplek.language.permanence import find_assignment
from werkplek.language.places import find_places
from werkplek.language.presence import PresenceMatch, find_presence
from werkplek.language.recurrence import find_recurrence
from werkplek.language.reminders import find_reminders

log = logging.getLogger(__name__)


def parse(text: str, today: date, places: Places = Places()) -> Understanding:  # noqa: B008
    """Understand one chat message; `today` is the organisation's local date."""
    try:
        return _parse(text, today, places)
    except Exception as error:  # a chat message must never crash the bot
        # Where it failed, never the message or the exception's text (it may quote it).
        frame = traceback.extract_tb(error.__traceback__)[-1]
        log.error(
            "could not understand a message of %d characters: %s at %s:%d",
            len(text) if isinstance(text, str) else 0,
            type(error).__name__,
            frame.filename.rsplit("/", 1)[-1],
            frame.lineno or 0,
        )
        return Understanding(Intent.UNKNOWN, notes=(f"error: {type(error).__name__}",))


def _parse(text: str, today: date, places: Places) -> Understanding:
    if isinstance(today, datetime):
        today = today.date()
    if not isinstance(places, Places):
        places = Places()
    placed = find_places(fold(text), places)
    tokens = tokenize(placed.text)
    assignment = find_assignment(tokens, text)
    reminders = find_reminders(tokens) if assignment is None else None
    my_data = find_my_data(tokens, text) if assignment is None else None
    presence = find_presence(tokens, text) if assignment is None else None
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
    if presence is not None:
        intent, why = _with_presence(presence, intent, why)
    if reminders is not None:
        dated = bool(found.dates) or problem is not None or part_mentioned
        decided = reminders.decide(dated=dated or recurrence is not None or named is not None)
        if decided is not None:
            intent, why = decided
    if my_data is not None:
        dated = bool(found.dates) or problem is not None or part_mentioned
        privacy = presence is not None and presence.intent is Intent.PRIVACY
        decided = my_data.decide(
            dated=dated or recurrence is not None or named is not None, privacy=privacy
        )
        if decided is not None:
            intent, why = decided
    period = None
    if named is not None and intent not in (Intent.UNKNOWN, Intent.HELP):
        look_back = intent is Intent.TELEWORK_OVERVIEW
        period = resolve_period(named, today, look_back=look_back)
    person = assignment.person if assignment and intent is Intent.SET_PERMANENCE else None
    if presence is not None and intent is presence.intent and intent in _NAMED:
        person = presence.person
    visibility = presence.visibility if presence and intent is Intent.PRIVACY else None
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
            *(presence.notes if presence and intent is presence.intent else ()),
            *repeated.notes,
            *found.notes,
            *typos,
        ),
        recurrence=recurrence,
        period=period,
        person=person,
        visibility=visibility,
    )


_WHERE_I_SIT = ("asks where I sit",)
_NAMED = frozenset({Intent.WHERE_IS, Intent.FOLLOW, Intent.UNFOLLOW, Intent.BOOK})


def _with_presence(
    presence: PresenceMatch, intent: Intent, why: tuple[str, ...]
) -> tuple[Intent, tuple[str, ...]]:
    """The intent once a presence match is known (see `presence` for the rules)."""
    if presence.intent is not Intent.BOOK:
        return presence.intent, ()
    if intent in (Intent.BOOK, Intent.UNKNOWN) or why == _WHERE_I_SIT:
        return Intent.BOOK, ("book next to someone",)  # "where can I sit next to Bert"
    return intent, why
