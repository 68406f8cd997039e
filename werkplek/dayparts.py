"""Half days: the unit in which desks are booked and telework is registered."""

from __future__ import annotations

from enum import StrEnum


class DayPart(StrEnum):
    """Which part of a working day. A full day covers both halves."""

    FULL = "full"
    MORNING = "am"
    AFTERNOON = "pm"

    @property
    def halves(self) -> tuple[DayPart, ...]:
        """The half days this part occupies (a full day is morning and afternoon)."""
        if self is DayPart.FULL:
            return (DayPart.MORNING, DayPart.AFTERNOON)
        return (self,)
