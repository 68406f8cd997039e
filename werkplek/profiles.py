"""What the bot remembers about a user between turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UserProfile:
    key: str  # the Entra object id when Teams gives one, else the channel's user id
    name: str = ""
    email: str | None = None
    locale: str | None = None
    # Where to reach the user proactively (a serialised conversation reference).
    conversation: dict[str, Any] | None = field(default=None, compare=False)
    # The connector said the app was removed or blocked (403/404): no reminders until
    # the user talks to the bot again.
    gone: bool = False
