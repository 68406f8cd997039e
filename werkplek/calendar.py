"""Which days can be booked: working days within the horizon, in the organisation's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


class DayRefusal(StrEnum):
    PAST = "past"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    BEYOND_HORIZON = "beyond_horizon"


@dataclass(frozen=True)
class DayCheck:
    refusal: DayRefusal | None
    holiday: str | None = None  # the holiday's name, in the language asked for

    @property
    def ok(self) -> bool:
        return self.refusal is None


@lru_cache(maxsize=64)
def _belgian_holidays(year: int, language: str) -> dict[date, str]:
    names = holidays.country_holidays("BE", years=[year], language=_HOLIDAY_LANG[language])
    return dict(names.items())


_HOLIDAY_LANG = {"nl": "nl", "fr": "fr", "en": "en_US"}


def holiday_name(day: date, language: str = "en") -> str | None:
    """The Belgian public holiday on `day`, or None."""
    return _belgian_holidays(day.year, language).get(day)


def today_in(timezone: ZoneInfo, now: datetime | None = None) -> date:
    """Today's date where the organisation is, not where the server is."""
    return (now or datetime.now(timezone)).astimezone(timezone).date()


def check_day(day: date, today: date, horizon_days: int, language: str = "en") -> DayCheck:
    """Can `day` be planned? Not a past day, a weekend, a holiday, or a day past the horizon."""
    if day < today:
        return DayCheck(DayRefusal.PAST)
    if day.weekday() >= 5:
        return DayCheck(DayRefusal.WEEKEND)
    name = holiday_name(day, language)
    if name:
        return DayCheck(DayRefusal.HOLIDAY, name)
    if day > today + timedelta(days=horizon_days):
        return DayCheck(DayRefusal.BEYOND_HORIZON)
    return DayCheck(None)


def working_days_after(day: date, count: int, today: date, horizon_days: int) -> list[date]:
    """The next `count` bookable days after `day` (for suggesting another day)."""
    result: list[date] = []
    current = day
    last = today + timedelta(days=horizon_days)
    while len(result) < count and current < last:
        current += timedelta(days=1)
        if check_day(current, today, horizon_days).ok:
            result.append(current)
    return result


def warm_up() -> None:
    """Load the holiday tables at start-up rather than in the first user's turn."""
    year = date.today().year
    for language in _HOLIDAY_LANG:
        _belgian_holidays(year, language)
        _belgian_holidays(year + 1, language)
