"""The payroll export: a month of telework as lines for the time registration and payroll.

`rows(days, org)` turns every person's days of a month (as storage loads them) into one
line per person per telework day, sorted by e-mail, then date:

    email, name, date (YYYY-MM-DD), time code, hours (h:mm), allowance (2 decimals), status

Decisions, so that the export and the monthly card always agree (`totals(rows)` per person
equals `werkplek.telework.month_totals` of that person's days, hours and allowance):

- **Registered** telework (status ``registered``) carries its hours (the policy's full or
  half day) and, under the per-day scheme, `day_allowance` (a half day earns what the
  policy's ``half_day_allowance`` says: nothing, half or the full amount).
- **Requested** telework (beyond the weekly norm, waiting for the manager; status
  ``requested``) is listed with its hours for information, so the time registration can
  follow up, but its allowance is always 0.00 and it counts in no total. Payroll systems
  must ignore these lines (filter on status).
- A day half registered and half requested gives two half-day lines, one per status; that
  is the only case of two lines for one person on one day.
- **Monthly tiers** (``policy.allowance_tiers``): no day earns anything by itself, so every
  line's allowance is 0.00 except the person's *last registered day* of the month, which
  carries the month's amount (the highest tier reached). A person without any registered day
  gets no amount (a tier of 0 days is not paid out to someone who only asked).
- **Who**: people are told apart by e-mail (case-insensitive; a person's days under two
  Teams identities with one e-mail are one person). The name is the organisation file's name
  for that e-mail, else the latest name Teams gave. People without an e-mail are still
  listed, with an empty e-mail column, after everyone else (by name), each on their own.

Pure: no storage and no SDK. `write_csv` and `write_xlsx` write the lines out.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from werkplek.booking import PersonDay
from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation
from werkplek.telework import (
    HomeStatus,
    TeleworkDay,
    day_allowance,
    format_minutes,
    minutes_of,
    month_totals,
    telework_days,
)

REGISTERED = "registered"
REQUESTED = "requested"
HEADER = ("email", "name", "date", "time_code", "hours", "allowance", "status")
TOTALS_SHEET = "totals"
ZERO = Decimal("0.00")
_CENTS = Decimal("0.01")
_STATUS = {HomeStatus.HOME: REGISTERED, HomeStatus.REQUESTED: REQUESTED}
_HALF_ORDER = {DayPart.FULL: 0, DayPart.MORNING: 0, DayPart.AFTERNOON: 1}


@dataclass(frozen=True)
class PayrollRow:
    person: str  # who, for totals: the e-mail, or "key:{storage key}" without one
    email: str
    name: str
    day: date
    part: DayPart
    time_code: str
    minutes: int
    allowance: Decimal
    status: str  # REGISTERED or REQUESTED

    @property
    def hours(self) -> str:
        return format_minutes(self.minutes)

    def csv_fields(self) -> list[str]:
        return [
            self.email,
            self.name,
            self.day.isoformat(),
            self.time_code,
            self.hours,
            f"{self.allowance.quantize(_CENTS)}",
            self.status,
        ]


@dataclass(frozen=True)
class PersonTotal:
    """What payroll pays one person for the month: registered hours and allowance."""

    person: str
    email: str
    name: str
    minutes: int
    allowance: Decimal

    @property
    def hours(self) -> str:
        return format_minutes(self.minutes)


def rows(days: list[PersonDay], org: Organisation) -> list[PayrollRow]:
    """One line per person per telework day (two for a day half registered, half requested)."""
    policy = org.policy
    groups: dict[str, list[PersonDay]] = {}
    for person_day in days:
        groups.setdefault(_who(person_day), []).append(person_day)

    result: list[PayrollRow] = []
    for who, person_days in groups.items():
        person_days = sorted(person_days, key=lambda d: d.day)
        email = (person_days[0].person.email or "").strip().casefold()
        name = org.display_name(email) or _latest_name(person_days)
        lines: list[PayrollRow] = []
        worked: list[TeleworkDay] = []
        for person_day in person_days:
            for entry in telework_days(_with_statuses(person_day)):
                worked.append(entry)
                registered = entry.status is HomeStatus.HOME
                lines.append(
                    PayrollRow(
                        person=who,
                        email=email,
                        name=name,
                        day=entry.day,
                        part=entry.part,
                        time_code=policy.time_code,
                        minutes=minutes_of(entry.part, policy),
                        allowance=day_allowance(entry.part, policy) if registered else ZERO,
                        status=_STATUS[entry.status],
                    )
                )
        lines.sort(key=lambda r: (r.day, _HALF_ORDER[r.part], r.status != REGISTERED))
        if policy.allowance_tiers:
            registered_lines = [i for i, r in enumerate(lines) if r.status == REGISTERED]
            if registered_lines:
                last = registered_lines[-1]
                amount = month_totals(worked, policy).allowance
                lines[last] = replace(lines[last], allowance=amount.quantize(_CENTS))
        result.extend(lines)

    result.sort(key=_order)
    return result


def totals(payroll_rows: Iterable[PayrollRow]) -> list[PersonTotal]:
    """Per person, in the order of the lines: registered hours and the allowance of the month."""
    found: dict[str, PersonTotal] = {}
    for row in payroll_rows:
        total = found.get(row.person) or PersonTotal(row.person, row.email, row.name, 0, ZERO)
        if row.status == REGISTERED:
            minutes, allowance = total.minutes + row.minutes, total.allowance + row.allowance
            total = replace(total, minutes=minutes, allowance=allowance)
        found[row.person] = total
    return list(found.values())


def _inert(value: object) -> object:
    """Text a spreadsheet would run as a formula (a name typed in Teams) is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(payroll_rows: Iterable[PayrollRow], stream: TextIO) -> None:
    """The header, then one line per row; `\\n` line endings (open files with newline="")."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    for row in payroll_rows:
        writer.writerow([_inert(field) for field in row.csv_fields()])


def write_xlsx(payroll_rows: list[PayrollRow], path: Path, time_code: str | None = None) -> None:
    """A spreadsheet: the lines on a sheet named after the time code, and a totals sheet.

    Dates are real dates, hours are text ``h:mm`` (as time registration takes them, and
    safe beyond 24 hours), allowances are numbers with two decimals.
    """
    from openpyxl import Workbook  # only the spreadsheet export needs openpyxl

    code = time_code or (payroll_rows[0].time_code if payroll_rows else "thuiswerk")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(code)
    sheet.append(list(HEADER))
    for row in payroll_rows:
        email, name = _inert(row.email), _inert(row.name)
        sheet.append([email, name, row.day, row.time_code, row.hours, row.allowance, row.status])
    _format(sheet, dates="C", hours="E", amounts="F")

    totals_sheet = workbook.create_sheet(
        TOTALS_SHEET if sheet.title.casefold() != TOTALS_SHEET else f"{TOTALS_SHEET} (2)"
    )
    totals_sheet.append(["email", "name", "hours", "allowance"])
    for total in totals(payroll_rows):
        totals_sheet.append([_inert(total.email), _inert(total.name), total.hours, total.allowance])
    _format(totals_sheet, dates=None, hours="C", amounts="D")
    workbook.save(path)


def _format(sheet: Any, *, dates: str | None, hours: str, amounts: str) -> None:
    """Bold header, frozen first row, cell formats per column, widths to fit."""
    from openpyxl.styles import Font
    from openpyxl.utils import column_index_from_string, get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, number_format in ((dates, "yyyy-mm-dd"), (hours, "@"), (amounts, "0.00")):
        if column is None:
            continue
        index = column_index_from_string(column)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = number_format
    for i, column_cells in enumerate(sheet.iter_cols(), start=1):
        width = max(len(_shown(c.value)) for c in column_cells)
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def _sheet_title(code: str) -> str:
    """Excel refuses []:*?/\\ in sheet names, longer than 31 characters or empty."""
    title = re.sub(r"[\[\]:*?/\\]", "-", code).strip("'").strip()[:31]
    return title or "thuiswerk"


def _who(person_day: PersonDay) -> str:
    email = (person_day.person.email or "").strip().casefold()
    return email or f"key:{person_day.person.key}"


def _latest_name(person_days: list[PersonDay]) -> str:
    names = [d.person.name for d in person_days if d.person.name]
    return names[-1] if names else ""


def _with_statuses(person_day: PersonDay) -> PersonDay:
    """Statuses as HomeStatus members (telework_days and month_totals compare by identity)."""
    home = {}
    for half, status in person_day.home.items():
        try:
            home[half] = HomeStatus(status)
        except ValueError:
            continue  # an unknown status is no telework
    return replace(person_day, home=home)


def _order(row: PayrollRow) -> tuple[object, ...]:
    without_email = not row.email
    return (
        without_email,
        row.email,
        row.name.casefold() if without_email else "",
        row.person,
        row.day,
        _HALF_ORDER[row.part],
        row.status != REGISTERED,
    )
