"""From raw chat text to tokens the grammars can read.

`fold` makes text case-, accent- and punctuation-insensitive in one go, so every
later rule is written once, in plain ASCII ("decembre", "apres midi"). Only the
first `MAX_CHARS` characters are read: a chat request never needs more, and it
keeps the parser's cost bounded whatever a client sends.

`tokenize` keeps numeric dates ("3/12", "2026-12-03", "3.12.2026") and ordinals
("3rd", "1er", "3de") whole, splits words at apostrophes and hyphens ("aujourd'hui",
"après-midi", "'s morgens"), then splits Dutch day compounds ("donderdagnamiddag",
"thuiswerkvoormiddag", "thuiswerkvrijdag", "telewerkdonderdagnamiddag") and repairs
one-letter typos in known words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from werkplek.language import typos
from werkplek.language.lexicon import (
    COMPOUND_PREFIXES,
    COMPOUND_SUFFIXES,
    EXPANSIONS,
    KNOWN_WORDS,
    NL_WEEKDAYS,
    TELEWORK_COMPOUND_HEADS,
)

MAX_CHARS = 500
MAX_TOKENS = 150

# Stands in the text for a zone or desk that `places` already recognised. A private-use
# character: `fold` removes those from user text, so it can only come from us.
PLACE_MARK = "\ue000"

WORD = "word"
NUMBER = "number"  # digits, maybe with a suffix: "3", "3rd", "2026", "10am"
NUMERIC_DATE = "numeric_date"  # "3/12", "3-12-26", "3.12.2026"
ISO_DATE = "iso_date"  # "2026-12-03"
PLACE = "place"
PUNCT = "punct"

_SPECIAL_LETTERS = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ß": "ss",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
    }
)
# "a.m.", "p.m", "v.m.", "n.m." before dots become separators; "m'n" is Dutch for "mijn".
_ABBREVIATIONS = re.compile(r"(?<![a-z0-9])([apvn])\.\s?m\b\.?")
_MIJN = re.compile(r"(?<![a-z])m'n(?![a-z])")

_TOKEN = re.compile(
    r"(?P<iso>[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})(?![0-9])"
    r"|(?P<dmy>[0-9]{1,2}[./-][0-9]{1,2}(?:[./-][0-9]{1,4})?)(?![0-9])"
    r"|(?P<num>[0-9]+)(?P<suffix>[a-z]+)?"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<place>" + PLACE_MARK + r")"
    r"|(?P<punct>[?,;&+/])"
)


@dataclass(slots=True)
class Token:
    """One token. Grammars claim tokens by setting `role`, so no word is read twice."""

    kind: str
    text: str  # as folded
    word: str  # the lexicon word it stands for (after typo repair); digits for numbers
    suffix: str = ""  # "rd" in "3rd"
    role: str = ""  # "", "greeting", "part", "date", "weekday", "place"


def fold(text: str) -> str:
    """Lowercase, strip accents and control characters, unify apostrophes."""
    if not isinstance(text, str):
        return ""
    decomposed = unicodedata.normalize("NFKD", text[:MAX_CHARS])
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        kept.append(" " if unicodedata.category(char)[0] == "C" else char)
    folded = "".join(kept).lower().translate(_SPECIAL_LETTERS)
    folded = _ABBREVIATIONS.sub(lambda match: match.group(1) + "m", folded)
    return _MIJN.sub("mijn", folded)


def tokenize(folded: str) -> list[Token]:
    """Split folded text into tokens, Dutch compounds split and typos repaired."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(folded):
        if len(tokens) >= MAX_TOKENS:
            break
        kind = match.lastgroup
        text = match.group(0)
        if kind == "iso":
            tokens.append(Token(ISO_DATE, text, text))
        elif kind == "dmy":
            tokens.append(Token(NUMERIC_DATE, text, text))
        elif kind in ("num", "suffix"):
            digits = match.group("num")
            tokens.append(Token(NUMBER, text, digits, match.group("suffix") or ""))
        elif kind == "word":
            tokens.extend(_word_tokens(text))
        elif kind == "place":
            tokens.append(Token(PLACE, text, text, role="place"))
        else:
            tokens.append(Token(PUNCT, text, text))
    return tokens


def _word_tokens(text: str) -> list[Token]:
    """A word as one or more tokens: expanded, split as a compound, or typo-repaired."""
    if text in EXPANSIONS:
        return [Token(WORD, part, part) for part in EXPANSIONS[text]]
    if text in KNOWN_WORDS:
        return [Token(WORD, text, text)]
    split = _split_compound(text)
    if split:
        return [Token(WORD, part, part) for part in split]
    telework = _split_telework(text)
    if telework:
        return [Token(WORD, part, part) for part in telework]
    return [Token(WORD, text, typos.correct(text) or text)]


def _split_telework(word: str) -> tuple[str, ...] | None:
    """ "thuiswerkvrijdag" -> ("thuiswerk", "vrijdag"); with a half day too."""
    for head in TELEWORK_COMPOUND_HEADS:
        if word.startswith(head) and len(word) > len(head):
            rest = word[len(head) :]
            if rest in NL_WEEKDAYS:
                return head, rest
            split = _split_compound(rest)
            if split and split[0] in NL_WEEKDAYS:
                return head, *split
    return None


def _split_compound(word: str) -> tuple[str, str] | None:
    """ "donderdagvoormiddag" -> ("donderdag", "voormiddag"); None if not a day compound."""
    for suffix in COMPOUND_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            prefix = word[: -len(suffix)]
            if prefix not in COMPOUND_PREFIXES:
                prefix = typos.correct(prefix) or ""
            if prefix in COMPOUND_PREFIXES:
                return prefix, suffix
    return None
