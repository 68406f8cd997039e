"""Deliver one reminder into a user's personal chat, and say how the connector answered.

The SDK raises msrest's HttpOperationError for any non-2xx answer; this maps it to what
the reminder run should do (werkplek.reminder_service.Outcome) and reads Retry-After.
Nothing here retries: the run decides, so pacing and backoff live in one place.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.schema import ConversationReference
from msrest.exceptions import ClientRequestError, HttpOperationError

from bots.adapter import WerkplekAdapter
from bots.replies import to_activity
from cards.reminders import reminder_card
from werkplek.organisation import Organisation
from werkplek.reminder_service import Delivery, Outcome
from werkplek.reminders import Reminder

log = logging.getLogger(__name__)

# Teams' answers that mean "slow down and try again" (Microsoft's guidance on rate limits).
THROTTLING = frozenset({429, 412, 502, 504})
# The user removed or blocked the app (403 MessageWritesBlocked), or the chat is gone (404).
GONE = frozenset({403, 404})


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def outcome_of(status: int | None, header: str | None) -> Delivery:
    if status is None:
        return Delivery(Outcome.RETRY)
    if status in THROTTLING:
        return Delivery(Outcome.THROTTLED, retry_after(header))
    if status in GONE:
        return Delivery(Outcome.GONE)
    if status >= 500:
        return Delivery(Outcome.RETRY, retry_after(header))
    return Delivery(Outcome.FAILED)


class ReminderSender:
    def __init__(self, adapter: WerkplekAdapter, app_id: str, org: Organisation) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.org = org

    async def __call__(self, reminder: Reminder, conversation: dict[str, Any]) -> Delivery:
        card = reminder_card(self.org, reminder, reminder.day)
        reference = ConversationReference().deserialize(conversation)
        failure: list[BaseException] = []

        async def send(turn_context: TurnContext) -> None:
            # Caught here, not in the adapter's on_turn_error: that one would answer the
            # user "something went wrong" in the very chat we cannot write to.
            try:
                await turn_context.send_activity(to_activity(card))
            except Exception as exc:
                failure.append(exc)

        try:
            await self.adapter.continue_conversation(reference, send, self.app_id)
        except Exception as exc:  # creating the connector client (auth, token) failed
            failure.append(exc)
        if not failure:
            return Delivery(Outcome.SENT)
        return self._outcome(reminder, failure[0])

    @staticmethod
    def _outcome(reminder: Reminder, exc: BaseException) -> Delivery:
        if isinstance(exc, HttpOperationError):
            response = exc.response
            status = getattr(response, "status_code", None)
            headers = getattr(response, "headers", None) or {}
            delivery = outcome_of(status, headers.get("Retry-After"))
            log.info("reminder %s answered %s: %s", reminder.kind.value, status, delivery.outcome)
            return delivery
        if isinstance(exc, (TimeoutError, ClientRequestError, aiohttp.ClientError, OSError)):
            log.info("reminder %s not delivered: %s", reminder.kind.value, type(exc).__name__)
            return Delivery(Outcome.RETRY)
        log.error("reminder %s failed: %s", reminder.kind.value, type(exc).__name__)
        return Delivery(Outcome.FAILED)
