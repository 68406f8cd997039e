"""Fixtures: Azurite, the Bot Connector stand-in, and the running bot, all over real HTTP."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from app import create_app
from config import Settings
from tests.support.azurite import Azurite
from tests.support.connector import ConnectorStandIn
from tests.support.teams import TeamsUser
from werkplek.organisation import Organisation

BRUSSELS = ZoneInfo("Europe/Brussels")
# The tests' "now": Monday 23 November 2026, 09:00 in Brussels. Thursday is the 26th.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=BRUSSELS)
_prefixes = itertools.count(1)


@pytest.fixture(scope="session")
async def azurite() -> AsyncIterator[Azurite]:
    server = await Azurite.start()
    yield server
    await server.stop()


@pytest.fixture
async def connector() -> AsyncIterator[tuple[ConnectorStandIn, str]]:
    standin = ConnectorStandIn()
    server = TestServer(standin.app(), host="127.0.0.1")
    await server.start_server()
    yield standin, str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
def settings(azurite: Azurite) -> Settings:
    """Settings for one test: its own tables (a fresh prefix) in the shared Azurite."""
    return Settings(
        storage_connection_string=azurite.connection_string,
        table_prefix=f"t{next(_prefixes)}x{datetime.now().strftime('%H%M%S%f')}",
        reminders=False,  # runs are started by the reminder tests themselves
    )


async def start_bot(
    settings: Settings, now: datetime = NOW, organisation: Organisation | None = None
) -> TestServer:
    app = create_app(settings, clock=lambda: now, organisation=organisation)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


@pytest.fixture
async def bot_url(settings: Settings) -> AsyncIterator[str]:
    server = await start_bot(settings)
    yield str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
async def http() -> AsyncIterator[ClientSession]:
    async with ClientSession() as session:
        yield session


def url_of(server: TestServer) -> str:
    return str(server.make_url("")).rstrip("/")


@pytest.fixture
def user_on(
    http: ClientSession, connector: tuple[ConnectorStandIn, str]
) -> Callable[..., TeamsUser]:
    """A Teams user chatting with the bot that `server` serves."""
    standin, connector_url = connector

    def make(server: TestServer, name: str, email: str, locale: str = "en-US") -> TeamsUser:
        return TeamsUser(http, url_of(server), standin, connector_url, name, email, locale)

    return make


@pytest.fixture
def make_user(
    http: ClientSession, bot_url: str, connector: tuple[ConnectorStandIn, str]
) -> Callable[..., TeamsUser]:
    standin, connector_url = connector

    def make(name: str = "An Peeters", email: str = "an@example.org", locale: str = "en-US"):
        return TeamsUser(http, bot_url, standin, connector_url, name, email, locale)

    return make
