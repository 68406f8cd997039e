"""Day plans in Table storage: one partition per day, so a day's rules hold in one transaction.

Row kinds in a day's partition (see README.md):
- ``zone~{site}~{zone}``: who sits at which desk of that zone, per half day;
- ``team~{team}``: who of the team works from home (or asks to), per half day, and who is
  on permanence duty;
- ``person~{user}``: that person's seat and telework, per half day.
A change rewrites the person's row and the zone and team rows it touches in one entity
group transaction with ETag conditions: all or nothing, and a lost race is a 409/412.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import AzureError, HttpResponseError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from werkplek.booking import HALVES, Person, PersonDay, Seat, ZoneDay
from werkplek.dayplan import DayState
from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.organisation import Organisation
from werkplek.telework import HomeStatus, TeamDay

_RACE_STATUSES = {409, 412}


class TableBookingRepository:
    def __init__(self, table: TableClient, org: Organisation) -> None:
        self.table = table
        self.org = org
        self._zone_by_row = {keys.zone_row(z.key): z for z in org.zones}
        self._team_by_row = {keys.team_row(t.id): t for t in org.teams}

    async def load_day(self, day: date, person: Person) -> DayState:
        """The person's row, the day's zone rows and the person's team rows: one query.

        Without an e-mail (a requester known by key only) every team row, since the stored
        row may name teams we cannot guess; likewise for someone in very many teams (Table
        storage allows 15 comparisons in a filter).
        """
        teams = self.org.teams_of(person.email) if person.email else None
        if teams is not None and len(teams) > _MAX_TEAMS_NAMED:
            teams = None
        params = {"day": keys.day_key(day), "person": keys.person_row(person.key)}
        if teams is None:
            shared = "( RowKey ge @low and RowKey lt @high )"
            params |= {"low": keys.TEAM_PREFIX, "high": keys.ZONE_PREFIX[:-1] + "\x7f"}
        else:
            named = "".join(f" or RowKey eq @t{i}" for i in range(len(teams)))
            shared = f"( RowKey ge @low and RowKey lt @high ){named}"
            params |= {"low": keys.ZONE_PREFIX, "high": keys.ZONE_PREFIX[:-1] + "\x7f"}
            params |= {f"t{i}": keys.team_row(t.id) for i, t in enumerate(teams)}
        # Spaces around the parentheses: the SDK's parameter substitution needs them.
        query = f"PartitionKey eq @day and ( RowKey eq @person or {shared} )"
        entities = await self._query(query, params, _ALL_COLUMNS)
        row = params["person"]
        found = [e for e in entities if e["RowKey"] == row]
        person_day = self._person_from(found[0], person) if found else PersonDay(person, day)
        zones, teams_of_day = self._shared_from(e for e in entities if e["RowKey"] != row)
        return DayState(person_day, zones, teams_of_day)

    async def load_zones(self, days: list[date]) -> dict[date, dict[str, ZoneDay]]:
        loaded = await asyncio.gather(*(self._shared_rows(d) for d in days))
        return {day: zones for day, (zones, _) in zip(days, loaded, strict=True)}

    async def load_teams(self, days: list[date]) -> dict[date, dict[str, TeamDay]]:
        loaded = await asyncio.gather(*(self._shared_rows(d) for d in days))
        return {day: teams for day, (_, teams) in zip(days, loaded, strict=True)}

    async def whole_day(
        self, day: date
    ) -> tuple[list[PersonDay], dict[str, ZoneDay], dict[str, TeamDay]]:
        """Everything planned on `day`: one single-partition query (reminders, where is)."""
        entities = await self._query(
            "PartitionKey eq @day", {"day": keys.day_key(day)}, _ALL_COLUMNS
        )
        people = [
            self._person_from(e, self._person_of(e))
            for e in entities
            if e["RowKey"].startswith(keys.PERSON_PREFIX)
        ]
        zones, teams = self._shared_from(
            e for e in entities if not e["RowKey"].startswith(keys.PERSON_PREFIX)
        )
        return [p for p in people if not p.is_empty], zones, teams

    async def office_day(self, day: date) -> tuple[list[PersonDay], dict[str, TeamDay]]:
        """What a "who's in" view needs, in one single-partition query: the people with a
        desk that day (filtered by the service) and every team row (who is home, on duty).
        Everyone else's row stays in storage: a site of 2,000 fits one page of 1,000."""
        query = (
            "PartitionKey eq @day and ( ( RowKey ge @plow and RowKey lt @phigh"
            " and ( am_zone ne @none or pm_zone ne @none ) )"
            " or ( RowKey ge @tlow and RowKey lt @thigh ) )"
        )
        params = {
            "day": keys.day_key(day),
            "plow": keys.PERSON_PREFIX,
            "phigh": keys.PERSON_PREFIX[:-1] + "\x7f",
            "tlow": keys.TEAM_PREFIX,
            "thigh": keys.TEAM_PREFIX[:-1] + "\x7f",
            "none": "",
        }
        entities = await self._query(query, params, _ALL_COLUMNS)
        people = [
            self._person_from(e, self._person_of(e))
            for e in entities
            if e["RowKey"].startswith(keys.PERSON_PREFIX)
        ]
        _, teams = self._shared_from(
            e for e in entities if not e["RowKey"].startswith(keys.PERSON_PREFIX)
        )
        return [p for p in people if p.seats], teams

    async def teams_between(self, first: date, last: date) -> dict[date, dict[str, TeamDay]]:
        """Team rows (telework and duty) of every day from `first` to `last`: one query."""
        query = (
            "PartitionKey ge @first and PartitionKey le @last"
            " and RowKey ge @low and RowKey lt @high"
        )
        params = {
            "first": keys.day_key(first),
            "last": keys.day_key(last),
            "low": keys.TEAM_PREFIX,
            "high": keys.TEAM_PREFIX[:-1] + "\x7f",
        }
        by_day: dict[date, list[Any]] = {}
        for entity in await self._query(query, params, _TEAM_COLUMNS):
            by_day.setdefault(date.fromisoformat(entity["PartitionKey"]), []).append(entity)
        return {day: self._shared_from(rows)[1] for day, rows in by_day.items()}

    async def commit(
        self,
        before: PersonDay | None,
        after: PersonDay | None,
        zones: tuple[ZoneDay, ...] = (),
        teams: tuple[TeamDay, ...] = (),
    ) -> None:
        """Write the person's day, zones and teams of one day at once, or raise ConcurrentChange."""
        day = after.day if after else before.day if before else None
        if day is None:
            raise ValueError("commit needs a person day")
        pk = keys.day_key(day)
        operations: list[tuple[Any, ...]] = [
            _write(pk, keys.zone_row(z.zone.key), _zone_entity(z), z.version) for z in zones
        ]
        operations += [
            _write(pk, keys.team_row(t.team.id), _team_entity(t), t.version) for t in teams
        ]
        if after is not None and before is not None:
            person_row = keys.person_row(after.person.key)
            if not after.is_empty:
                operations.append(_write(pk, person_row, _person_entity(after), before.version))
            elif before.version is not None:
                operations.append(
                    (
                        "delete",
                        {"PartitionKey": pk, "RowKey": person_row},
                        {"etag": before.version, "match_condition": MatchConditions.IfNotModified},
                    )
                )
        if not operations:
            return
        await self._submit(operations, day)

    async def commit_teams(self, day: date, teams: tuple[TeamDay, ...]) -> None:
        """Write team rows of one day (permanence duty), ETag-checked."""
        pk = keys.day_key(day)
        await self._submit(
            [_write(pk, keys.team_row(t.team.id), _team_entity(t), t.version) for t in teams], day
        )

    async def person_days(self, person: Person, first: date, last: date) -> list[PersonDay]:
        """The person's planned days from `first` to `last`, in date order."""
        query = "PartitionKey ge @first and PartitionKey le @last and RowKey eq @row"
        params = {
            "first": keys.day_key(first),
            "last": keys.day_key(last),
            "row": keys.person_row(person.key),
        }
        days = [
            self._person_from(e, person) for e in await self._query(query, params, _PERSON_COLUMNS)
        ]
        return sorted((d for d in days if not d.is_empty), key=lambda d: d.day)

    async def everyone_days(self, first: date, last: date) -> list[PersonDay]:
        """Every person's planned days from `first` to `last` (payroll export)."""
        query = (
            "PartitionKey ge @first and PartitionKey le @last"
            " and RowKey ge @low and RowKey lt @high"
        )
        params = {
            "first": keys.day_key(first),
            "last": keys.day_key(last),
            "low": keys.PERSON_PREFIX,
            "high": keys.PERSON_PREFIX[:-1] + "\x7f",
        }
        days = [
            self._person_from(e, self._person_of(e))
            for e in await self._query(query, params, _PERSON_COLUMNS)
        ]
        return sorted((d for d in days if not d.is_empty), key=lambda d: (d.day, d.person.key))

    async def requested_between(self, first: date, last: date) -> list[PersonDay]:
        """Person days with a telework request waiting for a manager (filtered server-side)."""
        query = (
            "PartitionKey ge @first and PartitionKey le @last"
            " and RowKey ge @low and RowKey lt @high"
            " and ( am_home eq @requested or pm_home eq @requested )"  # spaces: see _serialize
        )
        params = {
            "first": keys.day_key(first),
            "last": keys.day_key(last),
            "low": keys.PERSON_PREFIX,
            "high": keys.PERSON_PREFIX[:-1] + "\x7f",
            "requested": HomeStatus.REQUESTED.value,
        }
        return [
            self._person_from(e, self._person_of(e))
            for e in await self._query(query, params, _PERSON_COLUMNS)
        ]

    async def import_day(
        self,
        day: date,
        people: list[PersonDay],
        zones: list[ZoneDay],
        teams: list[TeamDay],
    ) -> None:
        """Write a whole day at once (imports, benchmarks): upserts, 100 rows a transaction.

        Not for turns: nothing is checked against what is stored. The caller hands over a
        day that keeps the rules.
        """
        pk = keys.day_key(day)
        rows = [
            {"PartitionKey": pk, "RowKey": keys.person_row(p.person.key), **_person_entity(p)}
            for p in people
        ]
        rows += [
            {"PartitionKey": pk, "RowKey": keys.zone_row(z.zone.key), **_zone_entity(z)}
            for z in zones
        ]
        rows += [
            {"PartitionKey": pk, "RowKey": keys.team_row(t.team.id), **_team_entity(t)}
            for t in teams
        ]
        for start in range(0, len(rows), 100):
            batch = [
                ("upsert", row, {"mode": UpdateMode.REPLACE}) for row in rows[start : start + 100]
            ]
            await self._submit(batch, day)

    @staticmethod
    def _person_of(entity: Any) -> Person:
        return Person(
            keys.unescape(entity["RowKey"][len(keys.PERSON_PREFIX) :]),
            entity.get("name", ""),
            entity.get("email") or None,
        )

    async def _submit(self, operations: list[tuple[Any, ...]], day: date) -> None:
        try:
            # A transaction error (TableTransactionError) is an HttpResponseError too.
            await self.table.submit_transaction(operations)
        except HttpResponseError as exc:
            if exc.status_code in _RACE_STATUSES:
                raise ConcurrentChange(str(day)) from exc
            raise StorageUnavailable(f"day transaction failed ({exc.status_code})") from exc
        except AzureError as exc:
            raise StorageUnavailable("day transaction failed") from exc

    async def _query(
        self, query: str, params: dict[str, str], select: list[str] | None = None
    ) -> list[Any]:
        try:
            rows = self.table.query_entities(query, parameters=params, select=select)
            return [e async for e in rows]
        except AzureError as exc:
            raise StorageUnavailable("cannot read day plans") from exc

    async def _shared_rows(self, day: date) -> tuple[dict[str, ZoneDay], dict[str, TeamDay]]:
        """The day's zone and team rows: 'team~' < 'zone~' and nothing else lies between."""
        query = "PartitionKey eq @day and RowKey ge @low and RowKey lt @high"
        params = {
            "day": keys.day_key(day),
            "low": keys.TEAM_PREFIX,
            "high": keys.ZONE_PREFIX[:-1] + "\x7f",
        }
        # Only what the rules read: no Timestamp to parse for every row (the ETag still comes).
        return self._shared_from(await self._query(query, params, _SHARED_COLUMNS))

    def _shared_from(self, entities: Any) -> tuple[dict[str, ZoneDay], dict[str, TeamDay]]:
        zones: dict[str, ZoneDay] = {}
        teams: dict[str, TeamDay] = {}
        for entity in entities:
            etag = entity.metadata["etag"]
            if (zone := self._zone_by_row.get(entity["RowKey"])) is not None:
                taken = {h: _json_map(entity.get(h.value)) for h in HALVES}
                zones[zone.key] = ZoneDay(zone, taken, etag)
            elif (team := self._team_by_row.get(entity["RowKey"])) is not None:
                away = {
                    h: {e: _status(s) for e, s in _json_map(entity.get(h.value)).items()}
                    for h in HALVES
                }
                away = {h: {e: s for e, s in a.items() if s} for h, a in away.items()}
                duty = frozenset(_json_list(entity.get("duty")))
                teams[team.id] = TeamDay(team, away, duty, etag)
            # rows of zones or teams no longer in the organisation file are ignored
        return zones, teams

    def _person_from(self, entity: Any, person: Person) -> PersonDay:
        seats, home = {}, {}
        for half in HALVES:
            zone_key, desk = entity.get(f"{half.value}_zone"), entity.get(f"{half.value}_desk")
            if zone_key and desk and self.org.zone(zone_key) is not None:
                seats[half] = Seat(zone_key, desk)
            status = _status(entity.get(f"{half.value}_home"))
            if status:
                home[half] = status
        person = Person(
            person.key,
            person.name or entity.get("name", ""),
            person.email or entity.get("email") or None,
        )
        return PersonDay(
            person,
            date.fromisoformat(entity["PartitionKey"]),
            seats,
            home,
            entity.metadata["etag"],
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


def _team_entity(team_day: TeamDay) -> dict[str, Any]:
    body: dict[str, Any] = {
        h.value: json.dumps({e: str(s) for e, s in team_day.away_in(h).items()}, sort_keys=True)
        for h in HALVES
    }
    body["duty"] = json.dumps(sorted(team_day.duty))
    return body


def _person_entity(person_day: PersonDay) -> dict[str, Any]:
    body: dict[str, Any] = {"name": person_day.person.name, "email": person_day.person.email or ""}
    for half in HALVES:
        seat = person_day.seats.get(half)
        body[f"{half.value}_zone"] = seat.zone_key if seat else ""
        body[f"{half.value}_desk"] = seat.desk_id if seat else ""
        body[f"{half.value}_home"] = str(person_day.home.get(half, ""))
    return body


_STATUSES = {s.value: s for s in HomeStatus}
_SHARED_COLUMNS = ["RowKey", *(h.value for h in HALVES), "duty"]
# Team rows named one by one in a day's query; beyond this, the range of every team row.
_MAX_TEAMS_NAMED = 8
_PERSON_COLUMNS = [
    "PartitionKey",
    "RowKey",
    "name",
    "email",
    *(f"{h.value}_{c}" for h in HALVES for c in ("zone", "desk", "home")),
]
_TEAM_COLUMNS = ["PartitionKey", *_SHARED_COLUMNS]
_ALL_COLUMNS = sorted({*_PERSON_COLUMNS, *_SHARED_COLUMNS})


def _status(value: Any) -> HomeStatus | None:
    return _STATUSES.get(value) if isinstance(value, str) else None


def _json_map(value: Any) -> dict[str, str]:
    if not isinstance(value, str) or not value:
        return {}
    loaded = json.loads(value)
    return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def _json_list(value: Any) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    loaded = json.loads(value)
    return [str(v) for v in loaded] if isinstance(loaded, list) else []
