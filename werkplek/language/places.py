"""Recognise the organisation's zones and desks by name, before any date is read.

Places are matched first and cut out of the text, so that "Verdieping 1" never
yields a date and desk "2.03" never becomes 2 March. Names match as whole words,
case-, accent- and spacing-insensitively ("verdieping-1", "VERDIEPING  1"); at one
position the longest name wins ("Verdieping 10" over "Verdieping 1").

A name that could be an ordinary word or number (only digits, one or two
characters, or a lexicon word) counts only right after a noun that announces it:
"desk 12", "plek 12", "zone B". A zone name of 6+ letters is also recognised with
one typo ("verdiepnig 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from werkplek.language.lexicon import DESK_NOUNS, KNOWN_WORDS
from werkplek.language.model import PlaceName, Places
from werkplek.language.normalize import PLACE_MARK, fold
from werkplek.language.typos import damerau_levenshtein

DESK = "desk"
ZONE = "zone"

_DESK_ANNOUNCERS = (*sorted(DESK_NOUNS), "nr", "no", "number", "nummer", "numero", "#")
_ZONE_ANNOUNCERS = (
    "zone",
    "zones",
    "floor",
    "verdieping",
    "etage",
    "area",
    "wing",
    "vleugel",
    "afdeling",
    "room",
    "ruimte",
    "salle",
    "in",
    "op",
    "on",
    "au",
    "a",
)
_LEFT = r"(?<![^\W_])(?<![^\W_][./\-])"
_RIGHT = r"(?![^\W_])(?![./\-][^\W_])"
_SEPARATOR = r"[\s\-_]+"


@dataclass(frozen=True)
class PlaceMatch:
    """What `find_places` recognised and the text left for the other grammars."""

    text: str  # folded text with every recognised name replaced by PLACE_MARK
    zone: str | None
    desk: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str] | None
    keys: dict[str, tuple[str, str]]  # folded name -> (kind, key)
    fuzzy_zones: tuple[tuple[tuple[str, ...], str], ...]  # name words, key
    # The first run of letters or digits of every name: a text holding none of them names
    # no place, and the pattern (one alternative per desk: a thousand for a large site)
    # is not run at all. None: some name has no such run; always run the pattern.
    triggers: frozenset[str] | None = None


_RUN = re.compile(r"[^\W_]+")


def _triggers(names: list[str]) -> frozenset[str] | None:
    firsts = [_RUN.search(name) for name in names]
    if not all(firsts):
        return None
    return frozenset(match.group(0) for match in firsts if match)


def _name_key(name: str) -> str:
    return " ".join(re.split(_SEPARATOR, fold(name).strip()))


def _is_weak(name: str) -> bool:
    """A name that could just be a number or word in a sentence."""
    compact = name.replace(" ", "")
    return compact.isdigit() or len(compact) <= 2 or name in KNOWN_WORDS


def _name_regex(name: str) -> str:
    return _SEPARATOR.join(re.escape(part) for part in name.split(" "))


@lru_cache(maxsize=64)
def _matcher(places: Places) -> _Matcher:
    keys: dict[str, tuple[str, str]] = {}
    fuzzy: list[tuple[tuple[str, ...], str]] = []
    entries: list[tuple[str, PlaceName]] = [(DESK, desk) for desk in places.desks]
    entries += [(ZONE, zone) for zone in places.zones]
    for kind, place in entries:
        for raw in place.names:
            name = _name_key(raw) if isinstance(raw, str) else ""
            if name and name not in keys:
                keys[name] = (kind, place.key)
                if kind == ZONE and not _is_weak(name):
                    fuzzy.append((tuple(name.split(" ")), place.key))
    alternatives: list[str] = []
    for name in sorted(keys, key=lambda key: (-len(key), key)):
        kind, _ = keys[name]
        body = f"(?P<name>{_name_regex(name)})"
        if _is_weak(name):
            announcers = _DESK_ANNOUNCERS if kind == DESK else _ZONE_ANNOUNCERS
            announcer = "|".join(re.escape(word) for word in announcers)
            alternatives.append(rf"(?:{_LEFT}(?:{announcer})\s*[.:]?\s*){body}{_RIGHT}")
        else:
            alternatives.append(rf"{_LEFT}{body}{_RIGHT}")
    if not alternatives:
        return _Matcher(None, keys, tuple(fuzzy))
    # One named group per alternative is not allowed twice; number them instead.
    numbered = [alt.replace("(?P<name>", f"(?P<n{i}>") for i, alt in enumerate(alternatives)]
    return _Matcher(re.compile("|".join(numbered)), keys, tuple(fuzzy), _triggers(list(keys)))


# The bot passes the same Places on every turn: found by identity, hashing 1,000 desk names
# per message is skipped (the lru_cache below still serves equal Places made anew).
_LAST: list[tuple[Places, _Matcher]] = []


def _by_identity(places: Places) -> _Matcher:
    for known, matcher in _LAST:
        if known is places:
            return matcher
    try:
        matcher = _matcher(places)
    except TypeError:  # unhashable names (a list instead of a tuple): build without cache
        return _matcher.__wrapped__(places)
    _LAST[:] = [(places, matcher), *_LAST[:3]]
    return matcher


def find_places(folded: str, places: Places) -> PlaceMatch:
    """Find named zones and desks in folded text and mark them out."""
    if not places.zones and not places.desks:
        return PlaceMatch(folded, None, None, ())
    matcher = _by_identity(places)
    zone: str | None = None
    desk: str | None = None
    notes: list[str] = []
    pieces: list[str] = []
    position = 0
    named = matcher.triggers is None or not matcher.triggers.isdisjoint(_RUN.findall(folded))
    if matcher.pattern is not None and named:
        for match in matcher.pattern.finditer(folded):
            group = match.lastgroup or ""
            start, end = match.span(group)
            name = " ".join(re.split(_SEPARATOR, match.group(group)))
            kind, key = matcher.keys[name]
            if kind == DESK:
                if desk is None:
                    desk = key
                elif desk != key:
                    notes.append(f"another desk named: {key}")
            elif zone is None:
                zone = key
            elif zone != key:
                notes.append(f"another zone named: {key}")
            pieces.append(folded[position:start])
            pieces.append(f" {PLACE_MARK} ")
            position = end
    pieces.append(folded[position:])
    text = "".join(pieces)
    if zone is None and matcher.fuzzy_zones:
        text, zone = _fuzzy_zone(text, matcher.fuzzy_zones, notes)
    return PlaceMatch(text, zone, desk, tuple(notes))


_WORDISH = re.compile(r"[^\W_]+(?:[./\-][^\W_]+)*")


def _fuzzy_zone(
    text: str, zones: tuple[tuple[tuple[str, ...], str], ...], notes: list[str]
) -> tuple[str, str | None]:
    """A zone name with one typo in one word of 6+ letters; the other words exact."""
    spans = [(match.start(), match.end(), match.group(0)) for match in _WORDISH.finditer(text)]
    words = [word for _, _, word in spans]
    for name_words, key in zones:
        size = len(name_words)
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            typos = 0
            for said, expected in zip(window, name_words, strict=True):
                if said == expected:
                    continue
                one_typo = len(expected) >= 6 and said not in KNOWN_WORDS
                if one_typo and damerau_levenshtein(said, expected) == 1:
                    typos += 1
                    continue
                typos = 2
                break
            if typos == 1:
                begin, end = spans[start][0], spans[start + size - 1][1]
                notes.append(f"zone name with a typo: {' '.join(window)}")
                return f"{text[:begin]} {PLACE_MARK} {text[end:]}", key
    return text, None
