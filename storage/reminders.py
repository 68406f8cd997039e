"""Reminder state: who can be reached, their settings, the sender lease, and claims.

In `{prefix}users` (written with the profile, see storage/users.py):
- PartitionKey "reach", RowKey = user key: name, e-mail, locale, settings (JSON),
  gone (the connector said 403/404), conversation (JSON reference) and has_chat. One
  partition that a reminder run reads with $select, without the references, to find
  who is due; the reference is read for each reminder actually sent.
- PartitionKey "reach-times", RowKey "{kind}~{HH:MM}": every time someone chose, so a
  run knows which groups exist without reading every user.

In `{prefix}reminders`:
- PartitionKey "lease", RowKey "sender": owner, expires. One sender at a time, so the
  in-process pacing is the whole app's pacing.
- PartitionKey = local day, RowKey "claim~{kind}~{user key}": state claimed / sent /
  failed / gone, until (a claim past it was left by a crashed sender: taken over).
- PartitionKey = local day, RowKey "done~{kind}~{HH:MM}": that group is finished.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    AzureError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from werkplek.errors import StorageUnavailable
from werkplek.reminders import ReminderKind, ReminderSettings

REACH = "reach"
REACH_TIMES = "reach-times"
_LEASE = ("lease", "sender")
_CLAIM = "claim~"
_DONE = "done~"

CLAIMED, SENT, FAILED, GONE = "claimed", "sent", "failed", "gone"
FINAL = frozenset({SENT, FAILED, GONE})


@dataclass(frozen=True)
class Reach:
    key: str
    name: str
    email: str | None
    locale: str | None
    settings: ReminderSettings
    gone: bool = False


@dataclass(frozen=True)
class Claim:
    kind: ReminderKind
    user_key: str
    state: str
    until: datetime | None
    etag: str | None


def reach_entity(
    key: str, name: str, email: str | None, locale: str | None, conversation: dict[str, Any]
) -> dict[str, Any]:
    """The reach row written with a profile whose personal chat is known: reachable again."""
    return {
        "PartitionKey": REACH,
        "RowKey": keys.escape(key),
        "name": name,
        "email": (email or "").casefold(),
        "locale": locale or "",
        "conversation": json.dumps(conversation, sort_keys=True),
        "has_chat": True,
        "gone": False,
    }


def _settings(entity: Any) -> ReminderSettings:
    try:
        stored = json.loads(entity.get("settings") or "{}")
    except ValueError:
        stored = {}
    return ReminderSettings.parse(stored if isinstance(stored, dict) else {})


class TableReminderStore:
    def __init__(self, users: TableClient, reminders: TableClient) -> None:
        self.users = users
        self.table = reminders

    # --- who can be reached, and how they want it ------------------------------------------

    async def settings(self, user_key: str) -> ReminderSettings:
        try:
            entity = await self.users.get_entity(REACH, keys.escape(user_key), select=["settings"])
        except ResourceNotFoundError:
            return ReminderSettings()
        except AzureError as exc:
            raise StorageUnavailable("cannot read reminder settings") from exc
        return _settings(entity)

    async def save_settings(self, user_key: str, settings: ReminderSettings) -> None:
        try:
            for kind, setting in settings.chosen.items():
                await self.users.upsert_entity(
                    {"PartitionKey": REACH_TIMES, "RowKey": f"{kind.value}~{setting.at:%H:%M}"},
                    mode=UpdateMode.MERGE,
                )
            await self.users.upsert_entity(
                {
                    "PartitionKey": REACH,
                    "RowKey": keys.escape(user_key),
                    "settings": json.dumps(settings.serialize(), sort_keys=True),
                },
                mode=UpdateMode.MERGE,
            )
        except AzureError as exc:
            raise StorageUnavailable("cannot save reminder settings") from exc

    async def chosen_times(self) -> set[tuple[ReminderKind, time]]:
        rows = await self._query(self.users, "PartitionKey eq @pk", {"pk": REACH_TIMES})
        found = set()
        for row in rows:
            kind, _, clock = row["RowKey"].partition("~")
            if kind in ReminderKind.__members__.values():
                found.add((ReminderKind(kind), time.fromisoformat(clock)))
        return found

    async def reachable(self) -> list[Reach]:
        """Everyone with a personal chat who has not removed the app (references left out)."""
        rows = await self._query(
            self.users,
            "PartitionKey eq @pk",
            {"pk": REACH},
            select=["RowKey", "name", "email", "locale", "settings", "gone", "has_chat"],
        )
        return [
            Reach(
                keys.unescape(r["RowKey"]),
                r.get("name") or "",
                r.get("email") or None,
                r.get("locale") or None,
                _settings(r),
                bool(r.get("gone")),
            )
            for r in rows
            if r.get("has_chat") and not r.get("gone")
        ]

    async def conversation(self, user_key: str) -> dict[str, Any] | None:
        try:
            entity = await self.users.get_entity(
                REACH, keys.escape(user_key), select=["conversation"]
            )
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot read conversation reference") from exc
        text = entity.get("conversation")
        return json.loads(text) if text else None

    async def mark_gone(self, user_key: str) -> None:
        """The app was removed or blocked: no more messages until the user comes back."""
        try:
            await self.users.upsert_entity(
                {"PartitionKey": REACH, "RowKey": keys.escape(user_key), "gone": True},
                mode=UpdateMode.MERGE,
            )
            await self.users.upsert_entity(
                {"PartitionKey": keys.escape(user_key), "RowKey": "profile", "gone": True},
                mode=UpdateMode.MERGE,
            )
        except AzureError as exc:
            raise StorageUnavailable("cannot mark a user unreachable") from exc

    # --- one sender at a time --------------------------------------------------------------

    async def acquire_lease(self, owner: str, now: datetime, expires: datetime) -> bool:
        """Take or renew the sender lease; False while another owner holds it."""
        pk, rk = _LEASE
        body = {"PartitionKey": pk, "RowKey": rk, "owner": owner, "expires": expires}
        try:
            try:
                current = await self.table.get_entity(pk, rk)
            except ResourceNotFoundError:
                await self.table.create_entity(body)
                return True
            if current.get("owner") != owner and current["expires"] > now:
                return False
            await self.table.update_entity(
                body,
                mode=UpdateMode.REPLACE,
                etag=current.metadata["etag"],
                match_condition=MatchConditions.IfNotModified,
            )
            return True
        except (ResourceExistsError, ResourceModifiedError):
            return False  # someone else took it between our read and write
        except AzureError as exc:
            raise StorageUnavailable("cannot take the reminder lease") from exc

    async def release_lease(self, owner: str, now: datetime) -> None:
        pk, rk = _LEASE
        try:
            current = await self.table.get_entity(pk, rk)
            if current.get("owner") == owner:
                await self.table.update_entity(
                    {"PartitionKey": pk, "RowKey": rk, "owner": owner, "expires": now},
                    mode=UpdateMode.REPLACE,
                    etag=current.metadata["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )
        except (ResourceNotFoundError, ResourceModifiedError):
            return
        except AzureError as exc:
            raise StorageUnavailable("cannot release the reminder lease") from exc

    # --- claims: each reminder once ----------------------------------------------------------

    async def done_groups(self, day: date) -> set[tuple[ReminderKind, time]]:
        rows = await self._range(day, _DONE)
        found = set()
        for row in rows:
            kind, _, clock = row["RowKey"][len(_DONE) :].partition("~")
            found.add((ReminderKind(kind), time.fromisoformat(clock)))
        return found

    async def mark_done(self, day: date, kind: ReminderKind, at: time) -> None:
        entity = {"PartitionKey": keys.day_key(day), "RowKey": f"{_DONE}{kind.value}~{at:%H:%M}"}
        try:
            await self.table.upsert_entity(entity)
        except AzureError as exc:
            raise StorageUnavailable("cannot mark reminders done") from exc

    async def claims(self, day: date) -> dict[tuple[ReminderKind, str], Claim]:
        found = {}
        for row in await self._range(day, _CLAIM):
            kind, _, user = row["RowKey"][len(_CLAIM) :].partition("~")
            claim = Claim(
                ReminderKind(kind),
                keys.unescape(user),
                row.get("state", ""),
                row.get("until"),
                row.metadata["etag"],
            )
            found[(claim.kind, claim.user_key)] = claim
        return found

    async def claim(
        self,
        day: date,
        kind: ReminderKind,
        user_key: str,
        until: datetime,
        previous: Claim | None,
    ) -> Claim | None:
        """Claim one reminder: create the row, or take over an expired claim by its ETag.

        None when another sender got there first.
        """
        body = {
            "PartitionKey": keys.day_key(day),
            "RowKey": f"{_CLAIM}{kind.value}~{keys.escape(user_key)}",
            "state": CLAIMED,
            "until": until,
        }
        try:
            if previous is None:
                meta = await self.table.create_entity(body)
            else:
                meta = await self.table.update_entity(
                    body,
                    mode=UpdateMode.REPLACE,
                    etag=previous.etag,
                    match_condition=MatchConditions.IfNotModified,
                )
        except (ResourceExistsError, ResourceModifiedError, ResourceNotFoundError):
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot claim a reminder") from exc
        return Claim(kind, user_key, CLAIMED, until, meta.get("etag"))

    async def finish(self, day: date, claim: Claim, state: str) -> None:
        body = {
            "PartitionKey": keys.day_key(day),
            "RowKey": f"{_CLAIM}{claim.kind.value}~{keys.escape(claim.user_key)}",
            "state": state,
        }
        try:
            await self.table.update_entity(
                body,
                mode=UpdateMode.REPLACE,
                etag=claim.etag,
                match_condition=MatchConditions.IfNotModified,
            )
        except (ResourceModifiedError, ResourceNotFoundError):
            return  # taken over meanwhile: the other sender records the outcome
        except AzureError as exc:
            raise StorageUnavailable("cannot record a reminder") from exc

    # --- queries -----------------------------------------------------------------------------

    async def _range(self, day: date, prefix: str) -> list[Any]:
        return await self._query(
            self.table,
            "PartitionKey eq @pk and RowKey ge @low and RowKey lt @high",
            {"pk": keys.day_key(day), "low": prefix, "high": prefix[:-1] + "\x7f"},
        )

    @staticmethod
    async def _query(
        table: TableClient, query: str, params: dict[str, str], select: list[str] | None = None
    ) -> list[Any]:
        try:
            return [e async for e in table.query_entities(query, parameters=params, select=select)]
        except AzureError as exc:
            raise StorageUnavailable("cannot read reminder data") from exc
