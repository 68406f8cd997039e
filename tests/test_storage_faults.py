"""Storage faults as Teams users live them: Table storage stopped, started again and frozen
under the running bot (the same aiohttp app, over HTTP, with Teams-shaped activities).

This module has its own Azurite, keeping its data on disk so that it can be stopped and
started again on the same port with the same data; the shared in-memory one of conftest.py is
never touched. Faults: an *outage* stops it (connections refused) until it is started again; a
*stall* freezes it (SIGSTOP: connections accepted, nothing answered), here at the moment a
transaction is on its way, so that its fate is unknown to the bot.

"Today" is Monday 23 November 2026: Thursday is the 26th, Friday the 27th. How long users
waited is recorded for the summary printed at the end of the module, never asserted.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from azure.data.tables.aio import TableClient

from app import REMINDERS, TABLES, remind_every_minute
from config import Settings
from storage import keys
from storage.tables import TURN_STORAGE_SECONDS, TableNames, Tables
from tests.conftest import BRUSSELS, start_bot
from tests.support.azurite import Azurite
from tests.support.teams import Reply, TeamsUser, only
from werkplek.errors import StorageUnavailable
from werkplek.i18n import t

THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
HALVES = ("am", "pm")
_prefixes = itertools.count(1)


@dataclass
class Tally:
    """What the module did to the storage, and what users lived through, for the summary."""

    refused: int = 0  # storage requests that got no answer
    busy: int = 0  # "try again in a minute" replies
    waits: list[tuple[str, float]] = field(default_factory=list)
    in_flight: list[str] = field(default_factory=list)  # fate of each stalled transaction


TALLY = Tally()


@pytest.fixture(scope="module")
async def storage(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> AsyncIterator[Azurite]:
    server = await Azurite.start(location=tmp_path_factory.mktemp("azurite"))
    yield server
    await server.stop()
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        waits = ", ".join(f"{label} {seconds:.2f} s" for label, seconds in TALLY.waits)
        with capture.global_and_fixture_disabled():
            reporter.write_line(
                f"\nstorage faults injected: {server.faults.outages} outages, "
                f"{server.faults.stalls} stalls; {TALLY.refused} storage requests unanswered; "
                f"{TALLY.busy} 'try again' replies; stalled transactions: "
                f"{', '.join(TALLY.in_flight) or 'none'}; waits (turn budget "
                f"{TURN_STORAGE_SECONDS} s): {waits}"
            )


@pytest.fixture(autouse=True)
async def storage_answers_again(storage: Azurite) -> AsyncIterator[None]:
    """Whatever a test did to the storage, the next one finds it answering."""
    yield
    if storage.running:
        storage.thaw()
    else:
        await storage.start_again()


@pytest.fixture
def settings(storage: Azurite) -> Settings:
    """This module's Azurite, and a fresh table prefix per test."""
    return Settings(
        storage_connection_string=storage.connection_string,
        table_prefix=f"f{next(_prefixes)}x{datetime.now().strftime('%H%M%S%f')}",
        reminders=False,  # the reminder test starts its runs itself
    )


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[TestServer]:
    server = await start_bot(settings)
    yield server
    TALLY.refused += server.app[TABLES].requests.failed
    await server.close()


@pytest.fixture
def person(user_on, bot: TestServer) -> Callable[..., TeamsUser]:
    def make(name: str, email: str, locale: str = "en-US") -> TeamsUser:
        return user_on(bot, name, email, locale)

    return make


@pytest.fixture
def an(person) -> TeamsUser:
    return person("An Peeters", "an@example.org")


# Werkplek's own loggers (the connector stand-in's access log runs in this process too).
OURS = ("werkplek", "bots", "storage", "cards", "jobs", "app")


@pytest.fixture
def no_personal_data_logged(caplog: pytest.LogCaptureFixture) -> Callable[..., None]:
    """Check that what Werkplek logged, at any level, names nobody."""
    caplog.set_level(logging.DEBUG)

    def check(*users: TeamsUser) -> None:
        words = {w for u in users for w in (u.member.name, u.member.email, u.aad_object_id)}
        logged = [
            (r.getMessage(), logging.Formatter().formatException(r.exc_info) if r.exc_info else "")
            for r in caplog.records
            if r.name.split(".")[0] in OURS
        ]
        assert logged, "the faults were logged"
        for message, trace in logged:
            for word in words:
                assert word not in message and word not in trace, message

    return check


# --- helpers ---------------------------------------------------------------------------------


async def says(user: TeamsUser, text: str, label: str) -> Reply:
    """One turn while the storage fails, its wait recorded for the summary. The turn must end
    while the storage is still down or frozen: the guard turns a turn that waits without
    bound (the SDK's defaults retry for many minutes) into a failure rather than a hang."""
    started = time.monotonic()
    async with asyncio.timeout(60):
        reply = only(await user.says(text))
    TALLY.waits.append((label, time.monotonic() - started))
    return reply


def assert_try_again(reply: Reply, language: str = "en") -> None:
    assert reply.text == t(language, "error.busy")
    TALLY.busy += 1


async def health(http: ClientSession, bot: TestServer) -> tuple[int, dict[str, Any]]:
    async with http.get(str(bot.make_url("/healthz"))) as response:
        return response.status, await response.json()


def tables_of(bot: TestServer) -> Tables:
    return bot.app[TABLES]


async def day_rows(storage: Azurite, settings: Settings, day: date) -> dict[str, dict[str, Any]]:
    """What the storage holds for `day`, read straight from Azurite: RowKey -> properties."""
    name = TableNames.with_prefix(settings.table_prefix).bookings
    async with TableClient.from_connection_string(storage.connection_string, name) as table:
        query = table.query_entities("PartitionKey eq @day", parameters={"day": day.isoformat()})
        return {e["RowKey"]: dict(e) async for e in query}


def assert_whole(rows: dict[str, dict[str, Any]]) -> None:
    """No seat without its person row and no person row's seat missing from its zone row;
    the same between telework half days and the team rows."""

    def loaded(value: Any) -> dict[str, str]:
        return json.loads(value) if value else {}

    people = {rk: r for rk, r in rows.items() if rk.startswith(keys.PERSON_PREFIX)}
    seats_of_people = {
        (
            half,
            keys.zone_row(r[f"{half}_zone"]),
            r[f"{half}_desk"],
            keys.unescape(rk[len(keys.PERSON_PREFIX) :]),
        )
        for rk, r in people.items()
        for half in HALVES
        if r.get(f"{half}_desk")
    }
    seats_of_zones = {
        (half, rk, desk, who)
        for rk, r in rows.items()
        if rk.startswith(keys.ZONE_PREFIX)
        for half in HALVES
        for desk, who in loaded(r.get(half)).items()
    }
    assert seats_of_people == seats_of_zones
    home_of_people = {
        (half, r["email"], r[f"{half}_home"])
        for r in people.values()
        for half in HALVES
        if r.get(f"{half}_home")
    }
    home_of_teams = {
        (half, email, status)
        for rk, r in rows.items()
        if rk.startswith(keys.TEAM_PREFIX)
        for half in HALVES
        for email, status in loaded(r.get(half)).items()
    }
    assert home_of_people == home_of_teams


def person_row(rows: dict[str, dict[str, Any]], user: TeamsUser) -> dict[str, Any]:
    return rows.get(keys.person_row(user.aad_object_id), {})


def stall_at_next_transaction(storage: Azurite, bot: TestServer) -> list[Any]:
    """Freeze the storage the moment the bot sends its next transaction: it is in flight."""
    seen: list[Any] = []

    def watch(request: Any) -> None:
        http_request = request.http_request
        if not seen and http_request.method == "POST" and http_request.url.endswith("/$batch"):
            storage.freeze()
            seen.append(http_request)

    tables_of(bot).requests.watchers.append(watch)
    return seen


# --- health ----------------------------------------------------------------------------------


async def test_health_is_ok_while_storage_answers(http, bot):
    status, body = await health(http, bot)
    assert status == 200
    assert body["status"] == "ok" and body["down"] == []


async def test_health_is_kept_a_moment_so_checks_do_not_hammer_storage(http, bot, storage):
    tables = tables_of(bot)
    tables.health_cache_seconds = 3600  # one probe, however many checks
    assert (await health(http, bot))[0] == 200
    probed = tables.requests.total
    for _ in range(5):
        assert (await health(http, bot))[0] == 200
    assert tables.requests.total == probed
    await storage.outage()
    assert (await health(http, bot))[0] == 200  # the kept answer
    tables.health_cache_seconds = 0
    status, body = await health(http, bot)
    assert status == 503 and body["down"] == ["table storage"]
    assert tables.requests.total > probed


# --- storage down, then back -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "thursday", "friday", "mine", "shown"),
    [
        (
            "en-US",
            "book a desk Thursday",
            "book a desk Friday",
            "my bookings",
            "Friday 27 November",
        ),
        (
            "nl-BE",
            "boek een bureau donderdag",
            "boek een bureau vrijdag",
            "mijn reservaties",
            "vrijdag 27 november",
        ),
        (
            "fr-BE",
            "réserve un bureau jeudi",
            "réserve un bureau vendredi",
            "mes réservations",
            "vendredi 27 novembre",
        ),
    ],
)
async def test_with_storage_down_users_hear_try_again_and_all_works_again_without_restart(
    person, http, bot, storage, no_personal_data_logged, locale, thursday, friday, mine, shown
):
    language = locale[:2]
    tables_of(bot).health_cache_seconds = 0
    an = person("An Peeters", "an@example.org", locale)
    newcomer = person("Bert Claes", "bert@example.org", locale)  # no profile read yet
    assert "1.01" in only(await an.says(thursday)).card_text

    await storage.outage()
    assert_try_again(await says(an, friday, f"book, storage down ({language})"), language)
    assert_try_again(await says(an, mine, f"my bookings, storage down ({language})"), language)
    assert_try_again(
        await says(newcomer, friday, f"first message, storage down ({language})"), language
    )
    status, body = await health(http, bot)
    assert status == 503
    assert body["status"] == "unavailable" and body["down"] == ["table storage"]

    await storage.start_again()  # the same Azurite: same port, same data; the bot runs on
    assert (await health(http, bot))[0] == 200
    listed = only(await an.says(mine)).card_text
    assert "1.01" in listed and shown not in listed
    assert shown in only(await an.says(friday)).card_text
    assert shown in only(await newcomer.says(friday)).card_text
    no_personal_data_logged(an, newcomer)


async def test_with_storage_hanging_users_hear_try_again_within_the_turn_budget(
    an, http, bot, storage, no_personal_data_logged
):
    await an.says("book a desk Thursday")
    storage.freeze()
    assert_try_again(await says(an, "my bookings", "my bookings, storage hanging"))
    tables_of(bot).health_cache_seconds = 0
    status, body = await health(http, bot)
    assert status == 503 and body["down"] == ["table storage"]
    storage.thaw()
    assert "Thursday 26 November" in only(await an.says("my bookings")).card_text
    assert (await health(http, bot))[0] == 200
    no_personal_data_logged(an)


async def test_a_turns_storage_requests_share_one_budget_and_none_goes_out_once_it_is_spent(
    an, bot, monkeypatch
):
    """How long the budget is, is measured above; that it holds every request of a turn is
    shown here without a clock: with no time left, the turn sends storage nothing."""
    await an.says("book a desk Thursday")
    requests = tables_of(bot).requests
    sent, failed = requests.total, requests.failed
    monkeypatch.setattr("bots.adapter.TURN_STORAGE_SECONDS", 0)
    assert_try_again(only(await an.says("my bookings")))
    assert requests.total - sent == requests.failed - failed > 0  # each try refused unsent
    monkeypatch.undo()
    assert "Thursday 26 November" in only(await an.says("my bookings")).card_text


# --- all or nothing --------------------------------------------------------------------------

FAULTS = ["storage down before", "storage stalls with the transaction in flight"]


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_booking_is_recorded_whole_or_not_at_all(person, bot, storage, settings, fault):
    an = person("An Peeters", "an@example.org")
    bert = person("Bert Claes", "bert@example.org")
    await an.says("book desk 2.01 on Friday")  # the zone row exists: Bert's booking replaces it
    await bert.says("help")  # Bert's profile is known: his booking turn goes to the day
    before = await day_rows(storage, settings, FRIDAY)

    if fault == FAULTS[0]:
        await storage.outage()
        assert_try_again(await says(bert, "book desk 2.04 on Friday", "book, storage down"))
        await storage.start_again()
    else:
        stalled = stall_at_next_transaction(storage, bot)
        assert_try_again(await says(bert, "book desk 2.04 on Friday", "book, transaction stalled"))
        assert stalled, "the transaction was on its way when the storage froze"
        storage.thaw()  # whatever it received meanwhile, it now handles or drops; a clean
        await storage.outage()  # stop and start makes sure all of that is over
        await storage.start_again()

    after = await day_rows(storage, settings, FRIDAY)
    assert_whole(after)
    booked = bool(person_row(after, bert))
    if fault == FAULTS[0]:
        assert after == before
    else:
        TALLY.in_flight.append("booking " + ("applied" if booked else "not applied"))
        assert booked or after == before
    listed = only(await bert.says("my bookings")).card_text
    assert ("2.04" in listed) == booked
    assert "2.01" in only(await an.says("my bookings")).card_text


@pytest.mark.parametrize("fault", FAULTS)
async def test_telework_that_replaces_a_desk_is_recorded_whole_or_not_at_all(
    an, bot, storage, settings, fault
):
    await an.says("book a desk Friday")
    before = await day_rows(storage, settings, FRIDAY)
    assert person_row(before, an)["am_desk"] == "1.01"

    if fault == FAULTS[0]:
        await storage.outage()
        assert_try_again(await says(an, "I work from home on Friday", "telework, storage down"))
        await storage.start_again()
    else:
        stalled = stall_at_next_transaction(storage, bot)
        assert_try_again(
            await says(an, "I work from home on Friday", "telework, transaction stalled")
        )
        assert stalled
        storage.thaw()
        await storage.outage()
        await storage.start_again()

    after = await day_rows(storage, settings, FRIDAY)
    assert_whole(after)  # person, zone and team rows moved together, or none did
    home = person_row(after, an).get("am_home") == "home"
    if fault == FAULTS[0]:
        assert after == before
    else:
        TALLY.in_flight.append("telework " + ("applied" if home else "not applied"))
        assert home or after == before
    assert ("Friday 27 November" in only(await an.says("my bookings")).card_text) != home
    month = only(await an.says("my telework this month")).card_text
    assert ("Friday 27 November" in month) == home


# --- reminders -------------------------------------------------------------------------------


class _Heard(logging.Handler):
    """Sets an event when a log message containing `words` is emitted."""

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words
        self.event = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.words in record.getMessage():
            self.event.set()


async def test_a_reminder_run_during_an_outage_fails_cleanly_and_the_next_one_sends(
    person, bot, storage, no_personal_data_logged
):
    bert = person("Bert Claes", "bert@example.org")
    await bert.says("book desk 2.03 on Friday")
    service = bot.app[REMINDERS]
    four = datetime(2026, 11, 26, 16, 0, tzinfo=BRUSSELS)  # the day before, at 16:00

    await storage.outage()
    with pytest.raises(StorageUnavailable):
        await service.run(four)
    # The in-process schedule logs the failed run and lives on until the next minute.
    heard = _Heard("reminder run failed: StorageUnavailable")
    logging.getLogger("werkplek").addHandler(heard)
    stop = asyncio.Event()
    try:
        schedule = asyncio.create_task(remind_every_minute(service, lambda: four, stop))
        await asyncio.wait_for(heard.event.wait(), timeout=60)
        assert not schedule.done(), "the schedule survived the failed run"
    finally:
        stop.set()
        logging.getLogger("werkplek").removeHandler(heard)
    await schedule  # ends cleanly when asked
    assert bert.unprompted() == []

    await storage.start_again()
    report = await service.run(four)  # catches up: the week plan of 14:00 and the day before
    cards = [r.card_text for r in bert.unprompted()]
    assert report.sent == len(cards) == 2
    assert any("Tomorrow you are at desk 2.03" in card for card in cards)
    assert (await service.run(four)).sent == 0  # and each once
    no_personal_data_logged(bert)
