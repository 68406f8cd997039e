"""Proactive reminders as people receive them in Teams: over HTTP, on Azurite, through the
Bot Connector stand-in (which can throttle, refuse and fail like the real service).

Demo organisation: team Sociale dienst (An, Bert, Chloé, Lien; manager Lien; at least 2 on
site). "Today" for the bot is Monday 23 November 2026; a reminder run is started for an
instant, the way the in-process loop and `python app.py remind --at` start it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta

import pytest
from aiohttp.test_utils import TestServer

from app import REMINDERS, TABLES
from config import Settings
from storage.reminders import TableReminderStore
from tests.conftest import BRUSSELS, NOW, start_bot, url_of
from tests.support.teams import Reply, TeamsUser, only
from werkplek.reminder_service import ReminderService, RunReport, Tuning
from werkplek.reminders import ReminderKind

THURSDAY = date(2026, 11, 26)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[TestServer]:
    server = await start_bot(settings)
    yield server
    await server.close()


@pytest.fixture
def person(user_on, bot: TestServer) -> Callable[..., TeamsUser]:
    def make(name: str, email: str, locale: str = "en-US") -> TeamsUser:
        return user_on(bot, name, email, locale)

    return make


@pytest.fixture
def an(person) -> TeamsUser:
    return person("An Peeters", "an@example.org", "nl-BE")


@pytest.fixture
def bert(person) -> TeamsUser:
    return person("Bert Claes", "bert@example.org", "en-US")


@pytest.fixture
def lien(person) -> TeamsUser:
    return person("Lien Janssens", "lien@example.org", "en-US")


async def run(server: TestServer, when: datetime) -> RunReport:
    return await server.app[REMINDERS].run(when)


def received(user: TeamsUser, heading: str) -> list[Reply]:
    """The reminders the user got whose card says `heading`."""
    return [r for r in user.unprompted() if heading in r.card_text]


WEEK_PLAN = "Plan next week"
TOMORROW = "Tomorrow: "


# --- each kind ------------------------------------------------------------------------------


async def test_the_week_plan_arrives_on_thursday_at_two_with_next_weeks_days(bert, bot):
    await bert.says("book a desk Tuesday next week")
    await run(bot, at(THURSDAY, 13, 59))
    assert bert.unprompted() == []
    await run(bot, at(THURSDAY, 14))
    plan = only(bert.unprompted())
    assert "Plan next week" in plan.card_text
    for day in ("Monday 30 November", "Tuesday 1 December", "Friday 4 December"):
        assert day in plan.card_text
    assert "1.01" in plan.card_text  # Tuesday's desk
    offered = [(title, data.get("date")) for title, data in plan.actions()]
    assert ("Office", "2026-11-30") in offered
    assert ("Home", "2026-12-02") in offered
    assert ("Off", "2026-12-04") in offered


async def test_the_week_plans_buttons_book_register_and_free_a_day_in_one_tap(bert, bot):
    await bert.says("book a desk Friday next week")
    await run(bot, at(THURSDAY, 14))
    plan = only(bert.unprompted())
    buttons = {(title, data.get("date")): data for title, data in plan.actions()}
    office = only(await bert.clicks(buttons[("Office", "2026-11-30")]))
    assert "Desk booked" in office.card_text
    home = only(await bert.clicks(buttons[("Home", "2026-12-01")]))
    assert "7h36" in home.card_text
    off = only(await bert.clicks(buttons[("Off", "2026-12-04")]))
    assert "off on Friday 4 December" in off.text
    bookings = only(await bert.says("my bookings")).card_text
    assert "30 November" in bookings and "4 December" not in bookings


async def test_the_week_plan_shows_the_teams_permanence_gaps(user_on, settings):
    # The organisation raised the minimum on site: a team of four can never have five.
    server = await start_bot(settings, organisation=_demo_with_min_on_site(5))
    try:
        an = user_on(server, "An Peeters", "an@example.org", "en-US")
        await an.says("help")
        await run(server, at(THURSDAY, 14))
        plan = only(an.unprompted())
        assert plan.card_text.count("Sociale dienst: 1 more person needed on site") == 5
    finally:
        await server.close()


async def test_the_day_before_names_the_desk_and_offers_to_cancel(bert, bot):
    await bert.says("book desk 2.03 on Friday")
    await run(bot, at(THURSDAY, 15, 59))
    assert received(bert, TOMORROW) == []
    await run(bot, at(THURSDAY, 16))
    reminder = only(received(bert, TOMORROW))
    assert "Tomorrow you are at desk 2.03, Verdieping 2." in reminder.card_text
    (cancel,) = [data for title, data in reminder.actions() if "Cancel" in title]
    assert cancel["date"] == "2026-11-27" and cancel["part"] == "full"
    assert "cancelled" in only(await bert.clicks(cancel)).visible.lower()


async def test_the_day_before_of_a_home_day_offers_to_come_in_instead(bert, bot):
    await bert.says("I work from home on Friday")
    await run(bot, at(THURSDAY, 16))
    reminder = only(received(bert, TOMORROW))
    assert "Tomorrow you work from home." in reminder.card_text
    (instead,) = [d for title, d in reminder.actions() if title == "Come to the office instead"]
    assert "Desk booked" in only(await bert.clicks(instead)).card_text


async def test_on_friday_the_day_before_is_about_monday(bert, bot):
    await bert.says("book a desk next Monday")
    await run(bot, at(date(2026, 11, 27), 16))
    assert "Monday 30 November" in only(bert.unprompted()).card_text


async def test_nothing_planned_tomorrow_means_no_day_before_message(bert, bot):
    await bert.says("help")
    await run(bot, at(THURSDAY, 14))  # the week plan
    report = await run(bot, at(THURSDAY, 16))
    assert received(bert, TOMORROW) == [] and report.sent == 0


async def test_a_usual_home_day_with_nothing_registered_gets_a_one_tap_card_in_the_morning(
    user_on, settings
):
    earlier = await start_bot(settings, now=NOW - timedelta(days=21))  # Monday 2 November
    try:
        an = user_on(earlier, "An Peeters", "an@example.org", "en-US")
        await an.says("every Monday at home until 16 November")
    finally:
        await earlier.close()
    server = await start_bot(settings)
    try:
        an.bot_url = url_of(server)  # the same person, a month later
        await run(server, at(date(2026, 11, 23), 8, 59))
        assert an.unprompted() == []
        await run(server, at(date(2026, 11, 23), 9))
        card = only(an.unprompted())
        assert "Working from home today?" in card.card_text
        (log,) = [d for title, d in card.actions() if title == "Log today as telework"]
        assert "7h36" in only(await an.clicks(log)).card_text
    finally:
        await server.close()


async def test_people_on_permanence_duty_hear_it_the_day_before(an, lien, bot):
    await an.says("help")
    await lien.says("set An on permanence Friday")
    await run(bot, at(THURSDAY, 16))
    duty = only(received(an, "permanentie voor"))
    assert "permanentie" in duty.card_text.lower() and "Sociale dienst" in duty.card_text


async def test_managers_hear_on_friday_which_days_next_week_are_short_on_site(user_on, settings):
    server = await start_bot(settings, organisation=_demo_with_min_on_site(5))
    try:
        lien = user_on(server, "Lien Janssens", "lien@example.org", "en-US")
        bert = user_on(server, "Bert Claes", "bert@example.org", "en-US")
        await lien.says("help")
        await bert.says("help")
        await run(server, at(date(2026, 11, 27), 10))
        gaps = only([r for r in lien.unprompted() if "Permanence next week" in r.card_text])
        assert "Monday 30 November" in gaps.card_text and "Sociale dienst" in gaps.card_text
        assert "Onthaal" not in gaps.card_text  # one at the front desk: enough
        assert not [r for r in bert.unprompted() if "Permanence next week" in r.card_text]
    finally:
        await server.close()


async def test_managers_are_reminded_of_telework_requests_waiting_for_them(an, lien, bot):
    await lien.says("help")
    await an.says("ik werk maandag, dinsdag en woensdag volgende week thuis")
    approvals_before = len(lien.unprompted())
    await run(bot, at(date(2026, 11, 24), 9))
    pending = lien.unprompted()[approvals_before:]
    card = only(pending)
    assert "Telework requests waiting for you (1)" in card.card_text
    approve = next(d for title, d in card.actions() if title == "Approve")
    assert approve["date"] == "2026-12-02"
    await lien.clicks(approve)
    await run(bot, at(date(2026, 11, 25), 9))
    assert len(lien.unprompted()) == approvals_before + 1  # nothing waits any more


# --- settings -------------------------------------------------------------------------------


async def test_reminders_shows_a_settings_card_with_each_reminder_and_its_time(bert, lien):
    card = only(await bert.says("reminders"))
    ids = _inputs(card)
    assert ids["on_week_plan"] == "true" and ids["at_week_plan"] == "14:00"
    assert "on_pending_approvals" not in ids  # a manager's reminder
    assert "on_pending_approvals" in _inputs(only(await lien.says("reminders")))


async def test_a_reminder_switched_off_is_not_sent_and_a_new_time_is_kept(bert, bot):
    card = only(await bert.says("herinneringen"))
    save = next(d for title, d in card.actions() if title == "Save")
    inputs = _inputs(card) | {"on_week_plan": "false", "at_day_before": "17:30"}
    saved = only(await bert.clicks(save, **inputs))
    assert "saved" in saved.visible
    await bert.says("book a desk Friday")
    await run(bot, at(THURSDAY, 16))
    assert received(bert, "") == []  # no week plan at 14:00, no day before at 16:00
    await run(bot, at(THURSDAY, 17, 30))
    assert "Tomorrow you are at desk" in only(received(bert, TOMORROW)).card_text
    again = _inputs(only(await bert.says("reminders")))
    assert again["on_week_plan"] == "false" and again["at_day_before"] == "17:30"


async def test_a_time_that_is_not_a_time_is_explained_and_nothing_changes(bert):
    card = only(await bert.says("reminders"))
    save = next(d for title, d in card.actions() if title == "Save")
    answer = only(await bert.clicks(save, **(_inputs(card) | {"at_week_plan": "25:99"})))
    assert '"25:99" is not a time' in answer.visible
    assert _inputs(only(await bert.says("reminders")))["at_week_plan"] == "14:00"


async def test_stop_reminders_turns_them_all_off_and_start_turns_them_on(bert, bot):
    assert "All reminders are off" in only(await bert.says("stop reminders")).text
    await bert.says("book a desk Friday")
    await bert.says("book a desk Monday")
    await run(bot, at(THURSDAY, 16))
    assert bert.unprompted() == []
    assert "on again" in only(await bert.says("start reminders")).text
    await run(bot, at(date(2026, 11, 27), 16))
    assert "Monday 30 November" in only(bert.unprompted()).card_text


async def test_a_forged_save_cannot_turn_on_a_managers_reminder(bert, bot, settings):
    card = only(await bert.says("reminders"))
    save = next(d for title, d in card.actions() if title == "Save")
    forged = _inputs(card) | {"on_pending_approvals": "true", "at_pending_approvals": "09:00"}
    await bert.clicks(save, **forged)
    store = TableReminderStore(bot.app[TABLES].users, bot.app[TABLES].reminders)
    settings_now = await store.settings(bert.aad_object_id)
    assert ReminderKind.PENDING_APPROVALS not in settings_now.chosen


# --- exactly once, throttling, failures -----------------------------------------------------


async def test_two_instances_sending_at_the_same_instant_send_each_reminder_once(
    person, bot, settings
):
    people = [person(f"Person {i}", f"p{i}@example.org") for i in range(12)]
    for someone in people:
        await someone.says("help")
    other = await start_bot(settings)
    try:
        reports = await asyncio.gather(run(bot, at(THURSDAY, 14)), run(other, at(THURSDAY, 14)))
        await asyncio.gather(run(bot, at(THURSDAY, 14, 5)), run(other, at(THURSDAY, 14, 5)))
    finally:
        await other.close()
    assert [len(p.unprompted()) for p in people] == [1] * 12
    assert sum(r.sent for r in reports) == 12


async def test_a_claim_left_by_a_crashed_sender_is_sent_by_the_next_run(bert, bot):
    await bert.says("help")
    store = TableReminderStore(bot.app[TABLES].users, bot.app[TABLES].reminders)
    crashed = datetime.now(BRUSSELS) - timedelta(minutes=10)
    claim = await store.claim(THURSDAY, ReminderKind.WEEK_PLAN, bert.aad_object_id, crashed, None)
    assert claim is not None
    await run(bot, at(THURSDAY, 14))
    assert "Plan next week" in only(bert.unprompted()).card_text


async def test_a_lease_left_by_a_crashed_sender_does_not_stop_the_next_run(bert, bot):
    await bert.says("help")
    store = TableReminderStore(bot.app[TABLES].users, bot.app[TABLES].reminders)
    past = datetime.now(BRUSSELS) - timedelta(minutes=5)
    assert await store.acquire_lease("crashed-instance", past - timedelta(minutes=1), past)
    assert (await run(bot, at(THURSDAY, 14))).lease
    assert len(bert.unprompted()) == 1


async def test_a_throttled_burst_is_delivered_in_full(person, bot, connector):
    standin, _ = connector
    people = [person(f"Person {i}", f"p{i}@example.org") for i in range(20)]
    for someone in people:
        await someone.says("help")
    standin.fail_next("*", 429, times=6, retry_after=0.2)
    report = await run(bot, at(THURSDAY, 14))
    assert [len(p.unprompted()) for p in people] == [1] * 20
    assert report.throttled == 6 and report.sent == 20
    assert [status for _, status in standin.attempts].count(429) == 6


async def test_server_errors_are_retried_a_few_times_then_recorded_as_failed(
    bert, an, bot, connector
):
    standin, _ = connector
    await bert.says("help")
    await an.says("help")
    standin.fail_next(bert.conversation_id, 500, times=2)
    standin.fail_next(an.conversation_id, 503, times=50)
    report = await run(bot, at(THURSDAY, 14))
    assert len(bert.unprompted()) == 1 and an.unprompted() == []
    assert report.outcomes["failed"] == 1
    refused = [(c, status) for c, status in standin.attempts if status == 503]
    assert refused == [(an.conversation_id, 503)] * 4  # the first try and three retries
    await run(bot, at(THURSDAY, 14, 30))
    assert len([s for c, s in standin.attempts if s == 503]) == 4  # not tried again


@pytest.mark.parametrize("status", [412, 502, 504])
async def test_gateway_errors_count_as_throttling_and_are_retried_until_delivered(
    bert, bot, connector, status
):
    standin, _ = connector
    await bert.says("help")
    standin.fail_next(bert.conversation_id, status, times=6)  # more than the 5xx retries
    service = bot.app[REMINDERS]
    quick = ReminderService(
        service.org, service.store, service.days, service.deliver, Tuning(backoff_base=0.001)
    )
    report = await quick.run(at(THURSDAY, 14))
    assert report.sent == 1 and report.throttled == 6
    assert "Plan next week" in only(bert.unprompted()).card_text


async def test_someone_who_blocked_the_bot_is_skipped_until_they_come_back(bert, bot, connector):
    standin, _ = connector
    await bert.says("book a desk Friday")
    await bert.says("book a desk Monday")
    standin.block(bert.conversation_id, 403, "MessageWritesBlocked")
    report = await run(bot, at(THURSDAY, 14))
    assert report.outcomes["gone"] == 1
    await run(bot, at(THURSDAY, 16))  # the day before Friday's desk: not even tried
    assert [s for c, s in standin.attempts if s == 403] == [403]
    standin.unblock(bert.conversation_id)
    await bert.installs()
    await run(bot, at(date(2026, 11, 27), 16))
    assert "desk" in only(received(bert, "Monday 30 November")).card_text


async def test_removing_the_app_stops_reminders_and_adding_it_again_brings_them_back(bert, bot):
    await bert.installs()
    assert "Welcome" in only(bert.unprompted()).card_text
    await bert.removes()
    await run(bot, at(THURSDAY, 14))
    assert len(bert.unprompted()) == 1  # just the welcome
    await bert.installs()
    await run(bot, at(date(2026, 12, 3), 14))
    assert "Plan next week" in bert.unprompted()[-1].card_text


async def test_installing_the_app_is_enough_to_receive_reminders(bert, bot):
    await bert.installs()
    await run(bot, at(THURSDAY, 14))
    assert "Plan next week" in bert.unprompted()[-1].card_text


# --- calendar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        at(date(2026, 11, 28), 16),  # Saturday
        at(date(2026, 11, 29), 16),  # Sunday
        at(date(2026, 12, 25), 16),  # Christmas
    ],
)
async def test_nothing_is_sent_at_weekends_or_on_public_holidays(bert, bot, when):
    await bert.says("book a desk Monday")
    report = await run(bot, when)
    assert bert.unprompted() == [] and report.due == 0


async def test_the_time_is_local_time_in_the_week_summer_time_starts(user_on, settings):
    monday = datetime(2026, 3, 30, 9, 0, tzinfo=BRUSSELS)  # the day after the clocks changed
    server = await start_bot(settings, now=monday)
    try:
        bert = user_on(server, "Bert Claes", "bert@example.org", "en-US")
        await bert.says("book a desk tomorrow")
        utc = datetime.fromisoformat
        await run(server, utc("2026-03-30T13:59:00+00:00"))  # 15:59 in Brussels
        assert bert.unprompted() == []
        await run(server, utc("2026-03-30T14:00:00+00:00"))  # 16:00 in Brussels
        assert "Tomorrow" in only(bert.unprompted()).card_text
    finally:
        await server.close()


# --- helpers --------------------------------------------------------------------------------


def _inputs(reply: Reply) -> dict[str, str]:
    """The settings card's inputs with their current values, as Teams would submit them."""
    found: dict[str, str] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input.") and "id" in node:
                found[node["id"]] = str(node.get("value", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(reply.card)
    return found


def _demo_with_min_on_site(minimum: int):
    from dataclasses import replace

    import config
    from werkplek.organisation import load_organisation

    org = load_organisation(config.DEMO_ORGANISATION)
    teams = tuple(
        replace(t, min_on_site_by_weekday=(minimum,) * 5) if t.id == "sociale-dienst" else t
        for t in org.teams
    )
    return replace(org, teams=teams)
