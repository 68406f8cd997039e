"""Authentication around the SDK's own: its JWT validation, fed without blocking the loop.

With an app id, every activity is authenticated by botbuilder 4.17.1's own validation
(ConfigurationBotFrameworkAuthentication: issuer, audience, signature, lifetime, endorsements,
serviceUrl claim). Three shims close what that SDK leaves open, each through a hook the SDK
offers, none by patching its validation:

1. Typed refusals. The SDK refuses a bad token with whatever fails first: PermissionError,
   PyJWT's errors, but also a bare Exception (signing algorithm, endorsement), IndexError
   (unknown key id, an unsigned token), KeyError (no `iss`), AttributeError (no header).
   `BotAuthentication.authenticate_request` turns every one into `Unauthenticated`, then
   refuses tenants that are not allowed with `TenantNotAllowed`. bots/endpoint.py answers
   401 and 403. Before that it refuses what the SDK would take for an Emulator or skill
   token: Entra tokens it accepts for any audience, without serviceUrl or endorsement.
2. Signing keys. The SDK fetches OpenID metadata and keys with a blocking `requests.get`,
   without timeout, inside the event loop, on a user's turn (daily, and at most hourly for an
   unknown key id). `serve_signing_keys` puts a `SigningKeys` per metadata URL into the SDK's
   own cache (`JwtTokenExtractor.metadataCache`, which it consults before fetching): keys are
   fetched at start-up and refreshed daily in a background task with aiohttp and a timeout.
   An unknown key id is refused at once and starts one bounded refresh (at most one at a
   time, one per five minutes), so a new key the provider publishes is picked up.
3. Outbound tokens. To reply, the SDK gets its token from Entra with msal, synchronously, in
   the event loop. `OffLoopCredentialsFactory` (the SDK's `credentials_factory` hook) keeps
   the SDK's choice of authority and scope but hands msrest an async policy instead: a client
   secret is exchanged with aiohttp (OAuth 2.0 client credentials, the request msal makes),
   cached until shortly before it expires; other credentials (managed identity, certificate)
   run the SDK's msal code in a worker thread.

Moving to the Microsoft 365 Agents SDK means deleting shims 2 and 3 and the Emulator
refusal; the typed refusals and the tenant gate move to its authentication.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp
import jwt
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    EmulatorValidation,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
    SkillValidation,
)
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm
from msrest.pipeline import AsyncHTTPPolicy

log = logging.getLogger(__name__)

# Every call to the identity provider gives up after this long.
FETCH_TIMEOUT = 10.0
# Signing keys are fetched again this often (the SDK's own period) ...
KEYS_REFRESH_EVERY = 24 * 3600.0
# ... and at most this often when a token names a key id we do not know.
UNKNOWN_KEY_REFRESH_AT_MOST_EVERY = 300.0
# A failed fetch is tried again after 5 s, doubling up to 5 minutes.
RETRY_FIRST, RETRY_MAX = 5.0, 300.0
# An outbound token is renewed this long before it expires (at most half its lifetime).
TOKEN_MARGIN = 300.0


class Unauthenticated(PermissionError):
    """The request's token did not pass the SDK's validation; `reason` says why, briefly."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"unauthenticated: {reason}")
        self.reason = reason


class TenantNotAllowed(PermissionError):
    """An authenticated activity from a tenant outside WERKPLEK_ALLOWED_TENANTS."""

    def __init__(self, tenant: str) -> None:
        super().__init__(f"tenant not allowed: {tenant or '(none)'}")
        self.tenant = tenant


class UnknownSigningKey(PermissionError):
    """The token names a key id the provider does not publish (yet); a refresh is on its way."""


class OutboundTokenUnavailable(ConnectionError):
    """The token endpoint did not answer in time, or answered 429/5xx: try again later."""


class OutboundTokenRefused(PermissionError):
    """The token endpoint refused the bot's credentials (wrong secret, unknown app, scope)."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"the token endpoint answered {status} {error}")
        self.status = status
        self.error = error


# -- 1. the SDK's validation, typed, and the tenants allowed ------------------------------


def tenants_of(activity: Activity) -> list[str]:
    """The tenant ids an activity names (conversation.tenantId, channelData.tenant.id)."""
    found = []
    conversation = activity.conversation
    if conversation is not None and conversation.tenant_id:
        found.append(str(conversation.tenant_id))
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    if isinstance(tenant, dict) and tenant.get("id"):
        found.append(str(tenant["id"]))
    return [t.strip().lower() for t in found]


class BotAuthentication(ConfigurationBotFrameworkAuthentication):
    """The SDK's configuration-driven authentication, with typed refusals and a tenant gate.

    `configuration` is what `Settings.bot_auth()` gives (the SDK's attribute names);
    `allowed_tenants` None lets every tenant in (local mode), otherwise only those listed.
    """

    def __init__(self, configuration: Any, allowed_tenants: frozenset[str] | None) -> None:
        self.tokens = OutboundTokens()
        super().__init__(
            configuration,
            credentials_factory=OffLoopCredentialsFactory(
                ConfigurationServiceClientCredentialFactory(configuration), self.tokens
            ),
        )
        self._required = bool(getattr(configuration, "APP_ID", ""))
        self._allowed = allowed_tenants

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        if self._required and not activity.channel_id:
            # The SDK checks a key's endorsements against the channelId; none, no check.
            raise Unauthenticated("no channelId: the signing key's endorsements cannot be checked")
        if self._required and _emulator_or_skill(auth_header):
            raise Unauthenticated("an Emulator or skill token: only channel tokens are accepted")
        try:
            result = await super().authenticate_request(activity, auth_header)
        except Exception as exc:  # the SDK raises many types for a bad token; see the top
            raise Unauthenticated(_reason(exc)) from exc
        if self._allowed is not None:
            tenants = tenants_of(activity)
            refused = [t for t in tenants if t not in self._allowed]
            if not tenants or refused:
                raise TenantNotAllowed(refused[0] if refused else "")
        return result

    async def close(self) -> None:
        await self.tokens.close()


def _emulator_or_skill(auth_header: str) -> bool:
    """Whether the SDK would take this token for the Bot Framework Emulator's or a skill's.

    Those are Entra tokens the SDK accepts for any audience (the Emulator) or from another
    bot, checked without serviceUrl or endorsements: a token Entra issued to this very app,
    for whatever resource, passes them. Werkplek talks to Teams only, so they are refused.
    """
    try:
        emulator = EmulatorValidation.is_token_from_emulator(auth_header)
        return emulator or SkillValidation.is_skill_token(auth_header)
    except Exception:  # not a token the SDK can read: its validation refuses it
        return False


def _reason(exc: Exception) -> str:
    """The exception's type and the SDK's short message (never claims beyond app ids)."""
    return f"{type(exc).__name__}: {exc}"[:200]


# -- 2. signing keys: fetched off the turn, kept fresh, in the SDK's own cache ------------


@dataclass(frozen=True)
class SigningKey:
    """What the SDK's JwtTokenExtractor reads from its metadata cache for a key id."""

    public_key: Any
    endorsements: list[str]


class SigningKeys:
    """The signing keys one OpenID metadata URL publishes, as the SDK's cache entry.

    The SDK calls `await get(key_id)`; this never does I/O: it answers from the keys fetched
    at start-up or by the last refresh. Refreshes run in tasks, with aiohttp and a timeout.
    """

    def __init__(self, metadata_url: str, session: aiohttp.ClientSession) -> None:
        self.url = metadata_url
        self._session = session
        self._keys: dict[str, SigningKey] = {}
        self._refreshing: asyncio.Task[bool] | None = None
        self._last_unknown_refresh: float | None = None
        self.refreshes = 0  # successful ones

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(self._keys)

    async def get(self, key_id: str | None) -> SigningKey:
        """The SDK's lookup: the key for `key_id`, or UnknownSigningKey at once."""
        key = self._keys.get(key_id) if key_id else None
        if key is not None:
            return key
        if key_id:
            self._refresh_for_unknown_key()
        raise UnknownSigningKey(f"no signing key {key_id!r} at {self.url}")

    def _refresh_for_unknown_key(self) -> None:
        now = time.monotonic()
        if self._refreshing is not None:
            return
        last = self._last_unknown_refresh
        if last is not None and now - last < UNKNOWN_KEY_REFRESH_AT_MOST_EVERY:
            return
        self._last_unknown_refresh = now
        self.start_refresh()

    def start_refresh(self) -> asyncio.Task[bool]:
        """Start a refresh in the background, or return the one under way."""
        if self._refreshing is None:
            self._refreshing = asyncio.create_task(self._refresh(), name=f"keys {self.url}")
            self._refreshing.add_done_callback(self._refreshed)
        return self._refreshing

    def _refreshed(self, task: asyncio.Task[bool]) -> None:
        if self._refreshing is task:
            self._refreshing = None

    async def settled(self) -> None:
        """Wait for the refresh under way, if any (start-up; tests)."""
        task = self._refreshing
        if task is not None:
            await asyncio.shield(task)

    async def _refresh(self) -> bool:
        try:
            async with asyncio.timeout(FETCH_TIMEOUT):
                keys = await self._fetch()
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as exc:
            log.warning("signing keys from %s not fetched: %s", self.url, type(exc).__name__)
            return False
        new = len(keys.keys() - self._keys.keys())
        self._keys = keys
        self.refreshes += 1
        log.info("signing keys from %s: %d, %d new", self.url, len(keys), new)
        return True

    async def _fetch(self) -> dict[str, SigningKey]:
        async with self._session.get(self.url) as response:
            response.raise_for_status()
            metadata = json.loads(await response.read())
        async with self._session.get(metadata["jwks_uri"]) as response:
            response.raise_for_status()
            document = json.loads(await response.read())
        keys: dict[str, SigningKey] = {}
        for jwk in document["keys"]:
            try:
                public_key = RSAAlgorithm.from_jwk(json.dumps(jwk))
                keys[str(jwk["kid"])] = SigningKey(public_key, list(jwk.get("endorsements", [])))
            except (jwt.InvalidKeyError, KeyError, TypeError, ValueError):
                log.info("skipped a signing key that is not an RSA key with an id")
        if not keys:
            raise ValueError("the provider published no usable signing key")
        return keys

    async def keep_fresh(self) -> None:
        """The background schedule: daily, or sooner while fetching fails."""
        delay = KEYS_REFRESH_EVERY if self._keys else RETRY_FIRST
        while True:
            await asyncio.sleep(delay)
            if await asyncio.shield(self.start_refresh()):
                delay = KEYS_REFRESH_EVERY
            else:
                delay = RETRY_FIRST if delay >= KEYS_REFRESH_EVERY else min(delay * 2, RETRY_MAX)

    async def close(self) -> None:
        task = self._refreshing
        if task is not None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task


def metadata_urls(configuration: Any) -> list[str]:
    """The OpenID metadata URLs the SDK will validate tokens against, from its configuration."""
    names = ("TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL", "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL")
    urls = [getattr(configuration, name, None) for name in names]
    return list(dict.fromkeys(url for url in urls if url))


@asynccontextmanager
async def serve_signing_keys(configuration: Any) -> AsyncIterator[list[SigningKeys]]:
    """Fetch the signing keys now, keep them fresh in the background, and let the SDK use them.

    Without metadata URLs in `configuration` (local mode, no app id) this does nothing. A
    provider that does not answer at start-up does not stop the bot: requests are refused
    (401) until a retry in the background gets the keys.
    """
    urls = metadata_urls(configuration)
    if not urls:
        yield []
        return
    timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        caches = [SigningKeys(url, session) for url in urls]
        for cache in caches:
            JwtTokenExtractor.metadataCache[cache.url] = cache
        schedules: list[asyncio.Task[None]] = []
        try:
            await asyncio.gather(*(cache.start_refresh() for cache in caches))
            schedules = [asyncio.create_task(cache.keep_fresh()) for cache in caches]
            yield caches
        finally:
            for schedule in schedules:
                schedule.cancel()
            await asyncio.gather(*schedules, return_exceptions=True)
            for cache in caches:
                await cache.close()
                if JwtTokenExtractor.metadataCache.get(cache.url) is cache:
                    del JwtTokenExtractor.metadataCache[cache.url]


# -- 3. outbound tokens: awaited, never fetched on the event loop -------------------------


class _TokenSource(Protocol):
    async def token(self) -> str: ...


class BearerTokenPolicy(AsyncHTTPPolicy):
    """msrest credentials as an async pipeline policy: each request awaits its token.

    msrest puts credentials that are an AsyncHTTPPolicy straight into the pipeline (instead
    of calling their blocking `signed_session`), so the ConnectorClient the SDK builds uses
    this as it is.
    """

    def __init__(self, app_id: str, source: _TokenSource) -> None:
        super().__init__()
        self.microsoft_app_id = app_id
        self._source = source

    async def send(self, request, **kwargs):
        token = await self._source.token()
        request.http_request.headers["Authorization"] = f"Bearer {token}"
        return await self.next.send(request, **kwargs)


class _ClientSecretTokens:
    """OAuth 2.0 client credentials with a secret, over aiohttp; one token shared and reused."""

    def __init__(self, owner: OutboundTokens, credentials: MicrosoftAppCredentials) -> None:
        self._owner = owner
        self._url = credentials.oauth_endpoint.rstrip("/") + "/oauth2/v2.0/token"
        scope = credentials.oauth_scope
        self._form = {
            "grant_type": "client_credentials",
            "client_id": credentials.microsoft_app_id,
            "client_secret": credentials.microsoft_app_password,
            "scope": scope if scope.endswith("/.default") else scope + "/.default",
        }
        self._token = ""
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        if self._token and self._owner.clock() < self._renew_at:
            return self._token
        async with self._lock:  # one request for everyone waiting
            if not self._token or self._owner.clock() >= self._renew_at:
                self._token, self._renew_at = await self._fetch()
        return self._token

    async def _fetch(self) -> tuple[str, float]:
        started = self._owner.clock()
        try:
            async with asyncio.timeout(FETCH_TIMEOUT):
                session = self._owner.session()
                async with session.post(self._url, data=self._form) as response:
                    status, text = response.status, await response.text()
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("no outbound token: %s", type(exc).__name__)
            raise OutboundTokenUnavailable(type(exc).__name__) from exc
        try:
            body = json.loads(text)
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        if status == 429 or status >= 500:
            log.warning("no outbound token: the token endpoint answered %s", status)
            raise OutboundTokenUnavailable(f"the token endpoint answered {status}")
        token, lifetime = body.get("access_token"), _seconds(body.get("expires_in"))
        if status != 200 or not isinstance(token, str) or not token or lifetime is None:
            error = str(body.get("error") or "no token in the answer")
            log.error("the token endpoint refused the bot's credentials: %s %s", status, error)
            raise OutboundTokenRefused(status, error)
        return token, started + lifetime - min(TOKEN_MARGIN, lifetime / 2)


def _seconds(value: Any) -> float | None:
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    return seconds if seconds > 0 else None


class _ThreadedTokens:
    """Other credentials (managed identity, certificate): the SDK's msal code, in a thread.

    msal keeps its own token cache, so most calls return at once; the thread keeps the few
    that go to the network off the event loop.
    """

    def __init__(self, credentials: AppCredentials) -> None:
        self._credentials = credentials

    async def token(self) -> str:
        return await asyncio.to_thread(self._credentials.get_access_token)


class OutboundTokens:
    """The bot's own tokens, one source per (app, authority, scope), and their HTTP session."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._sources: dict[tuple[Any, ...], _TokenSource] = {}
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=FETCH_TIMEOUT)
            )
        return self._session

    def source_for(self, credentials: AppCredentials) -> _TokenSource:
        password = getattr(credentials, "microsoft_app_password", None)
        key = (
            type(credentials).__name__,
            credentials.microsoft_app_id,
            credentials.oauth_endpoint,
            credentials.oauth_scope,
        )
        source = self._sources.get(key)
        if source is None:
            if isinstance(credentials, MicrosoftAppCredentials) and password:
                source = _ClientSecretTokens(self, credentials)
            else:
                source = _ThreadedTokens(credentials)
            self._sources[key] = source
        return source

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class OffLoopCredentialsFactory(ServiceClientCredentialsFactory):
    """The SDK's credentials factory, handing out `BearerTokenPolicy` instead of msal calls.

    The SDK still decides which credentials a request needs (app id, authority for the
    cloud and tenant, scope); only how the token is obtained changes.
    """

    def __init__(self, inner: ServiceClientCredentialsFactory, tokens: OutboundTokens) -> None:
        self._inner = inner
        self._tokens = tokens

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ):
        credentials = await self._inner.create_credentials(
            app_id, oauth_scope, login_endpoint, validate_authority
        )
        app = getattr(credentials, "microsoft_app_id", None)
        if not isinstance(credentials, AppCredentials) or not app or app == ANONYMOUS:
            return credentials  # local mode: the SDK sends no token either
        return BearerTokenPolicy(app, self._tokens.source_for(credentials))


ANONYMOUS = AuthenticationConstants.ANONYMOUS_SKILL_APP_ID
