"""Message catalogues and locale-aware dates: every text a user sees comes from here.

Catalogues are YAML files in locales/ (one per language), found next to this
module. The reply language follows the user's Teams locale: nl-*, fr-*, else English.
"""

from __future__ import annotations

import string
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml
from babel.dates import format_date

from werkplek.calendar import DayCheck
from werkplek.dayparts import DayPart

LANGUAGES = ("en", "nl", "fr")
_LOCALES = Path(__file__).parent / "locales"
_BABEL_LOCALE = {"en": "en_GB", "nl": "nl_BE", "fr": "fr_BE"}


def language_of(locale: str | None) -> str:
    """The reply language for a Teams locale such as "nl-BE" or "fr-FR"."""
    prefix = (locale or "").strip().lower()[:2]
    return prefix if prefix in ("nl", "fr") else "en"


@cache
def catalogue(language: str) -> dict[str, str]:
    with (_LOCALES / f"{language}.yaml").open(encoding="utf-8") as f:
        return {str(k): str(v) for k, v in yaml.safe_load(f).items()}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def t(language: str, key: str, **values: object) -> str:
    """The message `key` in `language`, with its placeholders filled in."""
    text = catalogue(language if language in LANGUAGES else "en").get(key)
    if text is None:
        text = catalogue("en")[key]
    return text.format(**values)


def babel_locale(language: str) -> str:
    """The Babel locale for a reply language: Belgian Dutch and French, British English."""
    return _BABEL_LOCALE.get(language, "en_GB")


def format_day(day: date, language: str, today: date | None = None) -> str:
    """E.g. "donderdag 26 november", "jeudi 26 novembre"; with the year if not this year."""
    pattern = "EEEE d MMMM" if today is None or day.year == today.year else "EEEE d MMMM y"
    return format_date(day, pattern, locale=babel_locale(language))


def day_refusal(
    check: DayCheck, day: date, today: date, horizon_days: int, language: str, key: str = "day"
) -> str:
    """Why `day` cannot be planned, in words: past, weekend, holiday (named), beyond the horizon.

    `key` picks the wording family: "day" for desks ("book up to ..."), "plan" for telework.
    """
    refusal = check.refusal.value if check.refusal else "past"
    horizon_key = f"{key}.beyond_horizon" if refusal == "beyond_horizon" else f"day.{refusal}"
    return t(
        language,
        horizon_key,
        date=format_day(day, language, today),
        holiday=check.holiday or "",
        days=horizon_days,
        last=format_day(today + timedelta(days=horizon_days), language, today),
    )


def format_part(part: DayPart, language: str) -> str:
    return t(language, f"part.{part.value}")


def warm_up() -> None:
    """Load catalogues and Babel's locale data at start-up, not in a user's turn."""
    for language in LANGUAGES:
        catalogue(language)
        format_day(date.today(), language)
