"""Language understanding for nl, fr and en: intent, dates, half day, desk and zone,
telework (with weekly recurrences and periods), team permanence, presence: who is
where, the team's week, following colleagues, privacy and booking next to someone, and
the proactive reminders: their settings, all off or all back on.

`parse(text, today, places)` turns what a user typed into an `Understanding`.
Every language is understood whatever the user's Teams locale.
"""

from werkplek.language.model import (
    DateProblem,
    Intent,
    PlaceName,
    Places,
    Recurrence,
    Understanding,
)
from werkplek.language.parser import parse

__all__ = ["DateProblem", "Intent", "PlaceName", "Places", "Recurrence", "Understanding", "parse"]
