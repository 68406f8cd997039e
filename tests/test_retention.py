"""Retention: registrations older than WERKPLEK_RETENTION_MONTHS (default 24) are purged, by
the bot once a day (one instance) and by `python app.py purge`; reminder claims after 14 days.

Today is Monday 23 November 2026: with 24 months, November 2024 is the first month kept.
The old registrations are made by the bot itself, with its clock set back.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from app import RETENTION, TABLES, purge_every_day
from config import Settings
from storage.reminders import TableReminderStore
from tests.conftest import BRUSSELS, NOW, start_bot
from tests.support.azurite import free_port
from tests.support.commands import app_command
from tests.support.connector import ConnectorStandIn
from tests.support.teams import TeamsUser
from werkplek.my_data import PurgeReport, RetentionService, retention_start
from werkplek.reminders import ReminderKind

TODAY = NOW.date()
OCTOBER_2024 = datetime(2024, 10, 28, 9, 0, tzinfo=BRUSSELS)  # a Monday, 25 months ago
NOVEMBER_2024 = datetime(2024, 11, 4, 9, 0, tzinfo=BRUSSELS)  # a Monday, the first month kept


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[TestServer]:
    server = await start_bot(settings)
    yield server
    await server.close()


@pytest.fixture
def person(
    http: ClientSession, bot: TestServer, connector: tuple[ConnectorStandIn, str]
) -> Callable[..., TeamsUser]:
    standin, connector_url = connector

    def make(name: str, email: str) -> TeamsUser:
        return TeamsUser(http, "", standin, connector_url, name, email)

    return make


async def plan_at(settings: Settings, when: datetime, said: list[tuple[TeamsUser, str]]) -> None:
    """People talk to a bot whose clock says `when`."""
    server = await start_bot(settings, now=when)
    try:
        for user, text in said:
            user.bot_url = str(server.make_url("")).rstrip("/")
            await user.says(text)
    finally:
        await server.close()


async def old_registrations(person, settings: Settings) -> None:
    """Thursday 31 October 2024: An at a desk, Bert at home. Monday 4 November 2024: An at
    home (kept: November 2024 is within the 24 months)."""
    an = person("An Peeters", "an@example.org")
    bert = person("Bert Claes", "bert@example.org")
    await plan_at(
        settings,
        OCTOBER_2024,
        [(an, "book a desk Thursday"), (bert, "I work from home on Thursday")],
    )
    await plan_at(settings, NOVEMBER_2024, [(an, "ik werk vandaag thuis")])


async def old_claims(server: TestServer) -> None:
    """Reminder claims 20 days ago (purged) and 3 days ago (kept)."""
    tables = server.app[TABLES]
    store = TableReminderStore(tables.users, tables.reminders)
    for days in (20, 3):
        day = TODAY - timedelta(days=days)
        assert await store.claim(day, ReminderKind.DAY_BEFORE, "someone", NOW, None)


async def partitions(table) -> list[str]:
    return sorted({e["PartitionKey"] async for e in table.query_entities("PartitionKey ne ''")})


def test_the_first_month_kept_is_counted_back_from_this_month():
    assert retention_start(date(2026, 11, 23), 24) == date(2024, 11, 1)
    assert retention_start(date(2026, 1, 1), 1) == date(2025, 12, 1)
    assert retention_start(date(2026, 3, 31), 14) == date(2025, 1, 1)


async def test_the_purge_deletes_registrations_older_than_24_months_and_claims_after_14_days(
    person, settings, bot
):
    await old_registrations(person, settings)
    await old_claims(bot)
    tables = bot.app[TABLES]
    assert await partitions(tables.bookings) == ["2024-10-31", "2024-11-04"]

    report = await bot.app[RETENTION].purge(TODAY)

    assert report.first_kept == date(2024, 11, 1)
    assert report.rows == {"person": 2, "team": 1, "zone": 1}  # An's desk, Bert's telework
    assert report.reminder_rows == 1
    assert await partitions(tables.bookings) == ["2024-11-04"]
    claims = [p for p in await partitions(tables.reminders) if p[0].isdigit()]
    assert claims == [(TODAY - timedelta(days=3)).isoformat()]
    again = await bot.app[RETENTION].purge(TODAY)
    assert again.rows == {} and again.reminder_rows == 0


async def test_a_shorter_retention_period_keeps_less(person, settings, bot):
    await old_registrations(person, settings)
    shorter = RetentionService(bot.app[RETENTION].store, BRUSSELS, retention_months=1, owner="test")
    report = await shorter.purge(TODAY)
    assert report.first_kept == date(2026, 10, 1)
    assert report.rows == {"person": 3, "team": 2, "zone": 1}
    assert await partitions(bot.app[TABLES].bookings) == []


async def test_only_one_instance_purges_each_day(person, settings, bot):
    await old_registrations(person, settings)
    other = await start_bot(settings)
    try:
        first, second = bot.app[RETENTION], other.app[RETENTION]
        reports = await asyncio.gather(first.run_daily(NOW), second.run_daily(NOW))
        assert len([r for r in reports if r is not None]) == 1
        assert sum(r.total for r in reports if r is not None) == 4
        later = NOW + timedelta(hours=3)
        assert await asyncio.gather(first.run_daily(later), second.run_daily(later)) == [
            None,
            None,
        ]
        # Instances started since (or `remind` runs) read the day from storage, not memory.
        restarted = [RetentionService(first.store, BRUSSELS, owner=f"new-{i}") for i in (1, 2)]
        assert await asyncio.gather(*(r.run_daily(later) for r in restarted)) == [None, None]
        tomorrow = NOW + timedelta(days=1)
        reports = await asyncio.gather(*(r.run_daily(tomorrow) for r in restarted))
        assert len([r for r in reports if r is not None]) == 1  # nothing left, but it ran
    finally:
        await other.close()


async def test_the_bots_schedule_purges_on_its_first_check(person, settings, bot):
    await old_registrations(person, settings)
    stop = asyncio.Event()
    seen: list[PurgeReport | None] = []

    class OneCheck:
        """The bot's retention service, stopping the schedule after its first check."""

        async def run_daily(self, now: datetime) -> PurgeReport | None:
            seen.append(await bot.app[RETENTION].run_daily(now))
            stop.set()
            return seen[-1]

    await asyncio.wait_for(purge_every_day(OneCheck(), lambda: NOW, stop), timeout=30)  # type: ignore[arg-type]
    assert len(seen) == 1 and seen[0] is not None and seen[0].rows["person"] == 2
    assert await partitions(bot.app[TABLES].bookings) == ["2024-11-04"]


# --- python app.py purge --------------------------------------------------------------------


async def purge(*args: str, settings: Settings, **env: str) -> tuple[int, str, str]:
    code, stdout, stderr = await app_command("purge", *args, settings=settings, **env)
    return code, stdout.decode(), stderr


async def test_python_app_py_purge_prints_the_counts_and_exits_0(person, settings, bot):
    await old_registrations(person, settings)
    await old_claims(bot)

    code, stdout, stderr = await purge("--today", "2026-11-23", settings=settings)

    assert code == 0, stderr
    assert stdout == (
        "purged registrations before 2024-11-01: person 2, team 1, zone 1; reminder rows: 1\n"
    )
    assert "example.org" not in stdout + stderr and "Peeters" not in stdout + stderr
    assert await partitions(bot.app[TABLES].bookings) == ["2024-11-04"]
    code, stdout, _ = await purge("--today", "2026-11-23", settings=settings)
    assert (code, stdout) == (0, "purged registrations before 2024-11-01: none; reminder rows: 0\n")


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (["--today", "23/11/2026"], {}, "'23/11/2026' is not a day"),
        (["--today", "2999-01-01"], {}, "'2999-01-01' is in the future"),
        (["--today", "1999-12-31"], {}, "before the year 2000"),
        (["--everything"], {}, "unrecognized arguments: --everything"),
        ([], {"WERKPLEK_RETENTION_MONTHS": "zero"}, "WERKPLEK_RETENTION_MONTHS"),
        ([], {"WERKPLEK_RETENTION_MONTHS": "0"}, "WERKPLEK_RETENTION_MONTHS"),
    ],
)
async def test_python_app_py_purge_refuses_bad_arguments_in_one_line(
    settings, args: list[str], env: dict[str, Any], said: str
):
    code, stdout, stderr = await purge(*args, settings=settings, **env)
    assert code == 2 and stdout == ""
    assert stderr.count("\n") == 1 and said in stderr and stderr.startswith("python app.py purge")


async def test_python_app_py_purge_with_storage_down_says_so_in_one_line(settings):
    down = replace(
        settings,
        storage_connection_string=settings.storage_connection_string.replace(
            settings.storage_connection_string.split("TableEndpoint=http://127.0.0.1:")[1].split(
                "/"
            )[0],
            str(free_port()),
        ),
    )
    code, stdout, stderr = await purge(settings=down)
    assert code == 2 and stdout == ""
    assert stderr.count("\n") == 1 and "cannot be read" in stderr
