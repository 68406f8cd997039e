"""What a turn costs in storage requests, counted at the table client (every retry too)."""

from __future__ import annotations

from app import TABLES
from tests.conftest import start_bot
from tests.support.teams import TeamsUser


async def test_a_day_view_is_one_query_once_the_directory_is_at_hand(settings, http, connector):
    standin, connector_url = connector
    server = await start_bot(settings)
    url = str(server.make_url("")).rstrip("/")
    an = TeamsUser(http, url, standin, connector_url, "An Peeters", "an@example.org")
    try:
        await an.says("help")  # the profile is known from now on
        counter = server.app[TABLES].requests
        before = counter.total
        await an.says("who's in Thursday?")
        first = counter.total - before
        before = counter.total
        await an.says("who's in Friday?")
        again = counter.total - before
    finally:
        await server.close()
    assert first == 3, "the day's desks and teams, the directory partition, the viewer's follows"
    assert again == 1, "the day's desks and teams; the directory and follows are kept a moment"


async def test_a_booking_turn_of_a_known_user_costs_two_storage_requests(settings, http, connector):
    standin, connector_url = connector
    server = await start_bot(settings)
    url = str(server.make_url("")).rstrip("/")
    an = TeamsUser(http, url, standin, connector_url, "An Peeters", "an@example.org")
    try:
        await an.says("help")
        counter = server.app[TABLES].requests
        before = counter.total
        (reply,) = await an.says("book a desk Thursday")
        cost = counter.total - before
    finally:
        await server.close()
    assert "Desk booked" in reply.card_text
    assert cost == 2, "one query (the person's row, the zones, their teams), one transaction"
