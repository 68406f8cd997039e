"""`python app.py remind [--at 2026-11-26T16:00+01:00]`: send the reminders due by then.

For cron or an Azure Functions timer, with WERKPLEK_REMINDERS=off on the bot: every
reminder whose time has come today (local time) and that was not sent yet is sent, then
the command exits 0. Two runs at once send each reminder once (the sender lease and the
per-reminder claims in Table storage). A bad --at or unreachable storage: one line on
standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, datetime

from config import Settings
from werkplek.errors import WerkplekError
from werkplek.organisation import load_organisation

log = logging.getLogger("werkplek.remind")

PROG = "python app.py remind"


def parse_instant(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time: use ISO 8601, like 2026-11-26T16:00+01:00"
        ) from None


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument(
        "--at",
        type=parse_instant,
        help="the instant to send for (default: now); without an offset, the organisation's "
        "time zone",
    )
    return parser.parse_args(argv)


async def run(settings: Settings, at: datetime | None) -> int:
    from app import build_parts  # the same parts as the bot: one wiring

    org = load_organisation(settings.organisation_file)
    instant = at or datetime.now(UTC)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=org.timezone)
    async with build_parts(settings, org, lambda: instant) as parts:
        report = await parts.reminders.run(instant)
    if not report.lease:
        log.info("another sender is sending the reminders now; nothing to do here")
    return 0


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    try:
        return asyncio.run(run(Settings.from_env(), args.at))
    except WerkplekError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)  # noqa: T201 - the command's error line
        return 2
