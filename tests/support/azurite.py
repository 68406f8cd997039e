"""Start the Azurite Table service from the project's node_modules, on a free port.

`Azurite.start()` keeps its data in memory (the shared test server). Started with a
`location`, it keeps its data on disk there, so the same server can be stopped and started
again (same port, same data) or frozen and thawed: the storage faults of
tests/test_storage_faults.py. `faults` counts what was injected.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
from dataclasses import dataclass, field
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
class Faults:
    """What a test run did to the storage."""

    outages: int = 0  # stopped, then started again
    stalls: int = 0  # frozen (SIGSTOP): connections accepted, nothing answered


@dataclass
class Azurite:
    process: asyncio.subprocess.Process
    port: int
    location: Path | None = None  # None: in memory, lost when stopped
    faults: Faults = field(default_factory=Faults)

    @property
    def connection_string(self) -> str:
        return (
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            f"AccountKey={ACCOUNT_KEY};"
            f"TableEndpoint=http://127.0.0.1:{self.port}/devstoreaccount1;"
        )

    @classmethod
    async def start(cls, wait_seconds: float = 60, *, location: Path | None = None) -> Azurite:
        """A new Azurite on a free port; with `location`, its data persists there."""
        port = free_port()
        return cls(await _launch(port, location, wait_seconds), port, location)

    @property
    def running(self) -> bool:
        return self.process.returncode is None

    async def stop(self) -> None:
        """End it. With a location, the way Ctrl-C does: Azurite writes its data out first
        (SIGTERM would end it at once, losing what it had not saved yet)."""
        if self.running:
            os.killpg(self.process.pid, signal.SIGCONT)  # a frozen process cannot end
            os.killpg(self.process.pid, signal.SIGINT if self.location else signal.SIGTERM)
            try:
                async with asyncio.timeout(30):
                    await self.process.wait()
            except TimeoutError:  # it hung while closing: end it
                os.killpg(self.process.pid, signal.SIGKILL)
                await self.process.wait()

    async def start_again(self, wait_seconds: float = 60) -> None:
        """After stop(): the same Azurite again, on the same port with the same data."""
        if self.running:
            raise RuntimeError("Azurite is still running")
        if self.location is None:
            raise RuntimeError("an in-memory Azurite lost its data: start it with a location")
        self.process = await _launch(self.port, self.location, wait_seconds)

    async def outage(self) -> None:
        """Storage goes down: connections are refused until start_again()."""
        await self.stop()
        self.faults.outages += 1

    def freeze(self) -> None:
        """Storage hangs: connections are accepted (by the kernel) but nothing is answered.

        Returns once the process is stopped (signals are delivered asynchronously), so that a
        request sent next cannot be answered any more."""
        os.killpg(self.process.pid, signal.SIGSTOP)
        self.faults.stalls += 1
        deadline = time.monotonic() + 5
        while _state(self.process.pid) != "T":
            if time.monotonic() > deadline:
                raise RuntimeError("Azurite did not stop")
            os.sched_yield()

    def thaw(self) -> None:
        """The frozen Azurite goes on, answering what was sent to it meanwhile."""
        os.killpg(self.process.pid, signal.SIGCONT)


async def _launch(
    port: int, location: Path | None, wait_seconds: float
) -> asyncio.subprocess.Process:
    if not AZURITE_TABLE.exists():
        raise RuntimeError(f"{AZURITE_TABLE} is missing: run `make setup`")
    persistence = ["--location", str(location)] if location else ["--inMemoryPersistence"]
    process = await asyncio.create_subprocess_exec(
        str(AZURITE_TABLE),
        "--tableHost",
        "127.0.0.1",
        "--tablePort",
        str(port),
        *persistence,
        "--disableTelemetry",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,  # its own process group, so stop() ends node and children
    )
    output = b""
    try:
        async with asyncio.timeout(wait_seconds):
            while READY not in output:
                line = await process.stdout.readline()
                if not line:
                    raise RuntimeError(f"Azurite exited: {output.decode(errors='replace')}")
                output += line
    except BaseException:
        if process.returncode is None:
            os.killpg(process.pid, signal.SIGTERM)
            await process.wait()
        raise
    asyncio.get_running_loop().create_task(_drain(process.stdout))
    return process


def _state(pid: int) -> str:
    """The process state letter of /proc/<pid>/stat ("T": stopped)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2]


async def _drain(stream: asyncio.StreamReader) -> None:
    while await stream.readline():
        pass
