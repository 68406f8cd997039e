"""What a turn costs, against the SDK's own floor, in one run (`make bench`).

    python -m bench.turns [--turns 200] [--out bench/results]

Starts Azurite, loads the benchmark organisation (bench/dataset.py: 2,000 people, 40 zones,
1,200 desks, three months of bookings and telework), the Bot Connector stand-in in this
process, and two bots as their own processes: a stock botbuilder echo bot (bench/echo_bot.py,
the floor) and Werkplek (`python app.py`). For each turn it measures, from the POST until the
last reply reached the stand-in: median and p99 latency one conversation at a time, and
throughput with 1, 8 and 32 conversations at once. Storage requests per turn are counted in
a separate in-process pass (the same code, with the storage client's request counter; each
user's second turn of a kind, once the directory and their follows are at hand), and
the bot process's peak memory is read from /proc. Writes results.md and results.png.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from app import TABLES, create_app
from bench.dataset import load, write_organisation
from config import Settings
from storage.bookings import TableBookingRepository
from storage.tables import TableNames, Tables
from storage.users import TableUserRepository
from tests.support.azurite import Azurite, free_port
from tests.support.connector import ConnectorStandIn
from tests.support.identity_provider import IdentityProvider
from tests.support.teams import TENANT, TeamsUser
from werkplek.calendar import holiday_name
from werkplek.organisation import Organisation

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = (1, 8, 32)


APP_ID = "00000000-0000-4000-8000-00000000beef"
APP_SECRET = "bench-secret"


class SignedUser(TeamsUser):
    """A Teams user whose activities carry the channel's signed token, as in production."""

    token = ""

    async def post(self, activity: dict[str, Any]) -> int:
        self.posted.add(activity["id"])
        headers = {"Authorization": f"Bearer {self.token}"}
        url = f"{self.bot_url}/api/messages"
        async with self.session.post(url, json=activity, headers=headers) as response:
            await response.read()
            return response.status


class TimedStandIn(ConnectorStandIn):
    """The stand-in, noting when the last reply to each activity arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, float] = {}

    def app(self) -> web.Application:
        app = super().app()

        @web.middleware
        async def note(request: web.Request, handler):
            response = await handler(request)
            reply_to = request.match_info.get("reply_to")
            if reply_to and request.method == "POST":
                self.arrived[reply_to] = time.perf_counter()
            return response

        app.middlewares.append(note)
        return app


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)  # ms
    throughput: dict[int, float] = field(default_factory=dict)  # turns/s by concurrency
    storage: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


Turn = Callable[[TeamsUser, int], Awaitable[None]]


def working_days_from(today: date, count: int) -> list[date]:
    days, day = [], today
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5 and holiday_name(day) is None:
            days.append(day)
    return days


def turns(days: list[date]) -> dict[str, Turn]:
    """Each benchmarked turn, as a user would start it; `i` varies the day."""

    def day(i: int) -> str:
        return days[i % len(days)].isoformat()

    async def say(user: TeamsUser, text: str) -> None:
        await _timed_post(user, user.activity(text=text))

    async def book(user: TeamsUser, i: int) -> None:
        await say(user, f"book a desk {day(i)}")

    async def my_bookings(user: TeamsUser, i: int) -> None:
        await say(user, "my bookings")

    async def whos_in(user: TeamsUser, i: int) -> None:
        await say(user, f"who's in on {day(i)}?")

    async def telework(user: TeamsUser, i: int) -> None:
        await say(user, f"I work from home on {day(i + 3)}")

    async def card_submit(user: TeamsUser, i: int) -> None:
        value = {"werkplek": "book", "date": day(i + 7), "part": "am"}
        await _timed_post(user, user.activity(text="", value=value, replyToId="card-1"))

    async def help_(user: TeamsUser, i: int) -> None:
        await say(user, "help")

    return {
        "book a desk (text)": book,
        "my bookings": my_bookings,
        "who's in (2,000 people)": whos_in,
        "telework registration": telework,
        "card submit (book)": card_submit,
        "help": help_,
    }


_started: dict[str, float] = {}
_latency: list[float] = []


async def _timed_post(user: TeamsUser, activity: dict[str, Any]) -> None:
    start = time.perf_counter()
    status = await user.post(activity)
    end = time.perf_counter()
    if not 200 <= status < 300:
        raise RuntimeError(f"the bot answered {status}")
    arrived = user.connector.arrived.get(activity["id"], end)  # type: ignore[attr-defined]
    _latency.append((max(arrived, start) - start) * 1000)


async def measure(turn: Turn, users: list[TeamsUser], count: int, result: Result) -> None:
    """Latency one at a time, then throughput at each concurrency."""
    _latency.clear()
    for i in range(count):
        await turn(users[i % len(users)], i)
    result.latencies = list(_latency)
    for level in CONCURRENCY:
        queue = iter(range(count))
        start = time.perf_counter()

        async def conversation(user: TeamsUser, queue=queue) -> None:
            for i in queue:
                await turn(user, i + 1000)

        await asyncio.gather(*(conversation(u) for u in users[:level]))
        result.throughput[level] = count / (time.perf_counter() - start)


async def start_process(*args: str, env: dict[str, str], url: str) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL
    )
    async with ClientSession() as http:
        for _ in range(300):
            try:
                async with http.get(url) as response:
                    if response.status < 500:
                        return process
            except OSError:
                pass
            await asyncio.sleep(0.1)  # waiting for a process to listen, not a test
    raise RuntimeError(f"{args} did not start")


def _auth_env(idp: IdentityProvider) -> dict[str, str]:
    return {
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": APP_SECRET,
        "MicrosoftAppType": "SingleTenant",
        "MicrosoftAppTenantId": TENANT,
        "ToBotFromChannelOpenIdMetadataUrl": idp.metadata_url,
        "ToBotFromChannelTokenIssuer": idp.issuer,
        "ToChannelFromBotLoginUrl": idp.login_url(TENANT),
    }


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def count_storage(
    settings: Settings,
    org: Organisation,
    all_turns: dict[str, Turn],
    http: ClientSession,
    standin: TimedStandIn,
    connector_url: str,
    results: dict[str, Result],
) -> None:
    """Storage requests per turn, in-process, through the storage client's own counter."""
    server = TestServer(create_app(settings, organisation=org), host="127.0.0.1")
    await server.start_server()
    try:
        url = str(server.make_url("")).rstrip("/")
        users = [
            TeamsUser(http, url, standin, connector_url, p.name or "", p.email)
            for p in org.people[100:110]
        ]
        for user in users:
            await user.says("help")  # known users: the roster is asked once
        requests = server.app[TABLES].requests
        for name, turn in all_turns.items():
            for i, user in enumerate(users):  # each user's first: follows, directory are read
                await turn(user, i + 2000)
            before = requests.total
            for i, user in enumerate(users):
                await turn(user, i + 3000)
            results[name].storage = (requests.total - before) / len(users)
    finally:
        await server.close()


async def run(count: int, out: Path) -> None:
    azurite = await Azurite.start()
    standin = TimedStandIn()
    connector = TestServer(standin.app(), host="127.0.0.1")
    await connector.start_server()
    connector_url = str(connector.make_url("")).rstrip("/")
    processes: list[asyncio.subprocess.Process] = []
    try:
        org_file = ROOT / "build" / "bench" / "organisation.yaml"
        org = write_organisation(org_file)
        settings = Settings(
            storage_connection_string=azurite.connection_string,
            table_prefix=f"bench{int(time.time())}",
            organisation_file=org_file,
            reminders=False,
        )
        today = datetime.now(org.timezone).date()
        tables = Tables(
            settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
        )
        await tables.create()
        started = time.perf_counter()
        rows = await load(
            org,
            TableBookingRepository(tables.bookings, org),
            TableUserRepository(tables.users),
            today,
        )
        load_seconds = time.perf_counter() - started
        await tables.close()
        print(f"data set: {rows} rows in {load_seconds:.0f} s", flush=True)

        env = {
            "PATH": os.environ.get("PATH", ""),
            "AZURE_STORAGE_CONNECTION_STRING": settings.storage_connection_string,
            "WERKPLEK_TABLE_PREFIX": settings.table_prefix,
            "WERKPLEK_CONFIG": str(org_file),
            "WERKPLEK_REMINDERS": "off",
            "LOG_LEVEL": "WARNING",
        }
        echo_port, bot_port = free_port(), free_port()
        echo = await start_process(
            "-m", "bench.echo_bot", str(echo_port), env=env, url=f"http://127.0.0.1:{echo_port}/"
        )
        processes.append(echo)
        bot = await start_process(
            "app.py",
            env={**env, "PORT": str(bot_port)},
            url=f"http://127.0.0.1:{bot_port}/healthz",
        )
        processes.append(bot)

        days = working_days_from(today, 15)
        all_turns = turns(days)
        results: dict[str, Result] = {}
        async with ClientSession() as http:
            echo_users = [
                TeamsUser(
                    http,
                    f"http://127.0.0.1:{echo_port}",
                    standin,
                    connector_url,
                    f"E{i}",
                    f"echo{i}@x.org",
                )
                for i in range(32)
            ]

            async def echo_turn(user: TeamsUser, i: int) -> None:
                await _timed_post(user, user.activity(text=f"hello {i}"))

            baseline = Result("echo bot (botbuilder, stock)")
            await measure(echo_turn, echo_users, count, baseline)
            print(f"echo: {baseline.median:.1f} ms", flush=True)

            bot_url = f"http://127.0.0.1:{bot_port}"
            users = [
                TeamsUser(http, bot_url, standin, connector_url, p.name or "", p.email)
                for p in org.people[:64]
            ]
            for user in users:
                await user.says("help")  # first contact: the roster look-up, once per user
            for name, turn in all_turns.items():
                result = Result(name)
                await measure(turn, users, count, result)
                results[name] = result
                print(f"{name}: {result.median:.1f} ms", flush=True)
            memory = peak_memory_mb(bot.pid)

            # The same booking turn with an app id: every activity's token checked by the
            # SDK against a local OpenID/JWKS endpoint, replies with the bot's own token.
            idp = await IdentityProvider(apps={APP_ID: APP_SECRET}).start()
            processes.append(
                await start_process(
                    "app.py",
                    env={**env, **_auth_env(idp), "PORT": str(auth_port := free_port())},
                    url=f"http://127.0.0.1:{auth_port}/healthz",
                )
            )
            SignedUser.token = idp.channel_token(APP_ID, connector_url)
            signed = [
                SignedUser(
                    http,
                    f"http://127.0.0.1:{auth_port}",
                    standin,
                    connector_url,
                    p.name or "",
                    p.email,
                )
                for p in org.people[64:128]
            ]
            for user in signed:
                await user.says("help")
            name = "book a desk, authenticated"
            result = Result(name)
            await measure(all_turns["book a desk (text)"], signed, count, result)
            await idp.stop()
            results[name] = result
            print(f"{name}: {result.median:.1f} ms", flush=True)
            await count_storage(settings, org, all_turns, http, standin, connector_url, results)
        write_results(out, baseline, results, memory, rows, load_seconds)
    finally:
        for process in processes:
            process.terminate()
            await process.wait()
        await connector.close()
        await azurite.stop()


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d}"
    )


def write_results(
    out: Path, baseline: Result, results: dict[str, Result], memory: float, rows: int, load_s: float
) -> None:
    floor = baseline.median
    lines = [
        "| turn | median ms | p99 ms | median / echo | turns/s ×1 | ×8 | ×32 | storage requests |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def row(r: Result) -> str:
        storage = "—" if r.storage is None else f"{r.storage:.1f}"
        t = r.throughput
        return (
            f"| {r.name} | {r.median:.1f} | {r.p99:.1f} | {r.median / floor:.2f} | "
            f"{t[1]:.0f} | {t[8]:.0f} | {t[32]:.0f} | {storage} |"
        )

    lines.append(row(baseline))
    lines += [row(r) for r in results.values()]
    text = "\n".join(
        [
            "# Werkplek benchmark",
            "",
            f"Machine: {machine()}. Azurite from npm, the Bot Connector stand-in in the driver",
            f"process, each bot its own process. Data set: {rows:,} rows (2,000 people, 40",
            f"zones, 1,200 desks, three months) loaded in {load_s:.0f} s.",
            "",
            *lines,
            "",
            f"Werkplek's peak resident memory (VmHWM) over the whole run: {memory:.0f} MB.",
            "",
        ]
    )
    (out / "results.md").write_text(text, encoding="utf-8")
    plot(out / "results.png", baseline, results)
    print(text)


def plot(path: Path, baseline: Result, results: dict[str, Result]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [baseline, *results.values()]
    names = [r.name for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    positions = range(len(rows))
    left.barh([p + 0.2 for p in positions], [r.median for r in rows], height=0.4, label="median")
    left.barh([p - 0.2 for p in positions], [r.p99 for r in rows], height=0.4, label="p99")
    left.set_yticks(list(positions), names)
    left.invert_yaxis()
    left.set_xlabel("ms, POST to last reply at the connector")
    left.legend()
    for level, offset in zip(CONCURRENCY, (-0.27, 0, 0.27), strict=True):
        right.barh(
            [p + offset for p in positions],
            [r.throughput[level] for r in rows],
            height=0.27,
            label=f"{level} conversation{'s' if level > 1 else ''}",
        )
    right.set_yticks(list(positions), [""] * len(rows))
    right.invert_yaxis()
    right.set_xlabel("turns per second")
    right.legend()
    fig.suptitle("Werkplek turns against a stock botbuilder echo bot")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200, help="turns per measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    asyncio.run(run(args.turns, args.out))


if __name__ == "__main__":
    main()
