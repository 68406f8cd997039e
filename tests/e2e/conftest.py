"""End-to-end fixtures: the bot (on Azurite, see tests/conftest.py) behind the Agents Playground."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession

from tests.support.playground import Playground, PlaygroundChat


@pytest.fixture
async def playground(bot_url: str) -> AsyncIterator[Playground]:
    """The playground on a free port, pointed at this test's bot (its own tables)."""
    server = await Playground.start(f"{bot_url}/api/messages")
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def chat(playground: Playground, http: ClientSession) -> AsyncIterator[PlaygroundChat]:
    """An Peeters' personal chat with the bot (current user of .m365agentsplayground.yml)."""
    async with PlaygroundChat(http, playground.url) as personal_chat:
        yield personal_chat
