"""The main flows through the Microsoft 365 Agents Playground, as Teams would send them.

The playground is a local Teams client and Bot Connector: it posts Teams-shaped activities to
the bot, serves the roster of its mock tenant (.m365agentsplayground.yml) and shows what the bot
answers. "Today" is Monday 23 November 2026 (see tests/conftest.NOW); Thursday is the 26th.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from azure.data.tables.aio import TableClient

from config import Settings
from storage.tables import TableNames
from tests.support.azurite import Azurite
from tests.support.playground import ROOT, Playground, PlaygroundChat
from tests.support.teams import Reply

SMOKE = ROOT / "tools" / "e2e" / "playground_smoke.mjs"
AN_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000000020"  # currentUser in the yml


def only(messages: list[dict]) -> Reply:
    assert len(messages) == 1, [Reply(m).visible for m in messages]
    return Reply(messages[0])


async def test_installing_the_app_greets_the_user_with_a_welcome_card(chat: PlaygroundChat):
    welcome = only(await chat.install())
    assert welcome.card is not None
    assert "Welcome to Werkplek" in welcome.card_text


async def test_asking_for_a_desk_on_thursday_books_one_and_answers_with_a_card(
    chat: PlaygroundChat,
):
    booked = only(await chat.say("book me a desk Thursday"))
    assert booked.card is not None
    assert "Desk booked" in booked.card_text
    assert "Thursday 26 November" in booked.card_text
    assert "1.01" in booked.card_text  # the first free desk of the first zone
    assert "Cancel this booking" in booked.buttons()


async def test_tapping_cancel_on_the_booking_card_cancels_and_my_bookings_is_then_empty(
    chat: PlaygroundChat,
):
    card = (await chat.say("book me a desk Thursday"))[0]
    cancel = Reply(card).buttons()["Cancel this booking"]

    cancelled = only(await chat.submit(cancel, reply_to=card["messageId"]))
    assert "Cancelled: Thursday 26 November" in cancelled.visible

    listing = only(await chat.say("my bookings"))
    assert "You have no desk booked in the coming weeks." in listing.visible
    assert "Thursday 26 November" not in listing.visible


async def test_the_bot_learns_the_users_work_email_from_the_playgrounds_roster(
    chat: PlaygroundChat, azurite: Azurite, settings: Settings
):
    await chat.say("my bookings")

    users = TableNames.with_prefix(settings.table_prefix).users
    async with TableClient.from_connection_string(azurite.connection_string, users) as table:
        profiles = [
            entity
            async for entity in table.query_entities(
                "PartitionKey eq @key", parameters={"key": AN_AAD_OBJECT_ID}
            )
        ]
    assert [p["email"] for p in profiles] == ["an@example.org"]
    assert profiles[0]["name"] == "An Peeters"


async def test_the_playgrounds_web_page_shows_the_booking_card_in_headless_chromium(
    playground: Playground, tmp_path: Path
):
    screenshot = tmp_path / "playground.png"
    smoke = await asyncio.create_subprocess_exec(
        "node",
        str(SMOKE),
        playground.url,
        str(screenshot),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,  # Chromium and its helpers in one group, ended on a timeout
    )
    try:
        async with asyncio.timeout(60):
            output, _ = await smoke.communicate()
    except TimeoutError:
        os.killpg(smoke.pid, signal.SIGKILL)
        await smoke.wait()
        raise
    assert smoke.returncode == 0, output.decode(errors="replace")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 10_000  # a rendered page, not an empty image
