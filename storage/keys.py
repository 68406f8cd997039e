"""Table keys: PartitionKey/RowKey may not hold / \\ # ? or control characters."""

from __future__ import annotations

import re
from datetime import date

_FORBIDDEN = set("/\\#?%") | {chr(c) for c in range(0x20)} | {chr(c) for c in range(0x7F, 0xA0)}


def escape(value: str) -> str:
    """Make any text safe inside a key, reversibly (percent-encoding the forbidden characters)."""
    return "".join(f"%{ord(c):02X}" if c in _FORBIDDEN else c for c in value)


def unescape(value: str) -> str:
    """The text `escape` was given."""
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m[1], 16)), value)


def day_key(day: date) -> str:
    """ISO dates sort as text, so a range of days is a range of partitions."""
    return day.isoformat()


# Row kinds of a day's partition; their order matters to the range queries of bookings.py:
# "person~" < "team~" < "zone~".
PERSON_PREFIX = "person~"
TEAM_PREFIX = "team~"
ZONE_PREFIX = "zone~"


def zone_row(zone_key: str) -> str:
    site, zone = zone_key.split("/", 1)
    return f"{ZONE_PREFIX}{escape(site)}~{escape(zone)}"


def person_row(person_key: str) -> str:
    return f"{PERSON_PREFIX}{escape(person_key)}"


def team_row(team_id: str) -> str:
    return f"{TEAM_PREFIX}{escape(team_id)}"
