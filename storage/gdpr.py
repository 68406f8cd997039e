"""The user's own data (GDPR): find every row about a person, erase them, purge old days.

Where a person is stored (see README.md for the tables):

- `{prefix}users`: their own partition (profile, `follows~` rows), `email~{e-mail}` (the
  index), `directory` and `reach` rows keyed by them, and the `follows~{their e-mail}` rows
  of the people who follow them (in the followers' partitions);
- `{prefix}bookings`: their `person~` row in each day partition, their e-mail in team rows
  (at home, on duty) and their key in zone rows (who sits at which desk);
- `{prefix}reminders`: `claim~{kind}~{key}` rows, per day.

The layout is built for turns (one day, one person, one partition), not for "everything
about one person": that takes four queries across partitions (person rows, team rows,
followers, claims). They are rare (a person asking for their data, or to be forgotten) and
read only key columns where they can.

Also here: the retention purge (whole day partitions before a date, old reminder days),
the daily purge marker that lets one instance purge per day, and the link secret.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import secrets
from collections import Counter
from datetime import date
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from storage.reminders import REACH
from storage.tables import Tables
from werkplek.booking import HALVES, Person, PersonDay, Seat
from werkplek.errors import StorageUnavailable
from werkplek.my_data import DutyDay, FollowEntry, ReminderSent, StoredData
from werkplek.reminders import ReminderSettings
from werkplek.telework import HomeStatus

_PROFILE = "profile"
_EMAIL_PREFIX = "email~"
_DIRECTORY = "directory"
_FOLLOWS = "follows~"
_CLAIM = "claim~"
# Day partitions are ISO dates: every one of them sorts at or after this.
_FIRST_DAY = "0000-01-01"
# In {prefix}reminders: one row says which day was purged last (one purger per day),
# another holds the random secret of the signed links when no setting gives one.
_PURGE = ("purge", "daily")
_SECRET = ("secret", "links")
_BATCH = 100


def _high(prefix: str) -> str:
    return prefix[:-1] + "\x7f"


def _json(value: Any, kind: type) -> Any:
    if not isinstance(value, str) or not value:
        return kind()
    try:
        loaded = json.loads(value)
    except ValueError:
        return kind()
    return loaded if isinstance(loaded, kind) else kind()


class TableGdprStore:
    def __init__(self, tables: Tables) -> None:
        self.bookings: TableClient = tables.bookings
        self.users: TableClient = tables.users
        self.reminders: TableClient = tables.reminders

    # --- everything about one person -------------------------------------------------------

    async def everything(self, user_key: str) -> StoredData:
        escaped = keys.escape(user_key)
        own, directory, reach, day_rows, claims = await asyncio.gather(
            self._query(self.users, "PartitionKey eq @pk", {"pk": escaped}),
            self._get(self.users, _DIRECTORY, escaped),
            self._get(self.users, REACH, escaped),
            self._day_rows(user_key),
            self._claims(escaped),
        )
        days = _person_days(day_rows, user_key)
        profile = next((r for r in own if r["RowKey"] == _PROFILE), None)
        follows = {
            keys.unescape(r["RowKey"][len(_FOLLOWS) :]): r.get("status", "")
            for r in own
            if r["RowKey"].startswith(_FOLLOWS)
        }
        emails = [
            (row or {}).get("email") for row in (profile, directory, reach) if row is not None
        ] + [d.person.email for d in days]
        email = next((e.casefold() for e in emails if e), None)
        duty, team_days = _team_mentions(day_rows, email) if email else ([], [])
        index, followers, names = await asyncio.gather(
            self._get(self.users, _EMAIL_PREFIX + keys.escape(email), _PROFILE)
            if email
            else _none(),
            self._followers(email) if email else _empty(),
            self._query(self.users, "PartitionKey eq @pk", {"pk": _DIRECTORY}),
        )
        by_email = {r.get("email", ""): r.get("name", "") for r in names}
        by_key = {keys.unescape(r["RowKey"]): r for r in names}
        conversation = _json((profile or {}).get("conversation"), dict) or _json(
            (reach or {}).get("conversation"), dict
        )
        places = [
            name
            for name, found in (
                ("profile", profile),
                ("e-mail index", index if index and index.get("key") == user_key else None),
                ("directory", directory),
                ("reach", reach),
                ("follows", follows),
                ("followers", followers),
                ("days", days),
                ("team rows", team_days),
                ("reminder claims", claims),
            )
            if found
        ]
        first = profile or directory or reach or {}
        return StoredData(
            key=user_key,
            name=first.get("name") or next((d.person.name for d in days if d.person.name), ""),
            email=email,
            locale=(profile or reach or {}).get("locale") or None,
            conversation=conversation or None,
            visibility=(directory or {}).get("visibility", ""),
            days=tuple(days),
            duty=tuple(duty),
            team_days=tuple(team_days),
            following=tuple(
                FollowEntry(e, by_email.get(e, ""), status) for e, status in sorted(follows.items())
            ),
            followers=tuple(
                FollowEntry(
                    (by_key.get(key) or {}).get("email", ""),
                    (by_key.get(key) or {}).get("name", ""),
                    status,
                )
                for key, status in followers
            ),
            reminder_settings=ReminderSettings.parse(_json((reach or {}).get("settings"), dict)),
            reminders_sent=tuple(claims),
            places=tuple(places),
        )

    async def conversation(self, user_key: str) -> dict[str, Any] | None:
        """The personal chat's reference kept with the profile (a point read)."""
        row = await self._get(self.users, keys.escape(user_key), _PROFILE)
        return _json((row or {}).get("conversation"), dict) or None

    async def _day_rows(self, user_key: str) -> list[Any]:
        """The person's row of every day partition, and every team row: one scan of the
        bookings table (team rows name people by e-mail, inside their JSON)."""
        return await self._query(
            self.bookings,
            # Spaces around the parentheses: the SDK finds @names between spaces.
            "PartitionKey ge @first"
            " and ( RowKey eq @row or ( RowKey ge @low and RowKey lt @high ) )",
            {
                "first": _FIRST_DAY,
                "row": keys.person_row(user_key),
                "low": keys.TEAM_PREFIX,
                "high": _high(keys.TEAM_PREFIX),
            },
        )

    async def _followers(self, email: str) -> list[tuple[str, str]]:
        """(follower key, status) of everyone who follows this e-mail: across partitions."""
        rows = await self._query(
            self.users,
            "RowKey eq @row",
            {"row": _FOLLOWS + keys.escape(email.casefold())},
            select=["PartitionKey", "status"],
        )
        return [(keys.unescape(r["PartitionKey"]), r.get("status", "")) for r in rows]

    async def _claims(self, escaped_key: str) -> list[ReminderSent]:
        rows = await self._query(
            self.reminders,
            "PartitionKey ge @first and RowKey ge @low and RowKey lt @high",
            {"first": _FIRST_DAY, "low": _CLAIM, "high": _high(_CLAIM)},
            select=["PartitionKey", "RowKey", "state"],
        )
        found = []
        for row in rows:
            kind, _, user = row["RowKey"][len(_CLAIM) :].partition("~")
            if user == escaped_key:
                day = date.fromisoformat(row["PartitionKey"])
                found.append(ReminderSent(day, kind, row.get("state", "")))
        return sorted(found, key=lambda r: (r.day, r.kind))

    # --- erasing ---------------------------------------------------------------------------

    async def erase_user(self, user_key: str, email: str | None) -> int:
        """Delete the person's rows in {prefix}users, and the follows of them. Rows deleted."""
        escaped = keys.escape(user_key)
        own = await self._query(
            self.users, "PartitionKey eq @pk", {"pk": escaped}, select=["PartitionKey", "RowKey"]
        )
        targets = [(r["PartitionKey"], r["RowKey"]) for r in own]
        for pk in (_DIRECTORY, REACH):
            if await self._get(self.users, pk, escaped) is not None:
                targets.append((pk, escaped))
        if email:
            index = await self._get(self.users, _EMAIL_PREFIX + keys.escape(email), _PROFILE)
            if index is not None and index.get("key") == user_key:
                targets.append((index["PartitionKey"], index["RowKey"]))
            row = _FOLLOWS + keys.escape(email.casefold())
            targets += [(keys.escape(key), row) for key, _ in await self._followers(email)]
        # The profile last: a run cut short is finished by the next one, which still finds it.
        targets.sort(key=lambda t: t == (escaped, _PROFILE))
        deleted = 0
        for pk, rk in targets:
            deleted += await self._delete(self.users, pk, rk)
        return deleted

    async def erase_claims(self, user_key: str) -> int:
        escaped = keys.escape(user_key)
        deleted = 0
        for claim in await self._claims(escaped):
            rk = f"{_CLAIM}{claim.kind}~{escaped}"
            deleted += await self._delete(self.reminders, keys.day_key(claim.day), rk)
        return deleted

    # --- retention -------------------------------------------------------------------------

    async def purge_days_before(self, first_kept: date) -> dict[str, int]:
        """Delete every row of the day partitions before `first_kept`; rows per kind."""
        rows = await self._old_rows(self.bookings, first_kept)
        kinds: Counter[str] = Counter()
        for _, rk in await self._delete_rows(self.bookings, rows):
            kind = rk.split("~", 1)[0]
            kinds[kind if kind in ("person", "team", "zone") else "other"] += 1
        return dict(kinds)

    async def purge_reminder_days_before(self, first_kept: date) -> int:
        rows = await self._old_rows(self.reminders, first_kept)
        return len(await self._delete_rows(self.reminders, rows))

    async def claim_daily_purge(self, day: date, owner: str) -> bool:
        """Insert or move forward the purge marker: only one instance wins each day."""
        pk, rk = _PURGE
        body = {"PartitionKey": pk, "RowKey": rk, "day": day.isoformat(), "owner": owner}
        try:
            try:
                current = await self.reminders.get_entity(pk, rk)
            except ResourceNotFoundError:
                await self.reminders.create_entity(body)
                return True
            if current.get("day", "") >= day.isoformat():
                return False
            await self.reminders.update_entity(
                body,
                mode=UpdateMode.REPLACE,
                etag=current.metadata["etag"],
                match_condition=MatchConditions.IfNotModified,
            )
            return True
        except (ResourceExistsError, ResourceModifiedError):
            return False  # another instance took it first
        except AzureError as exc:
            raise StorageUnavailable("cannot take the daily purge") from exc

    async def link_secret(self) -> bytes:
        """The random secret of the signed links, made once and shared by every instance."""
        pk, rk = _SECRET
        try:
            try:
                row = await self.reminders.get_entity(pk, rk)
            except ResourceNotFoundError:
                made = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
                with contextlib.suppress(ResourceExistsError):  # another instance was first
                    await self.reminders.create_entity(
                        {"PartitionKey": pk, "RowKey": rk, "secret": made}
                    )
                row = await self.reminders.get_entity(pk, rk)
        except AzureError as exc:
            raise StorageUnavailable("cannot read the link secret") from exc
        return base64.b64decode(row["secret"])

    async def _old_rows(self, table: TableClient, first_kept: date) -> list[tuple[str, str]]:
        rows = await self._query(
            table,
            "PartitionKey ge @first and PartitionKey lt @kept",
            {"first": _FIRST_DAY, "kept": keys.day_key(first_kept)},
            select=["PartitionKey", "RowKey"],
        )
        return [(r["PartitionKey"], r["RowKey"]) for r in rows]

    async def _delete_rows(
        self, table: TableClient, rows: list[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        """Delete rows, 100 a transaction per partition; the rows that were there."""
        by_partition: dict[str, list[str]] = {}
        for pk, rk in rows:
            by_partition.setdefault(pk, []).append(rk)
        deleted: list[tuple[str, str]] = []
        for pk, rks in by_partition.items():
            for start in range(0, len(rks), _BATCH):
                batch = rks[start : start + _BATCH]
                try:
                    await table.submit_transaction(
                        [("delete", {"PartitionKey": pk, "RowKey": rk}) for rk in batch]
                    )
                    deleted += [(pk, rk) for rk in batch]
                except HttpResponseError:
                    # One row went meanwhile (another purge, a cancel): one by one instead.
                    for rk in batch:
                        if await self._delete(table, pk, rk):
                            deleted.append((pk, rk))
                except AzureError as exc:
                    raise StorageUnavailable("cannot purge old rows") from exc
        return deleted

    # --- small helpers ---------------------------------------------------------------------

    @staticmethod
    async def _get(table: TableClient, pk: str, rk: str) -> Any:
        try:
            return await table.get_entity(pk, rk)
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot read personal data") from exc

    @staticmethod
    async def _delete(table: TableClient, pk: str, rk: str) -> int:
        """Delete a row that was found (the SDK ignores one already gone): 1."""
        try:
            await table.delete_entity(pk, rk)
        except AzureError as exc:
            raise StorageUnavailable("cannot erase personal data") from exc
        return 1

    @staticmethod
    async def _query(
        table: TableClient, query: str, params: dict[str, str], select: list[str] | None = None
    ) -> list[Any]:
        try:
            return [e async for e in table.query_entities(query, parameters=params, select=select)]
        except ResourceNotFoundError:
            return []  # the table does not exist (yet): nothing is stored
        except AzureError as exc:
            raise StorageUnavailable("cannot read personal data") from exc


def _day_of(row: Any) -> date | None:
    try:
        return date.fromisoformat(row["PartitionKey"])
    except ValueError:
        return None


def _person_days(rows: list[Any], user_key: str) -> list[PersonDay]:
    """The person's rows as days, every seat and status as stored (zones no longer in the
    organisation file too: the document shows what is stored)."""
    mine = keys.person_row(user_key)
    days = []
    for row in rows:
        day = _day_of(row)
        if row["RowKey"] != mine or day is None:
            continue
        seats, home = {}, {}
        for half in HALVES:
            zone, desk = row.get(f"{half.value}_zone"), row.get(f"{half.value}_desk")
            if zone and desk:
                seats[half] = Seat(zone, desk)
            status = row.get(f"{half.value}_home")
            if status in {s.value for s in HomeStatus}:
                home[half] = status
        person = Person(user_key, row.get("name", ""), row.get("email") or None)
        days.append(PersonDay(person, day, seats, home, row.metadata["etag"]))
    return sorted(days, key=lambda d: d.day)


def _team_mentions(rows: list[Any], email: str) -> tuple[list[DutyDay], list[date]]:
    """Days whose team rows name the person: on duty, or away (at home, asked)."""
    duty: list[DutyDay] = []
    named: set[date] = set()
    for row in rows:
        day = _day_of(row)
        if not row["RowKey"].startswith(keys.TEAM_PREFIX) or day is None:
            continue
        on_duty = email in {str(e).casefold() for e in _json(row.get("duty"), list)}
        away = any(
            email in {str(e).casefold() for e in _json(row.get(h.value), dict)} for h in HALVES
        )
        if on_duty:
            duty.append(DutyDay(day, keys.unescape(row["RowKey"][len(keys.TEAM_PREFIX) :])))
        if on_duty or away:
            named.add(day)
    return sorted(duty, key=lambda d: (d.day, d.team_id)), sorted(named)


async def _none() -> None:
    return None


async def _empty() -> list[Any]:
    return []
