"""Fixed days the language tests parse against, named so expectations read as dates."""

from __future__ import annotations

from datetime import date

MONDAY = date(2026, 11, 23)  # the tests' "today" unless said otherwise
TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)
THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
SATURDAY = date(2026, 11, 28)
SUNDAY = date(2026, 11, 29)
NEXT_MONDAY = date(2026, 11, 30)
NEXT_TUESDAY = date(2026, 12, 1)
NEXT_WEDNESDAY = date(2026, 12, 2)
NEXT_THURSDAY = date(2026, 12, 3)
NEXT_FRIDAY = date(2026, 12, 4)
LAST_THURSDAY = date(2026, 11, 19)
LATE_DECEMBER = date(2026, 12, 20)  # a Sunday, for year roll-over

# Periods around MONDAY (2026-11-23): ISO weeks run Monday to Friday, months in full.
THIS_WEEK = (MONDAY, FRIDAY)
NEXT_WEEK = (NEXT_MONDAY, NEXT_FRIDAY)
LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 20))
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))
FOUR_WEEKS_ON = date(2026, 12, 21)  # MONDAY + 28 days: a recurrence without "until"
END_OF_JANUARY = date(2027, 1, 31)
