"""The user's own data (GDPR), as people use it in Teams: over HTTP, on Azurite.

"my data" answers with a readable card and a link to the JSON document, which the bot
serves itself; "delete my data" asks first, then erases everything except registered past
telework (payroll, with the e-mail only) and anonymous desk use, through the booking and
telework services, so that a freed desk is free again for colleagues.

Demo organisation: team Sociale dienst (An, Bert, Chloé, Lien; manager Lien). "Today" is
Monday 23 November 2026; An's past was planned on Monday 2 November (a bot with that clock).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from app import MY_DATA, TABLES
from config import Settings
from storage.bookings import TableBookingRepository
from storage.gdpr import TableGdprStore
from storage.reminders import TableReminderStore
from tests.conftest import NOW, start_bot
from tests.support.connector import ConnectorStandIn
from tests.support.teams import Reply, TeamsUser, only
from werkplek import payroll
from werkplek.my_data import ANONYMOUS
from werkplek.organisation import load_organisation
from werkplek.reminders import ReminderKind

THURSDAY = date(2026, 11, 26)
PUBLIC_URL = Settings().public_url  # what the links start with in the tests' settings
CONFIRM = "Yes, delete my data"


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[TestServer]:
    server = await start_bot(settings)
    yield server
    await server.close()


@pytest.fixture
def person(
    http: ClientSession, bot: TestServer, connector: tuple[ConnectorStandIn, str]
) -> Callable[..., TeamsUser]:
    standin, connector_url = connector

    def make(name: str, email: str, locale: str = "en-US") -> TeamsUser:
        return TeamsUser(http, url_of(bot), standin, connector_url, name, email, locale)

    return make


@pytest.fixture
def an(person) -> TeamsUser:
    return person("An Peeters", "an@example.org")


@pytest.fixture
def bert(person) -> TeamsUser:
    return person("Bert Claes", "bert@example.org")


@pytest.fixture
def chloe(person) -> TeamsUser:
    return person("Chloé Dubois", "chloe@example.org")


@pytest.fixture
def lien(person) -> TeamsUser:
    return person("Lien Janssens", "lien@example.org")


def url_of(server: TestServer) -> str:
    return str(server.make_url("")).rstrip("/")


def download_link(reply: Reply) -> str:
    """The card's Action.OpenUrl: the JSON document's link."""
    (url,) = [a["url"] for a in _nodes(reply.card) if a.get("type") == "Action.OpenUrl"]
    return url


def _nodes(node: Any):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item)


async def later_in_chat(user: TeamsUser, server: TestServer, answers: list[Reply]) -> Reply:
    """The bot answers "one moment" in the turn; the card follows in the same chat, once the
    work it started in the background is done."""
    before = len(user.unprompted())
    assert len(answers) == 1 and answers[0].card is None, [a.visible for a in answers]
    await server.app[MY_DATA].settled()
    return only(user.unprompted()[before:])


async def shown(user: TeamsUser, server: TestServer, text: str = "my data") -> Reply:
    """What "my data" shows: the overview card."""
    answers = await user.says(text)
    assert "One moment" in answers[0].text or "Even geduld" in answers[0].text
    return await later_in_chat(user, server, answers)


async def erased(user: TeamsUser, server: TestServer, confirm: dict[str, Any]) -> Reply:
    """What the delete card's Confirm ends with: what was deleted and what was kept."""
    answers = await user.clicks(confirm)
    return await later_in_chat(user, server, answers)


async def fetch(
    http: ClientSession, server: TestServer, link: str, language: str = "en"
) -> tuple[int, dict[str, str], str]:
    assert link.startswith(PUBLIC_URL + "/api/mydata/")
    url = url_of(server) + link[len(PUBLIC_URL) :]
    async with http.get(url, headers={"Accept-Language": language}) as response:
        return response.status, dict(response.headers), await response.text()


async def past_of_an(an: TeamsUser, settings: Settings) -> None:
    """On Monday 2 November: telework Tuesday and Wednesday (registered), a desk Thursday,
    telework Friday (a third day: a request, never approved)."""
    earlier = await start_bot(settings, now=NOW - timedelta(days=21))
    today_url = an.bot_url
    an.bot_url = url_of(earlier)
    try:
        for text in (
            "I work from home on Tuesday",
            "I work from home on Wednesday",
            "book a desk Thursday",
            "I work from home on Friday",
        ):
            await an.says(text)
    finally:
        await earlier.close()
        an.bot_url = today_url


async def rows(table) -> list[dict[str, Any]]:
    return [dict(e) async for e in table.query_entities("PartitionKey ne ''")]


def mentions(row: dict[str, Any], *needles: str) -> bool:
    text = json.dumps(row, default=str, ensure_ascii=False).casefold()
    return any(n.casefold() in text for n in needles)


async def everything_planned(an, bert, chloe, lien, settings) -> None:
    """An's past (2-6 November) and present: a desk Thursday, telework Friday, permanence
    duty Tuesday, follows both ways, reminders off."""
    await past_of_an(an, settings)
    for someone in (bert, chloe, lien):
        await someone.says("help")
    await an.says("book a desk Thursday")
    await an.says("I work from home on Friday")
    assert "permanence" in only(await lien.says("set An on permanence Tuesday")).visible
    await an.says("follow Bert")
    await bert.says("follow An")
    await an.says("stop reminders")


# --- my data ----------------------------------------------------------------------------


async def test_my_data_shows_everything_stored_as_a_readable_card(
    an, bert, chloe, lien, settings, bot
):
    await everything_planned(an, bert, chloe, lien, settings)
    card = (await shown(an, bot)).card_text
    for expected in (
        "Your data in Werkplek",
        "An Peeters",
        "an@example.org",
        "en-US",
        "November 2026",
        "Office: 2 · Telework: 3 · Asked: 1",  # 3, 4, 27 at home; 6 asked; desks 5 and 26
        "Thursday 26 November: desk 1.01, Verdieping 1",
        "Friday 27 November: working from home",
        "Tuesday 24 November: Sociale dienst",  # permanence duty
        "Bert Claes: waiting for an answer",  # whom An follows
        "Bert Claes: asked, not answered yet",  # who follows An
        "My team and the people I accept (default)",
        "Planning for next week: off",
        "A reference to this personal chat is kept",
    ):
        assert expected in card, expected


async def test_the_json_document_holds_every_stored_day_past_and_future(
    an, bert, chloe, lien, settings, bot, http
):
    await everything_planned(an, bert, chloe, lien, settings)
    link = download_link(await shown(an, bot, "mijn gegevens"))
    status, headers, body = await fetch(http, bot, link)
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert (
        headers["Content-Disposition"] == 'attachment; filename="werkplek-my-data-2026-11-23.json"'
    )
    assert headers["Cache-Control"] == "no-store"
    document = json.loads(body)
    assert document["profile"] == {
        "key": an.aad_object_id,
        "name": "An Peeters",
        "email": "an@example.org",
        "locale": "en-US",
    }
    days = {d["date"]: (d["morning"], d["afternoon"]) for d in document["days"]}
    home = {"telework": "registered"}
    desk = {"office": {"site": "Hoofdgebouw", "zone": "Verdieping 1", "desk": "1.01"}}
    assert days == {
        "2026-11-03": (home, home),
        "2026-11-04": (home, home),
        "2026-11-05": (desk, desk),
        "2026-11-06": ({"telework": "requested"}, {"telework": "requested"}),
        "2026-11-26": (desk, desk),
        "2026-11-27": (home, home),
    }
    assert document["permanence_duty"] == [{"date": "2026-11-24", "team": "Sociale dienst"}]
    assert document["following"] == [
        {"email": "bert@example.org", "name": "Bert Claes", "status": "pending"}
    ]
    assert document["followers"] == [
        {"email": "bert@example.org", "name": "Bert Claes", "status": "pending"}
    ]
    assert document["privacy"] == {"visibility": "team"}
    settings_sent = document["reminders"]["settings"]
    assert {kind: s["enabled"] for kind, s in settings_sent.items()} == dict.fromkeys(
        (k.value for k in ReminderKind), False
    )
    assert document["personal_chat"]["kept"] is True
    assert document["personal_chat"]["reference"]["conversation"]["id"] == an.conversation_id
    assert document["retention"]["months"] == 24


async def test_the_link_works_on_every_instance_for_a_quarter_of_an_hour_and_only_as_made(
    an, settings, bot, http
):
    await an.says("book a desk Thursday")
    link = download_link(await shown(an, bot, "mes données"))
    later = await start_bot(settings, now=NOW + timedelta(minutes=14))
    expired = await start_bot(settings, now=NOW + timedelta(minutes=16))
    try:
        status, _, body = await fetch(http, later, link)  # another instance, same secret
        assert status == 200 and json.loads(body)["profile"]["email"] == "an@example.org"
        status, _, body = await fetch(http, expired, link, language="nl-BE")
        assert status == 410
        assert "Deze link is verlopen" in body and "an@example.org" not in body
    finally:
        await later.close()
        await expired.close()
    token = link.rsplit("/", 1)[1]
    altered = link[: -len(token)] + token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    status, _, body = await fetch(http, bot, altered)
    assert status == 404 and body == "This link is not valid."
    status, _, _ = await fetch(http, bot, PUBLIC_URL + "/api/mydata/not-a-token")
    assert status == 404


async def test_my_data_is_only_answered_in_a_personal_chat(an):
    channel = an.activity(
        text="my data",
        conversation={"conversationType": "channel", "id": "19:team@thread.tacv2"},
    )
    assert await an.post(channel) == 200
    (answer,) = [Reply(a) for a in an.connector.replies_to(channel["id"])]
    assert "personal chat" in answer.text and answer.card is None


# --- delete my data -----------------------------------------------------------------------


async def test_delete_asks_first_and_keep_deletes_nothing(an):
    await an.says("book a desk Thursday")
    card = only(await an.says("delete my data"))
    assert "Delete your data?" in card.card_text
    assert "Registered telework before today is kept for 24 months" in card.card_text
    assert set(card.buttons()) == {CONFIRM, "No, keep my data"}
    assert only(await an.clicks(card.buttons()["No, keep my data"])).text == (
        "Nothing was deleted."
    )
    assert "Thursday 26 November" in only(await an.says("my bookings")).card_text


async def test_deleting_erases_everything_frees_the_desk_and_keeps_past_telework_for_payroll(
    an, bert, chloe, lien, settings, bot
):
    await everything_planned(an, bert, chloe, lien, settings)
    tables = bot.app[TABLES]
    reminders = TableReminderStore(tables.users, tables.reminders)
    sent = await reminders.claim(NOW.date(), ReminderKind.WEEK_PLAN, an.aad_object_id, NOW, None)
    assert sent is not None
    assert "taken" in only(await chloe.says("book desk 1.01 on Thursday")).visible

    confirm = only(await an.says("verwijder mijn gegevens")).buttons()[CONFIRM]
    done = (await erased(an, bot, confirm)).card_text

    assert "Your data is deleted" in done
    assert "Desk bookings cancelled from today on: 1 (the desks are free again)." in done
    assert "Telework days taken back from today on: 1." in done
    assert "Permanence duty days removed: 1." in done
    assert "Past days erased: 2." in done  # 5 November (a desk), 6 November (a request)
    assert (
        "Kept for payroll: 2 days of registered telework, from Tuesday 3 November to "
        "Wednesday 4 November, with only your e-mail." in done
    )
    assert "the last one is deleted automatically on Friday 1 December 2028" in done

    # In storage, before An says anything again: nothing names her but the kept telework.
    users = await rows(tables.users)
    assert [r for r in users if mentions(r, an.aad_object_id, "an@example.org", "Peeters")] == []
    assert any(r["PartitionKey"] == "directory" for r in users)  # colleagues are still there
    assert [r for r in await rows(tables.reminders) if mentions(r, an.aad_object_id)] == []
    days = await rows(tables.bookings)
    named = [r for r in days if mentions(r, an.aad_object_id, "an@example.org", "Peeters")]
    assert sorted((r["PartitionKey"], r["name"], r["am_home"], r["pm_home"]) for r in named) == [
        ("2026-11-03", "", "home", "home"),
        ("2026-11-04", "", "home", "home"),
    ]
    zone = next(
        r for r in days if r["PartitionKey"] == "2026-11-05" and r["RowKey"] == "zone~hq~z1"
    )
    assert json.loads(zone["am"]) == json.loads(zone["pm"]) == {"1.01": ANONYMOUS}

    # The desk is free again for colleagues; payroll still has An's two days.
    assert "Desk booked" in only(await chloe.says("book desk 1.01 on Thursday")).card_text
    org = load_organisation(settings.organisation_file)
    november = await TableBookingRepository(tables.bookings, org).everyone_days(
        date(2026, 11, 1), date(2026, 11, 30)
    )
    lines = [line for line in payroll.rows(november, org) if line.email == "an@example.org"]
    assert [(line.day.day, line.name, line.status) for line in lines] == [
        (3, "An Peeters", "registered"),
        (4, "An Peeters", "registered"),
    ]

    # Lien's permanence week no longer has An on duty; Bert follows nobody.
    assert "Peeters" not in only(await lien.says("permanence this week")).card_text
    assert "An Peeters" not in (await shown(bert, bot)).card_text


async def test_after_deleting_my_data_shows_what_is_kept_and_a_new_profile(
    an, bert, chloe, lien, settings, bot
):
    await everything_planned(an, bert, chloe, lien, settings)
    await erased(an, bot, only(await an.says("delete my data")).buttons()[CONFIRM])
    card = (await shown(an, bot)).card_text
    assert "Office: 0 · Telework: 2 · Asked: 0" in card
    assert "Coming days" not in card and "Nobody." in card
    assert "an@example.org" in card  # talking again stores the profile again, as said


async def test_deleting_twice_is_harmless_and_keeps_the_same(an, settings, bot):
    await past_of_an(an, settings)
    confirm = only(await an.says("delete my data")).buttons()[CONFIRM]
    await erased(an, bot, confirm)
    store = TableGdprStore(bot.app[TABLES])
    first = await store.everything(an.aad_object_id)
    again = (await erased(an, bot, confirm)).card_text
    assert "Kept for payroll: 2 days of registered telework" in again
    assert "Past days erased" not in again
    second = await store.everything(an.aad_object_id)
    assert [d.day for d in second.days] == [d.day for d in first.days]
    assert [d.day for d in first.days] == [date(2026, 11, 3), date(2026, 11, 4)]
    assert first.places == ("days",)


async def test_a_forged_confirm_deletes_nothing_of_anyone(an, bert, bot):
    await an.says("book a desk Thursday")
    await bert.says("book a desk Thursday")
    confirm = only(await an.says("delete my data")).buttons()[CONFIRM]

    assert only(await bert.clicks(confirm)).text == "That button no longer works."
    token = confirm["token"]
    altered = {**confirm, "token": token[:10] + ("x" if token[10] != "x" else "y") + token[11:]}
    assert only(await an.clicks(altered)).text == "That button no longer works."
    emptied = await an.clicks({**confirm, "token": ""})  # not ours: the help card follows
    assert emptied[0].text == "That button no longer works."

    assert "Thursday 26 November" in only(await an.says("my bookings")).card_text
    assert "Thursday 26 November" in only(await bert.says("my bookings")).card_text
    store = TableGdprStore(bot.app[TABLES])
    assert "profile" in (await store.everything(an.aad_object_id)).places
    assert "profile" in (await store.everything(bert.aad_object_id)).places


async def test_a_confirm_stops_working_after_an_hour(an, settings, http, connector):
    await an.says("book a desk Thursday")
    confirm = only(await an.says("delete my data")).buttons()[CONFIRM]
    later = await start_bot(settings, now=NOW + timedelta(minutes=61))
    try:
        an.bot_url = url_of(later)
        assert only(await an.clicks(confirm)).text == "That button no longer works."
        assert "Thursday 26 November" in only(await an.says("my bookings")).card_text
    finally:
        await later.close()


async def test_deleting_in_a_channel_is_refused(an, bot):
    confirm = only(await an.says("delete my data")).buttons()[CONFIRM]
    channel = an.activity(
        text="",
        value=confirm,
        conversation={"conversationType": "groupChat", "id": "19:group@thread.v2"},
    )
    assert await an.post(channel) == 200
    (answer,) = [Reply(a) for a in an.connector.replies_to(channel["id"])]
    assert "personal chat" in answer.text
    assert "profile" in (await TableGdprStore(bot.app[TABLES]).everything(an.aad_object_id)).places


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nl-BE", "Je gegevens zijn verwijderd"),
        ("fr-BE", "Vos données sont supprimées"),
    ],
)
async def test_the_deletion_is_told_in_the_users_language(person, bot, locale, expected):
    someone = person("Zoë Willems", "zoe@example.org", locale)
    await someone.says("help")
    card = only(await someone.says("supprime mes données"))
    (confirm,) = [d for d in card.buttons().values() if d.get("token")]
    assert expected in (await erased(someone, bot, confirm)).card_text
