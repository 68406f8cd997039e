"""User profiles: one partition per user, so a profile is a point read."""

from __future__ import annotations

import json
from typing import Any

from azure.core.exceptions import AzureError, ResourceNotFoundError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from storage import keys
from werkplek.errors import StorageUnavailable
from werkplek.profiles import UserProfile

_ROW = "profile"
# Index rows find a user by work e-mail (a manager to ask for approval): PartitionKey
# "email~{email}", RowKey "profile", property "key".
_EMAIL_PREFIX = "email~"


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
        )

    async def save(self, profile: UserProfile) -> None:
        entity: dict[str, Any] = {
            "PartitionKey": keys.escape(profile.key),
            "RowKey": _ROW,
            "name": profile.name,
            "email": profile.email or "",
            "locale": profile.locale or "",
        }
        if profile.conversation is not None:
            entity["conversation"] = json.dumps(profile.conversation, sort_keys=True)
        try:
            await self.table.upsert_entity(entity, mode=UpdateMode.MERGE)
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

    async def find_by_email(self, email: str) -> UserProfile | None:
        """The profile of whoever talked to the bot with this work e-mail, if anyone did."""
        try:
            index = await self.table.get_entity(_EMAIL_PREFIX + keys.escape(email.casefold()), _ROW)
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise StorageUnavailable("cannot read user profile") from exc
        return await self.get(index["key"])
