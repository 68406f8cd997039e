"""The table service client, its retry policy, and the tables Werkplek uses.

How long storage may keep a caller waiting (see storage/README.md, "Retry policy"):

- every request: the SDK's retry policy (TURN_RETRY: 3 tries, short back-off, an overall
  `timeout` per operation) over the SDK's aiohttp transport (2 s to connect, 3 s for the
  answer to start);
- a user's turn: `storage_budget(TURN_STORAGE_SECONDS)` (bots/adapter.py) holds every storage
  request of the turn, retries and back-off included, to 4 s in all; then the request fails
  like a timed-out one, the turn raises StorageUnavailable and the user hears "try again".
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from azure.core.exceptions import (
    AzureError,
    ResourceExistsError,
    ResourceNotFoundError,
    ServiceRequestTimeoutError,
    ServiceResponseTimeoutError,
)
from azure.core.pipeline.transport import AioHttpTransport
from azure.data.tables.aio import TableClient, TableServiceClient

from werkplek.errors import ConfigurationError, StorageUnavailable

log = logging.getLogger(__name__)

AZURITE_CONNECTION_STRING = (
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
    "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
    "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"
)

# Fail fast rather than the SDK's default of retrying for a minute: a user gets a clear
# "try again" instead of a silent wait. The SDK's own retry policy, bounded:
# - retry_total 2: three tries at most (reads; a POST such as a transaction or an insert is
#   not tried again after a network error, as the SDK does not know whether it arrived);
# - back-off 0 s before the second try, 0.4 s before the third;
# - timeout 5: no try starts once an operation has taken 5 s (the connect time-out of the
#   last try is cut to what is left; its answer may take its 3 s), so one operation outside
#   a turn (reminder runs) takes at most 5 + 3 = 8 s, plus any Retry-After the service asks;
# - connection_timeout 2, read_timeout 3: per try, given to the transport.
TURN_RETRY: dict[str, Any] = {
    "retry_total": 2,
    "retry_backoff_factor": 0.2,
    "retry_backoff_max": 1,
    "timeout": 5,
    "connection_timeout": 2,
    "read_timeout": 3,
}
_TRANSPORT_KEYS = ("connection_timeout", "read_timeout")

# All the storage requests of one user's turn together, retries, back-off and Retry-After
# included: the longest a user waits on storage before hearing "try again in a minute".
TURN_STORAGE_SECONDS = 4.0
# GET /healthz: its probe is bounded so, and its answer kept this long (probes of callers
# at the same moment are shared), so that a load balancer's checks do not hammer storage.
HEALTH_STORAGE_SECONDS = 2.0
HEALTH_CACHE_SECONDS = 2.0
# The probe reads a row that never exists (day partitions are dates): a 404 means "up".
_PROBE = ("healthz", "probe")

_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,39}$")
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "werkplek_storage_deadline", default=None
)


@contextmanager
def storage_budget(seconds: float) -> Iterator[None]:
    """Every storage request made inside — by tasks started inside too — ends within `seconds`
    of entering, retries and back-off included; past that it fails as timed out (an AzureError,
    so StorageUnavailable to the caller). Nested budgets keep the earlier deadline."""
    deadline = time.monotonic() + seconds
    current = _deadline.get()
    token = _deadline.set(deadline if current is None else min(current, deadline))
    try:
        yield
    finally:
        _deadline.reset(token)


def _time_left() -> float | None:
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


@dataclass(frozen=True)
class TableNames:
    bookings: str
    users: str
    reminders: str

    @classmethod
    def with_prefix(cls, prefix: str) -> TableNames:
        if not _PREFIX.match(prefix):
            raise ConfigurationError(
                "WERKPLEK_TABLE_PREFIX", "must start with a letter and hold only letters and digits"
            )
        return cls(
            bookings=f"{prefix}bookings", users=f"{prefix}users", reminders=f"{prefix}reminders"
        )


class RequestCount:
    """Counts HTTP requests to Table storage (each retry too): what a turn really costs.

    `failed`: tries that got no answer at all (refused, timed out, or over the budget).
    `watchers` see each request (the SDK's PipelineRequest) just before it is sent: the
    storage-fault tests stall the storage at a chosen request.
    """

    def __init__(self) -> None:
        self.total = 0
        self.failed = 0
        self.watchers: list[Callable[[Any], None]] = []

    def __call__(self, request: Any) -> None:
        self.total += 1
        for watch in self.watchers:
            watch(request)


class _BudgetedTransport(AioHttpTransport):
    """The SDK's aiohttp transport, held to the time left in the caller's storage budget."""

    def __init__(self, requests: RequestCount, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.requests = requests

    async def send(self, request: Any, **config: Any) -> Any:
        left = _time_left()
        try:
            if left is None:
                return await super().send(request, **config)
            if left <= 0:
                raise ServiceRequestTimeoutError("no time left for storage in this turn")
            try:
                async with asyncio.timeout(left):
                    return await super().send(request, **config)
            except TimeoutError as exc:
                raise ServiceResponseTimeoutError("no answer in the time left") from exc
        except AzureError:
            self.requests.failed += 1
            raise

    async def sleep(self, duration: float) -> None:
        """The retry policy's back-off (and a server's Retry-After), cut to the time left."""
        left = _time_left()
        await super().sleep(duration if left is None else max(0.0, min(duration, left)))


class Tables:
    """One transport (one connection pool) for the whole app; closed on shutdown."""

    def __init__(self, connection_string: str, names: TableNames) -> None:
        self.names = names
        self.requests = RequestCount()
        self.health_cache_seconds = HEALTH_CACHE_SECONDS
        self._health: tuple[float, bool] | None = None
        self._probe: asyncio.Task[bool] | None = None
        self._transport = _BudgetedTransport(
            self.requests, **{k: TURN_RETRY[k] for k in _TRANSPORT_KEYS}
        )
        options = {k: v for k, v in TURN_RETRY.items() if k not in _TRANSPORT_KEYS}
        options.update(transport=self._transport, raw_request_hook=self.requests)
        try:
            self.service = TableServiceClient.from_connection_string(connection_string, **options)
            # Made by hand rather than by service.get_table_client, whose pipeline wraps the
            # transport without its sleep: the budget would not hold back-off and Retry-After.
            self.bookings: TableClient = TableClient.from_connection_string(
                connection_string, names.bookings, **options
            )
            self.users: TableClient = TableClient.from_connection_string(
                connection_string, names.users, **options
            )
            self.reminders: TableClient = TableClient.from_connection_string(
                connection_string, names.reminders, **options
            )
        except ValueError as exc:
            raise ConfigurationError("AZURE_STORAGE_CONNECTION_STRING", str(exc)) from None

    async def create(self, wait_seconds: float = 30) -> None:
        """Create the tables if needed; wait a while for the storage to come up (make run)."""
        deadline = asyncio.get_running_loop().time() + wait_seconds
        for name in (self.names.bookings, self.names.users, self.names.reminders):
            while True:
                try:
                    await self.service.create_table(name)
                    break
                except ResourceExistsError:
                    break
                except AzureError as exc:
                    if asyncio.get_running_loop().time() > deadline:
                        raise StorageUnavailable(f"cannot create table {name}: {exc}") from exc
                    log.info("waiting for Table storage (%s)", type(exc).__name__)
                    await asyncio.sleep(0.5)

    async def reachable(self) -> bool:
        """Whether Table storage answers (GET /healthz): one point read, bounded by
        HEALTH_STORAGE_SECONDS, its answer kept for `health_cache_seconds`; callers at the
        same moment share one probe."""
        if self._health is not None:
            checked, up = self._health
            if time.monotonic() - checked < self.health_cache_seconds:
                return up
        if self._probe is None or self._probe.done():
            self._probe = asyncio.create_task(self._check())
        # A caller that goes away (its client hung up) does not cancel the others' probe.
        return await asyncio.shield(self._probe)

    async def _check(self) -> bool:
        problem = None
        try:
            with storage_budget(HEALTH_STORAGE_SECONDS):
                await self.bookings.get_entity(*_PROBE)
        except ResourceNotFoundError as exc:
            if exc.error_code == "TableNotFound":
                problem = "a table is missing"
        except AzureError as exc:
            problem = type(exc).__name__
        up = problem is None
        if self._health is None or self._health[1] != up:
            if up:
                log.info("table storage is reachable")
            else:
                log.warning("table storage is unreachable: %s", problem)
        self._health = (time.monotonic(), up)
        return up

    async def close(self) -> None:
        if self._probe is not None and not self._probe.done():
            self._probe.cancel()
            await asyncio.gather(self._probe, return_exceptions=True)
        await self.bookings.close()
        await self.users.close()
        await self.reminders.close()
        await self.service.close()
