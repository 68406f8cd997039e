"""Teams-shaped activities, as Microsoft Teams posts them to a bot in a personal chat."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import ClientSession

from tests.support.connector import ConnectorStandIn, Member

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT_ID = "28:werkplek-bot"
_ids = itertools.count(1)


@dataclass
class Reply:
    """One message the bot sent, as the user would read it."""

    activity: dict[str, Any]

    @property
    def text(self) -> str:
        return self.activity.get("text") or ""

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.activity.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return attachment["content"]
        return None

    @property
    def card_text(self) -> str:
        """Every visible string of the card, for asserting on what the user reads."""
        return "\n".join(_strings(self.card)) if self.card else ""

    @property
    def visible(self) -> str:
        return self.text + "\n" + self.card_text

    def buttons(self) -> dict[str, dict[str, Any]]:
        """Submit buttons by title, with the data they send (ShowCard contents included)."""
        found: dict[str, dict[str, Any]] = {}
        _collect_buttons(self.card or {}, found)
        return found

    def actions(self) -> list[tuple[str, dict[str, Any]]]:
        """Every submit button in order, as (title, data): titles repeat on a week's card."""
        found: list[tuple[str, dict[str, Any]]] = []
        _collect_actions(self.card or {}, found)
        return found


def _collect_actions(node: Any, found: list[tuple[str, dict[str, Any]]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit":
            found.append((node["title"], node.get("data", {})))
        for value in node.values():
            _collect_actions(value, found)
    elif isinstance(node, list):
        for item in node:
            _collect_actions(item, found)


def only(replies: list[Reply]) -> Reply:
    """The one reply a turn must give."""
    assert len(replies) == 1, [r.visible for r in replies]
    return replies[0]


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        out = []
        for key, value in node.items():
            if key in ("text", "title", "value", "label") and isinstance(value, str):
                out.append(value)
            else:
                out.extend(_strings(value))
        return out
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def _collect_buttons(node: Any, found: dict[str, dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit":
            found[node["title"]] = node.get("data", {})
        for value in node.values():
            _collect_buttons(value, found)
    elif isinstance(node, list):
        for item in node:
            _collect_buttons(item, found)


class TeamsUser:
    """A person chatting with the bot in Teams: says things, clicks buttons, reads replies."""

    def __init__(
        self,
        session: ClientSession,
        bot_url: str,
        connector: ConnectorStandIn,
        connector_url: str,
        name: str,
        email: str,
        locale: str = "en-US",
    ) -> None:
        self.session = session
        self.bot_url = bot_url
        self.connector = connector
        self.connector_url = connector_url
        self.locale = locale
        self.aad_object_id = str(uuid.uuid5(uuid.NAMESPACE_URL, email))
        self.member = Member(f"29:{self.aad_object_id}", name, self.aad_object_id, email)
        connector.members[self.member.id] = self.member
        self.conversation_id = f"a:personal-{self.aad_object_id}"
        self.posted: set[str] = set()  # ids of the activities this user sent

    def activity(self, **fields: Any) -> dict[str, Any]:
        base = {
            "type": "message",
            "id": f"act-{next(_ids)}",
            "timestamp": datetime.now(UTC).isoformat(),
            "serviceUrl": self.connector_url,
            "channelId": "msteams",
            "from": {
                "id": self.member.id,
                "name": self.member.name,
                "aadObjectId": self.aad_object_id,
            },
            "conversation": {
                "conversationType": "personal",
                "tenantId": TENANT,
                "id": self.conversation_id,
            },
            "recipient": {"id": BOT_ID, "name": "Werkplek"},
            "locale": self.locale,
            "textFormat": "plain",
            "channelData": {"tenant": {"id": TENANT}},
            "entities": [
                {"type": "clientInfo", "locale": self.locale, "country": "BE", "platform": "Web"}
            ],
        }
        base.update(fields)
        return base

    async def post(self, activity: dict[str, Any]) -> int:
        self.posted.add(activity["id"])
        async with self.session.post(f"{self.bot_url}/api/messages", json=activity) as response:
            await response.read()
            return response.status

    def unprompted(self) -> list[Reply]:
        """What the bot sent into this chat on its own, not in answer to this user."""
        return [
            Reply(a)
            for a in self.connector.sent[self.conversation_id]
            if a.get("replyToId") not in self.posted
        ]

    async def installs(self) -> None:
        """Add the app in Teams: an installationUpdate, then the bot joins the chat."""
        assert await self.post(self.activity(type="installationUpdate", action="add")) == 200
        joined = self.activity(
            type="conversationUpdate", membersAdded=[{"id": BOT_ID, "name": "Werkplek"}]
        )
        assert await self.post(joined) == 200

    async def removes(self) -> None:
        """Remove the app from the personal chat."""
        assert await self.post(self.activity(type="installationUpdate", action="remove")) == 200

    async def says(self, text: str) -> list[Reply]:
        """Send a message; return what the bot answered (received before the POST returns)."""
        activity = self.activity(text=text)
        status = await self.post(activity)
        assert status == 200, f"POST /api/messages answered {status}"
        return [Reply(a) for a in self.connector.replies_to(activity["id"])]

    async def clicks(self, data: dict[str, Any], **inputs: Any) -> list[Reply]:
        """Press an Action.Submit button: Teams posts its data merged with the card's inputs."""
        activity = self.activity(text="", value={**data, **inputs}, replyToId="card-1")
        status = await self.post(activity)
        assert status == 200, f"POST /api/messages answered {status}"
        return [Reply(a) for a in self.connector.replies_to(activity["id"])]
