"""The two ways reminders run, same code: the bot's own loop, and `python app.py remind`."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime

from aiohttp import ClientSession

from config import Settings
from tests.conftest import BRUSSELS, start_bot
from tests.support.commands import app_command
from tests.support.connector import ConnectorStandIn
from tests.support.teams import TeamsUser


async def known_users(
    settings: Settings, http: ClientSession, connector: tuple[ConnectorStandIn, str], count: int
) -> list[TeamsUser]:
    """People who talked to the bot once (so it knows their personal chat)."""
    standin, connector_url = connector
    server = await start_bot(settings)
    try:
        url = str(server.make_url("")).rstrip("/")
        people = [
            TeamsUser(http, url, standin, connector_url, f"Person {i}", f"p{i}@example.org")
            for i in range(count)
        ]
        for someone in people:
            await someone.says("help")
    finally:
        await server.close()
    return people


async def test_the_bot_sends_due_reminders_by_itself_once_started(settings, http, connector):
    standin, _ = connector
    people = await known_users(settings, http, connector, 3)
    already = standin.sent_count()
    thursday_two = datetime(2026, 11, 26, 14, 0, tzinfo=BRUSSELS)
    server = await start_bot(replace(settings, reminders=True), now=thursday_two)
    try:
        await standin.wait_for_sent(already + 3, timeout=30)
    finally:
        await server.close()
    assert [len(p.unprompted()) for p in people] == [1, 1, 1]
    assert all("Plan next week" in p.unprompted()[0].card_text for p in people)


async def remind(settings: Settings, *args: str) -> tuple[int, str]:
    code, _, stderr = await app_command("remind", *args, settings=settings)
    return code, stderr


async def test_remind_sends_what_is_due_by_the_instant_and_a_second_run_sends_nothing_more(
    settings, http, connector
):
    people = await known_users(settings, http, connector, 2)
    first, second = await asyncio.gather(
        remind(settings, "--at", "2026-11-26T14:00+01:00"),
        remind(settings, "--at", "2026-11-26T14:00+01:00"),
    )
    assert first[0] == 0 and second[0] == 0, first[1] + second[1]
    assert [len(p.unprompted()) for p in people] == [1, 1]
    code, _ = await remind(settings, "--at", "2026-11-26T16:30")  # local time without offset
    assert code == 0
    assert [len(p.unprompted()) for p in people] == [1, 1]  # nothing planned tomorrow


async def test_remind_with_an_instant_that_is_not_one_says_so(settings):
    code, stderr = await remind(settings, "--at", "next thursday")
    assert code == 2
    assert "'next thursday' is not a date and time" in stderr
