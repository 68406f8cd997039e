"""A local stand-in for the identity services around a Teams bot, offline.

- The Bot Framework's OpenID metadata and signing keys (login.botframework.com in the public
  cloud): what the tokens Teams sends with each activity are checked against. Keys carry
  "endorsements" (the channels they may sign for), as the real ones do.
- Entra's token endpoint (login.microsoftonline.com/{tenant}/oauth2/v2.0/token): where the bot
  gets its own token, by the client credentials grant, to reply through the Bot Connector.
  `connector_guard()` makes the Bot Connector stand-in accept only tokens issued here.

It runs its own event loop in its own thread, like a remote service: a bot that blocked its
event loop on a call to it would stall without stalling the provider, and the tests see it.
Each endpoint has a `Gate`: a test can hold its answers (`hold()`), learn that a request
arrived (`requested`), and let it go (`release()`); a held answer goes out after `max_hold`
seconds at the latest, so a blocked bot cannot hang the test run.

Tokens are signed with real RSA keys (PyJWT + cryptography); `SigningKey.sign` and the
`unsigned`/`hmac_signed` helpers make the malformed ones the tests try.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"
BOT_FRAMEWORK_SCOPE = "https://api.botframework.com"


@cache
def _rsa_key(name: str) -> rsa.RSAPrivateKey:
    """One RSA key per name for the whole test run (generating one takes a while)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(value: dict[str, Any]) -> str:
    return _b64(json.dumps(value, separators=(",", ":")).encode())


@dataclass(frozen=True)
class SigningKey:
    """An RSA key as the provider publishes it: a key id and the channels it endorses."""

    kid: str
    private: rsa.RSAPrivateKey
    endorsements: tuple[str, ...] = ("msteams",)

    @classmethod
    def named(cls, kid: str, endorsements: Iterable[str] = ("msteams",)) -> SigningKey:
        return cls(kid, _rsa_key(kid), tuple(endorsements))

    def jwk(self) -> dict[str, Any]:
        public = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        der = self.private.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return {
            **public,
            "use": "sig",
            "kid": self.kid,
            "x5t": _b64(hashlib.sha1(der).digest()),
            "endorsements": list(self.endorsements),
        }

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, claims: dict[str, Any], *, kid: str | None = None, alg: str = "RS256") -> str:
        """A JWT signed with this key; `kid` names another key id in the header."""
        return jwt.encode(claims, self.private, algorithm=alg, headers={"kid": kid or self.kid})


def unsigned(claims: dict[str, Any], kid: str | None = None) -> str:
    """A well-formed JWT with alg "none" and no signature."""
    header = {"alg": "none", "typ": "JWT", **({"kid": kid} if kid else {})}
    return f"{_segment(header)}.{_segment(claims)}."


def hmac_signed(claims: dict[str, Any], secret: bytes, kid: str) -> str:
    """HS256 with `secret` (e.g. a published public key): the classic algorithm confusion."""
    signing_input = f"{_segment({'alg': 'HS256', 'typ': 'JWT', 'kid': kid})}.{_segment(claims)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


class Gate:
    """Hold an endpoint's answers until released (thread-safe; the provider has its own loop)."""

    def __init__(self, max_hold: float) -> None:
        self.max_hold = max_hold
        self._open = threading.Event()
        self._open.set()
        self.requested = threading.Event()  # a request arrived since the last hold()
        self.requests = 0
        self.answered = 0
        self.fail_with: int | None = None  # answer this status instead (e.g. 503: down)

    def hold(self) -> None:
        self.requested.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    @property
    def holding(self) -> bool:
        return not self._open.is_set()

    async def arrived(self, timeout: float = 10) -> bool:  # noqa: ASYNC109
        """Wait (from the test's loop) until a request reached the endpoint."""
        return await asyncio.to_thread(self.requested.wait, timeout)

    async def _pass(self) -> None:
        self.requests += 1
        self.requested.set()
        if not self._open.is_set():
            await asyncio.to_thread(self._open.wait, self.max_hold)

    def _done(self) -> None:
        self.answered += 1


@dataclass
class TokenRequest:
    tenant: str
    client_id: str
    scope: str


@dataclass
class IdentityProvider:
    """The provider's keys, apps and endpoints; `await start()` serves them on 127.0.0.1."""

    apps: dict[str, str] = field(default_factory=dict)  # client id -> secret
    keys: list[SigningKey] = field(default_factory=lambda: [SigningKey.named("bf-key-1")])
    token_lifetime: int = 3599
    max_hold: float = 10.0
    token_key: SigningKey = field(default_factory=lambda: SigningKey.named("entra-key-1"))
    token_requests: list[TokenRequest] = field(default_factory=list)
    metadata_gate: Gate = field(init=False)
    keys_gate: Gate = field(init=False)
    token_gate: Gate = field(init=False)
    _port: int = 0
    _thread: threading.Thread | None = None
    _loop: asyncio.AbstractEventLoop | None = None
    _stop: asyncio.Event | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.metadata_gate = Gate(self.max_hold)
        self.keys_gate = Gate(self.max_hold)
        self.token_gate = Gate(self.max_hold)

    # -- addresses, as a bot is configured with them ------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def issuer(self) -> str:
        """The `iss` of channel tokens (https://api.botframework.com in the public cloud)."""
        return f"{self.url}/botframework"

    @property
    def metadata_url(self) -> str:
        return self.url + METADATA_PATH

    def login_url(self, tenant: str) -> str:
        """The authority the bot gets its own token from: {url}/{tenant}."""
        return f"{self.url}/{tenant}"

    # -- keys ---------------------------------------------------------------------------

    def publish(self, key: SigningKey) -> None:
        with self._lock:
            self.keys = [k for k in self.keys if k.kid != key.kid] + [key]

    def retire(self, kid: str) -> None:
        with self._lock:
            self.keys = [k for k in self.keys if k.kid != kid]

    def channel_claims(
        self, app_id: str, service_url: str, *, lifetime: int = 3600, **overrides: Any
    ) -> dict[str, Any]:
        """The claims of a token the Bot Framework channel sends with an activity."""
        now = int(time.time())
        claims = {
            "serviceurl": service_url,
            "nbf": now - 5,
            "exp": now + lifetime,
            "iss": self.issuer,
            "aud": app_id,
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def channel_token(
        self, app_id: str, service_url: str, *, key: SigningKey | None = None, **overrides: Any
    ) -> str:
        signer = key or self.keys[0]
        return signer.sign(self.channel_claims(app_id, service_url, **overrides))

    # -- serving ------------------------------------------------------------------------

    async def start(self) -> IdentityProvider:
        ready = threading.Event()
        self._thread = threading.Thread(
            target=asyncio.run, args=(self._serve(ready),), name="identity-provider", daemon=True
        )
        self._thread.start()
        if not await asyncio.to_thread(ready.wait, 10):
            raise RuntimeError("the identity provider did not start")
        return self

    async def stop(self) -> None:
        for gate in (self.metadata_gate, self.keys_gate, self.token_gate):
            gate.release()
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread:
            await asyncio.to_thread(self._thread.join, 10)

    async def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        app = web.Application()
        app.router.add_get(METADATA_PATH, self._metadata)
        app.router.add_get(KEYS_PATH, self._keys)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._port = runner.addresses[0][1]
        ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    async def _metadata(self, request: web.Request) -> web.Response:
        await self.metadata_gate._pass()
        self.metadata_gate._done()
        if self.metadata_gate.fail_with:
            return web.json_response({"error": "unavailable"}, status=self.metadata_gate.fail_with)
        return web.json_response(
            {
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.url}/v1/.well-known/authorize",
                "jwks_uri": self.url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        await self.keys_gate._pass()
        with self._lock:
            body = {"keys": [key.jwk() for key in self.keys]}
        self.keys_gate._done()
        if self.keys_gate.fail_with:
            return web.json_response({"error": "unavailable"}, status=self.keys_gate.fail_with)
        return web.json_response(body)

    async def _token(self, request: web.Request) -> web.Response:
        """Entra's client credentials grant: a form post, a bearer token back."""
        await self.token_gate._pass()
        form = await request.post()
        client_id = str(form.get("client_id", ""))
        scope = str(form.get("scope", ""))
        tenant = request.match_info["tenant"]
        with self._lock:
            self.token_requests.append(TokenRequest(tenant, client_id, scope))
        self.token_gate._done()
        if self.token_gate.fail_with:
            return _oauth_error(self.token_gate.fail_with, "temporarily_unavailable")
        if form.get("grant_type") != "client_credentials":
            return _oauth_error(400, "unsupported_grant_type")
        if client_id not in self.apps or form.get("client_secret") != self.apps[client_id]:
            return _oauth_error(401, "invalid_client")
        if not scope.endswith("/.default"):
            return _oauth_error(400, "invalid_scope")
        now = int(time.time())
        claims = {
            "aud": scope.removesuffix("/.default"),
            "iss": f"{self.url}/{tenant}/v2.0",
            "appid": client_id,
            "tid": tenant,
            "iat": now,
            "nbf": now,
            "exp": now + self.token_lifetime,
            "jti": str(uuid.uuid4()),
        }
        return web.json_response(
            {
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
                "ext_expires_in": self.token_lifetime,
                "access_token": self.token_key.sign(claims),
            }
        )

    # -- the Bot Connector's side -------------------------------------------------------

    def accepts_access_token(self, token: str, audience: str = BOT_FRAMEWORK_SCOPE) -> bool:
        """Whether `token` is a live access token issued here for `audience`."""
        try:
            jwt.decode(token, self.token_key.public_pem(), algorithms=["RS256"], audience=audience)
        except jwt.PyJWTError:
            return False
        return True

    def connector_guard(self, audience: str = BOT_FRAMEWORK_SCOPE):
        """aiohttp middleware: the Bot Connector answers 401 without a token issued here."""

        @web.middleware
        async def guard(request: web.Request, handler):
            header = request.headers.get("Authorization", "")
            scheme, _, token = header.partition(" ")
            if scheme != "Bearer" or not self.accepts_access_token(token, audience):
                return web.json_response(
                    {"error": {"code": "Unauthorized", "message": "Authorization has been denied"}},
                    status=401,
                )
            return await handler(request)

        return guard


def _oauth_error(status: int, error: str) -> web.Response:
    return web.json_response(
        {"error": error, "error_description": f"AADSTS000000: {error} (stand-in)"}, status=status
    )
