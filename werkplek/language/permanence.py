"""Who is put on permanence (team coverage), for `Intent.SET_PERMANENCE`.

A permanence word is "permanence", "permanentie", "duty" (and a few forms of them).
Two sentence shapes name a person:

- a verb, the name, then the permanence word: "set An on permanence Friday", "put An
  on duty", "zet An op permanentie vrijdag", "plaats An vrijdag op de permanentie",
  "mets Chloé de permanence vendredi", "mets Chloé Dubois en permanence". Verbs:
  set/put/place/assign/schedule, zet/plaats/plan, mets/mettre/mettez/inscris.
- the name, then has/is/heeft/staat/est and the permanence word, with at most date
  and small words between: "An has duty on Friday", "An is on duty", "An heeft
  vrijdag permanentie", "An staat op permanentie", "Chloé est de permanence jeudi".
  Dutch inversion puts a date first: "vrijdag heeft An permanentie".

The name is what is left between those words once dates, half days and the small
words around them ("on", "op de", "à la") are taken off both ends; it is taken from
the original text, so the user's spelling and accents are kept ("Chloé Dubois").
Question words are not names ("who is on duty", "wie heeft permanentie", "qui est de
permanence"): those ask for the coverage view. "me"/"mij"/"moi" name the user: the
intent is SET_PERMANENCE without a `person` (a note says "person: the user"), as it
is when the verb names nobody ("set permanence Friday"). At most five words make a
name. Name tokens are claimed first, so "Jan" is not January and "An" not a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from werkplek.language.lexicon import (
    GREETING_WORDS,
    HAS_VERBS,
    NAME_OPENERS,
    NAME_PREPOSITIONS,
    NOT_NAMES,
    PERMANENCE_WORDS,
    SELF_WORDS,
    SET_VERBS,
)
from werkplek.language.names import dateish as _dateish
from werkplek.language.names import original_text as _original
from werkplek.language.normalize import WORD, Token

PERSON = "person"
MAX_NAME_WORDS = 5
_HAS_REACH = 6  # tokens between a has-verb and the permanence word
_QUESTIONS = frozenset({"who", "wie", "qui", "whom", "welke", "which", "quel", "quelle"})


@dataclass(frozen=True)
class Assignment:
    """Someone put on permanence; `person` None when the user or nobody was named."""

    person: str | None
    notes: tuple[str, ...] = field(default=())


def _is_word(tokens: list[Token], index: int, words: frozenset[str]) -> bool:
    if 0 <= index < len(tokens):
        token = tokens[index]
        return token.kind == WORD and not token.role and token.word in words
    return False


def _trim(tokens: list[Token], start: int, end: int, *, openers: bool = False) -> tuple[int, int]:
    """Take dates, small words around them and (with `openers`) "ok", "hallo" off both ends."""
    while start < end:
        token = tokens[start]
        opener = (
            openers
            and token.kind == WORD
            and (token.word in NAME_OPENERS or token.word in GREETING_WORDS)
        )
        before_date = (
            token.kind == WORD
            and token.word in NAME_PREPOSITIONS
            and start + 1 < end
            and _dateish(tokens, start + 1)
        )
        if token.kind != WORD or opener or before_date or _dateish(tokens, start):
            start += 1
        else:
            break
    while end > start:
        token = tokens[end - 1]
        if token.kind != WORD or token.word in NAME_PREPOSITIONS or _dateish(tokens, end - 1):
            end -= 1
        else:
            break
    return start, end


def _assign(tokens: list[Token], start: int, end: int, original: str) -> Assignment | None:
    start, end = _trim(tokens, start, end)
    words = [token.word for token in tokens[start:end]]
    if not words:
        return Assignment(None, ("person: none named",))
    if any(token.kind != WORD or token.role for token in tokens[start:end]):
        return None
    if any(word in NOT_NAMES for word in words) and not (
        len(words) == 1 and words[0] in SELF_WORDS
    ):
        return None
    if len(words) == 1 and words[0] in SELF_WORDS:
        return Assignment(None, ("person: the user",))
    if len(words) > MAX_NAME_WORDS:
        return Assignment(None, ("person: name too long",))
    for token in tokens[start:end]:
        token.role = PERSON
    name = _original(original, tokens, start, end)
    if name is None:
        return Assignment(" ".join(words), ("person: spelling as folded",))
    return Assignment(name)


def _name_start(tokens: list[Token], verb: int) -> int:
    """Where a name before `verb` may start: after punctuation, at most 5 words back."""
    start = verb
    while start > 0 and verb - start < MAX_NAME_WORDS + 2 and tokens[start - 1].kind == WORD:
        start -= 1
    return start


def find_assignment(tokens: list[Token], original: str) -> Assignment | None:
    """Someone put on permanence, or None when the message does not set anyone."""
    permanence = next(
        (i for i in range(len(tokens)) if _is_word(tokens, i, PERMANENCE_WORDS)), None
    )
    if permanence is None:
        return None
    for verb in range(permanence - 1, -1, -1):
        if _is_word(tokens, verb, SET_VERBS):
            if any(_is_word(tokens, i, _QUESTIONS) for i in range(verb)):
                return None  # "wie zet ik op permanentie?"
            return _assign(tokens, verb + 1, permanence, original)
    for verb in range(permanence - 1, max(-1, permanence - _HAS_REACH - 1), -1):
        if not _is_word(tokens, verb, HAS_VERBS):
            continue
        start = _name_start(tokens, verb)
        left = _trim(tokens, start, verb, openers=True)
        if left[0] < left[1]:
            between = _trim(tokens, verb + 1, permanence)
            if between[0] < between[1]:
                return None  # "An is not on duty", "An has no permanence"
            return _assign(tokens, left[0], left[1], original)
        if any(_dateish(tokens, i) for i in range(start, verb)):
            return _assign(tokens, verb + 1, permanence, original)  # "vrijdag heeft An ..."
        return None
    return None
