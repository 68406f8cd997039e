"""The table service client, its retry policy, and the tables Werkplek uses."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass

from azure.core.exceptions import AzureError, ResourceExistsError
from azure.data.tables.aio import TableClient, TableServiceClient

from werkplek.errors import ConfigurationError, StorageUnavailable

log = logging.getLogger(__name__)

AZURITE_CONNECTION_STRING = (
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
    "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
    "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"
)

# Calls made during a user's turn: fail fast rather than the SDK's default of retrying
# for a minute; the user gets a clear "try again" instead of a silent wait.
TURN_RETRY = {
    "retry_total": 2,
    "retry_backoff_factor": 0.1,
    "retry_backoff_max": 1,
    "connection_timeout": 3,
    "read_timeout": 10,
}

_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,39}$")


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
    """Counts HTTP requests to Table storage (each retry too): what a turn really costs."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, request: object) -> None:
        self.total += 1


class Tables:
    """One service client (one connection pool) for the whole app; closed on shutdown."""

    def __init__(self, connection_string: str, names: TableNames) -> None:
        self.names = names
        self.requests = RequestCount()
        try:
            self.service = TableServiceClient.from_connection_string(
                connection_string, raw_request_hook=self.requests, **TURN_RETRY
            )
        except ValueError as exc:
            raise ConfigurationError("AZURE_STORAGE_CONNECTION_STRING", str(exc)) from None
        self.bookings: TableClient = self.service.get_table_client(names.bookings)
        self.users: TableClient = self.service.get_table_client(names.users)
        self.reminders: TableClient = self.service.get_table_client(names.reminders)

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

    async def close(self) -> None:
        await self.bookings.close()
        await self.users.close()
        await self.reminders.close()
        await self.service.close()
