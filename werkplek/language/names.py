"""People's names in a message: where one stops, and how the user spelled it.

Shared by `permanence` ("zet An op permanentie") and `presence` ("waar zit An morgen",
"follow Bert", "book next to Chloé"). Names are never checked against the
organisation here: the caller matches them against its people.

- `dateish`: a token that ends a name: a weekday, "tomorrow", "next", "week", a half
  day, a number or numeric date, a place already recognised. A month is only dateish
  next to a number ("3 december"), so "Jan" and "May" alone stay names.
- `original_text`: the words of a name as typed, with their case and accents
  ("Chloé Dubois"), found back in the original message.
- `Casing`: whether a token was typed with a capital, so "Els De Smet" is one name
  and "An eigenlijk" is not.
"""

from __future__ import annotations

import re
import unicodedata

from werkplek.language.lexicon import (
    EVERY_WORDS,
    HALF_DAY_PARTS,
    LAST_PREFIXES,
    MONTH_WORDS,
    MONTHS,
    NEXT_WORDS,
    RELATIVE_DAYS,
    THIS_WORDS,
    WEEK_WORDS,
    WEEKDAYS,
)
from werkplek.language.normalize import ISO_DATE, MAX_CHARS, NUMBER, NUMERIC_DATE, WORD, Token, fold

DATE_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(RELATIVE_DAYS)
    | NEXT_WORDS
    | THIS_WORDS
    | LAST_PREFIXES
    | WEEK_WORDS
    | MONTH_WORDS
    | EVERY_WORDS
    | frozenset(HALF_DAY_PARTS)
    | {"apres", "midi", "morgen"}
)
_LETTERS = re.compile(r"[^\W\d_]+")
_ALIGN_REACH = 12  # letter runs skipped at most to find a token back (compounds, places)


def dateish(tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] is part of a date, a half day or a recognised place."""
    token = tokens[index]
    if token.kind in (NUMBER, NUMERIC_DATE, ISO_DATE):
        return True
    if token.kind != WORD:
        return token.role != ""  # a place already recognised
    if token.word in DATE_WORDS:
        return True
    if token.word in MONTHS:  # "3 december", "december 3": "Jan" alone is a name
        neighbours = (tokens[i] for i in (index - 1, index + 1) if 0 <= i < len(tokens))
        return any(neighbour.kind == NUMBER for neighbour in neighbours)
    return False


def _pieces(original: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The original text (NFC) and its letter runs: (start, end, folded piece)."""
    text = unicodedata.normalize("NFC", original[:MAX_CHARS])
    pieces: list[tuple[int, int, str]] = []
    for match in _LETTERS.finditer(text):
        for piece in _LETTERS.findall(fold(match.group(0))):
            pieces.append((match.start(), match.end(), piece))
    return text, pieces


def original_text(original: str, tokens: list[Token], start: int, end: int) -> str | None:
    """The words tokens[start:end] as the user typed them: same case and accents."""
    wanted = [token.text for token in tokens[start:end]]
    size = len(wanted)
    if not size:
        return None
    occurrence = sum(
        1 for q in range(start) if [token.text for token in tokens[q : q + size]] == wanted
    )
    text, pieces = _pieces(original)
    for first in range(len(pieces) - size + 1):
        if [piece for _, _, piece in pieces[first : first + size]] != wanted:
            continue
        if occurrence:
            occurrence -= 1
            continue
        return text[pieces[first][0] : pieces[first + size - 1][1]].strip()
    return None


class Casing:
    """Whether each word token was typed with a capital; computed on first use."""

    def __init__(self, original: str, tokens: list[Token]) -> None:
        self._original = original
        self._tokens = tokens
        self._capitals: list[bool | None] | None = None

    def capital(self, index: int) -> bool | None:
        """True or False for a word found back in the original, else None."""
        if self._capitals is None:
            self._capitals = self._align()
        if 0 <= index < len(self._capitals):
            return self._capitals[index]
        return None

    def _align(self) -> list[bool | None]:
        text, pieces = _pieces(self._original)
        capitals: list[bool | None] = [None] * len(self._tokens)
        position = 0
        for index, token in enumerate(self._tokens):
            if token.kind != WORD:
                continue
            for k in range(position, min(position + _ALIGN_REACH, len(pieces))):
                if pieces[k][2] == token.text:
                    capitals[index] = text[pieces[k][0]].isupper()
                    position = k + 1
                    break
        return capitals
