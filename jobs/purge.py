"""`python app.py purge [--today 2026-11-23]`: delete what is past the retention period.

Registrations (day partitions: desks, telework, team and zone rows) before the first day
of the month WERKPLEK_RETENTION_MONTHS months (default 24) before this one, and reminder
claims older than 14 days. For cron, with WERKPLEK_REMINDERS=off on the bot; the bot's
in-process schedule runs the same purge once a day otherwise. Running it twice, or while
the bot purges, deletes nothing twice. Prints the counts of rows deleted (no names, no
e-mails) and exits 0; a bad --today or unreachable storage: one line on standard error
and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, date, datetime, timedelta
from typing import NoReturn

from azure.core.exceptions import AzureError

from config import Settings
from storage.gdpr import TableGdprStore
from storage.tables import TableNames, Tables
from werkplek.errors import StorageUnavailable, WerkplekError
from werkplek.my_data import PurgeReport, RetentionService
from werkplek.organisation import load_organisation

log = logging.getLogger("werkplek.purge")

PROG = "python app.py purge"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def parse_day(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day: use YYYY-MM-DD, like 2026-11-23"
        ) from None
    if day.year < 2000:
        raise argparse.ArgumentTypeError(f"{text!r} is before the year 2000")
    if day > datetime.now(UTC).date() + timedelta(days=1):
        # A day in the future would purge registrations that must still be kept.
        raise argparse.ArgumentTypeError(f"{text!r} is in the future")
    return day


def _parser() -> _Parser:
    parser = _Parser(prog=PROG, description=__doc__.splitlines()[0])
    parser.add_argument(
        "--today",
        type=parse_day,
        help="the day to count the retention period from (default: today, local time)",
    )
    return parser


async def run(settings: Settings, today: date | None) -> PurgeReport:
    org = load_organisation(settings.organisation_file)
    day = today or datetime.now(UTC).astimezone(org.timezone).date()
    names = TableNames.with_prefix(settings.table_prefix)
    tables = Tables(settings.storage_connection_string, names)
    try:
        await _check_reachable(tables)
        service = RetentionService(TableGdprStore(tables), org.timezone, settings.retention_months)
        return await service.purge(day)
    finally:
        await tables.close()


async def _check_reachable(tables: Tables) -> None:
    """One listing of the tables, so that storage down is one clear line (missing tables are
    nothing to purge)."""
    try:
        async for _ in tables.service.list_tables(results_per_page=1):
            break
    except AzureError as exc:
        where = tables.service.url.split("?")[0]
        raise StorageUnavailable(
            f"Table storage at {where} cannot be read ({type(exc).__name__})"
        ) from exc


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)  # noqa: T201 - the command's error line
        return 2
    try:
        report = asyncio.run(run(Settings.from_env(), args.today))
    except WerkplekError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)  # noqa: T201 - the command's error line
        return 2
    rows = ", ".join(f"{kind} {count}" for kind, count in sorted(report.rows.items())) or "none"
    print(  # noqa: T201 - the command's report, counts only
        f"purged registrations before {report.first_kept.isoformat()}: {rows}; "
        f"reminder rows: {report.reminder_rows}"
    )
    return 0
