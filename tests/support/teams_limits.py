"""Teams' published rate limits for bots, enforced as sliding windows over accepted sends.

Microsoft publishes, per bot per conversation: 7 messages per 1 s, 8 per 2 s, 60 per 30 s and
1800 per 3600 s; and per app per tenant a global limit (30 requests per second by default
here). A window of `limit` per `seconds` admits a send arriving at `now` when fewer than
`limit` accepted sends arrived in (now - seconds, now]. Only accepted sends are remembered:
a refused send uses up nothing.

When a window is full, the send it refuses could be accepted once the oldest of the `limit`
most recent sends leaves the window, at `times[-limit] + seconds`. Retry-After is the latest
such moment over every full window (per conversation and the tenant's global ones), minus
now, rounded up to the next 0.1 s and at least 0.1 s. Waiting can only empty windows, so a
window that admits now still admits then: honouring Retry-After gets the send accepted, as
long as nothing else is sent meanwhile.

The limiter is pure: callers pass the time (`now`), so tests can drive it with a fake clock.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from dataclasses import dataclass, field

# Clock readings this close count as equal, so float noise in `now + retry_after` cannot turn
# an honoured Retry-After into another refusal.
EPSILON = 1e-6


@dataclass(frozen=True)
class Window:
    limit: int
    seconds: float


PER_CONVERSATION = (Window(7, 1), Window(8, 2), Window(60, 30), Window(1800, 3600))


class SlidingWindows:
    """The arrival times of one key's accepted sends, checked against several windows."""

    def __init__(self, windows: tuple[Window, ...]) -> None:
        self.windows = windows
        self.horizon = max(w.seconds for w in windows)
        self.times: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until every window admits one more send (0.0: they admit it now)."""
        while self.times and self.times[0] <= now - self.horizon + EPSILON:
            self.times.popleft()
        longest = 0.0
        for window in self.windows:
            if len(self.times) >= window.limit:
                wait = self.times[-window.limit] + window.seconds - now
                if wait > EPSILON:
                    longest = max(longest, wait)
        return longest

    def record(self, now: float) -> None:
        self.times.append(now)


def retry_after(wait: float) -> float:
    """A wait as Retry-After: rounded up to the next 0.1 s, at least 0.1 s."""
    return max(0.1, round(math.ceil((wait - EPSILON) * 10) / 10, 1))


@dataclass
class TeamsLimits:
    per_conversation: tuple[Window, ...] = PER_CONVERSATION
    per_tenant: tuple[Window, ...] = (Window(30, 1),)
    _conversations: dict[str, SlidingWindows] = field(init=False)
    _tenants: dict[str, SlidingWindows] = field(init=False)

    def __post_init__(self) -> None:
        self._conversations = defaultdict(lambda: SlidingWindows(self.per_conversation))
        self._tenants = defaultdict(lambda: SlidingWindows(self.per_tenant))

    @classmethod
    def published(cls, global_per_second: int = 30) -> TeamsLimits:
        """Microsoft's published per-conversation limits, and a global per-tenant rate."""
        return cls(PER_CONVERSATION, (Window(global_per_second, 1),))

    def try_send(self, conversation_id: str, tenant: str, now: float) -> float | None:
        """Accept and remember a send arriving at `now` (None), or refuse it: its Retry-After."""
        conversation = self._conversations[conversation_id]
        everyone = self._tenants[tenant]
        wait = max(conversation.wait(now), everyone.wait(now))
        if wait > 0:
            return retry_after(wait)
        conversation.record(now)
        everyone.record(now)
        return None
