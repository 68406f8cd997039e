"""The Microsoft 365 Agents Playground (a local Teams client) as a test client.

`Playground.start(bot_endpoint)` runs the playground from the project's node_modules on a free
port, with the repository's mock tenant (.m365agentsplayground.yml), in its own process group.
`PlaygroundChat` drives a personal chat through the HTTP + websocket API the playground's web
page uses, so the bot receives exactly what the playground would send when a person types or
taps a button.

How a turn is followed without sleeping: the playground streams its traffic log on a websocket
(`/_ws/log/stream`). It logs each activity it posted to the bot once the bot has answered
(the end of the turn), and each message the bot posted to its connector, with the id under
which that message then appears on the chat websocket
(`/_ws_conversation/v1/conversations/stream`, `createMessage` events). Both are written before
the bot gets its HTTP answer, so when the end of a turn is logged, the bot's messages of that
turn are known, and the helper waits for exactly those.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from aiohttp import ClientSession, ClientWebSocketResponse, WSMsgType

from tests.support.azurite import free_port

ROOT = Path(__file__).resolve().parents[2]
AGENTS_PLAYGROUND = ROOT / "node_modules" / ".bin" / "agentsplayground"
MOCK_TENANT = ROOT / ".m365agentsplayground.yml"
_LISTENING = re.compile(rb"Listening on (\d+)")

# The playground's labels in its traffic log.
_PLAYGROUND = "Microsoft 365 Agents Playground"
_BOT = "User Application"


@dataclass
class Playground:
    process: asyncio.subprocess.Process
    port: int
    workdir: tempfile.TemporaryDirectory[str]
    output: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    async def start(cls, bot_endpoint: str, wait_seconds: float = 30) -> Playground:
        """Start it pointed at the bot; ready once it prints "Listening on <port>".

        It runs in a temporary directory (it writes devTools/m365agentsplayground.log where it
        runs) and reads the mock tenant from the repository. It listens on every interface:
        the playground has no option to bind to loopback only.
        """
        if not AGENTS_PLAYGROUND.exists():
            raise RuntimeError(f"{AGENTS_PLAYGROUND} is missing: run `make setup`")
        workdir = tempfile.TemporaryDirectory(prefix="werkplek-playground-")
        env = {
            **os.environ,
            "APPLICATION_INSIGHTS_NO_STATSBEAT": "true",
            "TEAMSAPPTESTER_BROWSER": "none",
            "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(MOCK_TENANT),
        }
        # the arguments of `make run`, on a free port
        process = await asyncio.create_subprocess_exec(
            str(AGENTS_PLAYGROUND),
            "--app-endpoint",
            bot_endpoint,
            "--channel-id",
            "msteams",
            "--port",
            str(free_port()),
            "--disable-telemetry",
            cwd=workdir.name,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() ends node and children
        )
        playground = cls(process, 0, workdir)
        try:
            async with asyncio.timeout(wait_seconds):
                while not playground.port:
                    line = await process.stdout.readline()
                    if not line:
                        await process.wait()
                        raise RuntimeError(
                            f"the Agents Playground exited with {process.returncode} before it"
                            f" listened (an invalid {MOCK_TENANT.name} makes it exit silently):"
                            f" {''.join(playground.output)}{playground._log_tail()}"
                        )
                    playground.output.append(line.decode(errors="replace"))
                    if match := _LISTENING.search(line):
                        playground.port = int(match.group(1))  # it moves on if the port is taken
        except BaseException:
            await playground.stop()
            raise
        asyncio.get_running_loop().create_task(_drain(process.stdout, playground.output))
        return playground

    async def stop(self) -> None:
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                async with asyncio.timeout(10):
                    await self.process.wait()
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                await self.process.wait()
        self.workdir.cleanup()

    def _log_tail(self) -> str:
        log = Path(self.workdir.name) / "devTools" / "m365agentsplayground.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""


async def _drain(stream: asyncio.StreamReader, into: list[str]) -> None:
    while line := await stream.readline():
        into.append(line.decode(errors="replace"))
        del into[:-200]


class PlaygroundChat:
    """One person's chat in the playground (by default An's personal chat from the mock tenant).

    Use as `async with PlaygroundChat(session, playground.url) as chat:`; both websockets are
    open before anything is sent, so no message of the bot is missed.
    """

    def __init__(
        self,
        session: ClientSession,
        base_url: str,
        conversation_id: str = "personal-chat-an",
        user_id: str = "user-id-an",
        timeout: float = 20,
    ) -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.conversation_id = conversation_id
        self.user_id = user_id
        self.timeout = timeout
        self.log: list[dict[str, Any]] = []  # the playground's traffic log, in order
        self.messages: dict[str, dict[str, Any]] = {}  # what the chat shows, by message id
        self._changed = asyncio.Condition()
        self._sockets: list[ClientWebSocketResponse] = []
        self._readers: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> Self:
        for path, handle in (
            ("/_ws/log/stream", self._on_log),
            ("/_ws_conversation/v1/conversations/stream", self._on_conversation),
        ):
            ws = await self.session.ws_connect(f"{self.base_url}{path}")
            self._sockets.append(ws)
            self._readers.append(asyncio.create_task(self._read(ws, handle)))
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for ws in self._sockets:
            await ws.close()
        for reader in self._readers:
            reader.cancel()
        await asyncio.gather(*self._readers, return_exceptions=True)

    # What a person does

    async def say(self, text: str) -> list[dict[str, Any]]:
        """Type a message in the chat; return the bot's messages in answer, in order."""
        start = len(self.log)
        await self._post(
            f"/_conversation/v1/conversations/{self.conversation_id}/messages",
            {"type": "text", "text": text, "textFormat": "plain", "from": {"id": self.user_id}},
        )
        return await self._answer(start, lambda sent: sent.get("text") == text)

    async def submit(self, value: dict[str, Any], reply_to: str) -> list[dict[str, Any]]:
        """Tap an Action.Submit button of the bot's message `reply_to` (its messageId).

        `value` is what the web page sends: the button's data (for a button without inputs,
        such as "Cancel this booking", exactly its data), with the card's inputs if it has any.
        """
        start = len(self.log)
        await self._post(
            "/_conversation/v1/submit",
            {
                "conversation": {"id": self.conversation_id},
                "from": {"id": self.user_id},
                "replyToId": reply_to,
                "value": value,
            },
        )
        return await self._answer(start, lambda sent: sent.get("value") == value)

    async def install(self) -> list[dict[str, Any]]:
        """Add the app to the chat, as Teams does: installationUpdate "add", then the bot added
        to the conversation (conversationUpdate). Returns the bot's messages to both."""
        replies: list[dict[str, Any]] = []
        for kind in ("install", "botAdded"):
            replies += await self.custom_activity(kind)
        return replies

    async def custom_activity(self, kind: str) -> list[dict[str, Any]]:
        """Send one of the playground's custom activity templates (install, botAdded, ...)."""
        async with self.session.get(
            f"{self.base_url}/_internal/v1/customActivities/template",
            params={"conversationId": self.conversation_id, "type": kind},
        ) as response:
            assert response.status == 200, f"template {kind}: {await response.text()}"
            activity = await response.json()
        start = len(self.log)
        await self._post("/_internal/v1/customActivities", activity)
        return await self._answer(start, lambda sent: sent.get("id") == activity["id"])

    # How

    async def _post(self, path: str, body: dict[str, Any]) -> None:
        async with self.session.post(f"{self.base_url}{path}", json=body) as response:
            assert response.status == 200, f"POST {path} answered {response.status}: " + (
                await response.text()
            )

    async def _answer(
        self, start: int, is_ours: Callable[[dict[str, Any]], bool]
    ) -> list[dict[str, Any]]:
        """Wait for the end of the turn of the activity that `is_ours`; then for the messages
        the bot posted during it to show in the chat."""
        try:
            async with asyncio.timeout(self.timeout), self._changed:
                return await self._answer_unbounded(start, is_ours)
        except TimeoutError:
            seen = [(e.get("from"), e.get("activityName"), e.get("displayText")) for e in self.log]
            raise AssertionError(
                f"no complete answer within {self.timeout}s; the playground logged {seen[start:]}"
            ) from None

    async def _answer_unbounded(
        self, start: int, is_ours: Callable[[dict[str, Any]], bool]
    ) -> list[dict[str, Any]]:
        """Called holding self._changed."""
        index, entry = await self._changed.wait_for(lambda: self._turn_end(start, is_ours))
        status = entry.get("response", {}).get("statusCode")
        assert status == 200, f"the bot answered {status} to {entry['request']['body']}"
        activity_id = entry["request"]["body"].get("id")
        ids = [
            sent["response"]["body"]["id"]
            for sent in self.log[start:index]
            if sent.get("from") == _BOT
            and sent.get("request", {}).get("body", {}).get("type") == "message"
            and sent["request"]["body"].get("replyToId") in (None, activity_id)
            and isinstance(sent.get("response", {}).get("body"), dict)
            and "id" in sent["response"]["body"]
        ]
        await self._changed.wait_for(lambda: all(i in self.messages for i in ids))
        return [self.messages[i] for i in ids]

    def _turn_end(
        self, start: int, is_ours: Callable[[dict[str, Any]], bool]
    ) -> tuple[int, dict[str, Any]] | None:
        for index in range(start, len(self.log)):
            entry = self.log[index]
            if entry.get("from") == _PLAYGROUND and entry.get("to") == _BOT:
                sent = entry.get("request", {}).get("body") or {}
                if sent.get("conversation", {}).get("id") == self.conversation_id and is_ours(sent):
                    return index, entry
        return None

    def _on_log(self, event: dict[str, Any]) -> None:
        if event.get("logAction") == "appendLog" and isinstance(event.get("log"), dict):
            self.log.append(event["log"])

    def _on_conversation(self, event: dict[str, Any]) -> None:
        if event.get("action") in ("createMessage", "updateMessage"):
            message = event.get("message") or {}
            if "messageId" in message:
                self.messages[message["messageId"]] = message

    async def _read(self, ws: ClientWebSocketResponse, handle: Callable[[dict], None]) -> None:
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            async with self._changed:
                handle(json.loads(frame.data))
                self._changed.notify_all()
