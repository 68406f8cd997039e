"""POST /api/messages: check the request, authenticate it with the SDK, run the turn.

The SDK's own CloudAdapter.process answers malformed JSON and many bad tokens with
500; here every bad request gets a clear 4xx and the bot never sees it: 401 for a token
the SDK's validation refuses (bots/auth.py makes every refusal an `Unauthenticated`), 403
for an activity from a tenant that is not allowed.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, serializer_helper
from botbuilder.schema import Activity

from bots.adapter import WerkplekAdapter
from bots.auth import TenantNotAllowed, Unauthenticated

log = logging.getLogger(__name__)


def _problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _shape_problem(body: Any) -> str | None:
    """What is wrong with the activity's shape, or None. Only what the SDK relies on."""
    if not isinstance(body, dict):
        return "the body must be a JSON object (an activity)"
    if not isinstance(body.get("type"), str) or not body["type"]:
        return "type is required"
    for name in ("conversation", "from"):
        if not isinstance(body.get(name), dict) or not isinstance(body[name].get("id"), str):
            return f"{name}.id is required"
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not service_url.startswith(("http://", "https://")):
        return "serviceUrl must be an http(s) URL"
    for name in ("text", "locale", "id", "channelId"):
        if body.get(name) is not None and not isinstance(body[name], str):
            return f"{name} must be a string"
    return _identity_problem(body)


# Teams' ids are short ASCII; a user id becomes a Table key (at most 512 UTF-16 units, and
# escaping may triple it), the conversation id an HTTP header of every reply.
_CONVERSATION_ID = re.compile(r"^[\x21-\x7e]{1,512}$")
_MAX_USER_ID = 160
_MAX_NAME = 256
_MAX_LOCALE = 64


def _identity_problem(body: dict[str, Any]) -> str | None:
    """Ids and names the bot stores or replies to, which Teams keeps short and plain."""
    if not _CONVERSATION_ID.match(body["conversation"]["id"]):
        return "conversation.id must be 1 to 512 visible ASCII characters"
    sender = body["from"]
    for name in ("id", "aadObjectId"):
        value = sender.get(name)
        if (name == "id" or value is not None) and (
            not isinstance(value, str) or not value.strip() or len(value) > _MAX_USER_ID
        ):
            return f"from.{name} must be a text of 1 to {_MAX_USER_ID} characters"
    if sender.get("name") is not None and (
        not isinstance(sender["name"], str) or len(sender["name"]) > _MAX_NAME
    ):
        return f"from.name must be a text of at most {_MAX_NAME} characters"
    if len(body.get("locale") or "") > _MAX_LOCALE:
        return f"locale must be at most {_MAX_LOCALE} characters"
    if body.get("channelData") is not None and not isinstance(body["channelData"], dict):
        return "channelData must be a JSON object"
    for name in ("membersAdded", "membersRemoved"):
        members = body.get(name)
        if members is not None and (
            not isinstance(members, list)
            or not all(isinstance(m, dict) and isinstance(m.get("id"), str) for m in members)
        ):
            return f"{name} must be a list of accounts with an id"
    return None


async def handle_messages(
    request: web.Request, adapter: WerkplekAdapter, bot: Bot
) -> web.StreamResponse:
    if request.content_type != "application/json":
        return _problem(415, "Content-Type must be application/json")
    try:
        body = json.loads(await request.read())
    except web.HTTPRequestEntityTooLarge:
        return _problem(413, "the activity is too large")
    except (ValueError, UnicodeDecodeError, RecursionError):  # too deeply nested: Recursion
        return _problem(400, "the body is not valid JSON")
    problem = _shape_problem(body)
    if problem:
        return _problem(400, problem)
    try:
        activity = Activity().deserialize(body)
    except Exception:  # msrest raises several types for odd fields
        return _problem(400, "the body is not a valid activity")
    auth_header = request.headers.get("Authorization", "")
    try:
        response = await adapter.process_activity(auth_header, activity, bot.on_turn)
    except Unauthenticated as exc:
        log.info("refused an unauthenticated request: %s", exc.reason)
        refused = _problem(401, "unauthorized")
        refused.headers["WWW-Authenticate"] = "Bearer"  # RFC 6750
        return refused
    except TenantNotAllowed as exc:
        log.info("refused an activity from tenant %r: not allowed", exc.tenant[:64])
        return _problem(403, "this tenant may not use this bot")
    if response:
        if response.status == 501 or response.status >= 400:
            # An invoke the bot does not handle, or one the SDK found malformed: a clear 4xx.
            return _problem(400, "this invoke is not supported or its value is malformed")
        body = response.body
        if not isinstance(body, dict | list | str | int | float | None):
            body = serializer_helper(body)  # the SDK hands some bodies over already serialized
        return web.json_response(body, status=response.status)
    return web.Response(status=200)
