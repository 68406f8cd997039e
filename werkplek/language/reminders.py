"""Proactive reminders: the settings card, or all of them off or back on.

`find_reminders` reads the tokens right after permanence (before presence and the date
grammar) and claims nothing; once dates are known, `ReminderMatch.decide` says whether
the message is REMINDERS, STOP_REMINDERS or START_REMINDERS, or leaves it to the usual
order (None). Skipped when someone is put on permanence.

A message is about reminders when it names them:
- a reminder noun: "reminder(s)", "notification(s)", "notif(s)", "herinnering(en)",
  "melding(en)", "notificatie(s)", "rappel(s)", and compounds such as
  "herinneringsinstellingen"; one typo is tolerated ("remnders", "herinneringn");
- "unsubscribe", "opt out", "uitschrijven", "schrijf me uit", "désabonner",
  "désinscrire": a stop on their own;
- a remind verb, only with a stop or start verb: "stop reminding me", "stop met
  herinneren", "arrête de me rappeler", "start notifying me"; "remind(ed)", "notify",
  "notified" and Dutch "herinnerd" also after a negation: "don't remind me", "never
  notify me again", "I don't want to be reminded", "ik wil niet meer herinnerd worden"
  (not with the bot as subject: "you never remind me" is a complaint). "remind me to
  book a desk Thursday",
  "herinner me eraan dat ik morgen thuis werk" and "rappelle-moi de réserver" name no
  reminder setting: they stay BOOK, TELEWORK, ... as before. Dutch "herinner" and French
  "rappelle" are never read without a stop verb: "ik herinner me niet meer waar ik zat"
  is "I don't remember", "rappelle-moi" may be a call back.

Switches, in the same clause (no ",", ";" or "?" between) and at most four tokens from
the reminder word:
- STOP: stop/disable/deactivate/mute/silence/pause, "uitzetten", "uitschakelen",
  "stopzetten", "dempen", "arrête", "désactive", "coupe", "suspendre"; a particle
  after turn/switch/zet/schakel or at the end of the clause: "turn off reminders",
  "zet de herinneringen uit", "zet de meldingen af", "reminders off", "on hold"; "no",
  "geen", "aucun", "zonder", "sans", "plus de", "pas de" just before the noun: "no more
  reminders", "geen herinneringen meer", "plus de rappels"; a negation with a wish or
  "more": "I don't want reminders", "stuur me niet meer", "je ne veux plus de rappels";
  a cancel word before the noun, or last in the clause after it: "cancel my
  reminders", "supprime les rappels", "herinneringen verwijderen". A state is no switch:
  "all reminders are off", "mijn meldingen staan aan", "les rappels sont désactivés".
- START: start/resume/enable/activate/unmute/subscribe, "aanzetten", "inschakelen",
  "hervatten", "active", "réactive", "reprendre", "remets"; "on"/"aan" after a turn
  verb, after back/weer/terug or at the end of the clause ("turn on reminders", "turn
  reminders back on", "zet de herinneringen weer aan"), "in" after "schakel"; "again"
  with a wish ("send me reminders again", "je veux de nouveau des rappels").
A negation is no stop in a complaint: with a receive/get word and no wish ("ik krijg
geen herinneringen meer", "je n'ai pas reçu de rappel", "I'm not getting
notifications", "I never got reminded"), or in a message with a "?"; "didn't",
"wasn't", "isn't" are no negation here ("I didn't get a reminder").

Deciding (first match wins):
1. Another errand's verb (a booking verb, or a cancel word that is not about the
   reminders): with a switch, the settings card ("stop reminding me to book a desk": the
   reminder kinds are switched there); without one, None: "reminder: book a desk
   Thursday" stays BOOK, "reminder: cancel my desk tomorrow" CANCEL.
2. Another errand's words otherwise (a desk, office, booking, telework or permanence
   word, a named zone or desk, come, work, need): the settings card, about one kind of
   reminder ("telework reminders", "stop the duty reminders", "herinneringen aan mijn
   reservaties", "rappels de permanence", "my reminders aren't working"); but None with
   a date and no switch ("reminder: wfh Friday" stays TELEWORK, "herinnering: ik kom
   donderdag" BOOK).
3. A question ("how do I stop the reminders?", "why do I get notifications", "are my
   reminders on?", "waar zet ik de meldingen uit"): the settings card.
4. No switch: the settings card ("reminders", "mijn herinneringen", "paramètres des
   rappels", "notifications", a complaint).
5. Both switches, one kind of reminder named ("stop the daily reminder", "geen
   weekplanning herinneringen meer", "stop the morning reminders", the team's
   reminders), or a day, half day, recurrence or period ("stop reminders tomorrow": they
   can only be switched for good): the settings card.
6. STOP_REMINDERS or START_REMINDERS: every reminder kind off, or on again.

Lone "stop", "start" or "mute" name no reminders: they stay UNKNOWN.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from werkplek.language.lexicon import (
    BACK_WORDS,
    BOOK_VERBS,
    CANCEL_SEPARABLE_PARTICLE,
    CANCEL_SEPARABLE_STEMS,
    CANCEL_WORDS,
    COME_WORDS,
    COMPLAINING_SUBJECTS,
    DESK_NOUNS,
    HOW_WORDS,
    IN_AFTER,
    LIST_NOUNS,
    MORE_WORDS,
    NEGATED_REMIND_VERBS,
    NEGATED_STEMS,
    NO_BEFORE_DE,
    NO_WORDS,
    OFF_PARTICLES,
    OFFICE_WORDS,
    ON_PARTICLES,
    PAST_BOOKED,
    PERMANENCE_WORDS,
    QUESTION_OPENERS,
    QUESTION_WORDS,
    RECEIVED_WORDS,
    REMIND_VERBS,
    REMINDER_KIND_WORDS,
    REMINDER_NEGATIONS,
    REMINDER_NOUNS,
    REMINDER_QUESTION_WORDS,
    START_REMINDER_VERBS,
    STOP_NOT_BEFORE,
    STOP_REMINDER_VERBS,
    TEAM_WORDS,
    TELEWORK_WORDS,
    TRAILING_POLITENESS,
    TURN_VERBS,
    UNSUBSCRIBE_PHRASES,
    UNSUBSCRIBE_WORDS,
    WHO_WORDS,
    WISH_WORDS,
    WORK_VERBS,
)
from werkplek.language.model import Intent
from werkplek.language.normalize import PLACE, PUNCT, WORD, Token

_REACH = 4  # tokens between a reminder word and its switch
_NO_REACH = 3  # tokens between "no"/"geen"/"plus de" and the reminder noun
_STOP = "stop"
_START = "start"
_NEGATED = "negated"  # a stop said with a negation: not in a complaint or a question
# Words of another errand that only decide it with a date ("reminder: wfh Friday").
_TOPICS = (
    DESK_NOUNS
    | OFFICE_WORDS
    | LIST_NOUNS
    | TELEWORK_WORDS
    | PERMANENCE_WORDS
    | COME_WORDS
    | WORK_VERBS
    | PAST_BOOKED
    | {"need", "needs", "nodig", "besoin"}
)
_DE = frozenset({"de", "d"})
_DAYS_OFF = frozenset({"day", "days", "dag", "dagen"})
_BEING = frozenset({"are", "is", "was", "were", "zijn", "staan", "staat", "stonden", "sont", "est"})
_ASKS = QUESTION_WORDS | HOW_WORDS | REMINDER_QUESTION_WORDS | WHO_WORDS
_KINDS = REMINDER_KIND_WORDS | TEAM_WORDS


@dataclass(frozen=True)
class ReminderMatch:
    """What `find_reminders` read; `decide` turns it into an intent once dates are known."""

    switch: Intent | None  # STOP_/START_REMINDERS; REMINDERS when both were said
    errand: bool = False  # a booking verb, or a cancel word not about the reminders
    topic: bool = False  # desk, office, booking, telework, permanence, a place, come, work
    asks: bool = False
    kind: bool = False  # one kind of reminder named ("daily", "weekplanning", "team")
    notes: tuple[str, ...] = field(default=())

    def decide(self, *, dated: bool) -> tuple[Intent, tuple[str, ...]] | None:
        """The intent (with a note), or None to leave the message to `intents`."""
        if self.errand:
            if self.switch is None:
                return None
            return Intent.REMINDERS, ("reminders: switched with another errand", *self.notes)
        if self.topic:
            if self.switch is None and dated:
                return None
            return Intent.REMINDERS, ("reminders: with another errand's words", *self.notes)
        if self.asks:
            return Intent.REMINDERS, ("reminders: a question", *self.notes)
        if self.switch is None:
            return Intent.REMINDERS, ("reminders: the settings", *self.notes)
        if self.switch is Intent.REMINDERS:
            return Intent.REMINDERS, ("reminders: both on and off", *self.notes)
        if self.kind:
            return Intent.REMINDERS, ("reminders: one kind of reminder", *self.notes)
        if dated:
            return Intent.REMINDERS, ("reminders: a switch with a date", *self.notes)
        return self.switch, (f"reminders: {self.switch.value}", *self.notes)


class _Reader:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.words = [t.word if t.kind == WORD and t.role != "person" else "" for t in tokens]
        self.present = {word for word in self.words if word}
        self.clause: list[int] = []
        number = 0
        for token in tokens:
            if token.kind == PUNCT:
                number += 1
            self.clause.append(number)

    def word(self, index: int) -> str:
        return self.words[index] if 0 <= index < len(self.words) else ""

    def has_phrase(self, phrase: tuple[str, ...]) -> bool:
        size = len(phrase)
        return any(
            tuple(self.words[k : k + size]) == phrase for k in range(len(self.words) - size + 1)
        )

    def around(
        self, index: int, reach: int, *, before: bool = True, after: bool = True
    ) -> Iterator[int]:
        """Indices in the same clause as `index`, at most `reach` tokens away from it."""
        low = index - reach if before else index + 1
        high = index + reach if after else index - 1
        for k in range(max(0, low), min(len(self.tokens) - 1, high) + 1):
            if k != index and self.clause[k] == self.clause[index]:
                yield k

    def clause_ends_after(self, index: int) -> bool:
        """Only politeness ("please", "graag", "svp") follows tokens[index] in its clause."""
        for k in range(index + 1, len(self.tokens)):
            if self.tokens[k].kind == PUNCT:
                return True
            if self.words[k] not in TRAILING_POLITENESS:
                return False
        return True

    def negation_at(self, index: int) -> bool:
        word = self.word(index)
        if word in REMINDER_NEGATIONS:
            return True
        return word == "t" and self.word(index - 1) in NEGATED_STEMS - {"didn", "wasn", "isn"}


def _particle(reader: _Reader, k: int) -> str | None:
    """ "turn off", "zet ... uit", "reminders off", "weer aan", "schakel ... in"."""
    word = reader.word(k)
    if word not in OFF_PARTICLES and word not in ON_PARTICLES:
        return None
    if word == "on" and reader.word(k + 1) == "hold":
        return _STOP  # "put the reminders on hold"
    if word == "in":
        turned = any(reader.word(j) in IN_AFTER for j in reader.around(k, _REACH, after=False))
        return _START if turned else None
    if word == "off" and reader.word(k - 1) in _DAYS_OFF:
        return None  # "my day off"
    turned = any(reader.word(j) in TURN_VERBS for j in reader.around(k, _REACH, after=False))
    back = reader.word(k - 1) in BACK_WORDS
    if turned or (back and word in ON_PARTICLES) or reader.clause_ends_after(k):
        return _STOP if word in OFF_PARTICLES else _START
    return None


def _cancels(reader: _Reader, k: int, noun: int) -> bool:
    """ "cancel my reminders", "herinneringen verwijderen": a cancel word about them."""
    if reader.word(k) not in CANCEL_WORDS:
        return False
    if k < noun:
        return noun - k <= _NO_REACH
    return reader.clause_ends_after(k)


def _no_before(reader: _Reader, noun: int) -> bool:
    """ "no more reminders", "geen herinneringen", "plus de rappels", "pas de rappels"."""
    for k in reader.around(noun, _NO_REACH, after=False):
        word = reader.word(k)
        if word in NO_WORDS or (word in NO_BEFORE_DE and reader.word(k + 1) in _DE):
            return True
    return False


def _separable_cancel(word: str, clause: set[str]) -> bool:
    """ "meld ... af", with either part near the reminder noun."""
    if word == CANCEL_SEPARABLE_PARTICLE:
        return bool(clause & CANCEL_SEPARABLE_STEMS)
    return word in CANCEL_SEPARABLE_STEMS and CANCEL_SEPARABLE_PARTICLE in clause


def _noun_signals(reader: _Reader, noun: int) -> tuple[set[str], set[int]]:
    """The switches around a reminder noun, and the cancel words used as one."""
    found: set[str] = set()
    cancel_words: set[int] = set()
    clause = {w for k, w in enumerate(reader.words) if reader.clause[k] == reader.clause[noun]}
    for k in reader.around(noun, _REACH):
        word = reader.word(k)
        if reader.word(k - 1) in _BEING:
            continue  # "les rappels sont désactivés", "all reminders are off": a state
        if word in STOP_REMINDER_VERBS and reader.word(k + 1) not in STOP_NOT_BEFORE:
            found.add(_STOP)
        elif word in START_REMINDER_VERBS:
            found.add(_START)
        elif _cancels(reader, k, noun):
            found.add(_STOP)
            cancel_words.add(k)
        elif _separable_cancel(word, clause):
            found.add(_STOP)  # "ik meld me af voor de herinneringen"
        else:
            particle = _particle(reader, k)
            if particle is not None:
                found.add(particle)
    if _no_before(reader, noun):
        found.add(_NEGATED)
    negated = any(reader.negation_at(k) for k in reader.around(noun, _REACH))
    if negated and clause & (WISH_WORDS | MORE_WORDS):
        found.add(_NEGATED)
    if clause & BACK_WORDS and clause & WISH_WORDS and _NEGATED not in found:
        found.add(_START)  # "send me reminders again"
    return found, cancel_words


def _verb_signals(reader: _Reader, verb: int) -> set[str]:
    """ "stop reminding me", "arrête de me rappeler", "don't remind me"."""
    found: set[str] = set()
    for k in reader.around(verb, _REACH):
        word = reader.word(k)
        if word in STOP_REMINDER_VERBS:
            found.add(_STOP)
        elif word in START_REMINDER_VERBS:
            found.add(_START)
    if reader.word(verb) in NEGATED_REMIND_VERBS:
        for k in reader.around(verb, _REACH, after=False):
            if reader.negation_at(k):
                first = k - 1 if reader.word(k) == "t" else k
                if reader.word(first - 1) not in COMPLAINING_SUBJECTS:
                    found.add(_NEGATED)
    return found


def _unsubscribes(reader: _Reader) -> list[int]:
    at = [k for k, word in enumerate(reader.words) if word in UNSUBSCRIBE_WORDS]
    for phrase in UNSUBSCRIBE_PHRASES:
        size = len(phrase)
        words = reader.words
        at += [k for k in range(len(words) - size + 1) if tuple(words[k : k + size]) == phrase]
    return at


def find_reminders(tokens: list[Token]) -> ReminderMatch | None:
    """What a message says about reminders, or None when it names none."""
    reader = _Reader(tokens)
    words = reader.words
    nouns = [k for k, word in enumerate(words) if word in REMINDER_NOUNS]
    verbs = [k for k, word in enumerate(words) if word in REMIND_VERBS]
    unsubscribes = _unsubscribes(reader)
    if not (nouns or verbs or unsubscribes):
        return None

    signals: set[str] = {_STOP} if unsubscribes else set()
    cancel_words: set[int] = set()
    for noun in nouns:
        found, cancelling = _noun_signals(reader, noun)
        signals |= found
        cancel_words |= cancelling
    for verb in verbs:
        signals |= _verb_signals(reader, verb)
    if not nouns and not signals:
        return None  # "remind me to book a desk": no reminder setting named

    present = reader.present
    question = any(t.kind == PUNCT and t.word == "?" for t in tokens)
    complaint = bool(present & RECEIVED_WORDS) and not present & WISH_WORDS
    if _NEGATED in signals:
        signals.discard(_NEGATED)
        if not (complaint or question):
            signals.add(_STOP)

    switch = None
    if signals == {_STOP}:
        switch = Intent.STOP_REMINDERS
    elif signals == {_START}:
        switch = Intent.START_REMINDERS
    elif signals:
        switch = Intent.REMINDERS

    other_cancel = any(
        word in CANCEL_WORDS and k not in cancel_words for k, word in enumerate(words)
    )
    return ReminderMatch(
        switch=switch,
        errand=bool(present & BOOK_VERBS) or other_cancel,
        topic=bool(present & _TOPICS) or any(t.kind == PLACE for t in tokens),
        asks=_asks(reader),
        kind=bool(present & _KINDS) or reader.has_phrase(("day", "before")),
        notes=("reminders: a complaint",) if complaint else (),
    )


def _asks(reader: _Reader) -> bool:
    """ "how do I ...", "why", "are my reminders on", "est-ce que"; not "do not ..."."""
    if reader.present & _ASKS or reader.has_phrase(("est", "ce", "que")):
        return True
    opening = [word for word in reader.words if word][:2]
    if not opening or opening[0] not in QUESTION_OPENERS:
        return False
    return len(opening) == 1 or opening[1] not in REMINDER_NEGATIONS
