"""Colleagues: who is where, your team's week, following someone, privacy, sitting nearby.

`find_presence` runs before the date grammar (right after permanence), so a name
("Jan", "May", "Dag") is claimed before it could read as a month or a greeting.
A message that names the proactive reminders is decided by `reminders` instead
("hide my notifications", "notifications for my team" open the reminder settings).
It returns None when the message is about none of this, and always None when a
permanence word is present ("wie heeft permanentie deze week" stays PERMANENCE).
First match wins:

1. HELP: "how"/"hoe"/"comment" (not "how many") about following, without a date
   ("how do I follow someone?", "hoe volg ik iemand").
2. PRIVACY, who may see my plans. `visibility` is "team", "everyone" or "nobody", or
   None when the user only asks or opens the settings ("privacy", "privacy settings",
   "privacyinstellingen", "confidentialité", "vie privée", "wie ziet mijn planning",
   "who can see my plans", "qui voit mes plans", "how do I hide my plans"):
   - a privacy word, with an audience if one is named ("privacy: everyone");
   - hide/verberg/cacher/masquer with "my" or a plans noun: "nobody" ("hide my plans",
     "verberg mijn planning", "cacher mes plans"); "team" when hidden from everyone
     "except my team" ("behalve mijn team", "sauf mon équipe");
   - show/share/toon/deel/montrer/partager/visible/zichtbaar and a plans noun ("plans",
     "planning", "schedule", "agenda", "aanwezigheid", "présence") with an audience after
     to/with/aan/met/voor/à/avec: "show my plans to my team", "toon mijn planning aan
     iedereen", "montrer mes plans à personne"; or "public"/"private"/"privé" ("make my
     plans private"). Audiences: team ("my team", "mijn team", "mon équipe", "my
     colleagues"), everyone ("everyone", "iedereen", "tout le monde", "all", "all
     colleagues", "the company"), nobody ("nobody", "no one", "niemand", "personne",
     "only me", "alleen mij").
   - a see verb and a plans noun: asked with "who"/"wie"/"qui" (None), or said with an
     audience ("only my team can see my plans": "team").
3. FOLLOW / UNFOLLOW a colleague, `person` the name: "follow Bert", "volg Bert",
   "suivre Chloé", "ik wil An volgen", "add An to my favourites", "voeg An toe aan mijn
   favorieten", "ajoute Chloé à mes favoris". UNFOLLOW with "unfollow"/"ontvolg", a
   remove verb with favourites ("remove An from my favourites"), or a follow verb
   turned around by stop/not/niet/plus/anymore: "stop following Bert", "volg Bert niet
   meer", "ne plus suivre Chloé", "arrête de suivre Chloé".
4. TEAM_WEEK: your team is named ("team", "ploeg", "équipe", "my colleagues") and
   nothing is booked or cancelled: "my team this week", "mijn team deze week", "mon
   équipe cette semaine", "team next week", "where is my team", "wie van mijn team komt
   deze week". A week named becomes `period` (the parser's usual period); a day named
   stays in `dates`; neither: the caller shows this week.
5. Questions about colleagues, at the start of a sentence (after a greeting or "tell
   me", "weet je", "dis-moi"...):
   - WHO_IS_IN: "who"/"wie"/"qui" then coming or sitting ("qui vient demain ?", "wie
     komt er morgen naar kantoor", "wie zit er vrijdag op Verdieping 2"), or being or
     working with a presence word after it: "in", "er", "there", "around", "aanwezig",
     "présent", "là", the office, a desk, a zone, home ("who's in Thursday?", "who is in
     the office tomorrow", "wie is er donderdag?", "qui est au bureau jeudi ?", "who is
     working from home Friday"); "who booked Thursday", "qui a réservé jeudi"; also
     "where is everyone", "waar is iedereen", "où est tout le monde", "komt iedereen
     morgen". Without a date the caller uses today; a zone named is `zone`.
   - WHERE_IS, `person` the name: "where is Bert on Tuesday?", "where's Bert", "waar zit
     An morgen?", "waar is Chloé vrijdag", "où est Chloé demain ?", "où est-ce que Chloé
     travaille", "weet je waar An morgen zit". Yes/no questions starting with a verb and
     a name, with a presence word after the name unless the verb is "komt": "is Bert in
     the office Thursday?", "will Bert be in", "does Bert come in Friday", "komt An
     donderdag?", "zit An morgen op kantoor", "is An er morgen", "est-ce que Chloé vient
     demain". French inversion: "Bert vient-il jeudi ?", "Chloé est-elle au bureau
     demain ?"; a name and a verb in a question: "An komt morgen?".
     "where do I sit thursday", "waar zit ik", "where is my desk" name no one: they are
     left to `intents` (LIST).
6. Booking next to someone: "next to", "near", "close to", "beside", "naast",
   "tegenover", "dichtbij", "vlak bij", "in de buurt van", "à côté de", "près de",
   "auprès de", "en face de", then a name: "book next to Bert", "book a desk near An on
   Thursday", "boek naast Bert donderdag", "een plek naast An morgen", "réserve à côté
   de Chloé jeudi", "un bureau près de Bert demain". The match has intent BOOK and the
   name; the parser keeps BOOK (also for UNKNOWN, "next to Bert", and for the LIST of
   "where can I sit next to Bert") and sets `person`; when `intents` reads something else
   ("cancel my desk next to Bert" is CANCEL) there is no person. Dutch "bij" alone is
   not read ("bij voorkeur").

Names: one or two words ("An", "Chloé Dubois"; a hyphenated name is one word, and
capitalised particles belong to it: "Els De Smet", "Marie-Claire Van den Broeck"), at
most five tokens. A name stops at a date or half day, punctuation, a known word such as
"on"/"op"/"le"/"in" or, when the name was typed with a capital, the first word typed
without one ("An eigenlijk"). Its first word may be a word we know otherwise ("Jan",
"May", "Mars", "Dag"), but not a pronoun, article, preposition, verb, date word or one of
our keywords ("where is my desk", "near the window", "naast de printer"); English "an"
is a name only with a capital or before a stop ("near an empty desk" is not). The name
is taken from the original text, so spelling and accents are kept. Names are not
checked here: the caller matches them against the organisation's people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from werkplek.language.lexicon import (
    ADD_VERBS,
    ARRIVE_VERBS,
    AUDIENCE_PREPOSITIONS,
    BE_VERBS,
    BE_VERBS_ALSO,
    BOOK_VERBS,
    CANCEL_WORDS,
    COLLEAGUE_WORDS,
    DESK_NOUNS,
    EVERYONE_AUDIENCE,
    EVERYONE_WORDS,
    EXCEPT_WORDS,
    FAVOURITE_WORDS,
    FOLLOW_VERBS,
    FRENCH_INVERSION_PRONOUNS,
    FRENCH_INVERSION_VERBS,
    FRENCH_QUESTION,
    GREETING_WORDS,
    HELP_WORDS,
    HIDE_VERBS,
    HOW_WORDS,
    KNOWN_WORDS,
    LIST_NOUNS,
    MONTHS,
    NAME_FIRST_VERBS,
    NAME_OPENERS,
    NEAR_PHRASES,
    NEGATIONS,
    NOBODY_WORDS,
    NOT_A_NAME,
    NOT_NAMES,
    NUMBER_WORDS,
    OFFICE_WORDS,
    ONLY_WORDS,
    PAST_BOOKED,
    PERMANENCE_WORDS,
    PLAN_NOUNS,
    POSSESSIVES,
    PRESENCE_COMPLEMENTS,
    PRIVACY_PHRASES,
    PRIVACY_WORDS,
    PRIVATE_WORDS,
    PUBLIC_WORDS,
    QUESTION_LEAD_INS,
    QUESTION_WORDS,
    REMOVE_VERBS,
    SEE_VERBS,
    SELF_WORDS,
    SHOW_VERBS,
    TEAM_WORDS,
    TELEWORK_WORDS,
    UNFOLLOW_MARKERS,
    UNFOLLOW_VERBS,
    WHERE_AUX,
    WHERE_AUX_PHRASES,
    WHERE_WORDS,
    WHO_FILLERS,
    WHO_WORDS,
    WORK_VERBS,
    YES_NO_ARRIVE,
    YES_NO_VERBS,
)
from werkplek.language.model import Intent
from werkplek.language.names import Casing, dateish, original_text
from werkplek.language.normalize import PLACE, PUNCT, WORD, Token

PERSON = "person"  # the same role `permanence` gives a name: dates and intents skip it
NEAR = "near"

TEAM = "team"
EVERYONE = "everyone"
NOBODY = "nobody"

MAX_NAME_TOKENS = 5
_LEAD_IN_REACH = 8  # words before "who"/"where" that still leave it a question
_WHO_REACH = 3  # words between "who" and its verb ("wie er morgen komt")
_AFTER_NAME_REACH = 8  # words after a name in which a presence word may come

_NEVER_NAME = (
    NOT_A_NAME
    | NOT_NAMES
    | SELF_WORDS
    | POSSESSIVES
    | QUESTION_WORDS
    | WHO_WORDS
    | WHERE_WORDS
    | HOW_WORDS
    | DESK_NOUNS
    | OFFICE_WORDS
    | LIST_NOUNS
    | BOOK_VERBS
    | CANCEL_WORDS
    | TELEWORK_WORDS
    | WORK_VERBS
    | HELP_WORDS
    | PERMANENCE_WORDS
    | TEAM_WORDS
    | COLLEAGUE_WORDS
    | PLAN_NOUNS
    | PRIVACY_WORDS
    | FAVOURITE_WORDS
    | FOLLOW_VERBS
    | UNFOLLOW_VERBS
    | EVERYONE_AUDIENCE
    | NOBODY_WORDS
    | PRESENCE_COMPLEMENTS
    | BE_VERBS
    | BE_VERBS_ALSO
    | ARRIVE_VERBS
    | WHERE_AUX
    | NEGATIONS
    | (frozenset(NUMBER_WORDS) - {"an"})
)
_ARTICLE_LIKE = frozenset({"an"})  # English article, Flemish first name
_PARTICLES = frozenset(
    {"van", "von", "de", "den", "der", "del", "le", "la", "du", "des", "ter", "ten", "di", "da"}
)
_PRESENT_HERE = PRESENCE_COMPLEMENTS | OFFICE_WORDS | DESK_NOUNS | TELEWORK_WORDS | ARRIVE_VERBS
_WORKING = frozenset({"working", "werkt", "werken", "works", "travaille", "travaillent"})
_HAS_WORDS = frozenset({"has", "have", "heeft", "hebben", "a", "ont"})
# "who has a desk", "wie heeft er morgen geboekt", "qui a réservé".
_BOOKED_AFTER_HAS = PAST_BOOKED | DESK_NOUNS | {"reserve", "book", "boek"}
_STRICT_LEAD_INS = GREETING_WORDS | NAME_OPENERS | {"hey", "hi", "btw", "trouwens", "quick"}
_QUESTION_LEAD_INS = QUESTION_LEAD_INS | _STRICT_LEAD_INS
_AUDIENCE_SKIP = frozenset(
    {"my", "mijn", "mon", "ma", "mes", "the", "de", "het", "le", "la", "les", "l"}
    | {"our", "ons", "onze", "notre", "nos", "all", "alle", "tous", "toutes", "whole"}
)
_ALL = frozenset({"all", "alle", "tous", "toutes", "whole"})
_MAKE_WORDS = frozenset({"make", "maak", "zet", "rends", "rendre", "mets", "set", "put"})
_UNFOLLOW_PARTICLES = frozenset({"niet", "meer", "langer", "nog", "ook"})
_DUTCH_FOLLOW_LAST = frozenset({"volgen"})  # "ik wil An (niet meer) volgen"
_BEING = frozenset({"est", "sera", "is", "will"})
_TURN_REACH = 4  # words around a follow verb and its name where "stop"/"niet meer" count


@dataclass(frozen=True)
class PresenceMatch:
    """What `find_presence` understood; `intent` BOOK means booking next to `person`."""

    intent: Intent
    person: str | None = None
    visibility: str | None = None
    notes: tuple[str, ...] = field(default=())


class _Reader:
    """The tokens of one message, with helpers that never claim anything."""

    def __init__(self, tokens: list[Token], original: str) -> None:
        self.tokens = tokens
        self.original = original
        self.casing = Casing(original, tokens)
        self.words = [t.word if t.kind == WORD and not t.role else "" for t in tokens]
        self.present = {word for word in self.words if word}

    def word(self, index: int) -> str:
        return self.words[index] if 0 <= index < len(self.words) else ""

    def phrase_at(self, index: int, phrase: tuple[str, ...]) -> bool:
        if index < 0:
            return False
        return tuple(self.words[index : index + len(phrase)]) == phrase

    def has_date(self) -> bool:
        return any(dateish(self.tokens, i) for i in range(len(self.tokens)))

    # --- names ----------------------------------------------------------------------------

    def _stop(self, index: int) -> bool:
        """Whether a name may end before tokens[index]."""
        if index >= len(self.tokens):
            return True
        token = self.tokens[index]
        if token.kind != WORD or token.role:
            return True
        return token.text in KNOWN_WORDS or token.word in KNOWN_WORDS or dateish(self.tokens, index)

    def _first_word(self, index: int) -> bool:
        if not 0 <= index < len(self.tokens):
            return False
        token = self.tokens[index]
        if token.kind != WORD or token.role or len(token.text) < 2:
            return False
        if token.text in _NEVER_NAME or token.word in _NEVER_NAME or dateish(self.tokens, index):
            return False
        if token.text in _ARTICLE_LIKE:
            return bool(self.casing.capital(index)) or self._stop(index + 1)
        return True

    def name(self, index: int) -> tuple[int, int] | None:
        """The span of a name starting at tokens[index], or None."""
        if not self._first_word(index):
            return None
        tokens = self.tokens
        capital = bool(self.casing.capital(index))
        end = index + 1
        while end < len(tokens) and end - index < MAX_NAME_TOKENS:
            token = tokens[end]
            if token.kind != WORD or token.role or len(token.text) < 2:
                break
            if dateish(tokens, end):
                break
            if capital:
                typed_capital = bool(self.casing.capital(end))
                after_particle = tokens[end - 1].text in _PARTICLES and end - 1 > index
                if token.text in _PARTICLES and (typed_capital or after_particle):
                    end += 1
                    continue
                known = token.text in KNOWN_WORDS and token.text not in MONTHS
                if not typed_capital or token.text in _NEVER_NAME or known:
                    break
            elif token.text in KNOWN_WORDS or token.word != token.text:
                break
            end += 1
        while end > index + 1 and tokens[end - 1].text in _PARTICLES:
            end -= 1
        return index, end

    def name_ending_at(self, last: int) -> tuple[int, int] | None:
        """A name whose last token is tokens[last]: "ik wil Chloé Dubois volgen"."""
        for start in range(max(0, last - 1), last + 1):
            span = self.name(start)
            if span is not None and span[1] == last + 1:
                return span
        return None

    def spelled(self, span: tuple[int, int]) -> tuple[str, tuple[str, ...]]:
        """Claim a name and return it as typed."""
        start, end = span
        for token in self.tokens[start:end]:
            token.role = PERSON
        typed = original_text(self.original, self.tokens, start, end)
        if typed is None:
            folded = " ".join(token.text for token in self.tokens[start:end])
            return folded, ("person: spelling as folded",)
        return typed, ()

    # --- sentence starts ------------------------------------------------------------------

    def sentence_starts(self, lead_ins: frozenset[str]) -> list[int]:
        """Where a sentence's first real word is, once lead-ins ("tell me") are passed."""
        starts: list[int] = []
        for i, token in enumerate(self.tokens):
            if i and self.tokens[i - 1].kind != PUNCT:
                continue
            if token.kind == PUNCT:
                continue
            q = i
            while q < len(self.tokens) and q - i < _LEAD_IN_REACH and self.word(q) in lead_ins:
                q += 1
            starts.append(q)
            if q != i:
                starts.append(i)  # "hi" may be a name too: try the first word as well
        return starts

    def present_after(self, index: int, *, skip: int = -1) -> bool:
        """A presence word ("in", "er", "au bureau", a zone, "coming") after tokens[index]."""
        for k in range(index, min(len(self.tokens), index + _AFTER_NAME_REACH)):
            token = self.tokens[k]
            if k == skip:
                continue
            if token.kind == PLACE:
                return True
            if token.kind == WORD and not token.role and token.word in _PRESENT_HERE | _WORKING:
                return True
        return False

    def everyone_at(self, index: int) -> int:
        """Tokens used by "everyone"/"iedereen"/"tout le monde" at `index`, else 0."""
        if self.word(index) in EVERYONE_WORDS:
            return 1
        if self.phrase_at(index, ("tout", "le", "monde")):
            return 3
        return 0


# --- 1 and 2: help and privacy --------------------------------------------------------------


def _asks_how(reader: _Reader) -> bool:
    """ "how"/"hoe"/"comment", not "how many", and no date."""
    if reader.present.isdisjoint(HOW_WORDS) or "hoeveel" in reader.present:
        return False
    if any(
        reader.word(i) == "how" and reader.word(i + 1) in ("many", "much")
        for i in range(len(reader.words))
    ):
        return False
    return not reader.has_date()


def _audience(reader: _Reader, start: int, *, anywhere: bool) -> str | None:
    """The audience named after a preposition ("to my team"), or anywhere if asked."""
    for k in range(start, len(reader.tokens)):
        if not anywhere and reader.word(k) not in AUDIENCE_PREPOSITIONS:
            continue
        j = k if anywhere else k + 1
        mine = every = False
        while reader.word(j) in _AUDIENCE_SKIP:
            mine = mine or reader.word(j) in POSSESSIVES
            every = every or reader.word(j) in _ALL
            j += 1
        word = reader.word(j)
        if word in TEAM_WORDS:
            return TEAM
        if word in COLLEAGUE_WORDS:
            return TEAM if mine and not every else EVERYONE
        if word in EVERYONE_AUDIENCE or reader.phrase_at(j, ("tout", "le", "monde")):
            return EVERYONE
        if word in NOBODY_WORDS or reader.phrase_at(j, ("no", "one")):
            return NOBODY
        if word in ONLY_WORDS and reader.word(j + 1) in SELF_WORDS:
            return NOBODY
        if anywhere and word in ONLY_WORDS and reader.word(j + 1) in POSSESSIVES | TEAM_WORDS:
            continue  # "only my team": the team comes next
        if every and not word:
            return EVERYONE  # "to all"
    return None


def _privacy_phrase(reader: _Reader) -> bool:
    """ "vie privée"."""
    return any(
        phrase[0] in reader.present
        and any(reader.phrase_at(i, phrase) for i in range(len(reader.words)))
        for phrase in PRIVACY_PHRASES
    )


def _adjective(reader: _Reader) -> str | None:
    if reader.present & PUBLIC_WORDS:
        return EVERYONE
    if reader.present & PRIVATE_WORDS and not _privacy_phrase(reader):
        return NOBODY
    return None


def _privacy(reader: _Reader) -> PresenceMatch | None:
    present = reader.present
    privacy_word = bool(present & PRIVACY_WORDS) or _privacy_phrase(reader)
    plans = bool(present & PLAN_NOUNS)
    hides = bool(present & HIDE_VERBS)
    shows = bool(present & (SHOW_VERBS | _MAKE_WORDS))
    sees = bool(present & SEE_VERBS)
    mine = bool(present & POSSESSIVES)
    if not (privacy_word or (plans and (hides or shows or sees)) or (hides and mine)):
        return None
    how = _asks_how(reader)

    def match(visibility: str | None, why: str) -> PresenceMatch:
        return PresenceMatch(Intent.PRIVACY, visibility=None if how else visibility, notes=(why,))

    said = _audience(reader, 0, anywhere=False) or _adjective(reader)
    if privacy_word:
        return match(said, "privacy word")
    if hides:
        except_at = next((i for i, w in enumerate(reader.words) if w in EXCEPT_WORDS), None)
        if except_at is not None and _audience(reader, except_at + 1, anywhere=True) == TEAM:
            return match(TEAM, "hidden from all but the team")
        return match(NOBODY, "hide my plans")
    if shows and said is not None:
        return match(said, "show my plans to someone")
    if sees and plans:
        if present & WHO_WORDS:
            return match(None, "who sees my plans")
        seen_by = _audience(reader, 0, anywhere=True)
        if seen_by is not None:
            return match(seen_by, "who may see my plans")
    return None


# --- 3: following ---------------------------------------------------------------------------


def _turned_around(reader: _Reader, verb: int, span: tuple[int, int]) -> bool:
    """ "stop following Bert", "volg Bert niet meer", "ne plus suivre", "don't follow"."""
    first, last = min(verb, span[0]), max(verb + 1, span[1])
    words = [
        word
        for k, word in enumerate(reader.words[: last + 3])
        if k >= first - _TURN_REACH and not span[0] <= k < span[1]
    ]
    if set(words) & UNFOLLOW_MARKERS:
        return True
    return any(a == "don" and b == "t" for a, b in pairwise(words))


def _follow(reader: _Reader) -> PresenceMatch | None:
    present = reader.present
    if not present & (FOLLOW_VERBS | UNFOLLOW_VERBS | FAVOURITE_WORDS):
        return None
    if _asks_how(reader):
        return PresenceMatch(Intent.HELP, notes=("how to follow",))
    for k, word in enumerate(reader.words):
        span = None
        stops = False
        if word in UNFOLLOW_VERBS:
            span, stops = reader.name(k + 1), True
        elif word in _DUTCH_FOLLOW_LAST:
            last = k - 1
            while reader.word(last) in _UNFOLLOW_PARTICLES:
                last -= 1
            span = reader.name_ending_at(last) or reader.name(k + 1)
        elif word in FOLLOW_VERBS:
            span = reader.name(k + 1)
        elif word in ADD_VERBS | REMOVE_VERBS and present & FAVOURITE_WORDS:
            span, stops = reader.name(k + 1), word in REMOVE_VERBS
        elif word in FAVOURITE_WORDS:
            span = reader.name(k + 1)  # "favourite Bert"
        if span is None:
            continue
        unfollow = stops or _turned_around(reader, k, span)
        person, notes = reader.spelled(span)
        intent = Intent.UNFOLLOW if unfollow else Intent.FOLLOW
        return PresenceMatch(intent, person=person, notes=(f"{intent.value} someone", *notes))
    return None


# --- 4: the team's week ---------------------------------------------------------------------


_NEAR_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in NEAR_PHRASES:  # longest first, as listed
    _NEAR_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)


def _near_at(reader: _Reader, index: int) -> int:
    """Tokens used by a "next to"/"naast"/"à côté de" phrase at `index`, else 0."""
    for phrase in _NEAR_BY_FIRST_WORD.get(reader.word(index), ()):
        if reader.phrase_at(index, phrase):
            return len(phrase)
    return 0


def _team(reader: _Reader) -> PresenceMatch | None:
    words = reader.words
    at = next(
        (
            k
            for k, word in enumerate(words)
            if word in TEAM_WORDS or (word in COLLEAGUE_WORDS and reader.word(k - 1) in POSSESSIVES)
        ),
        None,
    )
    if at is None or reader.present & (BOOK_VERBS | CANCEL_WORDS):
        return None
    if any(_near_at(reader, k) for k in range(max(0, at - 5), at)):
        return None  # "een plek bij/naast mijn team": a booking
    return PresenceMatch(Intent.TEAM_WEEK, notes=("my team",))


# --- 5: who is in, where is someone ---------------------------------------------------------


def _who_is_in(reader: _Reader, q: int) -> bool:
    """After "who" at q: coming, sitting, booked, or being/working with a presence word."""
    if reader.word(q) == "whos":  # "whos in tomorrow": the verb is in the word
        return reader.present_after(q + 1)
    k = q + 1
    while k - q <= _WHO_REACH and (reader.word(k) in WHO_FILLERS or _dateish_word(reader, k)):
        k += 1
    word = reader.word(k)
    if word in ARRIVE_VERBS or word in PAST_BOOKED:
        return True
    if word in BE_VERBS or word in BE_VERBS_ALSO:
        return reader.present_after(q + 1, skip=k)  # "who is in", "wie is er", "wie er ... is"
    if word in _HAS_WORDS:
        return any(w in _BOOKED_AFTER_HAS for w in reader.words[k + 1 : k + 6])
    return False


def _dateish_word(reader: _Reader, index: int) -> bool:
    return (
        0 <= index < len(reader.tokens)
        and reader.word(index) != ""
        and dateish(reader.tokens, index)
    )


def _where(reader: _Reader, q: int) -> PresenceMatch | None:
    """ "where is Bert", "waar zit An", "où est-ce que Chloé", "where is everyone"."""
    k = q + 1
    aux = next((p for p in WHERE_AUX_PHRASES if reader.phrase_at(k, p)), None)
    if aux is not None:
        k += len(aux)
    elif reader.word(k) in WHERE_AUX:
        k += 1
    elif reader.word(q) == "ou":
        return None  # French "ou" is also "or": only "où est", "où sera"...
    if reader.everyone_at(k):
        return PresenceMatch(Intent.WHO_IS_IN, notes=("where is everyone",))
    span = reader.name(k)
    if span is None:
        return None
    person, notes = reader.spelled(span)
    return PresenceMatch(Intent.WHERE_IS, person=person, notes=("where is someone", *notes))


def _yes_no(reader: _Reader, q: int) -> PresenceMatch | None:
    """ "is Bert in", "komt An donderdag", "est-ce que Chloé vient", "Bert vient-il"."""
    word = reader.word(q)
    if reader.phrase_at(q, FRENCH_QUESTION):
        k = q + len(FRENCH_QUESTION)
    elif word in YES_NO_VERBS:
        k = q + 1
    else:
        return _name_first(reader, q)
    arrive = word in YES_NO_ARRIVE
    everyone = reader.everyone_at(k)
    if everyone:
        if arrive or reader.present_after(k + everyone):
            return PresenceMatch(Intent.WHO_IS_IN, notes=("is everyone in",))
        return None
    span = reader.name(k)
    if span is None or not (arrive or reader.present_after(span[1])):
        return None
    person, notes = reader.spelled(span)
    return PresenceMatch(Intent.WHERE_IS, person=person, notes=("is someone in", *notes))


def _name_first(reader: _Reader, q: int) -> PresenceMatch | None:
    """ "Bert vient-il jeudi ?", "Chloé est-elle au bureau", "An komt morgen?"."""
    span = reader.name(q)
    if span is None:
        return None
    verb = span[1]
    word = reader.word(verb)
    pronoun = reader.word(verb + 1)
    if pronoun == "t":
        pronoun = reader.word(verb + 2)
    inverted = word in FRENCH_INVERSION_VERBS and pronoun in FRENCH_INVERSION_PRONOUNS
    asked = word in NAME_FIRST_VERBS and any(
        t.kind == PUNCT and t.word == "?" for t in reader.tokens[verb:]
    )
    if not (inverted or asked):
        return None
    # "Chloé travaille-t-elle demain": the verb says it; "Chloé est-elle ..." needs a place.
    says_it = word in ARRIVE_VERBS or (inverted and word not in _BEING)
    if not says_it and not reader.present_after(verb + 1):
        return None
    person, notes = reader.spelled(span)
    return PresenceMatch(Intent.WHERE_IS, person=person, notes=("is someone in", *notes))


def _questions(reader: _Reader) -> PresenceMatch | None:
    for q in reader.sentence_starts(_QUESTION_LEAD_INS):
        word = reader.word(q)
        if word in WHO_WORDS and _who_is_in(reader, q):
            return PresenceMatch(Intent.WHO_IS_IN, notes=("who is in",))
        if word in WHERE_WORDS:
            found = _where(reader, q)
            if found is not None:
                return found
    for q in reader.sentence_starts(_STRICT_LEAD_INS):
        found = _yes_no(reader, q)
        if found is not None:
            return found
    return None


# --- 6: booking next to someone -------------------------------------------------------------


def _near(reader: _Reader) -> PresenceMatch | None:
    if reader.present.isdisjoint(_NEAR_BY_FIRST_WORD):
        return None
    for k in range(len(reader.tokens)):
        size = _near_at(reader, k)
        if not size:
            continue
        span = reader.name(k + size)
        if span is None:
            continue
        for token in reader.tokens[k : k + size]:
            token.role = NEAR
        person, notes = reader.spelled(span)
        return PresenceMatch(Intent.BOOK, person=person, notes=("next to someone", *notes))
    return None


def find_presence(tokens: list[Token], original: str) -> PresenceMatch | None:
    """Presence, team, following, privacy or booking next to someone; None otherwise."""
    reader = _Reader(tokens, original)
    if reader.present & PERMANENCE_WORDS:
        return None
    for rule in (_privacy, _follow, _team, _questions, _near):
        found = rule(reader)
        if found is not None:
            return found
    return None
