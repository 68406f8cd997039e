"""Start the Azurite Table service from the project's node_modules, on a free port."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AZURITE_TABLE = ROOT / "node_modules" / ".bin" / "azurite-table"
ACCOUNT_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)
READY = b"successfully started on"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Azurite:
    process: asyncio.subprocess.Process
    port: int

    @property
    def connection_string(self) -> str:
        return (
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            f"AccountKey={ACCOUNT_KEY};"
            f"TableEndpoint=http://127.0.0.1:{self.port}/devstoreaccount1;"
        )

    @classmethod
    async def start(cls, wait_seconds: float = 60) -> Azurite:
        if not AZURITE_TABLE.exists():
            raise RuntimeError(f"{AZURITE_TABLE} is missing: run `make setup`")
        port = free_port()
        process = await asyncio.create_subprocess_exec(
            str(AZURITE_TABLE),
            "--tableHost",
            "127.0.0.1",
            "--tablePort",
            str(port),
            "--inMemoryPersistence",
            "--disableTelemetry",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() ends node and children
        )
        output = b""
        async with asyncio.timeout(wait_seconds):
            while READY not in output:
                line = await process.stdout.readline()
                if not line:
                    raise RuntimeError(f"Azurite exited: {output.decode(errors='replace')}")
                output += line
        asyncio.get_running_loop().create_task(_drain(process.stdout))
        return cls(process, port)

    async def stop(self) -> None:
        if self.process.returncode is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            await self.process.wait()


async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.readline():
        pass
