"""Settings from the environment, read once by app.py (as in the Bot Framework samples)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from storage.tables import AZURITE_CONNECTION_STRING
from werkplek.errors import ConfigurationError

ROOT = Path(__file__).resolve().parent
DEMO_ORGANISATION = ROOT / "organisations" / "demo.yaml"
APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")


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
        )
        if settings.app_type == "SingleTenant" and settings.app_id and not settings.app_tenant_id:
            raise ConfigurationError("MicrosoftAppTenantId", "is required for a SingleTenant app")
        return settings

    def bot_auth(self) -> SimpleNamespace:
        """The attribute names the SDK's ConfigurationBotFrameworkAuthentication reads."""
        return SimpleNamespace(
            APP_ID=self.app_id,
            APP_PASSWORD=self.app_password,
            APP_TYPE=self.app_type,
            APP_TENANTID=self.app_tenant_id,
        )
