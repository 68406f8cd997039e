"""Run `python app.py <command>` as a deployment would: a process with its own environment."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from config import Settings

ROOT = Path(__file__).resolve().parents[2]


async def app_command(
    command: str, *args: str, settings: Settings | None = None, **env: str
) -> tuple[int, bytes, str]:
    """Exit status, standard output and standard error of `python app.py command args`,
    pointed at the test's tables when `settings` are given."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}
    if settings is not None:
        environment["AZURE_STORAGE_CONNECTION_STRING"] = settings.storage_connection_string
        environment["WERKPLEK_TABLE_PREFIX"] = settings.table_prefix
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "app.py"),
        command,
        *args,
        env=environment,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode or 0, stdout, stderr.decode("utf-8", "replace")
