"""`python app.py export --month 2026-11`: the month's telework for time registration and payroll.

CSV on standard output by default (UTF-8, ``\\n`` line endings), or to ``--output FILE``;
``--format xlsx --output FILE`` writes a spreadsheet. The lines and their rules are those of
`werkplek.payroll`. Storage is only read: a missing bookings table is a month without data.
Any error is one line on standard error and exit status 2; standard output holds only the CSV.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import logging
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NoReturn

from azure.core.exceptions import AzureError

from config import Settings
from storage.bookings import TableBookingRepository
from storage.tables import TableNames, Tables
from werkplek import payroll
from werkplek.booking import PersonDay
from werkplek.errors import StorageUnavailable, WerkplekError
from werkplek.organisation import Organisation, load_organisation

log = logging.getLogger("werkplek.export")

PROG = "python app.py export"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Month:
    first: date
    last: date

    def __str__(self) -> str:
        return f"{self.first.year:04d}-{self.first.month:02d}"


def parse_month(text: str) -> Month:
    """`YYYY-MM` as its first and last day; anything else is an argparse error."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a month: give the year and month as YYYY-MM, like 2026-11"
        )
    year, month = int(match[1]), int(match[2])
    return Month(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Export a month of telework for time registration and payroll.",
    )
    parser.add_argument("--month", required=True, type=parse_month, help="YYYY-MM, like 2026-11")
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="default csv")
    parser.add_argument(
        "--output", type=Path, help="file to write (required for xlsx; CSV goes to stdout)"
    )
    return parser


def main(argv: list[str]) -> int:
    """Run the export; 0 when written, 2 for wrong arguments or any error (said on stderr)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.format == "xlsx" and args.output is None:
            parser.error("--output FILE is required with --format xlsx")
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 2
    try:
        settings = Settings.from_env()
        org = load_organisation(settings.organisation_file)
        days = asyncio.run(_load(settings, org, args.month))
    except WerkplekError as exc:
        log.error("export failed: %s", exc)
        return 2
    lines = payroll.rows(days, org)
    try:
        _write(lines, args.format, args.output, org)
    except OSError as exc:
        log.error("export failed: cannot write %s: %s", args.output or "stdout", exc)
        return 2
    log.info(
        "exported %s: %d lines, %d people",
        args.month,
        len(lines),
        len(payroll.totals(lines)),
    )
    return 0


async def _load(settings: Settings, org: Organisation, month: Month) -> list[PersonDay]:
    """Every person's days of the month; nothing is created (a missing table is no data)."""
    names = TableNames.with_prefix(settings.table_prefix)
    tables = Tables(settings.storage_connection_string, names)
    try:
        if not await _table_exists(tables, tables.names.bookings):
            log.info("table %s does not exist: no registrations", tables.names.bookings)
            return []
        repository = TableBookingRepository(tables.bookings, org)
        return await repository.everyone_days(month.first, month.last)
    finally:
        await tables.close()


async def _table_exists(tables: Tables, name: str) -> bool:
    # everyone_days turns a missing table (ResourceNotFoundError) into StorageUnavailable,
    # like an unreachable service, so ask the service first.
    try:
        async for _ in tables.service.query_tables("TableName eq @name", parameters={"name": name}):
            return True
    except AzureError as exc:
        where = tables.service.url.split("?")[0]
        raise StorageUnavailable(
            f"Table storage at {where} cannot be read ({type(exc).__name__})"
        ) from exc
    return False


def _write(
    lines: list[payroll.PayrollRow], fmt: str, output: Path | None, org: Organisation
) -> None:
    if fmt == "xlsx":
        assert output is not None
        payroll.write_xlsx(lines, output, org.policy.time_code)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as stream:
            payroll.write_csv(lines, stream)
    else:
        sys.stdout.reconfigure(encoding="utf-8", newline="")  # type: ignore[attr-defined]
        payroll.write_csv(lines, sys.stdout)
        sys.stdout.flush()
