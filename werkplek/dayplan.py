"""One day as the rules see it: a person's half days, every zone, every team."""

from __future__ import annotations

from dataclasses import dataclass, field

from werkplek.booking import PersonDay, ZoneDay
from werkplek.telework import TeamDay


@dataclass(frozen=True)
class DayState:
    person: PersonDay
    zones: dict[str, ZoneDay] = field(default_factory=dict)
    teams: dict[str, TeamDay] = field(default_factory=dict)
