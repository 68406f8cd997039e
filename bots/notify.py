"""Proactive messages: reach a person in their personal chat with the bot, by work e-mail.

Uses the conversation reference kept in the user's profile (captured on every turn).
"""

from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.schema import ConversationReference

from bots.adapter import WerkplekAdapter
from bots.replies import Reply, to_activity
from storage.users import TableUserRepository

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, adapter: WerkplekAdapter, app_id: str, users: TableUserRepository) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.users = users

    async def send(self, email: str, replies: list[Reply]) -> bool:
        """Send to the person with this e-mail; False when they never talked to the bot."""
        profile = await self.users.find_by_email(email)
        if profile is None or not profile.conversation:
            return False
        reference = ConversationReference().deserialize(profile.conversation)

        async def deliver(turn_context: TurnContext) -> None:
            await turn_context.send_activities([to_activity(r) for r in replies])

        try:
            await self.adapter.continue_conversation(reference, deliver, self.app_id)
        except Exception as exc:  # the sender is told the person was not reached
            log.warning("proactive message failed: %s", type(exc).__name__)
            return False
        return True
