"""People: profiles (one partition per user, a point read), the directory, follows, privacy.

- PartitionKey = user key, RowKey "profile": name, e-mail, locale, conversation reference.
- PartitionKey = user key, RowKey "follows~{e-mail}": a follow, "pending" or "accepted".
- PartitionKey "email~{e-mail}", RowKey "profile": index from work e-mail to user key.
- PartitionKey "directory", RowKey = user key: name, e-mail, visibility — one partition that
  a presence view reads in one query to know everyone's sharing choice and to match names.
- PartitionKey "reach", RowKey = user key: where and how to send reminders (written here
  with the profile, read by storage/reminders.py).
"""

from __future__ import annotations

import json
from typing import Any

from azure.core.exceptions import AzureError, ResourceNotFoundError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from storage.reminders import reach_entity
from werkplek.errors import StorageUnavailable
from werkplek.profiles import UserProfile

_ROW = "profile"
# Index rows find a user by work e-mail (a manager to ask for approval): PartitionKey
# "email~{email}", RowKey "profile", property "key".
_EMAIL_PREFIX = "email~"
_DIRECTORY = "directory"
_FOLLOWS = "follows~"


class TableUserRepository:
    def __init__(self, table: TableClient) -> None:
        self.table = table

    async def get(self, user_key: str) -> UserProfile | None:
        try:
            entity = await self.table.get_entity(keys.escape(user_key), _ROW)
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot read user profile") from exc
        conversation = entity.get("conversation")
        return UserProfile(
            key=user_key,
            name=entity.get("name", ""),
            email=entity.get("email") or None,
            locale=entity.get("locale") or None,
            conversation=json.loads(conversation) if conversation else None,
            gone=bool(entity.get("gone")),
        )

    async def save(self, profile: UserProfile) -> None:
        entity: dict[str, Any] = {
            "PartitionKey": keys.escape(profile.key),
            "RowKey": _ROW,
            "name": profile.name,
            "email": profile.email or "",
            "locale": profile.locale or "",
            "gone": profile.gone,
        }
        if profile.conversation is not None:
            entity["conversation"] = json.dumps(profile.conversation, sort_keys=True)
        try:
            await self.table.upsert_entity(entity, mode=UpdateMode.MERGE)
            directory = {
                "PartitionKey": _DIRECTORY,
                "RowKey": keys.escape(profile.key),
                "name": profile.name,
                "email": (profile.email or "").casefold(),
            }
            await self.table.upsert_entity(directory, mode=UpdateMode.MERGE)
            if profile.conversation is not None and not profile.gone:
                reach = reach_entity(
                    profile.key, profile.name, profile.email, profile.locale, profile.conversation
                )
                await self.table.upsert_entity(reach, mode=UpdateMode.MERGE)
            if profile.email:
                await self.table.upsert_entity(
                    {
                        "PartitionKey": _EMAIL_PREFIX + keys.escape(profile.email.casefold()),
                        "RowKey": _ROW,
                        "key": profile.key,
                    },
                    mode=UpdateMode.REPLACE,
                )
        except AzureError as exc:
            raise StorageUnavailable("cannot save user profile") from exc

    async def import_directory(self, profiles: list[UserProfile]) -> None:
        """Directory rows for many people at once (imports, benchmarks): 100 a transaction."""
        rows = [
            {
                "PartitionKey": _DIRECTORY,
                "RowKey": keys.escape(p.key),
                "name": p.name,
                "email": (p.email or "").casefold(),
            }
            for p in profiles
        ]
        try:
            for start in range(0, len(rows), 100):
                batch = [("upsert", row) for row in rows[start : start + 100]]
                await self.table.submit_transaction(batch)
        except AzureError as exc:
            raise StorageUnavailable("cannot import the directory") from exc

    async def find_by_email(self, email: str) -> UserProfile | None:
        """The profile of whoever talked to the bot with this work e-mail, if anyone did."""
        try:
            index = await self.table.get_entity(_EMAIL_PREFIX + keys.escape(email.casefold()), _ROW)
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot read user profile") from exc
        return await self.get(index["key"])

    async def directory(self) -> list[dict[str, str]]:
        """Everyone who talked to the bot: key, name, e-mail and visibility (one query)."""
        rows = await self._query("PartitionKey eq @pk", {"pk": _DIRECTORY})
        return [
            {
                "key": keys.unescape(r["RowKey"]),
                "name": r.get("name", ""),
                "email": r.get("email", ""),
                "visibility": r.get("visibility", ""),
            }
            for r in rows
        ]

    async def set_visibility(self, user_key: str, visibility: str) -> None:
        await self._upsert(
            {"PartitionKey": _DIRECTORY, "RowKey": keys.escape(user_key), "visibility": visibility}
        )

    async def follows(self, user_key: str) -> dict[str, str]:
        """Whom this user follows: e-mail -> "pending" or "accepted"."""
        rows = await self._query(
            "PartitionKey eq @pk and RowKey ge @low and RowKey lt @high",
            {"pk": keys.escape(user_key), "low": _FOLLOWS, "high": _FOLLOWS[:-1] + "\x7f"},
        )
        return {keys.unescape(r["RowKey"][len(_FOLLOWS) :]): r.get("status", "") for r in rows}

    async def set_follow(self, user_key: str, email: str, status: str | None) -> None:
        """Record (or with None remove) that `user_key` follows `email`."""
        entity = {
            "PartitionKey": keys.escape(user_key),
            "RowKey": _FOLLOWS + keys.escape(email.casefold()),
        }
        try:
            if status is None:
                await self.table.delete_entity(entity["PartitionKey"], entity["RowKey"])
            else:
                await self.table.upsert_entity({**entity, "status": status})
        except AzureError as exc:
            raise StorageUnavailable("cannot save follow") from exc

    async def _upsert(self, entity: dict[str, Any]) -> None:
        try:
            await self.table.upsert_entity(entity, mode=UpdateMode.MERGE)
        except AzureError as exc:
            raise StorageUnavailable("cannot save user data") from exc

    async def _query(self, query: str, params: dict[str, str]) -> list[Any]:
        try:
            return [e async for e in self.table.query_entities(query, parameters=params)]
        except AzureError as exc:
            raise StorageUnavailable("cannot read user data") from exc
