"""A local stand-in for the Bot Connector service, speaking its REST shapes (v3).

It records every activity the bot sends and answers roster look-ups, so tests
can read what a Teams user would have seen. Only the cloud service is stood in
for; the bot talks to it with the SDK's own ConnectorClient over HTTP.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


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
class ConnectorStandIn:
    members: dict[str, Member] = field(default_factory=dict)
    # What the bot sent, per conversation id, in order.
    sent: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    roster_lookups: int = 0
    # Client ports the bot's requests came from: one per TCP connection it opened.
    connections: set[int] = field(default_factory=set)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._note_connection])
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._send)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._send)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._update)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        return app

    @web.middleware
    async def _note_connection(self, request: web.Request, handler):
        peer = request.transport.get_extra_info("peername") if request.transport else None
        if peer:
            self.connections.add(peer[1])
        return await handler(request)

    def replies_to(self, activity_id: str) -> list[dict[str, Any]]:
        return [a for acts in self.sent.values() for a in acts if a.get("replyToId") == activity_id]

    async def _send(self, request: web.Request) -> web.Response:
        activity = await request.json()
        activity.setdefault("replyToId", request.match_info.get("reply_to"))
        activity["id"] = f"sent-{next(self._ids)}"
        self.sent[request.match_info["conversation"]].append(activity)
        return web.json_response({"id": activity["id"]})

    async def _update(self, request: web.Request) -> web.Response:
        activity = await request.json()
        activity["updates"] = request.match_info["activity"]
        self.sent[request.match_info["conversation"]].append(activity)
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
