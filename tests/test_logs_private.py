"""Logs carry no names, e-mails, message text or data links, at INFO as `python app.py` runs.

A few turns of two people with names, e-mails and a message nobody else would write, a
follow request sent to the other, a reminder run, the JSON link opened and the data
deleted: not one log record (message, arguments or traceback) holds any of it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from app import QUIET_LOGGERS, REMINDERS, RUNNER_OPTIONS, PrivateFormatter, create_app
from config import Settings
from tests.conftest import BRUSSELS, NOW
from tests.support.connector import ConnectorStandIn
from tests.support.teams import TeamsUser, only
from tests.test_my_data import download_link, erased, shown
from werkplek.language import parse

NEEDLES = (
    "Zyxwa",
    "Qopplestone",
    "zyxwa.q",
    "Quillon",
    "Barnaby",
    "quillon.b",
    "purple-elephant",
    "fountain",
)
SECRET_TEXT = "purple-elephant-7731: meet me at the fountain, book a desk Thursday"


@pytest.fixture
def quiet_as_in_production(caplog: pytest.LogCaptureFixture):
    """INFO everywhere, the loggers `python app.py` quietens quietened (app.QUIET_LOGGERS)."""
    caplog.set_level(logging.INFO)
    before = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    yield caplog
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[TestServer]:
    """The bot as `python app.py` serves it: with its access log (app.RUNNER_OPTIONS)."""
    server = TestServer(create_app(settings, clock=lambda: NOW), host="127.0.0.1")
    await server.start_server(**RUNNER_OPTIONS)
    yield server
    await server.close()


@pytest.fixture
def person(
    http: ClientSession, bot: TestServer, connector: tuple[ConnectorStandIn, str]
) -> Callable[..., TeamsUser]:
    standin, connector_url = connector
    url = str(bot.make_url("")).rstrip("/")

    def make(name: str, email: str, locale: str = "en-US") -> TeamsUser:
        return TeamsUser(http, url, standin, connector_url, name, email, locale)

    return make


def leaks(records: list[logging.LogRecord], needles: tuple[str, ...]) -> list[str]:
    formatter = PrivateFormatter("%(name)s %(levelname)s %(message)s")
    found = []
    for record in records:
        line = formatter.format(record)
        for needle in needles:
            if needle.casefold() in line.casefold():
                found.append(f"{needle!r} in {line!r}")
    return found


async def test_a_day_of_turns_logs_nothing_personal(person, bot, http, quiet_as_in_production):
    caplog = quiet_as_in_production
    zyxwa = person("Zyxwa Qopplestone", "zyxwa.qopplestone@example.org", "nl-BE")
    quillon = person("Quillon Barnaby-Vex", "quillon.barnaby@example.org")
    await quillon.says("hallo")
    for text in (
        SECRET_TEXT,
        "ik werk vrijdag thuis",
        "follow Quillon",
        "where is Quillon on Thursday?",
        "Zyxwa Qopplestone purple-elephant-7731 ???",
        "my data",
    ):
        await zyxwa.says(text)
    await zyxwa.clicks({"werkplek": "book", "date": "not a day purple-elephant"})
    link = download_link(await shown(zyxwa, bot))
    token = link.rsplit("/", 1)[1]
    url = str(bot.make_url("")).rstrip("/") + "/api/mydata/" + token
    async with http.get(url) as response:
        assert response.status == 200
    await bot.app[REMINDERS].run(datetime(2026, 11, 26, 14, 0, tzinfo=BRUSSELS))
    confirm = only(await zyxwa.says("verwijder mijn gegevens")).buttons()
    await erased(zyxwa, bot, next(d for d in confirm.values() if d.get("token")))

    records = caplog.records
    messages = [r.getMessage() for r in records]
    assert any("POST /api/messages 200" in m for m in messages)  # the access log ran
    assert any(m.startswith("GET /api/mydata/… 200") for m in messages)
    assert any(m.startswith("erasure:") for m in messages)
    assert any(m.startswith("reminders:") for m in messages)
    assert leaks(records, (*NEEDLES, token, token[:20])) == []


def test_a_traceback_is_logged_without_the_exceptions_message(caplog):
    caplog.set_level(logging.INFO)
    someone = "zyxwa.qopplestone@example.org"
    try:
        {"an@example.org": 1}[someone]
    except KeyError:
        logging.getLogger("werkplek.test").exception("a turn failed")
    (record,) = caplog.records
    line = PrivateFormatter("%(message)s").format(record)
    assert "KeyError (message left out)" in line and "test_logs_private.py" in line
    assert "zyxwa" not in line
    assert "zyxwa" in logging.Formatter("%(message)s").format(record)  # what it would be


def test_a_message_the_parser_fails_on_is_not_logged(caplog, monkeypatch):
    def broken(tokens, today):
        raise ValueError(f"cannot read {' '.join(t.text for t in tokens)}")

    monkeypatch.setattr("werkplek.language.parser.find_dates", broken)
    caplog.set_level(logging.INFO)
    assert parse(SECRET_TEXT, NOW.date()).intent.value == "unknown"
    (record,) = caplog.records
    assert "ValueError" in record.getMessage() and "parser.py" not in record.getMessage()
    assert leaks(caplog.records, NEEDLES) == []
