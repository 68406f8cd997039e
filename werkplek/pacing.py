"""Pacing proactive messages within Teams' published rate limits.

Microsoft publishes, per bot and conversation, 7 messages per second, 8 per 2 s, 60 per
30 s and 1,800 per hour, and a global limit per app and tenant of 30 requests per second
(some copies say 50). The global limit is a steady rate: one message every 1/rate
seconds (a burst at the top of each second would trip a server that counts in any
sliding second). Per conversation, a sliding window log per limit.

Single event loop, no awaits between choosing a slot and taking it: concurrent senders
never share a slot. Across processes, the reminder lease makes one process the sender.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

# (window in seconds, messages allowed in it), per conversation.
PER_CONVERSATION: tuple[tuple[float, int], ...] = ((1, 7), (2, 8), (30, 60), (3600, 1800))
TEAMS_GLOBAL_RATE = 30.0
# Kept beyond every window (seconds): the service counts arrival times, which network jitter
# can bring closer together than the send times.
MARGIN = 0.05


class Pacer:
    def __init__(
        self,
        rate_per_second: float = TEAMS_GLOBAL_RATE,
        per_conversation: tuple[tuple[float, int], ...] = PER_CONVERSATION,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        # `rate` messages in any (1 + MARGIN) seconds, so that no sliding second at the
        # service's end holds more than `rate` of them.
        self.interval = (1.0 + MARGIN) / rate_per_second
        self.windows = per_conversation
        self.longest = max((w for w, _ in per_conversation), default=0)
        self._monotonic = monotonic
        self._sleep = sleep
        self._next_free = 0.0
        self._held_until = 0.0
        self._sent: dict[str, deque[float]] = {}

    def reserve(self, conversation_id: str) -> float:
        """Take the earliest slot for this conversation; return how long to wait for it."""
        now = self._monotonic()
        at = max(now, self._next_free, self._held_until)
        log = self._sent.setdefault(conversation_id, deque())
        while log and log[0] <= now - self.longest:
            log.popleft()
        for window, allowed in self.windows:
            recent = [t for t in log if t > at - window - MARGIN]
            if len(recent) >= allowed:
                # The slot frees when the oldest message that counts leaves the window.
                at = max(at, recent[len(recent) - allowed] + window + MARGIN)
        self._next_free = at + self.interval
        log.append(at)
        return at - now

    async def wait(self, conversation_id: str) -> None:
        delay = self.reserve(conversation_id)
        if delay > 0:
            await self._sleep(delay)

    def hold(self, seconds: float) -> None:
        """Stop everyone for `seconds` (the service said Retry-After)."""
        self._held_until = max(self._held_until, self._monotonic() + seconds)

    def forget_idle(self) -> None:
        """Drop conversations with nothing in their longest window (bounded memory)."""
        now = self._monotonic()
        for key in [k for k, log in self._sent.items() if not log or log[-1] <= now - self.longest]:
            del self._sent[key]
