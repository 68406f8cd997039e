"""Settings from the environment, read once by app.py (as in the Bot Framework samples)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from storage.tables import AZURITE_CONNECTION_STRING
from werkplek.errors import ConfigurationError

ROOT = Path(__file__).resolve().parent
DEMO_ORGANISATION = ROOT / "organisations" / "demo.yaml"
APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
# The Bot Framework's endpoints in the public cloud (the SDK's own defaults). A sovereign
# cloud sets its own, under the names Microsoft's national-cloud guides use.
PUBLIC_CLOUD = {
    "ToBotFromChannelOpenIdMetadataUrl": (
        "https://login.botframework.com/v1/.well-known/openidconfiguration"
    ),
    "ToBotFromChannelTokenIssuer": "https://api.botframework.com",
    "ToChannelFromBotLoginUrl": "https://login.microsoftonline.com/botframework.com",
    "ToChannelFromBotOAuthScope": "https://api.botframework.com",
    "OAuthUrl": "https://api.botframework.com",
}
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Settings:
    port: int = 3978
    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    storage_connection_string: str = AZURITE_CONNECTION_STRING
    table_prefix: str = "werkplek"
    organisation_file: Path = DEMO_ORGANISATION
    max_body_bytes: int = 256 * 1024
    # The in-process reminder loop of `python app.py` (WERKPLEK_REMINDERS=off: cron runs
    # `python app.py remind` instead, or another instance sends them).
    reminders: bool = True
    # Proactive messages per second for the whole app: Teams allows 30 per app and tenant.
    send_rate: float = 30.0
    # With an app id: where tokens are checked and obtained (see PUBLIC_CLOUD, README).
    openid_metadata_url: str = PUBLIC_CLOUD["ToBotFromChannelOpenIdMetadataUrl"]
    token_issuer: str = PUBLIC_CLOUD["ToBotFromChannelTokenIssuer"]
    login_url: str = PUBLIC_CLOUD["ToChannelFromBotLoginUrl"]
    oauth_scope: str = PUBLIC_CLOUD["ToChannelFromBotOAuthScope"]
    oauth_url: str = PUBLIC_CLOUD["OAuthUrl"]
    # Tenant ids (lower case) whose activities are let in; empty: see tenants_allowed().
    allowed_tenants: frozenset[str] = frozenset()
    # GDPR: registrations are purged after this many months (payroll keeps telework that
    # long); the bot's own address for the "my data" download link; the secret that signs
    # those links ("": one random secret kept in Table storage, shared by every instance).
    retention_months: int = 24
    public_url: str = "http://127.0.0.1:3978"
    link_secret: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        port_text = env.get("PORT", "3978")
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ConfigurationError("PORT", f"{port_text!r} is not a TCP port")
        app_type = env.get("MicrosoftAppType", "") or "MultiTenant"
        matching = [t for t in APP_TYPES if t.lower() == app_type.lower()]
        if not matching:
            raise ConfigurationError("MicrosoftAppType", f"must be one of {', '.join(APP_TYPES)}")
        reminders = env.get("WERKPLEK_REMINDERS", "on").strip().lower()
        if reminders not in ("on", "off"):
            raise ConfigurationError("WERKPLEK_REMINDERS", "must be on or off")
        rate_text = env.get("WERKPLEK_SEND_RATE", "30")
        try:
            send_rate = float(rate_text)
        except ValueError:
            send_rate = 0.0
        if not 0 < send_rate <= 1000:
            raise ConfigurationError("WERKPLEK_SEND_RATE", f"{rate_text!r} is not messages/second")
        settings = cls(
            reminders=reminders == "on",
            send_rate=send_rate,
            port=int(port_text),
            app_id=env.get("MicrosoftAppId", ""),
            app_password=env.get("MicrosoftAppPassword", ""),
            app_type=matching[0],
            app_tenant_id=env.get("MicrosoftAppTenantId", ""),
            storage_connection_string=env.get("AZURE_STORAGE_CONNECTION_STRING")
            or AZURITE_CONNECTION_STRING,
            table_prefix=env.get("WERKPLEK_TABLE_PREFIX") or "werkplek",
            organisation_file=Path(env["WERKPLEK_CONFIG"])
            if env.get("WERKPLEK_CONFIG")
            else DEMO_ORGANISATION,
            openid_metadata_url=_url(env, "ToBotFromChannelOpenIdMetadataUrl"),
            token_issuer=_text(env, "ToBotFromChannelTokenIssuer"),
            login_url=_url(env, "ToChannelFromBotLoginUrl"),
            oauth_scope=_text(env, "ToChannelFromBotOAuthScope"),
            oauth_url=_url(env, "OAuthUrl"),
            allowed_tenants=_tenants(env.get("WERKPLEK_ALLOWED_TENANTS", "")),
            retention_months=_retention(env.get("WERKPLEK_RETENTION_MONTHS", "24")),
            public_url=_public_url(env, port_text),
            link_secret=_link_secret(env.get("WERKPLEK_LINK_SECRET", "")),
        )
        own_tenant = settings.app_type in ("SingleTenant", "UserAssignedMSI")
        if own_tenant and settings.app_id and not settings.app_tenant_id:
            raise ConfigurationError(
                "MicrosoftAppTenantId", f"is required for a {settings.app_type} app"
            )
        if settings.app_id and not settings.allowed_tenants:
            if settings.app_type == "MultiTenant":
                raise ConfigurationError(
                    "WERKPLEK_ALLOWED_TENANTS",
                    "is required for a MultiTenant app: the ids of the tenants whose people "
                    "may use the bot, separated by commas",
                )
            if not _is_tenant_id(settings.app_tenant_id):
                raise ConfigurationError(
                    "WERKPLEK_ALLOWED_TENANTS",
                    "is required when MicrosoftAppTenantId is not a tenant id (a GUID): "
                    "Teams names the tenant of each activity by its id",
                )
        return settings

    def tenants_allowed(self) -> frozenset[str] | None:
        """The tenants whose activities are let in; None: every tenant (local mode).

        With an app id: WERKPLEK_ALLOWED_TENANTS, else the app's own tenant (SingleTenant,
        UserAssignedMSI). A MultiTenant app without the list lets nobody in (from_env
        refuses to start that way).
        """
        if not self.app_id:
            return None
        if self.allowed_tenants:
            return self.allowed_tenants
        if self.app_type != "MultiTenant" and self.app_tenant_id:
            tenant = self.app_tenant_id.strip()
            return frozenset({str(uuid.UUID(tenant)) if _is_tenant_id(tenant) else tenant.lower()})
        return frozenset()

    def bot_auth(self) -> SimpleNamespace:
        """The attribute names the SDK's ConfigurationBotFrameworkAuthentication reads.

        With an app id the endpoints are always given, so the SDK validates and obtains
        tokens the same way in every cloud (its "parameterized" authentication); without
        one (local mode) it gets none, as before: no authentication. Emulator and skill
        tokens are refused before validation (bots/auth.py); should the SDK still reach its
        Emulator path, it finds the channel's keys, which do not sign Entra's tokens.
        """
        endpoints = (
            {
                "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": self.openid_metadata_url,
                "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": self.token_issuer,
                "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": self.openid_metadata_url,
                "TO_CHANNEL_FROM_BOT_LOGIN_URL": self.login_url,
                "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": self.oauth_scope,
                "OAUTH_URL": self.oauth_url,
            }
            if self.app_id
            else {}
        )
        return SimpleNamespace(
            APP_ID=self.app_id,
            APP_PASSWORD=self.app_password,
            APP_TYPE=self.app_type,
            APP_TENANTID=self.app_tenant_id,
            **endpoints,
        )


def _text(env: Mapping[str, str], name: str) -> str:
    return env.get(name, "").strip() or PUBLIC_CLOUD[name]


def _url(env: Mapping[str, str], name: str) -> str:
    """An https URL (plain http only to this machine, for local stand-ins)."""
    value = _text(env, name)
    try:
        parts = urlsplit(value)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:
        scheme, host = "", None
    if not host or not (scheme == "https" or (scheme == "http" and host in _LOOPBACK)):
        raise ConfigurationError(name, f"{value!r} is not an https URL")
    return value


def _is_tenant_id(value: str) -> bool:
    try:
        uuid.UUID(value.strip())
    except ValueError:
        return False
    return True


def _tenants(text: str) -> frozenset[str]:
    """WERKPLEK_ALLOWED_TENANTS: tenant ids (GUIDs) separated by commas."""
    tenants = set()
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        if not _is_tenant_id(item):
            raise ConfigurationError(
                "WERKPLEK_ALLOWED_TENANTS", f"{item!r} is not a tenant id (a GUID)"
            )
        tenants.add(str(uuid.UUID(item)))
    return frozenset(tenants)


def _retention(text: str) -> int:
    """WERKPLEK_RETENTION_MONTHS: whole months, 1 to 240."""
    value = text.strip()
    if not value.isdigit() or not 1 <= int(value) <= 240:
        raise ConfigurationError(
            "WERKPLEK_RETENTION_MONTHS", f"{text!r} is not a number of months (1 to 240)"
        )
    return int(value)


def _public_url(env: Mapping[str, str], port: str) -> str:
    """WERKPLEK_PUBLIC_URL, else App Service's https://$WEBSITE_HOSTNAME, else this machine."""
    value = env.get("WERKPLEK_PUBLIC_URL", "").strip().rstrip("/")
    if not value:
        host = env.get("WEBSITE_HOSTNAME", "").strip()
        return f"https://{host}" if host else f"http://127.0.0.1:{port}"
    try:
        parts = urlsplit(value)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:
        scheme, host = "", None
    if not host or not (scheme == "https" or (scheme == "http" and host in _LOOPBACK)):
        raise ConfigurationError("WERKPLEK_PUBLIC_URL", f"{value!r} is not an https URL")
    return value


def _link_secret(text: str) -> str:
    """WERKPLEK_LINK_SECRET: empty (a random secret kept in storage) or 32+ characters."""
    value = text.strip()
    if value and len(value) < 32:
        raise ConfigurationError("WERKPLEK_LINK_SECRET", "must be at least 32 characters long")
    return value
