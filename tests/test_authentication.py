"""With an app id, every activity is authenticated by the SDK's own JWT validation, offline.

The bot runs as in production (SingleTenant or MultiTenant, an app id and secret), pointed
through the SDK's own configuration at a local identity provider (tests/support/
identity_provider.py): Bot Framework OpenID metadata and signing keys, and Entra's token
endpoint. The Bot Connector stand-in only accepts the bot's replies with a token that
provider issued. Every refused request must answer 401 (or 403 for a tenant), write nothing
and send nothing; the valid ones show the same set-up does write and send.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from azure.data.tables.aio import TableClient
from botframework.connector.auth import AppCredentials, MicrosoftAppCredentials
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bots.auth import (
    OutboundTokenRefused,
    OutboundTokens,
    OutboundTokenUnavailable,
    SigningKeys,
)
from config import Settings
from storage.tables import TableNames
from tests.conftest import start_bot
from tests.support.connector import ConnectorStandIn
from tests.support.identity_provider import (
    BOT_FRAMEWORK_SCOPE,
    IdentityProvider,
    SigningKey,
    TokenRequest,
    hmac_signed,
    unsigned,
)
from tests.support.teams import TENANT, TeamsUser

APP_ID = "0c4cbd3e-7d7a-4a45-9a43-6b0d1c5e7a11"
SECRET = "not-a-real-secret"
OTHER_APP = "9d2f4a53-7a1e-4c55-8c0e-2f6b8d9e0a22"
SECOND_TENANT = "1b0e3f1c-5a7d-4c2b-9e8f-3a4b5c6d7e8f"
FOREIGN_TENANT = "e7d6c5b4-a3b2-4c1d-8e0f-112233445566"
# An issuer the SDK takes for the Bot Framework Emulator (Entra's botframework.com tenant).
EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"
EMULATOR_V2_ISSUER = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0"
DEFAULT = object()


class SignedInUser(TeamsUser):
    """A Teams user whose activities carry the channel's token, as Teams sends them."""

    def __init__(self, bot: AuthBot, name: str, email: str, tenant: str, key: SigningKey | None):
        super().__init__(bot.http, bot.url, bot.connector, bot.connector_url, name, email)
        self.bot = bot
        self.tenant = tenant
        self.key = key

    def activity(self, **fields: Any) -> dict[str, Any]:
        activity = super().activity(**fields)
        activity["conversation"]["tenantId"] = self.tenant
        activity["channelData"] = {"tenant": {"id": self.tenant}}
        return activity

    def header(self, activity: dict[str, Any]) -> str:
        return "Bearer " + self.bot.idp.channel_token(APP_ID, activity["serviceUrl"], key=self.key)

    async def post(self, activity: dict[str, Any], authorization: Any = DEFAULT) -> int:
        self.posted.add(activity["id"])
        header = self.header(activity) if authorization is DEFAULT else authorization
        headers = {} if header is None else {"Authorization": header}
        async with self.session.post(
            f"{self.bot_url}/api/messages", json=activity, headers=headers
        ) as response:
            await response.read()
            self.bot.last_headers = dict(response.headers)
            return response.status


@dataclass
class AuthBot:
    """A bot with an app id, its identity provider and its (guarded) Bot Connector."""

    settings: Settings
    idp: IdentityProvider
    connector: ConnectorStandIn
    connector_url: str
    url: str
    http: ClientSession
    login_tenant: str
    last_headers: dict[str, str] | None = None

    def user(
        self,
        name: str = "An Peeters",
        email: str = "an@example.org",
        tenant: str = TENANT,
        key: SigningKey | None = None,
    ) -> SignedInUser:
        return SignedInUser(self, name, email, tenant, key)

    def claims(self, **overrides: Any) -> dict[str, Any]:
        return self.idp.channel_claims(APP_ID, self.connector_url, **overrides)

    def signing_keys(self) -> SigningKeys:
        """The entry the SDK's JwtTokenExtractor finds in its own cache for our metadata URL."""
        return JwtTokenExtractor.metadataCache[self.idp.metadata_url]

    async def profile_rows(self) -> int:
        table = TableNames.with_prefix(self.settings.table_prefix).users
        async with TableClient.from_connection_string(
            self.settings.storage_connection_string, table_name=table
        ) as client:
            return len([row async for row in client.list_entities()])

    def nothing_sent(self) -> bool:
        return self.connector.sent_count() == 0 and self.connector.attempts == []


@pytest.fixture
async def idp() -> AsyncIterator[IdentityProvider]:
    provider = await IdentityProvider(apps={APP_ID: SECRET}).start()
    yield provider
    await provider.stop()


@pytest.fixture
async def guarded_connector(idp) -> AsyncIterator[tuple[ConnectorStandIn, str]]:
    standin = ConnectorStandIn()
    app = standin.app()
    app.middlewares.append(idp.connector_guard())
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield standin, str(server.make_url("")).rstrip("/")
    await server.close()


def auth_env(idp: IdentityProvider, app_type: str, login_tenant: str, **extra: str):
    """The environment of a deployed bot, pointed at the local provider."""
    return {
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": SECRET,
        "MicrosoftAppType": app_type,
        "MicrosoftAppTenantId": TENANT,
        "ToBotFromChannelOpenIdMetadataUrl": idp.metadata_url,
        "ToBotFromChannelTokenIssuer": idp.issuer,
        "ToChannelFromBotLoginUrl": idp.login_url(login_tenant),
        **extra,
    }


@pytest.fixture
async def auth_bot(request, settings, idp, guarded_connector, http) -> AsyncIterator[AuthBot]:
    """A bot with an app id (SingleTenant, or the type the test is parametrised with) that
    lets in TENANT and SECOND_TENANT (WERKPLEK_ALLOWED_TENANTS)."""
    app_type = getattr(request, "param", "SingleTenant")
    allowed = {"WERKPLEK_ALLOWED_TENANTS": f"{TENANT},{SECOND_TENANT}"}
    bot, server = await _start(settings, idp, guarded_connector, http, app_type, **allowed)
    yield bot
    await server.close()


async def _start(settings, idp, guarded_connector, http, app_type: str, **extra: str):
    """Start a bot configured from the environment a deployment would have."""
    standin, connector_url = guarded_connector
    # SingleTenant gets its own token from its tenant; MultiTenant from botframework.com.
    login_tenant = TENANT if app_type == "SingleTenant" else "botframework.com"
    configured = Settings.from_env(auth_env(idp, app_type, login_tenant, **extra))
    bot_settings = replace(
        configured,
        storage_connection_string=settings.storage_connection_string,
        table_prefix=settings.table_prefix,
        reminders=False,
    )
    server = await start_bot(bot_settings)
    url = str(server.make_url("")).rstrip("/")
    return AuthBot(bot_settings, idp, standin, connector_url, url, http, login_tenant), server


BOTH_APP_TYPES = pytest.mark.parametrize(
    "auth_bot", ["SingleTenant", "MultiTenant"], indirect=True, ids=["single", "multi"]
)


# -- a valid token ------------------------------------------------------------------------


@BOTH_APP_TYPES
async def test_a_valid_token_runs_the_turn_and_the_reply_carries_the_bots_own_token(auth_bot):
    an = auth_bot.user()
    replies = await an.says("help")
    assert replies and "What I can do" in replies[-1].card_text
    assert await auth_bot.profile_rows() > 0
    # The reply got past the connector's guard with a token from the provider's token
    # endpoint, asked for the app's tenant (SingleTenant) or botframework.com (MultiTenant).
    expected = TokenRequest(auth_bot.login_tenant, APP_ID, BOT_FRAMEWORK_SCOPE + "/.default")
    assert auth_bot.idp.token_requests == [expected]
    assert await an.says("my bookings")
    assert len(auth_bot.idp.token_requests) == 1, "the token is reused until shortly before expiry"


@BOTH_APP_TYPES
async def test_the_sdk_validates_with_keys_fetched_at_start_up_into_its_own_cache(auth_bot):
    keys = auth_bot.signing_keys()
    assert isinstance(keys, SigningKeys)
    assert keys.key_ids == {"bf-key-1"}
    assert auth_bot.idp.keys_gate.requests == 1  # fetched once, at start-up
    assert await auth_bot.user().says("help")
    assert auth_bot.idp.keys_gate.requests == 1  # a turn does not fetch keys


# -- refused tokens -----------------------------------------------------------------------

NOW = int(time.time())
UNPUBLISHED = "unpublished-key"


def _header(bot: AuthBot, activity: dict[str, Any], kind: str) -> str | None:
    idp, service_url = bot.idp, activity["serviceUrl"]
    published = idp.keys[0]
    stranger = SigningKey.named(UNPUBLISHED)
    claims = bot.claims()

    def signed(**overrides: Any) -> str:
        return "Bearer " + idp.channel_token(APP_ID, service_url, **overrides)

    tokens: dict[str, Callable[[], str | None]] = {
        "no Authorization header": lambda: None,
        "Bearer and nothing": lambda: "Bearer ",
        "Bearer garbage": lambda: "Bearer garbage",
        "Basic credentials": lambda: "Basic d2Vya3BsZWs6c2VjcmV0",
        "a valid token without Bearer": lambda: signed().removeprefix("Bearer "),
        "expired an hour ago": lambda: signed(exp=int(time.time()) - 3600, nbf=NOW - 7200),
        "not valid for another hour": lambda: signed(nbf=int(time.time()) + 3600),
        "another issuer": lambda: signed(iss="https://login.example.org/evil"),
        "no issuer": lambda: signed(iss=None),
        "another app's audience": lambda: signed(aud=OTHER_APP),
        "no audience": lambda: signed(aud=None),
        "the connector's audience": lambda: signed(aud=BOT_FRAMEWORK_SCOPE),
        "signed with another key, a published key id": lambda: (
            "Bearer " + stranger.sign(claims, kid=published.kid)
        ),
        "signed with a key id nobody published": lambda: "Bearer " + stranger.sign(claims),
        "unsigned (alg none), no key id": lambda: "Bearer " + unsigned(claims),
        "unsigned (alg none), a published key id": lambda: (
            "Bearer " + unsigned(claims, kid=published.kid)
        ),
        "HS256 with the published public key as secret": lambda: (
            "Bearer " + hmac_signed(claims, published.public_pem(), published.kid)
        ),
        "a serviceUrl claim for another service": lambda: signed(
            serviceurl="https://smba.trafficmanager.net/emea/"
        ),
        "no serviceUrl claim": lambda: signed(serviceurl=None),
        "an Emulator token of another app": lambda: signed(
            iss=EMULATOR_ISSUER, ver="1.0", appid=OTHER_APP, aud=OTHER_APP
        ),
        # What Entra gives this very app for the Bot Connector, as the SDK's Emulator path
        # would take it: any audience, no serviceUrl, no endorsement.
        "an Entra token of this app (an Emulator token)": lambda: signed(
            iss=EMULATOR_V2_ISSUER, ver="2.0", azp=APP_ID, aud=APP_ID, serviceurl=None
        ),
        "the bot's own Bot Connector token, replayed": lambda: signed(
            iss=EMULATOR_V2_ISSUER, ver="2.0", azp=APP_ID, aud=BOT_FRAMEWORK_SCOPE, serviceurl=None
        ),
        "a skill token from another bot": lambda: signed(
            iss=EMULATOR_ISSUER, ver="1.0", appid=OTHER_APP, aud=APP_ID
        ),
    }
    return tokens[kind]()


REFUSED = [
    "no Authorization header",
    "Bearer and nothing",
    "Bearer garbage",
    "Basic credentials",
    "a valid token without Bearer",
    "expired an hour ago",
    "not valid for another hour",
    "another issuer",
    "no issuer",
    "another app's audience",
    "no audience",
    "the connector's audience",
    "signed with another key, a published key id",
    "signed with a key id nobody published",
    "unsigned (alg none), no key id",
    "unsigned (alg none), a published key id",
    "HS256 with the published public key as secret",
    "a serviceUrl claim for another service",
    "no serviceUrl claim",
    "an Emulator token of another app",
    "an Entra token of this app (an Emulator token)",
    "the bot's own Bot Connector token, replayed",
    "a skill token from another bot",
]


@BOTH_APP_TYPES
@pytest.mark.parametrize("kind", REFUSED)
async def test_a_token_the_sdk_refuses_gets_401_and_changes_nothing(auth_bot, kind):
    an = auth_bot.user()
    activity = an.activity(text="book a desk Thursday")
    assert await an.post(activity, _header(auth_bot, activity, kind)) == 401
    assert auth_bot.last_headers.get("WWW-Authenticate") == "Bearer"
    assert auth_bot.nothing_sent()
    assert await auth_bot.profile_rows() == 0
    assert auth_bot.idp.token_requests == [], "no outbound token for a refused request"


async def test_a_key_endorsed_for_another_channel_is_refused(auth_bot):
    webchat_only = SigningKey.named("webchat-key", endorsements=["webchat"])
    auth_bot.idp.publish(webchat_only)
    await auth_bot.signing_keys().start_refresh()
    assert "webchat-key" in auth_bot.signing_keys().key_ids
    an = auth_bot.user(key=webchat_only)
    assert await an.post(an.activity(text="help")) == 401
    # Without a channelId the SDK would skip the endorsement check: refused too.
    activity = an.activity(text="help")
    del activity["channelId"]
    assert await an.post(activity) == 401
    assert auth_bot.nothing_sent() and await auth_bot.profile_rows() == 0
    # The same user, the same activity, with a key endorsed for Teams: accepted.
    assert await auth_bot.user().says("help")


async def test_refusals_are_logged_without_names_or_text(auth_bot, caplog):
    caplog.set_level(logging.INFO)
    eve = auth_bot.user("Eve Intruder", "eve@example.org")
    activity = eve.activity(text="show me everyone's desk")
    assert await eve.post(activity, "Bearer garbage") == 401
    foreign = auth_bot.user("Eve Intruder", "eve@example.org", tenant=FOREIGN_TENANT)
    assert await foreign.post(foreign.activity(text="show me everyone's desk")) == 403
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "refused an unauthenticated request" in logged
    assert FOREIGN_TENANT in logged
    for personal in ("Eve", "eve@example.org", "everyone's desk", eve.aad_object_id):
        assert personal not in logged


# -- signing keys: fetched off the turn ---------------------------------------------------


async def test_a_key_published_later_is_picked_up_after_a_refresh(auth_bot):
    keys = auth_bot.signing_keys()
    first = auth_bot.idp.keys[0]
    rotated = SigningKey.named("bf-key-2")
    auth_bot.idp.publish(rotated)
    an = auth_bot.user(key=rotated)
    assert await an.post(an.activity(text="help")) == 401  # unknown yet: refused, refresh
    await keys.settled()
    assert keys.key_ids == {"bf-key-1", "bf-key-2"}
    assert await an.says("help")
    # A key the provider retires is no longer trusted after the next refresh.
    auth_bot.idp.retire(first.kid)
    await keys.start_refresh()
    assert keys.key_ids == {"bf-key-2"}
    bert = auth_bot.user("Bert Claes", "bert@example.org", key=first)
    assert await bert.post(bert.activity(text="help")) == 401


async def test_unknown_key_ids_start_one_bounded_refresh(auth_bot):
    keys = auth_bot.signing_keys()
    an = auth_bot.user()
    for _ in range(5):
        stranger = SigningKey.named(UNPUBLISHED)
        token = stranger.sign(auth_bot.claims(), kid=f"kid-{uuid.uuid4()}")
        assert await an.post(an.activity(text="help"), "Bearer " + token) == 401
    await keys.settled()
    assert auth_bot.idp.keys_gate.requests == 2  # start-up, and one refresh for all five
    assert auth_bot.nothing_sent()


async def test_a_slow_key_endpoint_does_not_hold_up_another_conversation(auth_bot):
    idp = auth_bot.idp
    rotated = SigningKey.named("bf-key-2")
    idp.publish(rotated)
    answered = idp.keys_gate.answered
    idp.keys_gate.hold()
    an = auth_bot.user("An Peeters", "an@example.org", key=rotated)
    bert = auth_bot.user("Bert Claes", "bert@example.org")
    # An's token names a key not fetched yet: refused at once, a refresh starts ...
    assert await an.post(an.activity(text="help")) == 401
    # ... and hangs at the provider.
    assert await idp.keys_gate.arrived(), "the unknown key id started no refresh"
    # Bert's turn, meanwhile, runs and is answered in full.
    assert await bert.says("help")
    assert idp.keys_gate.answered == answered, "the provider answered before Bert's turn ended"
    idp.keys_gate.release()
    await auth_bot.signing_keys().settled()
    assert await an.says("help")


async def test_a_provider_down_at_start_up_does_not_stop_the_bot(
    settings, idp, guarded_connector, http, caplog
):
    idp.metadata_gate.fail_with = 503
    bot, server = await _start(settings, idp, guarded_connector, http, "SingleTenant")
    try:
        assert "signing keys from" in caplog.text and "not fetched" in caplog.text
        keys = bot.signing_keys()
        assert keys.key_ids == frozenset()
        an = bot.user()
        assert await an.post(an.activity(text="help")) == 401  # not 500, and quickly
        await keys.settled()  # the refresh that unknown key id started: the provider is down
        assert keys.key_ids == frozenset()
        idp.metadata_gate.fail_with = None
        assert await keys.start_refresh()  # what the background schedule does next
        assert await an.says("help")
    finally:
        await server.close()
    assert idp.metadata_url not in JwtTokenExtractor.metadataCache  # removed at shutdown


# -- the bot's own token: never fetched on the event loop ---------------------------------


async def test_getting_the_bots_own_token_does_not_hold_up_other_requests(auth_bot):
    idp = auth_bot.idp
    idp.token_gate.hold()
    an = auth_bot.user("An Peeters", "an@example.org")
    turn = asyncio.create_task(an.says("help"))
    assert await idp.token_gate.arrived(), "the reply asked for no token"
    # While An's reply waits for its token, the bot still answers other requests.
    eve = auth_bot.user("Eve Intruder", "eve@example.org")
    assert await eve.post(eve.activity(text="help"), "Bearer garbage") == 401
    foreign = auth_bot.user("Eve Intruder", "eve@example.org", tenant=FOREIGN_TENANT)
    assert await foreign.post(foreign.activity(text="help")) == 403
    assert not turn.done() and idp.token_gate.answered == 0
    idp.token_gate.release()
    replies = await turn
    assert replies and "What I can do" in replies[-1].card_text


async def test_a_refused_secret_sends_nothing_and_says_so_in_the_log(
    settings, idp, guarded_connector, http, caplog
):
    idp.apps[APP_ID] = "the secret was rotated"
    bot, server = await _start(settings, idp, guarded_connector, http, "SingleTenant")
    try:
        an = bot.user()
        assert await an.post(an.activity(text="help")) == 200  # authenticated; reply failed
        assert bot.connector.sent_count() == 0
        assert "the token endpoint refused the bot's credentials: 401 invalid_client" in (
            caplog.text
        )
        assert SECRET not in caplog.text
    finally:
        await server.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_the_bots_token_is_renewed_shortly_before_it_expires(idp):
    clock = FakeClock()
    tokens = OutboundTokens(clock)
    credentials = MicrosoftAppCredentials(APP_ID, SECRET, oauth_scope=BOT_FRAMEWORK_SCOPE)
    credentials.oauth_endpoint = idp.login_url(TENANT)  # the authority the SDK worked out
    source = tokens.source_for(credentials)
    try:
        first = await source.token()
        assert idp.accepts_access_token(first)
        clock.now += idp.token_lifetime - 301  # 5 minutes and a second before it expires
        assert await source.token() == first
        assert len(idp.token_requests) == 1
        clock.now += 2
        assert idp.accepts_access_token(await source.token())
        assert len(idp.token_requests) == 2
        # All the bot's connector clients share one source per app, authority and scope.
        assert tokens.source_for(credentials) is source
    finally:
        await tokens.close()


@pytest.mark.parametrize(
    ("status", "secret", "error"),
    [
        (503, SECRET, OutboundTokenUnavailable),  # the reminder run tries again later
        (429, SECRET, OutboundTokenUnavailable),
        (None, "a wrong secret", OutboundTokenRefused),  # a configuration error
    ],
)
async def test_a_token_endpoint_that_fails_gives_a_typed_error(idp, status, secret, error):
    idp.token_gate.fail_with = status
    tokens = OutboundTokens()
    credentials = MicrosoftAppCredentials(APP_ID, secret, oauth_scope=BOT_FRAMEWORK_SCOPE)
    credentials.oauth_endpoint = idp.login_url(TENANT)
    try:
        with pytest.raises(error):
            await tokens.source_for(credentials).token()
    finally:
        await tokens.close()
    assert issubclass(OutboundTokenUnavailable, ConnectionError)  # a retry, for the reminders


async def test_other_credentials_get_their_token_in_a_worker_thread():
    class Recording(AppCredentials):
        def __init__(self) -> None:
            super().__init__(app_id=APP_ID, oauth_scope=BOT_FRAMEWORK_SCOPE)
            self.threads: list[int] = []

        def get_access_token(self, force_refresh: bool = False) -> str:
            self.threads.append(threading.get_ident())
            return "token-from-msal"

    credentials = Recording()
    tokens = OutboundTokens()
    assert await tokens.source_for(credentials).token() == "token-from-msal"
    assert credentials.threads and credentials.threads[0] != threading.get_ident()
    await tokens.close()


# -- tenants ------------------------------------------------------------------------------


async def test_a_single_tenant_bot_lets_in_only_its_own_tenant_by_default(
    settings, idp, guarded_connector, http
):
    bot, server = await _start(settings, idp, guarded_connector, http, "SingleTenant")
    try:
        assert bot.settings.allowed_tenants == frozenset()  # the setting is not given
        for tenant in (FOREIGN_TENANT, SECOND_TENANT):
            eve = bot.user("Eve Intruder", "eve@example.org", tenant=tenant)
            assert await eve.post(eve.activity(text="book a desk Thursday")) == 403
        assert bot.nothing_sent() and await bot.profile_rows() == 0
        assert await bot.user(tenant=TENANT.upper()).says("help")  # ids compare in any case
    finally:
        await server.close()


@BOTH_APP_TYPES
async def test_only_the_allowed_tenants_get_in(auth_bot):
    # Both bots are configured with WERKPLEK_ALLOWED_TENANTS=TENANT,SECOND_TENANT.
    eve = auth_bot.user("Eve Intruder", "eve@example.org", tenant=FOREIGN_TENANT)
    for activity in (
        eve.activity(text="book a desk Thursday"),
        eve.activity(type="installationUpdate", action="add"),
        eve.activity(text="", value={"werkplek": "my-bookings"}),
    ):
        assert await eve.post(activity) == 403
    mixed = eve.activity(text="help")
    mixed["conversation"]["tenantId"] = TENANT  # one field allowed, the other not
    assert await eve.post(mixed) == 403
    none = eve.activity(text="help")
    del none["conversation"]["tenantId"]
    del none["channelData"]
    assert await eve.post(none) == 403
    assert auth_bot.nothing_sent() and await auth_bot.profile_rows() == 0
    assert await auth_bot.user(tenant=TENANT).says("help")
    assert await auth_bot.user("Bert Claes", "bert@example.org", tenant=SECOND_TENANT).says("help")


async def test_local_mode_without_an_app_id_lets_every_tenant_in_without_a_token(make_user):
    user = make_user()
    activity = user.activity(text="help")
    activity["conversation"]["tenantId"] = FOREIGN_TENANT
    activity["channelData"] = {"tenant": {"id": FOREIGN_TENANT}}
    assert await user.post(activity) == 200
    assert user.connector.replies_to(activity["id"])
