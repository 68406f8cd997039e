"""Distancing holds under concurrent load on two bot instances sharing one Table storage."""

from __future__ import annotations

import asyncio
import json

from azure.data.tables.aio import TableClient

from config import DEMO_ORGANISATION
from storage.tables import TableNames
from tests.conftest import start_bot
from tests.support.teams import TeamsUser
from werkplek.organisation import load_organisation


async def crowd(settings, http, connector, count: int) -> list[TeamsUser]:
    standin, connector_url = connector
    bots = [await start_bot(settings), await start_bot(settings)]
    urls = [str(b.make_url("")).rstrip("/") for b in bots]
    users = [
        TeamsUser(http, urls[i % 2], standin, connector_url, f"User {i}", f"user{i}@example.org")
        for i in range(count)
    ]
    return bots, users


async def zone_rows(settings, day: str) -> dict[str, dict]:
    table = TableClient.from_connection_string(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix).bookings
    )
    async with table:
        rows = [e async for e in table.query_entities("PartitionKey eq @d", parameters={"d": day})]
    return {e["RowKey"]: e for e in rows}


def assert_rules_hold(rows: dict[str, dict]) -> None:
    org = load_organisation(DEMO_ORGANISATION)
    zones = {f"zone~{z.site_id}~{z.id}": z for z in org.zones}
    for key, row in rows.items():
        if key not in zones:
            continue
        zone = zones[key]
        for half in ("am", "pm"):
            taken = json.loads(row[half])
            assert len(taken) <= zone.capacity, f"{zone.name} over capacity: {taken}"
            assert len(set(taken.values())) == len(taken), "one person at two desks"
            for desk in taken:
                assert not (zone.neighbours_of(desk) & taken.keys()), f"neighbour of {desk} taken"


async def test_many_people_racing_for_the_last_places_of_a_zone_never_overfill_it(
    settings, http, connector
):
    bots, users = await crowd(settings, http, connector, 24)
    try:
        answers = await asyncio.gather(
            *(u.says("book a desk in Verdieping 2 on Thursday") for u in users)
        )
    finally:
        for bot in bots:
            await bot.close()
    booked = [a[0].card_text for a in answers if "Desk booked" in a[0].card_text]
    full = [a[0].card_text for a in answers if "Verdieping 2 is full" in a[0].card_text]
    assert len(booked) == 3, "capacity of Verdieping 2 is 3"
    assert len(full) == 21
    desks = {
        next(d for d in ("2.01", "2.02", "2.03", "2.04", "2.05", "2.06") if d in c) for c in booked
    }
    assert len(desks) == 3
    assert_rules_hold(await zone_rows(settings, "2026-11-26"))


async def test_many_people_racing_for_one_desk_get_it_once(settings, http, connector):
    bots, users = await crowd(settings, http, connector, 16)
    try:
        answers = await asyncio.gather(*(u.says("book desk 1.05 Friday") for u in users))
    finally:
        for bot in bots:
            await bot.close()
    winners = [a for a in answers if "Desk booked" in a[0].card_text]
    assert len(winners) == 1
    assert sum("Desk 1.05 is already taken" in a[0].card_text for a in answers) == 15
    rows = await zone_rows(settings, "2026-11-27")
    assert len(json.loads(rows["zone~hq~z1"]["am"])) == 1
    assert_rules_hold(rows)
