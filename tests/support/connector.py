"""A local stand-in for the Bot Connector service, speaking its REST shapes (v3).

It records every activity the bot sends and answers roster look-ups, so tests
can read what a Teams user would have seen. Only the cloud service is stood in
for; the bot talks to it with the SDK's own ConnectorClient over HTTP.

It can also behave like Teams when things go wrong, for proactive sending:

- `fail_next(conversation, status, ...)` scripts transient failures (429, 5xx...);
- `block(conversation)` makes a conversation refuse messages, as Teams does when the user
  blocked or removed the bot (403 MessageWritesBlocked, or 404 ConversationNotFound);
- `ConnectorStandIn(limits=TeamsLimits.published())` enforces Teams' published rate limits
  (see teams_limits.py), answering 429 with Retry-After.

Run on its own for benchmarks (so it does not share the bot's event loop):

    python -m tests.support.connector --port 0 --global-per-second 30 [--no-limits]

It prints `listening on http://127.0.0.1:PORT` once ready and serves GET /_stats.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import signal
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.teams_limits import EPSILON, TeamsLimits

ANY = "*"
# The ErrorResponse code Teams gives with each status, when a test does not name one.
DEFAULT_CODES = {
    400: "BadArgument",
    401: "Unauthorized",
    403: "MessageWritesBlocked",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    413: "MessageSizeTooBig",
    429: "Throttled",
    500: "InternalServerError",
    502: "ServiceError",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


@dataclass
class Member:
    id: str
    name: str
    aad_object_id: str
    email: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
            "email": self.email,
            "userPrincipalName": self.email,
            "givenName": self.name.split(" ")[0],
            "userRole": "user",
        }


@dataclass
class Fault:
    """An answer the stand-in gives instead of accepting a message."""

    status: int
    code: str | None = None
    retry_after: float | None = None
    times: int = 1  # how many more POSTs it answers (fail_next); ignored by block
    message: str = "Scripted failure."

    def response(self) -> web.Response:
        return error_response(self.status, self.code, self.message, self.retry_after)


def error_response(
    status: int, code: str | None, message: str, retry_after: float | None = None
) -> web.Response:
    """A Bot Framework ErrorResponse, with Retry-After (seconds) when given."""
    headers = {} if retry_after is None else {"Retry-After": format_seconds(retry_after)}
    code = code or DEFAULT_CODES.get(status, "ServiceError")
    body = {"error": {"code": code, "message": message}}
    return web.json_response(body, status=status, headers=headers)


def format_seconds(seconds: float) -> str:
    """`2` for whole seconds, else a decimal such as `0.4`."""
    if seconds == int(seconds):
        return str(int(seconds))
    return f"{seconds:.6f}".rstrip("0")


def tenant_of(activity: dict[str, Any]) -> str:
    conversation = activity.get("conversation") or {}
    channel_data = activity.get("channelData") or {}
    return conversation.get("tenantId") or (channel_data.get("tenant") or {}).get("id") or ""


@dataclass
class ConnectorStandIn:
    members: dict[str, Member] = field(default_factory=dict)
    # What the bot sent, per conversation id, in order.
    sent: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    roster_lookups: int = 0
    # Client ports the bot's requests came from: one per TCP connection it opened.
    connections: set[int] = field(default_factory=set)
    # Teams' rate limits; None (the default) accepts everything.
    limits: TeamsLimits | None = None
    # Monotonic seconds, for the rate limits and /_stats; tests inject a fake clock.
    clock: Callable[[], float] = time.monotonic
    # Every POST of a message, accepted or not: (conversation id, status answered).
    attempts: list[tuple[str, int]] = field(default_factory=list)
    # 429s answered, whether by the rate limits or by fail_next.
    throttled: int = 0
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _faults: dict[str, deque[Fault]] = field(default_factory=lambda: defaultdict(deque))
    _blocked: dict[str, Fault] = field(default_factory=dict)
    _waiters: list[tuple[int, asyncio.Event]] = field(default_factory=list)
    # Accepted message POSTs: how many, the first and last arrival, the busiest second.
    _accepted: int = 0
    _first_sent: float | None = None
    _last_sent: float | None = None
    _last_second: deque[float] = field(default_factory=deque)
    _max_in_any_second: int = 0

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._note_connection])
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._send)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._send)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._update)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        app.router.add_get("/_stats", self._stats)
        return app

    @web.middleware
    async def _note_connection(self, request: web.Request, handler):
        peer = request.transport.get_extra_info("peername") if request.transport else None
        if peer:
            self.connections.add(peer[1])
        return await handler(request)

    def replies_to(self, activity_id: str) -> list[dict[str, Any]]:
        return [a for acts in self.sent.values() for a in acts if a.get("replyToId") == activity_id]

    # -- scripting faults ---------------------------------------------------------------

    def fail_next(
        self,
        conversation_id: str,
        status: int,
        times: int = 1,
        retry_after: float | None = None,
        code: str | None = None,
    ) -> None:
        """The next `times` message POSTs to the conversation ("*": any) answer `status`.

        Faults scripted for one conversation queue up in order, and are used before "*" ones.
        """
        if times > 0:
            self._faults[conversation_id].append(Fault(status, code, retry_after, times))

    def block(self, conversation_id: str, status: int = 403, code: str | None = None) -> None:
        """Refuse messages and updates to the conversation ("*": any) until `unblock`.

        403 MessageWritesBlocked (the default code for 403): the user blocked or uninstalled
        the bot; 404 ConversationNotFound (the default code for 404): the conversation is gone.
        """
        message = "The bot cannot post to this conversation: blocked, removed or gone."
        self._blocked[conversation_id] = Fault(status, code, message=message)

    def unblock(self, conversation_id: str) -> None:
        self._blocked.pop(conversation_id, None)

    def _scripted_fault(self, conversation_id: str) -> Fault | None:
        blocked = self._blocked.get(conversation_id) or self._blocked.get(ANY)
        if blocked:
            return blocked
        for key in (conversation_id, ANY):
            queue = self._faults.get(key)
            if queue:
                fault = queue[0]
                fault.times -= 1
                if fault.times <= 0:
                    queue.popleft()
                return fault
        return None

    # -- waiting ------------------------------------------------------------------------

    def sent_count(self) -> int:
        """How many activities (messages and updates) are recorded in `sent`."""
        return sum(len(activities) for activities in self.sent.values())

    async def wait_for_sent(self, count: int, timeout: float = 10) -> None:  # noqa: ASYNC109
        """Return once `sent` holds at least `count` activities in all; else TimeoutError."""
        if self.sent_count() >= count:
            return
        arrived = asyncio.Event()
        waiter = (count, arrived)
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                await arrived.wait()
        except TimeoutError:
            raise TimeoutError(self._shortfall(count, timeout)) from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def _shortfall(self, count: int, timeout: float) -> str:
        per_conversation = {c: len(a) for c, a in self.sent.items() if a}
        refused = Counter(status for _, status in self.attempts if status >= 300)
        return (
            f"waited {timeout} s for {count} sent activities, got {self.sent_count()}: "
            f"{per_conversation or 'nothing sent'}; refused attempts by status: "
            f"{dict(refused) or 'none'}"
        )

    def _record(self, conversation_id: str, activity: dict[str, Any]) -> None:
        self.sent[conversation_id].append(activity)
        if self._waiters:
            total = self.sent_count()
            for waiter in [w for w in self._waiters if w[0] <= total]:
                self._waiters.remove(waiter)
                waiter[1].set()

    # -- the REST API -------------------------------------------------------------------

    async def _send(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation"]
        activity = await request.json()
        fault = self._scripted_fault(conversation_id)
        if fault:
            return self._refuse(conversation_id, fault.response())
        now = self.clock()
        if self.limits is not None:
            wait = self.limits.try_send(conversation_id, tenant_of(activity), now)
            if wait is not None:
                message = "Too many requests: the bot exceeded Teams' rate limits."
                return self._refuse(conversation_id, error_response(429, None, message, wait))
        self.attempts.append((conversation_id, 200))
        self._note_accepted(now)
        activity.setdefault("replyToId", request.match_info.get("reply_to"))
        activity["id"] = f"sent-{next(self._ids)}"
        self._record(conversation_id, activity)
        return web.json_response({"id": activity["id"]})

    def _refuse(self, conversation_id: str, response: web.Response) -> web.Response:
        self.attempts.append((conversation_id, response.status))
        if response.status == 429:
            self.throttled += 1
        return response

    def _note_accepted(self, now: float) -> None:
        self._accepted += 1
        if self._first_sent is None:
            self._first_sent = now
        self._last_sent = now
        while self._last_second and self._last_second[0] <= now - 1 + EPSILON:
            self._last_second.popleft()
        self._last_second.append(now)
        self._max_in_any_second = max(self._max_in_any_second, len(self._last_second))

    async def _update(self, request: web.Request) -> web.Response:
        conversation_id = request.match_info["conversation"]
        activity = await request.json()
        blocked = self._blocked.get(conversation_id) or self._blocked.get(ANY)
        if blocked:
            return blocked.response()
        activity["updates"] = request.match_info["activity"]
        self._record(conversation_id, activity)
        return web.json_response({"id": request.match_info["activity"]})

    async def _member(self, request: web.Request) -> web.Response:
        self.roster_lookups += 1
        member = self.members.get(request.match_info["member"])
        if member is None:
            return web.json_response(
                {"error": {"code": "MemberNotFoundInConversation", "message": "not found"}},
                status=404,
            )
        return web.json_response(member.as_json())

    async def _members(self, request: web.Request) -> web.Response:
        return web.json_response([m.as_json() for m in self.members.values()])

    def stats(self) -> dict[str, Any]:
        """Accepted message POSTs (`sent`), 429s, attempts, and the busiest 1 s window."""
        return {
            "sent": self._accepted,
            "throttled": self.throttled,
            "attempts": len(self.attempts),
            "first_sent": self._first_sent,
            "last_sent": self._last_sent,
            "max_in_any_second": self._max_in_any_second,
        }

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.stats())


async def serve(standin: ConnectorStandIn, host: str, port: int) -> None:
    """Serve until SIGINT or SIGTERM, announcing the address once ready."""
    runner = web.AppRunner(standin.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1]
    print(f"listening on http://{host}:{bound}", flush=True)  # noqa: T201
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--global-per-second", type=int, default=30)
    parser.add_argument("--no-limits", action="store_true", help="accept every message")
    args = parser.parse_args(argv)
    limits = None if args.no_limits else TeamsLimits.published(args.global_per_second)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(ConnectorStandIn(limits=limits), args.host, args.port))


if __name__ == "__main__":
    main()
