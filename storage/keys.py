"""Table keys: PartitionKey/RowKey may not hold / \\ # ? or control characters."""

from __future__ import annotations

from datetime import date

_FORBIDDEN = set("/\\#?%") | {chr(c) for c in range(0x20)} | {chr(c) for c in range(0x7F, 0xA0)}


def escape(value: str) -> str:
    """Make any text safe inside a key, reversibly (percent-encoding the forbidden characters)."""
    return "".join(f"%{ord(c):02X}" if c in _FORBIDDEN else c for c in value)


def day_key(day: date) -> str:
    """ISO dates sort as text, so a range of days is a range of partitions."""
    return day.isoformat()


ZONE_PREFIX = "zone~"
PERSON_PREFIX = "person~"


def zone_row(zone_key: str) -> str:
    site, zone = zone_key.split("/", 1)
    return f"{ZONE_PREFIX}{escape(site)}~{escape(zone)}"


def person_row(person_key: str) -> str:
    return f"{PERSON_PREFIX}{escape(person_key)}"
