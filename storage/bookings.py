"""Bookings in Table storage: one partition per day, so a day's rules hold in one transaction.

Row kinds in a day's partition (see README.md):
- ``zone~{site}~{zone}``: who sits at which desk of that zone, per half day;
- ``person~{user}``: which seat that person has, per half day.
A booking rewrites the person's row and the zone rows it touches in one entity
group transaction with ETag conditions: all or nothing, and a lost race is a 409/412.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import AzureError, HttpResponseError, ResourceNotFoundError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from werkplek.booking import HALVES, Person, PersonDay, Seat, ZoneDay
from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.organisation import Organisation

_RACE_STATUSES = {409, 412}


class TableBookingRepository:
    def __init__(self, table: TableClient, org: Organisation) -> None:
        self.table = table
        self.org = org
        self._zone_by_row = {keys.zone_row(z.key): z for z in org.zones}

    async def load_day(self, day: date, person: Person) -> tuple[PersonDay, dict[str, ZoneDay]]:
        person_day, zones = await asyncio.gather(self._person_day(day, person), self._zones(day))
        return person_day, zones

    async def load_zones(self, days: list[date]) -> dict[date, dict[str, ZoneDay]]:
        loaded = await asyncio.gather(*(self._zones(d) for d in days))
        return dict(zip(days, loaded, strict=True))

    async def commit(self, before: PersonDay, after: PersonDay, zones: tuple[ZoneDay, ...]) -> None:
        pk = keys.day_key(after.day)
        operations: list[tuple[Any, ...]] = [
            _write(pk, keys.zone_row(z.zone.key), _zone_entity(z), z.version) for z in zones
        ]
        person_row = keys.person_row(after.person.key)
        if after.seats:
            operations.append(_write(pk, person_row, _person_entity(after), before.version))
        elif before.version is not None:
            operations.append(
                (
                    "delete",
                    {"PartitionKey": pk, "RowKey": person_row},
                    {"etag": before.version, "match_condition": MatchConditions.IfNotModified},
                )
            )
        try:
            # A transaction error (TableTransactionError) is an HttpResponseError too.
            await self.table.submit_transaction(operations)
        except HttpResponseError as exc:
            if exc.status_code in _RACE_STATUSES:
                raise ConcurrentChange(str(after.day)) from exc
            raise StorageUnavailable(f"booking transaction failed ({exc.status_code})") from exc
        except AzureError as exc:
            raise StorageUnavailable("booking transaction failed") from exc

    async def person_days(self, person: Person, first: date, last: date) -> list[PersonDay]:
        query = "PartitionKey ge @first and PartitionKey le @last and RowKey eq @row"
        params = {
            "first": keys.day_key(first),
            "last": keys.day_key(last),
            "row": keys.person_row(person.key),
        }
        try:
            entities = [e async for e in self.table.query_entities(query, parameters=params)]
        except AzureError as exc:
            raise StorageUnavailable("cannot read bookings") from exc
        days = [self._person_from(e, person) for e in entities]
        return sorted((d for d in days if d.seats), key=lambda d: d.day)

    async def day_zones(self, day: date) -> dict[str, ZoneDay]:
        """Every zone's occupancy on `day` (one single-partition query)."""
        return await self._zones(day)

    async def _person_day(self, day: date, person: Person) -> PersonDay:
        try:
            entity = await self.table.get_entity(keys.day_key(day), keys.person_row(person.key))
        except ResourceNotFoundError:
            return PersonDay(person, day)
        except AzureError as exc:
            raise StorageUnavailable("cannot read bookings") from exc
        return self._person_from(entity, person)

    async def _zones(self, day: date) -> dict[str, ZoneDay]:
        query = "PartitionKey eq @day and RowKey ge @low and RowKey lt @high"
        params = {
            "day": keys.day_key(day),
            "low": keys.ZONE_PREFIX,
            "high": keys.ZONE_PREFIX[:-1] + "\x7f",
        }
        result: dict[str, ZoneDay] = {}
        try:
            async for entity in self.table.query_entities(query, parameters=params):
                zone = self._zone_by_row.get(entity["RowKey"])
                if zone is None:
                    continue  # a zone removed from the organisation file: no longer bookable
                taken = {h: _json_map(entity.get(h.value)) for h in HALVES}
                result[zone.key] = ZoneDay(zone, taken, entity.metadata["etag"])
        except AzureError as exc:
            raise StorageUnavailable("cannot read zones") from exc
        return result

    def _person_from(self, entity: Any, person: Person) -> PersonDay:
        seats = {}
        for half in HALVES:
            zone_key, desk = entity.get(f"{half.value}_zone"), entity.get(f"{half.value}_desk")
            if zone_key and desk and self.org.zone(zone_key) is not None:
                seats[half] = Seat(zone_key, desk)
        return PersonDay(
            person, date.fromisoformat(entity["PartitionKey"]), seats, entity.metadata["etag"]
        )


def _write(pk: str, rk: str, body: dict[str, Any], etag: object | None) -> tuple[Any, ...]:
    entity = {"PartitionKey": pk, "RowKey": rk, **body}
    if etag is None:
        return ("create", entity)  # insert-if-absent: someone else creating it first is a 409
    return (
        "update",
        entity,
        {
            "mode": UpdateMode.REPLACE,
            "etag": etag,
            "match_condition": MatchConditions.IfNotModified,
        },
    )


def _zone_entity(zone_day: ZoneDay) -> dict[str, Any]:
    return {h.value: json.dumps(zone_day.occupants(h), sort_keys=True) for h in HALVES}


def _person_entity(person_day: PersonDay) -> dict[str, Any]:
    body: dict[str, Any] = {"name": person_day.person.name, "email": person_day.person.email or ""}
    for half in HALVES:
        seat = person_day.seats.get(half)
        body[f"{half.value}_zone"] = seat.zone_key if seat else ""
        body[f"{half.value}_desk"] = seat.desk_id if seat else ""
    return body


def _json_map(value: Any) -> dict[str, str]:
    if not isinstance(value, str) or not value:
        return {}
    loaded = json.loads(value)
    return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
