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
            "MicrosoftAppTenantId": "tenant",
            "WERKPLEK_TABLE_PREFIX": "acc",
        }
    )
    auth = settings.bot_auth()
    assert (auth.APP_ID, auth.APP_PASSWORD, auth.APP_TYPE, auth.APP_TENANTID) == (
        "app",
        "secret",
        "SingleTenant",
        "tenant",
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
    ],
)
def test_a_wrong_setting_is_named(env, name):
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env(env)
    assert caught.value.name == name


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
