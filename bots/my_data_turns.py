"""The user's own data (GDPR) for one user: the summary card, the JSON link, deleting it.

**How the JSON reaches the user.** The card's *Download everything (JSON)* button is an
Action.OpenUrl to `GET /api/mydata/{token}`, served by the bot itself: the token names the
user, is signed with HMAC-SHA256 and stops working after `LINK_MINUTES`. Why a link and not
a file in the chat: Teams lets a bot send a file in a personal chat only through the file
consent flow (`supportsFiles` in the manifest, a FileConsentCard the user accepts, then an
upload to *their* OneDrive and a FileInfoCard), which is not available in every client nor
in the Agents Playground, and an inline attachment of JSON is not shown by Teams at all. A
link opens in the browser on desktop, web and mobile alike, and the data is read at the
moment it is opened, from Table storage, by whichever instance serves it (they share the
signing secret: `WERKPLEK_LINK_SECRET`, or one random secret kept in storage).

The link is a bearer link for a quarter of an hour: it is shown only in the personal chat,
it is kept out of the access log (`PrivateAccessLogger`), and the answer is `no-store`.

**Deleting** asks first (Confirm / Keep). The Confirm carries a token signed for the user the
card was shown to: a confirm sent by anyone else, or altered, or too old, deletes nothing.
What is deleted is always the sender's own data (`ErasureService`).

**In the background.** Everything about one person is spread over every day partition (the
layout serves turns: one day, one person): reading it is a scan of the bookings table, and
erasing it a transaction per day. That does not fit a turn's 4 s storage budget, nor Teams'
wait for the bot's answer, once an organisation has a few years of data. So the turn answers
at once ("one moment") and the card follows in the same personal chat, sent with the chat's
reference read at the start (the profile is gone once erased). The work runs outside the
turn's budget, each request with the usual retry policy; the app waits for it on shutdown.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
from collections.abc import Callable, Coroutine
from datetime import date, datetime, timedelta
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from botbuilder.core import TurnContext
from botbuilder.schema import ConversationReference

from bots.adapter import WerkplekAdapter
from bots.identity import Identities
from bots.replies import Reply, to_activity
from bots.turns import Turn
from cards.my_data import delete_confirm_card, erased_card, link_problem_text, my_data_card
from storage.gdpr import TableGdprStore
from werkplek.commands import AskDeleteMyData, Command, DeleteMyData, KeepMyData, ShowMyData
from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.i18n import t
from werkplek.my_data import (
    CONFIRM_MINUTES,
    CONFIRM_PURPOSE,
    LINK_MINUTES,
    LINK_PURPOSE,
    ErasureService,
    LinkProblem,
    LinkSigner,
    Signed,
    document,
)
from werkplek.organisation import Organisation
from werkplek.reminders import ReminderKind, may_receive

log = logging.getLogger(__name__)

LINK_PATH = "/api/mydata/{token}"


class MyDataTurns:
    def __init__(
        self,
        org: Organisation,
        store: TableGdprStore,
        erasure: ErasureService,
        signer: LinkSigner,
        identities: Identities,
        public_url: str,
        clock: Callable[[], datetime],
        adapter: WerkplekAdapter,
        app_id: str,
    ) -> None:
        self.org = org
        self.store = store
        self.erasure = erasure
        self.signer = signer
        self.identities = identities
        self.public_url = public_url.rstrip("/")
        self.clock = clock
        self.adapter = adapter
        self.app_id = app_id
        self._work: set[asyncio.Task[None]] = set()

    @property
    def retention_months(self) -> int:
        return self.erasure.retention_months

    def link(self, user_key: str, language: str) -> str:
        expires = self.clock() + timedelta(minutes=LINK_MINUTES)
        token = self.signer.sign(LINK_PURPOSE, user_key, language, expires)
        return self.public_url + LINK_PATH.format(token=token)

    async def run(self, command: Command, turn: Turn) -> list[Reply]:
        key, lang = turn.person.key, turn.language
        match command:
            case ShowMyData():
                chat = await self.store.conversation(key)
                self._in_background(self._show(turn, chat))
                return [t(lang, "mydata.gathering")]
            case AskDeleteMyData():
                expires = self.clock() + timedelta(minutes=CONFIRM_MINUTES)
                token = self.signer.sign(CONFIRM_PURPOSE, key, lang, expires)
                return [delete_confirm_card(lang, token, self.retention_months)]
            case DeleteMyData():
                signed = self.signer.verify(command.token, CONFIRM_PURPOSE, self.clock())
                if not isinstance(signed, Signed) or signed.user_key != key:
                    return [t(lang, "error.stale_button")]  # nothing of anyone is deleted
                chat = await self.store.conversation(key)
                self._in_background(self._erase(turn, chat))
                return [t(lang, "erase.started")]
            case KeepMyData():
                return [t(lang, "erase.kept_reply")]
        raise TypeError(f"unknown command {command!r}")

    async def settled(self) -> None:
        """Wait until the work started so far is done (shutdown, tests)."""
        while self._work:
            await asyncio.gather(*self._work, return_exceptions=True)

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        # A fresh context: not the turn's storage budget (see the module's docstring).
        task = asyncio.get_running_loop().create_task(work, context=contextvars.Context())
        self._work.add(task)
        task.add_done_callback(self._work.discard)

    async def _show(self, turn: Turn, chat: dict[str, Any] | None) -> None:
        key, lang = turn.person.key, turn.language
        try:
            data = await self.store.everything(key)
        except (StorageUnavailable, ConcurrentChange) as exc:
            log.warning("my data: reading failed: %s", type(exc).__name__)
            await self._send(chat, t(lang, "mydata.failed"))
            return
        kinds = [k for k in ReminderKind if may_receive(self.org, k, data.email)]
        link = self.link(key, lang)
        card = my_data_card(self.org, data, lang, turn.today, kinds, link, LINK_MINUTES)
        await self._send(chat, card)

    async def _erase(self, turn: Turn, chat: dict[str, Any] | None) -> None:
        lang = turn.language
        try:
            report = await self.erasure.erase(turn.person, turn.today)
        except (StorageUnavailable, ConcurrentChange) as exc:
            log.warning("my data: erasure stopped: %s", type(exc).__name__)
            await self._send(chat, t(lang, "erase.failed"))
            return
        finally:
            self._forget(turn.person.key)
        await self._send(chat, erased_card(report, lang, turn.today, self.retention_months))

    async def _send(self, chat: dict[str, Any] | None, reply: Reply) -> None:
        """Into the personal chat the request came from (its reference, read beforehand)."""
        if chat is None:
            log.warning("my data: no personal chat to answer in")
            return
        reference = ConversationReference().deserialize(chat)

        async def deliver(turn_context: TurnContext) -> None:
            await turn_context.send_activity(to_activity(reply))

        try:
            await self.adapter.continue_conversation(reference, deliver, self.app_id)
        except Exception as exc:  # the connector is down: the user asks again
            log.warning("my data: answer not delivered: %s", type(exc).__name__)

    def _forget(self, key: str) -> None:
        """The next turn stores the profile afresh (and asks the roster for the e-mail)."""
        self.identities.forget(key)

    async def serve(self, request: web.Request) -> web.Response:
        """GET /api/mydata/{token}: the JSON document, for the user the token names."""
        now = self.clock()
        accept = request.headers.get("Accept-Language")
        signed = self.signer.verify(request.match_info.get("token", ""), LINK_PURPOSE, now)
        headers = {
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
        }
        if isinstance(signed, LinkProblem):
            status = 410 if signed is LinkProblem.EXPIRED else 404
            return web.Response(
                status=status, text=link_problem_text(accept, signed.value), headers=headers
            )
        try:
            data = await self.store.everything(signed.user_key)
        except StorageUnavailable:
            return web.Response(status=503, text=t(signed.language, "error.busy"), headers=headers)
        body = document(data, self.org, now, self.retention_months)
        day = now.astimezone(self.org.timezone).date()
        headers["Content-Disposition"] = f'attachment; filename="{_filename(day)}"'
        return web.json_response(body, headers=headers, dumps=_dumps)


def _filename(day: date) -> str:
    return f"werkplek-my-data-{day.isoformat()}.json"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_TOKEN_IN_PATH = re.compile(r"(/api/mydata/)[^/?#]+")


class PrivateAccessLogger(AbstractAccessLogger):
    """One line per request with no personal data: method, path, status, time.

    aiohttp's default line holds the client's address and browser, and the path, which
    for `/api/mydata/{token}` is a link that opens someone's data: neither belongs in a log.
    """

    def log(self, request, response, time: float) -> None:  # type: ignore[override]
        path = _TOKEN_IN_PATH.sub(r"\1…", request.path)
        self.logger.info("%s %s %s %.1f ms", request.method, path, response.status, time * 1000)
