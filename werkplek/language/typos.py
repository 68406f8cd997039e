"""One-typo tolerance for the lexicon's longer words ("tomorow", "thursay", "donderag").

Only words of 5+ letters are corrected, and only tokens that are not themselves a
known word in any of the three languages: otherwise real words of one language
would be "corrected" into another's (Dutch "maar" is not "mars"). A token with
two equally close lexicon words is left alone rather than guessed.

Lookup uses a symmetric-deletion index built at import, so a correction costs a
handful of dictionary probes instead of a scan of the vocabulary.
"""

from __future__ import annotations

from functools import lru_cache

from werkplek.language import lexicon
from werkplek.language.lexicon import KNOWN_WORDS, TYPO_TOLERANT

MIN_TYPO_LENGTH = 5


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting insertions, deletions, substitutions and adjacent swaps.

    This is the optimal-string-alignment variant, which is what "one typo" means for
    a user: one key too many, too few, wrong, or two keys swapped.
    """
    if a == b:
        return 0
    if not a or not b:
        return max(len(a), len(b))
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        previous2, previous = previous, current
    return previous[len(b)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _build_index(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    for word in words:
        for key in {word, *_deletions(word)}:
            index.setdefault(key, set()).add(word)
    return {key: tuple(sorted(found)) for key, found in index.items()}


_INDEX = _build_index(TYPO_TOLERANT)


@lru_cache(maxsize=4096)
def correct(token: str) -> str | None:
    """The lexicon word `token` is a one-typo misspelling of, or None."""
    if len(token) < MIN_TYPO_LENGTH or token in KNOWN_WORDS or not token.isalpha():
        return None
    candidates: set[str] = set()
    for key in {token, *_deletions(token)}:
        candidates.update(_INDEX.get(key, ()))
    matches = sorted(word for word in candidates if damerau_levenshtein(token, word) == 1)
    if not matches or len({_meaning(word) for word in matches}) != 1:
        return None
    return matches[0]


_WORD_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("morning", lexicon.MORNING_WORDS),
    ("afternoon", lexicon.AFTERNOON_WORDS),
    ("greeting", lexicon.GREETING_WORDS),
    ("help", lexicon.HELP_WORDS),
    ("cancel", lexicon.CANCEL_WORDS),
    ("book", lexicon.BOOK_VERBS),
    ("desk", lexicon.DESK_NOUNS),
    ("list", lexicon.LIST_NOUNS),
    ("past", lexicon.PAST_BOOKED),
    ("telework", lexicon.TELEWORK_WORDS),
    ("permanence", lexicon.PERMANENCE_WORDS),
    ("reminder", lexicon.REMINDER_NOUNS),
    ("unsubscribe", lexicon.UNSUBSCRIBE_WORDS),
)


def _meaning(word: str) -> tuple[str, object]:
    """What a word stands for, so that "decembr" may be "december" or "decembre"."""
    if word in lexicon.MONTHS:
        return ("month", lexicon.MONTHS[word])
    if word in lexicon.WEEKDAYS:
        return ("weekday", lexicon.WEEKDAYS[word])
    if word in lexicon.RELATIVE_DAYS:
        return ("relative", lexicon.RELATIVE_DAYS[word])
    for name, words in _WORD_GROUPS:
        if word in words:
            return (name, None)
    return ("word", word)
