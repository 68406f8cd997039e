"""What the user wants done: book, list, cancel, get help, or something we don't handle.

Decision order, first match wins:
1. CANCEL: a cancel verb ("cancel", "annuleer", "schrap", "verwijder", "annule",
   "supprime"...), a Dutch separable "zeg ... af"/"meld ... af", or a negation near
   "need"/"come"/"office" ("I don't need my desk", "ik kom niet", "plus besoin").
   It wins over booking and listing words ("cancel my booking").
2. LIST: a booking noun asked about ("my bookings", "mes réservations", "toon
   reservaties"), a past "booked" in a question ("what have I booked", "wat heb ik
   geboekt", "qu'est-ce que j'ai réservé"), inverted questions about a desk ("do I
   have a desk tomorrow", "heb ik morgen een plek"), "where do I sit", "overview".
3. BOOK: a booking verb, a desk or office word, coming in ("ik kom", "je viens"), a
   named zone or desk; or just a date or half day ("donderdag", "tomorrow afternoon")
   unless the rest of the message is clearly about something else ("what's the
   weather tomorrow", "tomorrow I work from home").
4. HELP: "help"/"hulp"/"aide", "what can you do", "how does it work", a lone "?",
   or a greeting with nothing else in it.
5. UNKNOWN.

Greetings are claimed first ("goeie morgen" is not tomorrow, "good afternoon" is
not a half day).
"""

from __future__ import annotations

from werkplek.language.lexicon import (
    ABILITY_QUESTIONS,
    ABILITY_WORDS,
    BOOK_VERBS,
    CANCEL_PAIRS,
    CANCEL_SEPARABLE_PARTICLE,
    CANCEL_SEPARABLE_STEMS,
    CANCEL_WORDS,
    COME_WORDS,
    DESK_NOUNS,
    FRENCH_AUXILIARIES,
    GREETING_CLOSERS,
    GREETING_OPENERS,
    GREETING_WORDS,
    HELP_WORDS,
    HOW_WORDS,
    INVERSIONS,
    KNOWN_WORDS,
    LIST_NOUNS,
    LIST_NOUNS_PLURAL,
    LIST_VERBS,
    MAKE_WORDS,
    NEEDED_WORDS,
    NEGATED_STEMS,
    NEGATIONS,
    NOT_IN_OFFICE_WORDS,
    OFFICE_WORDS,
    OVERVIEW_WORDS,
    PAST_BOOKED,
    POSSESSIVES,
    QUESTION_WORDS,
    REAL_LOOKALIKES,
    SIT_WORDS,
    WORKS_WORDS,
)
from werkplek.language.model import Intent
from werkplek.language.normalize import PUNCT, WORD, Token

GREETING = "greeting"
_NEGATION_REACH = 4  # tokens between a negation and the word it negates
_EXPLAINED = KNOWN_WORDS - REAL_LOOKALIKES - NOT_IN_OFFICE_WORDS
_PAST_PARTICIPLE_AMBIGUOUS = frozenset({"reserve", "book"})  # "j'ai réservé", "did I book"


def mark_greetings(tokens: list[Token]) -> bool:
    """Claim greetings ("hallo", "good morning", "bon après-midi"); True if any."""
    found = False
    for index, token in enumerate(tokens):
        if token.kind != WORD or token.role:
            continue
        if token.word in GREETING_WORDS:
            token.role = GREETING
            found = True
        elif token.word in GREETING_OPENERS and index + 1 < len(tokens):
            following = tokens[index + 1]
            closes = following.word in GREETING_CLOSERS
            afternoon = following.word == "apres" and _word_at(tokens, index + 2) == "midi"
            if following.kind == WORD and (closes or afternoon):
                token.role = following.role = GREETING
                if afternoon:
                    tokens[index + 2].role = GREETING
                found = True
    return found


def _word_at(tokens: list[Token], index: int) -> str:
    if 0 <= index < len(tokens) and tokens[index].kind == WORD:
        return tokens[index].word
    return ""


def _has_sequence(words: list[str], sequence: tuple[str, ...]) -> bool:
    size = len(sequence)
    return any(tuple(words[i : i + size]) == sequence for i in range(len(words) - size + 1))


def _negated_need(words: list[str]) -> bool:
    """ "I don't need my desk", "ik kom niet", "je n'ai plus besoin", "won't be in"."""
    negations = [
        i
        for i, word in enumerate(words)
        if word in NEGATIONS or (word == "t" and i > 0 and words[i - 1] in NEGATED_STEMS)
    ]
    if not negations:
        return False
    needs = [i for i, word in enumerate(words) if word in NEEDED_WORDS]
    return any(abs(n - k) <= _NEGATION_REACH for n in negations for k in needs)


def _past_booked(words: list[str]) -> bool:
    for i, word in enumerate(words):
        if word in PAST_BOOKED:
            return True
        if word in _PAST_PARTICIPLE_AMBIGUOUS:
            before = words[max(0, i - 2) : i]
            if any(w in FRENCH_AUXILIARIES for w in before) or "did" in before:
                return True
    return False


def classify(
    tokens: list[Token], *, has_date: bool, has_part: bool, has_place: bool, greeted: bool
) -> tuple[Intent, tuple[str, ...]]:
    """The intent, and a short note on which rule decided it."""
    words = [t.word for t in tokens if t.kind == WORD and t.role not in (GREETING, "part")]
    free = [t.word for t in tokens if t.kind == WORD and not t.role]
    present = set(words)

    if present & CANCEL_WORDS:
        return Intent.CANCEL, ("cancel word",)
    if _separable_cancel(words) or any(
        verb in present and present & partners for verb, partners in CANCEL_PAIRS
    ):
        return Intent.CANCEL, ("cancel phrase",)
    if _negated_need(words):
        return Intent.CANCEL, ("negated need",)

    past = _past_booked(words)
    book_verb = bool(present & BOOK_VERBS) and not past
    question = bool(present & QUESTION_WORDS)
    possessive = bool(present & POSSESSIVES)
    list_verb = bool(present & LIST_VERBS)
    desk = bool(present & DESK_NOUNS)
    inversion = any(_has_sequence(words, sequence) for sequence in INVERSIONS)
    list_noun = bool(present & LIST_NOUNS)
    asks = possessive or list_verb or question or inversion or bool(present & LIST_NOUNS_PLURAL)
    needs = bool(present & {"need", "nodig", "besoin"})

    if list_noun and asks and not book_verb and not present & MAKE_WORDS:
        return Intent.LIST, ("booking noun asked about",)
    if past and (question or inversion or list_verb or possessive):
        return Intent.LIST, ("asks what was booked",)
    if present & OVERVIEW_WORDS and not book_verb:
        return Intent.LIST, ("overview",)
    if not book_verb and not needs:
        if list_verb and (possessive or desk):
            return Intent.LIST, ("show my desks",)
        if inversion and (desk or question or present & OFFICE_WORDS):
            return Intent.LIST, ("asks whether a desk is booked",)
        if question and (present & SIT_WORDS or (possessive and desk)):
            return Intent.LIST, ("asks where I sit",)

    if book_verb or desk or list_noun or present & (OFFICE_WORDS | COME_WORDS) or has_place:
        return Intent.BOOK, ("booking word",)
    unexplained = [word for word in free if word not in _EXPLAINED]
    if has_date or has_part:
        if present & NOT_IN_OFFICE_WORDS:
            return Intent.UNKNOWN, ("date about something else",)
        if (question and unexplained) or len(unexplained) >= 3:
            return Intent.UNKNOWN, ("date with an unknown question",)
        return Intent.BOOK, ("date only",)

    if present & HELP_WORDS:
        return Intent.HELP, ("help word",)
    if present & ABILITY_QUESTIONS and present & ABILITY_WORDS:
        return Intent.HELP, ("what can you do",)
    if present & HOW_WORDS and present & WORKS_WORDS:
        return Intent.HELP, ("how does it work",)
    if greeted and not unexplained:
        return Intent.HELP, ("greeting",)
    if tokens and all(t.kind == PUNCT and t.word == "?" for t in tokens):
        return Intent.HELP, ("question mark",)
    return Intent.UNKNOWN, ()


def _separable_cancel(words: list[str]) -> bool:
    """Dutch "zeg mijn plek af", "ik meld me af voor morgen"."""
    return CANCEL_SEPARABLE_PARTICLE in words and bool(set(words) & CANCEL_SEPARABLE_STEMS)
