"""The directory and follows kept a moment in the process: fewer reads, changes seen at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from config import Settings
from storage.people_cache import CachedPeople
from storage.tables import TableNames, Tables
from storage.users import TableUserRepository
from werkplek.profiles import UserProfile


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def tables(settings: Settings) -> AsyncIterator[Tables]:
    tables = Tables(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
    )
    await tables.create()
    users = TableUserRepository(tables.users)
    await users.save(UserProfile("k-an", "An Peeters", "an@example.org"))
    await users.save(UserProfile("k-bert", "Bert Claes", "bert@example.org"))
    yield tables
    await tables.close()


async def test_the_directory_is_read_once_while_fresh_and_again_after(tables):
    clock = Clock()
    people = CachedPeople(TableUserRepository(tables.users), fresh_seconds=15, monotonic=clock)
    before = tables.requests.total
    first = await people.directory()
    await people.directory()
    assert tables.requests.total - before == 1
    clock.now = 15
    await people.directory()
    assert tables.requests.total - before == 2
    assert {row["email"] for row in first} == {"an@example.org", "bert@example.org"}


async def test_views_at_the_same_moment_share_one_read(tables):
    people = CachedPeople(TableUserRepository(tables.users), monotonic=Clock())
    before = tables.requests.total
    results = await asyncio.gather(*(people.directory() for _ in range(10)))
    assert tables.requests.total - before == 1
    assert all(r == results[0] for r in results)


async def test_a_privacy_change_made_here_is_seen_at_once(tables):
    people = CachedPeople(TableUserRepository(tables.users), monotonic=Clock())
    await people.directory()
    await people.set_visibility("k-an", "nobody")
    rows = {row["key"]: row for row in await people.directory()}
    assert rows["k-an"]["visibility"] == "nobody"


async def test_a_follow_answered_here_is_seen_at_once(tables):
    people = CachedPeople(TableUserRepository(tables.users), monotonic=Clock())
    assert await people.follows("k-an") == {}
    await people.set_follow("k-an", "bert@example.org", "pending")
    assert await people.follows("k-an") == {"bert@example.org": "pending"}
    await people.set_follow("k-an", "bert@example.org", "accepted")
    assert await people.follows("k-an") == {"bert@example.org": "accepted"}
