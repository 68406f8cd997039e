"""The directory and everyone's follows, kept a few seconds in this process.

Every presence view needs the directory (names and sharing choices of everyone who talked
to the bot: 2,000 rows, two pages, for a large site) and the viewer's follows. Read on
every view, they were most of a day view's storage requests and memory. Kept here for
`FRESH_SECONDS`: a change made through this instance (privacy, follow, answer) is seen at
once; one made on another instance, or a new colleague, within that time. Concurrent
views share one read.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from storage.users import TableUserRepository

FRESH_SECONDS = 15.0
MAX_FOLLOWERS = 5000  # viewers whose follows are kept (least recently used go first)


class _Entry:
    def __init__(self, value: Any, at: float) -> None:
        self.value = value
        self.at = at


class CachedPeople:
    """What PresenceService reads of people, cached; writes go through and invalidate."""

    def __init__(
        self,
        users: TableUserRepository,
        fresh_seconds: float = FRESH_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.users = users
        self.fresh_seconds = fresh_seconds
        self._monotonic = monotonic
        self._directory: _Entry | None = None
        self._follows: OrderedDict[str, _Entry] = OrderedDict()
        self._loading: dict[str, asyncio.Future[Any]] = {}

    async def directory(self) -> list[dict[str, str]]:
        entry = self._directory
        if entry is None or self._stale(entry):
            value = await self._once("directory", self.users.directory)
            self._directory = entry = _Entry(value, self._monotonic())
        return entry.value

    async def follows(self, user_key: str) -> dict[str, str]:
        entry = self._follows.get(user_key)
        if entry is None or self._stale(entry):
            value = await self._once(f"follows:{user_key}", lambda: self.users.follows(user_key))
            entry = _Entry(value, self._monotonic())
            self._follows[user_key] = entry
            while len(self._follows) > MAX_FOLLOWERS:
                self._follows.popitem(last=False)
        self._follows.move_to_end(user_key)
        return entry.value

    async def set_visibility(self, user_key: str, visibility: str) -> None:
        await self.users.set_visibility(user_key, visibility)
        self._directory = None

    async def set_follow(self, user_key: str, email: str, status: str | None) -> None:
        await self.users.set_follow(user_key, email, status)
        self._follows.pop(user_key, None)

    def forget(self) -> None:
        """Read everything afresh next time (a user's data was erased)."""
        self._directory = None
        self._follows.clear()

    def _stale(self, entry: _Entry) -> bool:
        return self._monotonic() - entry.at >= self.fresh_seconds

    async def _once(self, key: str, load: Callable[[], Awaitable[Any]]) -> Any:
        """One read for everyone asking at the same moment."""
        pending = self._loading.get(key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._loading[key] = future
        try:
            value = await load()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters re-raise it, nobody logs it as lost
            raise
        else:
            future.set_result(value)
            return value
        finally:
            del self._loading[key]
