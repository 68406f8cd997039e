"""Two measured per-turn costs of botbuilder 4.17.1 (archived), closed here and only here.

1. msrest 0.7.1's ClientRetryPolicy.__init__ builds its retry list by testing each of 999
   status codes against `safe_codes`, a *list* of ~500: about 5 ms of CPU, and it runs for
   every ConnectorClient and TokenApiClient the SDK creates. `apply_msrest_fix` turns
   `safe_codes` into a frozenset once at start-up: the same codes, found in O(1).
2. CloudAdapter builds a new ConnectorClient (and UserTokenClient) on every turn and never
   closes them, so each reply opens a new TCP connection. `ReusingAuthentication` wraps the
   SDK's own authentication and hands out one client per (app id, service URL, audience):
   authentication itself is untouched, clients and their connection pools are reused.

Both are small on purpose, so moving to the Microsoft 365 Agents SDK means deleting this file.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from botbuilder.schema import Activity
from botframework.connector.auth import (
    AuthenticateRequestResult,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.auth.jwt_token_validation import JwtTokenValidation
from msrest.universal_http.requests import ClientRetryPolicy

log = logging.getLogger(__name__)

# Teams uses a handful of service URLs (one per region); this bounds memory all the same.
MAX_CLIENTS = 64


def apply_msrest_fix() -> None:
    """Make ClientRetryPolicy.safe_codes a frozenset (idempotent; behaviour unchanged)."""
    codes = ClientRetryPolicy.safe_codes
    if not isinstance(codes, frozenset):
        ClientRetryPolicy.safe_codes = frozenset(codes)


class _ClientCache:
    def __init__(self) -> None:
        self._clients: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    async def get(self, key: tuple[Any, ...], make) -> Any:
        client = self._clients.get(key)
        if client is None:
            client = await make()
            self._clients[key] = client
            if len(self._clients) > MAX_CLIENTS:
                _, oldest = self._clients.popitem(last=False)
                await _close(oldest)
        else:
            self._clients.move_to_end(key)
        return client

    async def close(self) -> None:
        while self._clients:
            _, client = self._clients.popitem()
            await _close(client)


async def _close(client: Any) -> None:
    """msrest's async clients close their HTTP session through the async context protocol."""
    try:
        if hasattr(client, "__aexit__"):
            await client.__aexit__(None, None, None)
    except Exception as exc:  # closing is best effort at shutdown
        log.debug("closing a connector client failed: %s", type(exc).__name__)


class _ReusingConnectorFactory(ConnectorFactory):
    def __init__(self, inner: ConnectorFactory, cache: _ClientCache) -> None:
        self._inner = inner
        self._cache = cache

    async def create(self, service_url: str, audience: str = None):  # noqa: RUF013 - SDK's signature
        key = ("connector", getattr(self._inner, "_app_id", None), service_url, audience)
        return await self._cache.get(key, lambda: self._inner.create(service_url, audience))


class ReusingAuthentication(BotFrameworkAuthentication):
    """The SDK's authentication, with connector and user-token clients reused across turns."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._cache = _ClientCache()

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _ReusingConnectorFactory(
                result.connector_factory, self._cache
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return _ReusingConnectorFactory(
            self._inner.create_connector_factory(claims_identity), self._cache
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = JwtTokenValidation.get_app_id_from_claims(claims_identity.claims or {})
        return await self._cache.get(
            ("user-token", app_id),
            lambda: self._inner.create_user_token_client(claims_identity),
        )

    def create_bot_framework_client(self):
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    async def close(self) -> None:
        await self._cache.close()
        close = getattr(self._inner, "close", None)  # bots.auth.BotAuthentication's token session
        if close is not None:
            await close()
