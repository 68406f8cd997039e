"""The payroll export: lines and totals (table-driven), and `python app.py export` on Azurite."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from config import DEMO_ORGANISATION, Settings
from storage.bookings import TableBookingRepository
from storage.tables import TableNames, Tables
from tests.support.commands import app_command
from werkplek import payroll
from werkplek.booking import Person, PersonDay, Seat
from werkplek.dayparts import DayPart
from werkplek.organisation import load_organisation, parse_organisation
from werkplek.telework import HomeStatus, format_minutes, month_totals, telework_days

AM, PM = DayPart.MORNING, DayPart.AFTERNOON
HOME, ASKED = HomeStatus.HOME, HomeStatus.REQUESTED
HEADER = "email,name,date,time_code,hours,allowance,status"


def organisation(**policy: object):
    return parse_organisation(
        {
            "organisation": {"name": "Test"},
            "policy": {"allowance_per_day": "3.00", **policy},
            "sites": [{"id": "hq", "zones": [{"id": "z", "desks": [{"id": "1"}]}]}],
            "people": [
                {"email": "an@example.org", "name": "An Peeters"},
                {"email": "bert@example.org", "name": "Bert Claes"},
            ],
        }
    )


def person_day(
    day: int, am: str | None = None, pm: str | None = None, *, who: Person | None = None
) -> PersonDay:
    who = who or Person("aad-an", "An (Teams)", "an@example.org")
    home = {half: status for half, status in ((AM, am), (PM, pm)) if status}
    return PersonDay(who, date(2026, 11, day), home=home)


# A month of An: a full day, a morning, an afternoon, a requested day, and a day half
# registered (morning) and half requested (afternoon).
AN_MONTH = [
    person_day(2, HOME, HOME),
    person_day(3, HOME),
    person_day(4, None, HOME),
    person_day(5, ASKED, ASKED),
    person_day(6, HOME, ASKED),
]
AN_LINES = [  # date, hours, status
    ("2026-11-02", "7:36", "registered"),
    ("2026-11-03", "3:48", "registered"),
    ("2026-11-04", "3:48", "registered"),
    ("2026-11-05", "7:36", "requested"),
    ("2026-11-06", "3:48", "registered"),
    ("2026-11-06", "3:48", "requested"),
]


def card_totals(days: list[PersonDay], org) -> tuple[str, Decimal]:
    """What the monthly card shows: werkplek.telework.month_totals over the same days."""
    worked = [entry for d in days for entry in telework_days(d)]
    totals = month_totals(worked, org.policy)
    return format_minutes(totals.minutes), totals.allowance


# --- Per-day scheme -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("half_day_allowance", "half_day_amount", "month_amount"),
    [("none", "0.00", "3.00"), ("half", "1.50", "7.50"), ("full", "3.00", "12.00")],
)
def test_per_day_scheme_pays_each_registered_day_and_half_days_as_the_policy_says(
    half_day_allowance, half_day_amount, month_amount
):
    org = organisation(half_day_allowance=half_day_allowance)
    lines = payroll.rows(AN_MONTH, org)

    assert [(r.day.isoformat(), r.hours, r.status) for r in lines] == AN_LINES
    assert [str(r.allowance) for r in lines] == [
        "3.00",
        half_day_amount,
        half_day_amount,
        "0.00",  # requested: never paid
        half_day_amount,
        "0.00",
    ]
    assert {r.time_code for r in lines} == {"thuiswerk"}
    (total,) = payroll.totals(lines)
    assert (total.hours, str(total.allowance)) == ("19:00", month_amount)
    assert (total.hours, total.allowance) == card_totals(AN_MONTH, org)


# --- Monthly tiers ------------------------------------------------------------------------

TIERS = [{"days": 2, "amount": "10.00"}, {"days": 3, "amount": "25.00"}]


@pytest.mark.parametrize(
    ("half_day_allowance", "month_amount"),
    [
        ("none", "0.00"),  # 1 counted day: no tier reached
        ("half", "10.00"),  # 1 + 3 x 0.5 = 2.5 days
        ("full", "25.00"),  # 1 + 3 x 1 = 4 days
    ],
)
def test_monthly_tiers_put_the_month_amount_on_the_last_registered_day(
    half_day_allowance, month_amount
):
    org = organisation(half_day_allowance=half_day_allowance, allowance_tiers=TIERS)
    lines = payroll.rows(AN_MONTH, org)

    assert [(r.day.isoformat(), r.hours, r.status) for r in lines] == AN_LINES
    # The last registered day is the morning of the 6th; its afternoon is only requested.
    assert [str(r.allowance) for r in lines] == ["0.00"] * 4 + [month_amount, "0.00"]
    (total,) = payroll.totals(lines)
    assert (total.hours, str(total.allowance)) == ("19:00", month_amount)
    assert (total.hours, total.allowance) == card_totals(AN_MONTH, org)


@pytest.mark.parametrize(
    "policy",
    [
        {},
        {"half_day_allowance": "half"},
        {"half_day_allowance": "full", "allowance_per_day": "2.75"},
        {"allowance_tiers": TIERS},
        {"allowance_tiers": TIERS, "half_day_allowance": "half"},
        {"allowance_tiers": TIERS, "half_day_allowance": "full"},
        {"full_day_hours": "8:00", "half_day_hours": "4:00", "time_code": "TW"},
    ],
)
def test_totals_per_person_equal_the_monthly_card_for_everyone(policy):
    org = organisation(**policy)
    bert = Person("aad-bert", "Bert", "bert@example.org")
    bert_month = [person_day(d, HOME, HOME, who=bert) for d in (9, 10, 12)]
    bert_month += [person_day(13, None, HOME, who=bert), person_day(16, ASKED, None, who=bert)]

    totals = {t.email: t for t in payroll.totals(payroll.rows(AN_MONTH + bert_month, org))}

    assert (totals["an@example.org"].hours, totals["an@example.org"].allowance) == card_totals(
        AN_MONTH, org
    )
    assert (totals["bert@example.org"].hours, totals["bert@example.org"].allowance) == (
        card_totals(bert_month, org)
    )


def test_monthly_tiers_pay_nothing_to_someone_who_only_asked():
    org = organisation(allowance_tiers=TIERS)
    lines = payroll.rows([person_day(2, ASKED, ASKED), person_day(3, ASKED, ASKED)], org)

    assert [(r.status, str(r.allowance)) for r in lines] == [("requested", "0.00")] * 2
    (total,) = payroll.totals(lines)
    assert (total.minutes, total.allowance) == (0, Decimal("0.00"))


# --- Requested days, order, names ---------------------------------------------------------


def test_requested_days_show_their_hours_but_count_in_no_total():
    org = organisation()
    lines = payroll.rows([person_day(5, ASKED, ASKED), person_day(6, None, ASKED)], org)

    assert [(r.hours, str(r.allowance), r.status) for r in lines] == [
        ("7:36", "0.00", "requested"),
        ("3:48", "0.00", "requested"),
    ]
    (total,) = payroll.totals(lines)
    assert (total.hours, total.allowance) == ("0:00", Decimal("0.00"))


def test_statuses_stored_as_plain_text_count_like_the_enum():
    org = organisation()
    lines = payroll.rows([person_day(2, "home", "home"), person_day(3, "requested", "bogus")], org)

    assert [(r.day.day, r.part, r.status) for r in lines] == [
        (2, DayPart.FULL, "registered"),
        (3, AM, "requested"),
    ]
    assert payroll.totals(lines)[0].allowance == Decimal("3.00")


def test_lines_are_sorted_by_email_then_date_and_people_without_email_come_last():
    zoe = Person("aad-zoe", "Zoë Extern", "zoe@partner.example")
    bert = Person("aad-bert", "Bert", "bert@example.org")
    guest = Person("teams-guest", "Gast", None)
    anon = Person("teams-anon", "", None)
    days = [  # as storage gives them: by day, then person key
        person_day(2, HOME, HOME, who=zoe),
        person_day(3, HOME, HOME, who=guest),
        person_day(3, HOME, HOME, who=anon),
        person_day(4, HOME, HOME, who=bert),
        person_day(9, HOME, HOME),
        person_day(1, HOME, HOME, who=bert),
    ]

    lines = payroll.rows(days, organisation())

    assert [(r.email, r.name, r.day.day) for r in lines] == [
        ("an@example.org", "An Peeters", 9),
        ("bert@example.org", "Bert Claes", 1),
        ("bert@example.org", "Bert Claes", 4),
        ("zoe@partner.example", "Zoë Extern", 2),
        ("", "", 3),
        ("", "Gast", 3),
    ]
    assert [(t.email, t.name, t.hours) for t in payroll.totals(lines)] == [
        ("an@example.org", "An Peeters", "7:36"),
        ("bert@example.org", "Bert Claes", "15:12"),
        ("zoe@partner.example", "Zoë Extern", "7:36"),
        ("", "", "7:36"),
        ("", "Gast", "7:36"),
    ]


def test_people_without_email_are_listed_and_each_keeps_their_own_total():
    one, two = Person("teams-1", "Gast Een", None), Person("teams-2", "Gast Twee", None)
    days = [person_day(2, HOME, HOME, who=one), person_day(2, HOME, None, who=two)]

    lines = payroll.rows(days, organisation())

    assert [(r.email, r.name, r.hours) for r in lines] == [
        ("", "Gast Een", "7:36"),
        ("", "Gast Twee", "3:48"),
    ]
    assert [(t.name, t.hours) for t in payroll.totals(lines)] == [
        ("Gast Een", "7:36"),
        ("Gast Twee", "3:48"),
    ]


def test_one_email_is_one_person_whatever_its_case_or_teams_identity():
    old = Person("teams-29:1abc", "An", "An@Example.org")
    days = [person_day(2, HOME, HOME, who=old), person_day(3, HOME, HOME)]

    lines = payroll.rows(days, organisation())

    assert {(r.email, r.name) for r in lines} == {("an@example.org", "An Peeters")}
    (total,) = payroll.totals(lines)
    assert total.hours == "15:12"


def test_the_name_is_the_organisation_files_else_the_latest_name_teams_gave():
    days = [
        person_day(2, HOME, HOME, who=Person("aad-zoe", "Zoe", "zoe@partner.example")),
        person_day(3, HOME, HOME, who=Person("aad-zoe", "Zoë Extern", "zoe@partner.example")),
        person_day(4, HOME, HOME),  # An (Teams), but An Peeters in the organisation file
    ]

    names = {r.email: r.name for r in payroll.rows(days, organisation())}

    assert names == {"an@example.org": "An Peeters", "zoe@partner.example": "Zoë Extern"}


def test_days_with_only_a_desk_give_no_line():
    desk = PersonDay(Person("aad-an", "An", "an@example.org"), date(2026, 11, 2))
    assert payroll.rows([desk], organisation()) == []


# --- Writers ------------------------------------------------------------------------------


def test_csv_has_the_header_and_one_plain_line_per_row():
    stream = io.StringIO(newline="")
    lines = payroll.rows(AN_MONTH[:2], organisation(half_day_allowance="half"))

    payroll.write_csv(lines, stream)

    assert stream.getvalue() == (
        f"{HEADER}\n"
        "an@example.org,An Peeters,2026-11-02,thuiswerk,7:36,3.00,registered\n"
        "an@example.org,An Peeters,2026-11-03,thuiswerk,3:48,1.50,registered\n"
    )


def test_xlsx_has_real_dates_text_hours_numeric_allowances_and_a_totals_sheet(tmp_path):
    org = organisation(time_code="TW/thuis")
    path = tmp_path / "export.xlsx"

    payroll.write_xlsx(payroll.rows(AN_MONTH, org), path, org.policy.time_code)

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["TW-thuis", "totals"]
    sheet = book["TW-thuis"]
    assert [c.value for c in sheet[1]] == HEADER.split(",")
    assert all(c.font.bold for c in sheet[1])
    assert sheet.max_row == 1 + len(AN_LINES)
    day, hours, amount = sheet["C2"], sheet["E2"], sheet["F2"]
    assert day.value == datetime(2026, 11, 2) and day.is_date
    assert hours.value == "7:36" and hours.data_type == "s"
    assert amount.value == 3 and amount.number_format == "0.00"
    assert sheet.column_dimensions["B"].width >= len("An Peeters")
    totals = book["totals"]
    assert [c.value for c in totals[2]] == ["an@example.org", "An Peeters", "19:00", 3]


# --- python app.py export, on Azurite ------------------------------------------------------

DEMO = load_organisation(DEMO_ORGANISATION)
AN = Person("aad-an", "An P.", "an@example.org")
BERT = Person("aad-bert", "Bert", "bert@example.org")
ZOE = Person("aad-zoe", "Zoë Extern", "zoe@partner.example")
GUEST = Person("teams-guest", "Gast Gebruiker", None)
CHLOE = Person("aad-chloe", "Chloé Dubois", "chloe@example.org")
AN_NOVEMBER = [2, 3, 4, 5, 6, 9, 10]


async def put_month(settings: Settings) -> None:
    """November 2026 through the real repository, plus days just outside it."""
    tables = Tables(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
    )
    await tables.create()
    repository = TableBookingRepository(tables.bookings, DEMO)
    home = {AM: HOME, PM: HOME}
    plans = [PersonDay(AN, date(2026, 11, d), home=home) for d in AN_NOVEMBER]
    plans += [
        PersonDay(AN, date(2026, 10, 30), home=home),  # other months
        PersonDay(AN, date(2026, 12, 1), home=home),
        PersonDay(BERT, date(2026, 11, 12), home={AM: HOME}),
        PersonDay(BERT, date(2026, 11, 13), home={AM: ASKED, PM: ASKED}),
        PersonDay(ZOE, date(2026, 11, 16), home=home),
        PersonDay(GUEST, date(2026, 11, 17), home=home),
        PersonDay(CHLOE, date(2026, 11, 18), seats=dict.fromkeys((AM, PM), Seat("hq/z1", "1.01"))),
    ]
    try:
        await asyncio.gather(*(repository.commit(PersonDay(p.person, p.day), p) for p in plans))
    finally:
        await tables.close()


async def export(*args: str, settings: Settings | None = None) -> tuple[int, bytes, str]:
    return await app_command("export", *args, settings=settings)


def hours_of(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


async def test_export_writes_every_registration_of_the_month_as_csv_with_card_totals(settings):
    await put_month(settings)

    code, stdout, stderr = await export("--month", "2026-11", settings=settings)

    assert code == 0, stderr
    assert b"\r" not in stdout
    text = stdout.decode("utf-8")
    assert text.splitlines()[0] == HEADER
    lines = list(csv.DictReader(io.StringIO(text)))
    assert [(r["email"], r["name"], r["date"], r["status"]) for r in lines] == [
        *(("an@example.org", "An Peeters", f"2026-11-{d:02d}", "registered") for d in AN_NOVEMBER),
        ("bert@example.org", "Bert Claes", "2026-11-12", "registered"),
        ("bert@example.org", "Bert Claes", "2026-11-13", "requested"),
        ("zoe@partner.example", "Zoë Extern", "2026-11-16", "registered"),
        ("", "Gast Gebruiker", "2026-11-17", "registered"),
    ]
    assert {r["time_code"] for r in lines} == {"thuiswerk"}
    assert [(r["hours"], r["allowance"]) for r in lines if r["email"] == "bert@example.org"] == [
        ("3:48", "0.00"),  # a half day earns nothing under the demo policy
        ("7:36", "0.00"),  # requested
    ]

    totals: dict[str, tuple[int, Decimal]] = {}
    for r in lines:
        if r["status"] == "registered":
            minutes, amount = totals.get(r["email"], (0, Decimal(0)))
            totals[r["email"]] = (minutes + hours_of(r["hours"]), amount + Decimal(r["allowance"]))
    assert {e: (format_minutes(m), str(a)) for e, (m, a) in totals.items()} == {
        "an@example.org": ("53:12", "21.00"),
        "bert@example.org": ("3:48", "0.00"),
        "zoe@partner.example": ("7:36", "3.00"),
        "": ("7:36", "3.00"),
    }


async def test_export_as_xlsx_writes_the_same_lines_and_totals_to_a_spreadsheet(settings, tmp_path):
    await put_month(settings)
    path = tmp_path / "november.xlsx"

    code, stdout, stderr = await export(
        "--month", "2026-11", "--format", "xlsx", "--output", str(path), settings=settings
    )

    assert code == 0, stderr
    assert stdout == b""
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["thuiswerk", "totals"]
    rows = list(book["thuiswerk"].iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER.split(","))
    assert len(rows) == 1 + len(AN_NOVEMBER) + 4
    assert rows[1] == (
        "an@example.org",
        "An Peeters",
        datetime(2026, 11, 2),
        "thuiswerk",
        "7:36",
        3,
        "registered",
    )
    totals = list(book["totals"].iter_rows(min_row=2, values_only=True))
    assert totals[0] == ("an@example.org", "An Peeters", "53:12", 21)
    assert [t[2] for t in totals] == ["53:12", "3:48", "7:36", "7:36"]


async def test_export_to_an_output_file_writes_the_csv_there(settings, tmp_path):
    await put_month(settings)
    path = tmp_path / "november.csv"

    code, stdout, stderr = await export(
        "--month", "2026-11", "--output", str(path), settings=settings
    )

    assert code == 0, stderr
    assert stdout == b""
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(HEADER + "\n") and "\r" not in text
    assert len(text.splitlines()) == 1 + len(AN_NOVEMBER) + 4


@pytest.mark.parametrize("month", ["2026-13", "nov", "2026-1", "2026-00"])
async def test_a_month_that_is_not_yyyy_mm_exits_2_with_a_clear_message(month):
    code, stdout, stderr = await export("--month", month)

    assert code == 2
    assert stdout == b""
    assert f"{month!r} is not a month" in stderr and "YYYY-MM" in stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "--month"),
        (("--month", "2026-11", "--format", "xlsx"), "--output FILE is required"),
        (("--month", "2026-11", "--format", "pdf"), "invalid choice"),
    ],
)
async def test_missing_or_wrong_arguments_exit_2_and_say_what_is_wrong(args, message):
    code, stdout, stderr = await export(*args)

    assert code == 2
    assert stdout == b""
    assert message in stderr


async def test_an_empty_month_gives_only_the_header(settings):
    await put_month(settings)

    code, stdout, stderr = await export("--month", "2026-09", settings=settings)

    assert code == 0, stderr
    assert stdout == f"{HEADER}\n".encode()


async def test_a_storage_without_the_tables_is_an_empty_month_and_creates_nothing(settings):
    code, stdout, stderr = await export("--month", "2026-11", settings=settings)

    assert code == 0, stderr
    assert stdout == f"{HEADER}\n".encode()
    tables = Tables(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
    )
    try:
        names = [t.name async for t in tables.service.list_tables()]
    finally:
        await tables.close()
    assert not [n for n in names if n.startswith(settings.table_prefix)]


async def test_unreachable_storage_is_one_line_on_stderr_and_exit_2(settings):
    unreachable = Settings(
        storage_connection_string=settings.storage_connection_string.replace(
            settings.storage_connection_string.split("127.0.0.1:")[1].split("/")[0], "1"
        ),
        table_prefix=settings.table_prefix,
    )

    code, stdout, stderr = await export("--month", "2026-11", settings=unreachable)

    assert code == 2
    assert stdout == b""
    assert len(stderr.strip().splitlines()) == 1
    assert "export failed" in stderr


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
def test_a_name_that_looks_like_a_formula_is_written_as_text(name, tmp_path):
    row = payroll.PayrollRow(
        "x@example.org",
        "x@example.org",
        name,
        date(2026, 11, 2),
        DayPart.FULL,
        "thuiswerk",
        456,
        Decimal("3.00"),
        "registered",
    )
    stream = io.StringIO()
    payroll.write_csv([row], stream)
    (line,) = csv.DictReader(io.StringIO(stream.getvalue()))
    assert line["name"] == f"'{name}"
    path = tmp_path / "out.xlsx"
    payroll.write_xlsx([row], path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet["B2"].value == f"'{name}"
