"""POST /api/messages: check the request, authenticate it with the SDK, run the turn.

The SDK's own CloudAdapter.process answers malformed JSON and some bad tokens with
500; here every bad request gets a clear 4xx and the bot never sees it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import jwt
from aiohttp import web
from botbuilder.core import Bot, serializer_helper
from botbuilder.schema import Activity

from bots.adapter import WerkplekAdapter

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
    except (ValueError, UnicodeDecodeError):
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
    except (PermissionError, jwt.PyJWTError):
        log.info("refused an unauthenticated request")
        return _problem(401, "unauthorized")
    if response:
        if response.status == 501 or response.status >= 400:
            # An invoke the bot does not handle, or one the SDK found malformed: a clear 4xx.
            return _problem(400, "this invoke is not supported or its value is malformed")
        body = response.body
        if not isinstance(body, dict | list | str | int | float | None):
            body = serializer_helper(body)  # the SDK hands some bodies over already serialized
        return web.json_response(body, status=response.status)
    return web.Response(status=200)
