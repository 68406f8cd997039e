"""Where telework (working from home) is mentioned, and whether it is negated.

Strong words name telework on their own: wfh, telework(ing), home office, work(ing)
from home, thuiswerk(en), thuiswerkdag, telewerk(en), van thuis (uit), vanuit huis,
télétravail, télétravaille(r). Weak words only say "at home" or "remote": home, thuis,
remote(ly), maison, domicile, à la maison, à domicile, (de) chez moi; `intents` counts
them only next to a day, a half day, a recurrence, a work verb, a period or "my"
("I'm going home", "je rentre à la maison" are no telework).

A telework word is negated when a negation ("not", "don't", "no", "niet", "geen",
"ne", "pas") stands at most four words before it, with no comma or "but"/"maar"/
"mais"/"wel" in between: "ik ben niet thuis maar op kantoor", "I'm not working from
home", "je ne suis pas en télétravail". A negation after the word does not count
("ik werk thuis, niet op kantoor" is telework).
"""

from __future__ import annotations

from dataclasses import dataclass

from werkplek.language.lexicon import (
    NEGATED_STEMS,
    NEGATION_BARRIERS,
    TELEWORK_NEGATIONS,
    TELEWORK_PHRASES,
    TELEWORK_STRONG,
    TELEWORK_WEAK,
)
from werkplek.language.normalize import PUNCT, WORD, Token

_NEGATION_REACH = 4  # words between a negation and the telework word it negates
_NOT_READ = frozenset({"greeting", "person", "place"})
_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _phrase, _strong in TELEWORK_PHRASES:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append((_phrase, _strong))


@dataclass(frozen=True)
class TeleworkMention:
    start: int  # token index of its first word
    end: int  # exclusive
    strong: bool
    negated: bool


def _word(tokens: list[Token], index: int) -> str:
    if 0 <= index < len(tokens):
        token = tokens[index]
        if token.kind == WORD and token.role not in _NOT_READ:
            return token.word
    return ""


def _negated(tokens: list[Token], index: int) -> bool:
    words = 0
    k = index - 1
    while k >= 0 and words < _NEGATION_REACH:
        token = tokens[k]
        if token.kind == PUNCT or token.word in NEGATION_BARRIERS:
            return False
        if token.kind == WORD:
            words += 1
            if token.word in TELEWORK_NEGATIONS:
                return True
            if token.word == "t" and k > 0 and tokens[k - 1].word in NEGATED_STEMS:
                return True
        k -= 1
    return False


def find_telework(tokens: list[Token]) -> list[TeleworkMention]:
    """Every telework word or phrase, in order."""
    mentions: list[TeleworkMention] = []
    i = 0
    while i < len(tokens):
        word = _word(tokens, i)
        if not word:
            i += 1
            continue
        found = next(
            (
                (phrase, strong)
                for phrase, strong in _PHRASES_BY_FIRST_WORD.get(word, ())
                if all(_word(tokens, i + k) == w for k, w in enumerate(phrase[1:], start=1))
            ),
            None,
        )
        if found is not None:
            phrase, strong = found
            mentions.append(TeleworkMention(i, i + len(phrase), strong, _negated(tokens, i)))
            i += len(phrase)
            continue
        if word in TELEWORK_STRONG or word in TELEWORK_WEAK:
            strong = word in TELEWORK_STRONG
            mentions.append(TeleworkMention(i, i + 1, strong, _negated(tokens, i)))
        i += 1
    return mentions
