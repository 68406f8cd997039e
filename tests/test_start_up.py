"""Start-up: settings from the environment, and a wrong organisation file stops it clearly."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from config import DEMO_ORGANISATION, Settings
from storage.tables import AZURITE_CONNECTION_STRING, TableNames
from werkplek.errors import ConfigurationError

ROOT = Path(__file__).resolve().parents[1]
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OTHER = "1b0e3f1c-5a7d-4c2b-9e8f-3a4b5c6d7e8f"
# Our environment names (Microsoft's) and the attribute names the SDK's configuration reads.
SDK_NAMES = {
    "ToBotFromChannelOpenIdMetadataUrl": "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL",
    "ToBotFromChannelTokenIssuer": "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER",
    "ToChannelFromBotLoginUrl": "TO_CHANNEL_FROM_BOT_LOGIN_URL",
    "ToChannelFromBotOAuthScope": "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE",
    "OAuthUrl": "OAUTH_URL",
}


def test_defaults_are_local_mode_on_azurite_with_the_demo_organisation():
    settings = Settings.from_env({})
    assert settings.port == 3978 and settings.app_id == ""
    assert settings.storage_connection_string == AZURITE_CONNECTION_STRING
    assert settings.table_prefix == "werkplek"
    assert settings.organisation_file == DEMO_ORGANISATION


def test_bot_framework_settings_are_read_as_in_the_samples():
    settings = Settings.from_env(
        {
            "PORT": "8080",
            "MicrosoftAppId": "app",
            "MicrosoftAppPassword": "secret",
            "MicrosoftAppType": "singletenant",
            "MicrosoftAppTenantId": TENANT,
            "WERKPLEK_TABLE_PREFIX": "acc",
        }
    )
    auth = settings.bot_auth()
    assert (auth.APP_ID, auth.APP_PASSWORD, auth.APP_TYPE, auth.APP_TENANTID) == (
        "app",
        "secret",
        "SingleTenant",
        TENANT,
    )
    assert settings.port == 8080
    assert TableNames.with_prefix(settings.table_prefix).bookings == "accbookings"


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"MicrosoftAppType": "Sometimes"}, "MicrosoftAppType"),
        ({"MicrosoftAppId": "x", "MicrosoftAppType": "SingleTenant"}, "MicrosoftAppTenantId"),
        ({"MicrosoftAppId": "x", "MicrosoftAppType": "UserAssignedMSI"}, "MicrosoftAppTenantId"),
        # A MultiTenant app lets in only the tenants named: a list is required.
        ({"MicrosoftAppId": "x"}, "WERKPLEK_ALLOWED_TENANTS"),
        ({"MicrosoftAppId": "x", "MicrosoftAppType": "MultiTenant"}, "WERKPLEK_ALLOWED_TENANTS"),
        # Teams names tenants by id: a domain name cannot be compared with them.
        (
            {
                "MicrosoftAppId": "x",
                "MicrosoftAppType": "SingleTenant",
                "MicrosoftAppTenantId": "contoso.onmicrosoft.com",
            },
            "WERKPLEK_ALLOWED_TENANTS",
        ),
        ({"WERKPLEK_ALLOWED_TENANTS": f"{TENANT},contoso"}, "WERKPLEK_ALLOWED_TENANTS"),
        ({"ToBotFromChannelOpenIdMetadataUrl": "http://keys.example.org/"}, None),
        ({"ToBotFromChannelOpenIdMetadataUrl": "not a url"}, None),
        ({"ToChannelFromBotLoginUrl": "ftp://login.example.org/t"}, None),
        ({"OAuthUrl": "https://"}, None),
    ],
)
def test_a_wrong_setting_is_named(env, name):
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env(env)
    assert caught.value.name == (name or next(iter(env)))


def test_without_an_app_id_the_sdk_gets_no_endpoints_and_every_tenant_is_let_in():
    settings = Settings.from_env({"WERKPLEK_ALLOWED_TENANTS": TENANT})
    auth = settings.bot_auth()
    assert not any(name.startswith(("TO_", "OAUTH")) for name in vars(auth))
    assert settings.tenants_allowed() is None  # local mode: no token, so no tenant to trust


def test_with_an_app_id_the_sdk_gets_the_public_clouds_endpoints_by_default():
    settings = Settings.from_env(
        {"MicrosoftAppId": "app", "MicrosoftAppPassword": "s", "WERKPLEK_ALLOWED_TENANTS": TENANT}
    )
    auth = settings.bot_auth()
    assert vars(auth) == {
        "APP_ID": "app",
        "APP_PASSWORD": "s",
        "APP_TYPE": "MultiTenant",
        "APP_TENANTID": "",
        "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": (
            "https://login.botframework.com/v1/.well-known/openidconfiguration"
        ),
        "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": "https://api.botframework.com",
        # Emulator tokens are refused; were they not, the channel's keys would not sign them.
        "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": (
            "https://login.botframework.com/v1/.well-known/openidconfiguration"
        ),
        "TO_CHANNEL_FROM_BOT_LOGIN_URL": "https://login.microsoftonline.com/botframework.com",
        "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": "https://api.botframework.com",
        "OAUTH_URL": "https://api.botframework.com",
    }


def test_a_sovereign_clouds_endpoints_are_read_under_microsofts_names():
    us_gov = {
        "ToBotFromChannelOpenIdMetadataUrl": (
            "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"
        ),
        "ToBotFromChannelTokenIssuer": "https://api.botframework.us",
        "ToChannelFromBotLoginUrl": "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        "ToChannelFromBotOAuthScope": "https://api.botframework.us",
        "OAuthUrl": "https://api.botframework.azure.us",
    }
    settings = Settings.from_env(
        {
            "MicrosoftAppId": "app",
            "MicrosoftAppPassword": "s",
            "MicrosoftAppType": "SingleTenant",
            "MicrosoftAppTenantId": TENANT,
            **us_gov,
        }
    )
    configured = {name: getattr(settings.bot_auth(), SDK_NAMES[name]) for name in us_gov}
    assert configured == us_gov


def test_a_single_tenant_app_lets_in_its_own_tenant_unless_a_list_is_given():
    env = {
        "MicrosoftAppId": "app",
        "MicrosoftAppPassword": "s",
        "MicrosoftAppType": "SingleTenant",
        "MicrosoftAppTenantId": TENANT.upper(),
    }
    assert Settings.from_env(env).tenants_allowed() == {TENANT}
    listed = Settings.from_env({**env, "WERKPLEK_ALLOWED_TENANTS": f" {OTHER.upper()} , {TENANT},"})
    assert listed.tenants_allowed() == {OTHER, TENANT}


def test_a_local_identity_provider_may_be_plain_http_on_this_machine_only():
    url = "http://127.0.0.1:8123/v1/.well-known/openidconfiguration"
    settings = Settings.from_env({"ToBotFromChannelOpenIdMetadataUrl": url})
    assert settings.openid_metadata_url == url


@pytest.mark.parametrize("prefix", ["1abc", "with-dash", "a" * 41, ""])
def test_a_table_prefix_that_azure_would_refuse_is_refused_at_start_up(prefix):
    with pytest.raises(ConfigurationError):
        TableNames.with_prefix(prefix)


async def test_python_app_py_stops_with_the_offending_key_of_a_wrong_organisation_file(tmp_path):
    bad = tmp_path / "org.yaml"
    bad.write_text(
        "organisation: {name: X}\nsites:\n  - id: hq\n    zones:\n"
        "      - {id: z, capacity: many, desks: [{id: '1'}]}\n",
        encoding="utf-8",
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "app.py"),
        env={"WERKPLEK_CONFIG": str(bad), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,  # files are found relative to the code, not the working directory
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 2
    assert "sites[0].zones[0].capacity" in stderr.decode()
