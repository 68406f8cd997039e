"""The Bot Connector stand-in behaves like Teams for proactive sending: faults, blocks, limits.

Everything goes over real HTTP. The rate limits run on a fake clock the tests move by hand,
so "within one second" means exactly that, however slow the machine.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from tests.support.connector import ConnectorStandIn
from tests.support.teams_limits import TeamsLimits

ROOT = Path(__file__).resolve().parent.parent
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Connector:
    """A served stand-in, and a client posting to it as the bot's ConnectorClient would."""

    def __init__(self, standin: ConnectorStandIn, url: str, http: ClientSession) -> None:
        self.standin = standin
        self.url = url
        self.http = http

    async def send(
        self, conversation: str, text: str = "hello", tenant: str = TENANT
    ) -> tuple[int, str | None, dict[str, Any]]:
        """POST a message; the status, the Retry-After header and the JSON body."""
        activity = {
            "type": "message",
            "text": text,
            "conversation": {"id": conversation, "tenantId": tenant},
        }
        url = f"{self.url}/v3/conversations/{conversation}/activities"
        async with self.http.post(url, json=activity) as response:
            return response.status, response.headers.get("Retry-After"), await response.json()

    async def reply(self, conversation: str, reply_to: str) -> int:
        url = f"{self.url}/v3/conversations/{conversation}/activities/{reply_to}"
        async with self.http.post(url, json={"type": "message", "text": "re"}) as response:
            return response.status

    async def update(self, conversation: str, activity_id: str) -> int:
        url = f"{self.url}/v3/conversations/{conversation}/activities/{activity_id}"
        async with self.http.put(url, json={"type": "message", "text": "edited"}) as response:
            return response.status

    async def roster(self, conversation: str) -> int:
        async with self.http.get(f"{self.url}/v3/conversations/{conversation}/members") as r:
            return r.status

    async def statuses(self, conversation: str, count: int) -> list[int]:
        return [(await self.send(conversation))[0] for _ in range(count)]


@asynccontextmanager
async def served(standin: ConnectorStandIn) -> AsyncIterator[Connector]:
    server = TestServer(standin.app(), host="127.0.0.1")
    await server.start_server()
    try:
        async with ClientSession() as http:
            yield Connector(standin, str(server.make_url("")).rstrip("/"), http)
    finally:
        await server.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def plain() -> AsyncIterator[Connector]:
    """The stand-in as the other tests use it: no limits."""
    async with served(ConnectorStandIn()) as connector:
        yield connector


@pytest.fixture
async def limited(clock: FakeClock) -> AsyncIterator[Connector]:
    """Teams' published limits, 30 per second per tenant, on the fake clock."""
    standin = ConnectorStandIn(limits=TeamsLimits.published(global_per_second=30), clock=clock)
    async with served(standin) as connector:
        yield connector


def texts(standin: ConnectorStandIn, conversation: str) -> list[str]:
    return [a["text"] for a in standin.sent[conversation]]


# -- scripted faults -----------------------------------------------------------------------


async def test_a_scripted_429_answers_retry_after_and_an_error_body_then_the_retry_succeeds(
    plain: Connector,
):
    plain.standin.fail_next("a:an", 429, retry_after=1.5)

    status, retry_after, body = await plain.send("a:an", "first try")
    assert (status, retry_after) == (429, "1.5")
    assert body["error"]["code"] == "Throttled" and body["error"]["message"]
    assert plain.standin.sent_count() == 0

    status, _, body = await plain.send("a:an", "second try")
    assert status == 200 and body["id"]
    assert texts(plain.standin, "a:an") == ["second try"]
    assert plain.standin.attempts == [("a:an", 429), ("a:an", 200)]
    assert plain.standin.throttled == 1


async def test_fail_next_answers_the_given_number_of_times_then_accepts(plain: Connector):
    plain.standin.fail_next("a:an", 503, times=2, code="ServiceBusy")

    first, second, third = [await plain.send("a:an") for _ in range(3)]

    assert first[0] == second[0] == 503
    assert first[1] is None  # no Retry-After unless asked for
    assert first[2] == {"error": {"code": "ServiceBusy", "message": first[2]["error"]["message"]}}
    assert third[0] == 200
    assert [status for _, status in plain.standin.attempts] == [503, 503, 200]
    assert plain.standin.throttled == 0


async def test_a_star_fault_hits_whichever_conversation_posts_next(plain: Connector):
    plain.standin.fail_next("*", 502, times=2, retry_after=2.0)

    answers = [await plain.send(c) for c in ("a:an", "a:bert", "a:chloe")]

    assert [(status, retry) for status, retry, _ in answers] == [
        (502, "2"),  # whole seconds are written as an integer
        (502, "2"),
        (200, None),
    ]
    assert answers[0][2]["error"]["code"] == "ServiceError"
    assert list(plain.standin.sent) == ["a:chloe"]


async def test_a_fault_for_another_conversation_leaves_this_one_alone(plain: Connector):
    plain.standin.fail_next("a:bert", 500)

    assert (await plain.send("a:an"))[0] == 200
    assert (await plain.send("a:bert"))[0] == 500


async def test_a_blocked_conversation_refuses_every_message_until_unblocked(plain: Connector):
    plain.standin.block("a:an")

    refusals = [await plain.send("a:an") for _ in range(3)]
    assert {(status, body["error"]["code"]) for status, _, body in refusals} == {
        (403, "MessageWritesBlocked")
    }
    assert await plain.update("a:an", "sent-1") == 403
    assert (await plain.send("a:bert"))[0] == 200  # others are not blocked
    assert "a:an" not in plain.standin.sent

    plain.standin.unblock("a:an")
    assert (await plain.send("a:an", "after unblock"))[0] == 200
    assert texts(plain.standin, "a:an") == ["after unblock"]
    assert [s for c, s in plain.standin.attempts if c == "a:an"] == [403, 403, 403, 200]


async def test_a_conversation_that_is_gone_answers_404_conversation_not_found(plain: Connector):
    plain.standin.block("a:gone", status=404, code="ConversationNotFound")

    status, _, body = await plain.send("a:gone")

    assert status == 404 and body["error"]["code"] == "ConversationNotFound"


async def test_without_faults_or_limits_every_message_is_accepted(plain: Connector):
    assert await plain.statuses("a:an", 50) == [200] * 50
    assert await plain.reply("a:an", "act-1") == 200
    assert plain.standin.sent_count() == 51
    assert plain.standin.throttled == 0


# -- Teams' published rate limits ----------------------------------------------------------


async def test_the_eighth_message_in_one_second_is_refused_until_its_retry_after(
    limited: Connector, clock: FakeClock
):
    for _ in range(7):
        assert (await limited.send("a:an"))[0] == 200
        clock.advance(0.1)
    clock.advance(-0.05)  # the 8th arrives 0.65 s after the first

    status, retry_after, body = await limited.send("a:an", "eighth")
    assert (status, retry_after) == (429, "0.4")  # 0.35 s until the first leaves, rounded up
    assert body["error"]["code"] == "Throttled"
    assert "eighth" not in texts(limited.standin, "a:an")

    clock.advance(float(retry_after))
    assert (await limited.send("a:an", "eighth"))[0] == 200
    assert texts(limited.standin, "a:an")[-1] == "eighth"
    assert limited.standin.throttled == 1


async def test_a_burst_is_refused_until_exactly_one_second_after_it(
    limited: Connector, clock: FakeClock
):
    assert await limited.statuses("a:an", 7) == [200] * 7

    assert (await limited.send("a:an"))[:2] == (429, "1")
    clock.advance(0.9)
    assert (await limited.send("a:an"))[:2] == (429, "0.1")  # at least 0.1
    clock.advance(0.1)
    assert (await limited.send("a:an"))[0] == 200


async def test_the_limits_count_each_conversation_separately(limited: Connector):
    assert await limited.statuses("a:an", 7) == [200] * 7
    assert await limited.statuses("a:bert", 7) == [200] * 7
    assert (await limited.send("a:an"))[0] == 429
    assert (await limited.send("a:bert"))[0] == 429


async def test_replies_count_like_messages(limited: Connector):
    assert await limited.statuses("a:an", 6) == [200] * 6
    assert await limited.reply("a:an", "act-1") == 200
    assert await limited.reply("a:an", "act-2") == 429


async def test_the_ninth_message_in_two_seconds_is_refused_though_each_second_has_room(
    limited: Connector, clock: FakeClock
):
    assert await limited.statuses("a:an", 7) == [200] * 7
    clock.advance(1.0)
    assert (await limited.send("a:an"))[0] == 200  # 1 in the last second, 8 in two

    status, retry_after, _ = await limited.send("a:an")
    assert (status, retry_after) == (429, "1")  # the burst leaves the 2 s window in 1 s

    clock.advance(1.0)
    assert (await limited.send("a:an"))[0] == 200


async def test_the_61st_message_in_thirty_seconds_is_refused_until_the_first_is_30_s_old(
    limited: Connector, clock: FakeClock
):
    for _ in range(60):  # one every 0.4 s: never more than 3 a second or 5 in two
        assert (await limited.send("a:an"))[0] == 200
        clock.advance(0.4)

    status, retry_after, _ = await limited.send("a:an")
    assert (status, retry_after) == (429, "6")  # the first was sent 24 s ago

    clock.advance(5.9)
    assert (await limited.send("a:an"))[:2] == (429, "0.1")
    clock.advance(0.1)
    assert (await limited.send("a:an"))[0] == 200
    assert len(limited.standin.sent["a:an"]) == 61


async def test_the_1801st_message_in_an_hour_is_refused(limited: Connector, clock: FakeClock):
    for _ in range(1800):  # one every 0.6 s: 50 per 30 s
        assert (await limited.send("a:an"))[0] == 200
        clock.advance(0.6)

    status, retry_after, _ = await limited.send("a:an")
    assert (status, retry_after) == (429, "2520")  # 3600 s after the first, sent 1080 s ago

    clock.advance(2520)
    assert (await limited.send("a:an"))[0] == 200


async def test_the_31st_send_in_one_second_is_refused_across_conversations_of_a_tenant(
    limited: Connector, clock: FakeClock
):
    for i in range(30):
        assert (await limited.send(f"a:user{i}"))[0] == 200
        clock.advance(0.03)

    status, retry_after, body = await limited.send("a:user30")
    assert (status, retry_after) == (429, "0.1")  # the first is 0.9 s old
    assert body["error"]["code"] == "Throttled"
    assert (await limited.send("a:guest", tenant="another-tenant"))[0] == 200

    clock.advance(0.1)
    assert (await limited.send("a:user30"))[0] == 200
    assert limited.standin.throttled == 1


async def test_the_global_rate_is_configurable(clock: FakeClock):
    standin = ConnectorStandIn(limits=TeamsLimits.published(global_per_second=5), clock=clock)
    async with served(standin) as connector:
        assert [(await connector.send(f"a:user{i}"))[0] for i in range(6)] == [200] * 5 + [429]


async def test_refused_sends_use_up_no_room_in_the_windows(limited: Connector, clock: FakeClock):
    assert await limited.statuses("a:an", 7) == [200] * 7
    assert await limited.statuses("a:an", 20) == [429] * 20
    clock.advance(1.0)
    assert await limited.statuses("a:an", 1) == [200]  # 8 per 2 s: the 20 refusals don't count
    assert limited.standin.throttled == 20


async def test_roster_reads_and_updates_do_not_count_against_the_limits(
    limited: Connector, clock: FakeClock
):
    for _ in range(10):
        assert await limited.update("a:an", "sent-1") == 200
        assert await limited.roster("a:an") == 200
    assert await limited.statuses("a:an", 7) == [200] * 7
    assert await limited.update("a:an", "sent-1") == 200  # while messages are refused
    assert (await limited.send("a:an"))[0] == 429


async def test_a_scripted_fault_comes_before_the_limits_and_uses_up_no_room(
    limited: Connector,
):
    limited.standin.fail_next("a:an", 502)
    assert await limited.statuses("a:an", 8) == [502] + [200] * 7
    assert (await limited.send("a:an"))[0] == 429


# -- waiting for what the bot sends --------------------------------------------------------


async def test_wait_for_sent_wakes_as_soon_as_the_count_is_reached(plain: Connector):
    waiter = asyncio.create_task(plain.standin.wait_for_sent(2, timeout=5))

    await plain.send("a:an")
    assert not waiter.done()
    await plain.send("a:bert")
    # The stand-in woke the waiter before answering; no timer had to fire.
    assert waiter.done()
    await waiter


async def test_wait_for_sent_counts_updates_but_not_refused_sends(plain: Connector):
    plain.standin.fail_next("a:an", 429)
    waiter = asyncio.create_task(plain.standin.wait_for_sent(2, timeout=5))

    await plain.send("a:an")
    await plain.send("a:an")
    assert not waiter.done()
    await plain.update("a:an", "sent-1")
    assert waiter.done()
    await waiter


async def test_wait_for_sent_returns_at_once_when_enough_is_already_sent(plain: Connector):
    await plain.send("a:an")
    await asyncio.wait_for(plain.standin.wait_for_sent(1, timeout=5), timeout=0.5)


async def test_wait_for_sent_times_out_saying_what_did_arrive(plain: Connector):
    plain.standin.fail_next("a:bert", 403)
    await plain.send("a:an")
    await plain.send("a:bert")

    with pytest.raises(TimeoutError) as raised:
        await plain.standin.wait_for_sent(3, timeout=0.05)

    message = str(raised.value)
    assert "3 sent activities, got 1" in message
    assert "'a:an': 1" in message and "403" in message
    assert plain.standin._waiters == []


# -- standalone, for benchmarks ------------------------------------------------------------


@asynccontextmanager
async def standalone(*args: str) -> AsyncIterator[str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.support.connector",
        "--port",
        "0",
        *args,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
        assert line.startswith("listening on http://127.0.0.1:"), line
        yield line.removeprefix("listening on ").strip()
    finally:
        process.terminate()
        assert await asyncio.wait_for(process.wait(), timeout=10) == 0


async def burst(url: str, conversations: Callable[[int], str], count: int) -> dict[str, Any]:
    async with ClientSession() as http:
        connector = Connector(ConnectorStandIn(), url, http)
        answers = await asyncio.gather(*(connector.send(conversations(i)) for i in range(count)))
        async with http.get(f"{url}/_stats") as response:
            stats = await response.json()
        stats["statuses"] = sorted(status for status, _, _ in answers)
        return stats


async def test_standalone_accepts_any_conversation_and_reports_stats_without_limits():
    async with standalone("--no-limits") as url:
        stats = await burst(url, lambda i: "a:one", 40)
        async with ClientSession() as http, http.get(f"{url}/v3/conversations/x/members") as r:
            assert (r.status, await r.json()) == (200, [])

    assert stats["statuses"] == [200] * 40
    assert (stats["sent"], stats["throttled"], stats["attempts"]) == (40, 0, 40)
    assert stats["first_sent"] <= stats["last_sent"]
    assert 1 <= stats["max_in_any_second"] <= 40


async def test_standalone_holds_the_global_rate_and_reports_it():
    async with standalone("--global-per-second", "30") as url:
        stats = await burst(url, lambda i: f"a:user{i}", 45)

    assert stats["attempts"] == 45
    assert stats["sent"] + stats["throttled"] == 45
    assert stats["statuses"].count(200) == stats["sent"]
    assert stats["max_in_any_second"] <= 30
    if stats["last_sent"] - stats["first_sent"] < 0.5:  # a burst, as on any sane machine
        assert stats["sent"] == 30
