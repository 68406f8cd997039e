"""Reminder fan-out: the weekly planning nudge for N people (default 10,000), sent through
the Bot Connector stand-in running in its own process with Teams' published limits
enforced (7/s, 8/2 s, 60/30 s, 1,800/h per conversation; 30/s per app and tenant).

    python -m bench.reminders [--users 10000] [--limit 30]

Prints how many were sent, how many answers were 429, the achieved rate and that rate as
a fraction of the limit's maximum, the storage requests per reminder, and the peak memory
of this process. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import ClientSession

from app import build_parts
from config import DEMO_ORGANISATION, Settings
from storage.reminders import reach_entity
from storage.tables import TableNames, Tables
from tests.support.azurite import Azurite
from werkplek.organisation import load_organisation

ROOT = Path(__file__).resolve().parents[1]
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
THURSDAY_TWO = datetime(2026, 11, 26, 14, 0, tzinfo=ZoneInfo("Europe/Brussels"))


async def start_connector(limit: float) -> tuple[asyncio.subprocess.Process, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.support.connector",
        "--port",
        "0",
        "--global-per-second",
        str(limit),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    line = (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
    return process, line.strip().removeprefix("listening on ")


async def add_people(settings: Settings, connector_url: str, count: int) -> None:
    """N people who installed the app: their reach rows, 100 to a transaction."""
    tables = Tables(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
    )
    try:
        await tables.create()
        batch = []
        for i in range(count):
            key = f"bench-user-{i:05d}"
            reference = {
                "activityId": None,
                "bot": {"id": "28:werkplek-bot", "name": "Werkplek"},
                "channelId": "msteams",
                "conversation": {
                    "id": f"a:bench-{i:05d}",
                    "conversationType": "personal",
                    "tenantId": TENANT,
                },
                "serviceUrl": connector_url,
                "user": {"id": f"29:{key}", "aadObjectId": key, "name": f"Person {i}"},
            }
            entity = reach_entity(key, f"Person {i}", f"p{i}@example.org", "nl-BE", reference)
            batch.append(("upsert", entity))
            if len(batch) == 100:
                await tables.users.submit_transaction(batch)
                batch = []
        if batch:
            await tables.users.submit_transaction(batch)
    finally:
        await tables.close()


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=30, help="global messages per second")
    args = parser.parse_args(argv)

    azurite = await Azurite.start()
    connector, connector_url = await start_connector(args.limit)
    try:
        settings = Settings(
            storage_connection_string=azurite.connection_string,
            table_prefix=f"bench{int(time.time())}",
            reminders=False,
            send_rate=args.limit,
        )
        await add_people(settings, connector_url, args.users)
        org = load_organisation(DEMO_ORGANISATION)
        async with build_parts(settings, org, lambda: THURSDAY_TWO) as parts:
            before = parts.tables.requests.total
            started = time.perf_counter()
            report = await parts.reminders.run(THURSDAY_TWO)
            elapsed = time.perf_counter() - started
            requests = parts.tables.requests.total - before
        async with ClientSession() as http, http.get(f"{connector_url}/_stats") as response:
            stats = json.loads(await response.text())
    finally:
        connector.terminate()
        await connector.wait()
        await azurite.stop()

    sent = stats["sent"]
    span = (stats["last_sent"] or 0) - (stats["first_sent"] or 0)
    rate = (sent - 1) / span if sent > 1 and span > 0 else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_results(args, sent, stats, elapsed, rate, requests, peak_mb)
    print(f"people                      {args.users}")
    print(f"reminders sent (connector)  {sent}  (run report: {dict(report.outcomes)})")
    print(f"answered 429 and retried    {stats['throttled']}")
    print(f"run time                    {elapsed:.1f} s")
    print(f"achieved rate               {rate:.2f} messages/s")
    print(f"fraction of the limit       {rate / args.limit:.3f}  (limit {args.limit:g}/s)")
    print(f"most in any 1 s window      {stats['max_in_any_second']}")
    print(f"storage requests/reminder   {requests / max(sent, 1):.2f}")
    print(f"peak memory (bench process) {peak_mb:.0f} MB")


def write_results(
    args: argparse.Namespace,
    sent: int,
    stats: dict,
    elapsed: float,
    rate: float,
    requests: int,
    peak_mb: float,
) -> None:
    """bench/results/reminders.md, next to the turns' table."""
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    rows = [
        ("people (a planning nudge each)", f"{args.users:,}"),
        ("sent, as received by the connector", f"{sent:,}"),
        ("run time", f"{elapsed:.0f} s"),
        ("achieved rate", f"{rate:.1f} messages/s"),
        ("fraction of the 30/s limit", f"{rate / args.limit:.2f}"),
        ("most in any 1 s window", str(stats["max_in_any_second"])),
        ("answers of 429 (retried, none lost)", str(stats["throttled"])),
        ("storage requests per reminder", f"{requests / max(sent, 1):.2f}"),
        ("peak memory of the sending process", f"{peak_mb:.0f} MB"),
    ]
    text = "\n".join(
        [
            "# Reminder fan-out",
            "",
            "The weekly planning nudge through the Bot Connector stand-in in its own process,",
            "enforcing Teams' published limits (7/1 s, 8/2 s, 60/30 s, 1,800/h per conversation;",
            f"{args.limit}/s per app and tenant).",
            "",
            "| | |",
            "|---|---:|",
            *(f"| {name} | {value} |" for name, value in rows),
            "",
        ]
    )
    (out / "reminders.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
