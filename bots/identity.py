"""Who is talking: a stable key, a name and a work e-mail, remembered between turns.

Teams gives the user's Entra object id on every activity but not the e-mail;
that comes from the conversation roster (TeamsInfo.get_member), asked once and
kept in the user's profile, together with where to reach them proactively.
"""

from __future__ import annotations

import logging
import time

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity

from storage.users import TableUserRepository
from werkplek.booking import Person
from werkplek.profiles import UserProfile

log = logging.getLogger(__name__)

# Profiles are cached per process, and read again after this long: a reminder sender in
# another process may have marked the user unreachable, and their next message clears it.
CACHE_SECONDS = 600


def user_key(activity: Activity) -> str:
    sender = activity.from_property
    return (getattr(sender, "aad_object_id", None) or sender.id or "").strip()


class Identities:
    def __init__(self, users: TableUserRepository) -> None:
        self.users = users
        self._known: dict[str, tuple[float, UserProfile]] = {}
        self._asked: set[str] = set()  # asked the roster once in this process

    async def person(self, turn_context: TurnContext, *, returned: bool = False) -> Person:
        """The sender as a Person; learns and stores their e-mail the first time.

        `returned`: the app was (re)installed, so the user is reachable again for certain.
        """
        activity = turn_context.activity
        key = user_key(activity)
        cached = self._known.get(key)
        fresh = cached is not None and time.monotonic() - cached[0] < CACHE_SECONDS
        profile = cached[1] if fresh and cached and not returned else await self.users.get(key)
        conversation = profile.conversation if profile else None
        personal = (activity.conversation.conversation_type or "personal") == "personal"
        if personal:
            # Proactive messages (approvals, follow requests) go to the personal chat only,
            # never to a channel or group chat where the person last mentioned the bot.
            reference = TurnContext.get_conversation_reference(activity)
            reference.activity_id = None  # changes every turn; the conversation does not
            conversation = reference.serialize()
        name = activity.from_property.name or (profile.name if profile else "")
        ask_roster = key not in self._asked and (profile is None or profile.email is None)
        back = personal and (returned or (profile is not None and profile.gone))
        if ask_roster or profile is None or profile.conversation != conversation or back:
            email = profile.email if profile else None
            if ask_roster:
                self._asked.add(key)
                email = await self._roster_email(turn_context)
            profile = UserProfile(key, name, email, activity.locale, conversation)
            await self.users.save(profile)
        self._known[key] = (time.monotonic(), profile)
        return Person(key=key, name=profile.name or name, email=profile.email)

    def forget(self, key: str) -> None:
        """Drop what this process remembers of the user (the app was removed, or their data
        erased): the next turn reads the profile again and asks the roster again."""
        self._known.pop(key, None)
        self._asked.discard(key)

    async def _roster_email(self, turn_context: TurnContext) -> str | None:
        try:
            member = await TeamsInfo.get_member(
                turn_context, turn_context.activity.from_property.id
            )
        except Exception as exc:  # the roster is a nicety; the turn goes on without it
            log.warning("roster look-up failed: %s", type(exc).__name__)
            return None
        email = getattr(member, "email", None) or getattr(member, "user_principal_name", None)
        return email.casefold() if email else None
