"""The CloudAdapter: every turn's storage time bounded, and an error handler that answers the
user in their language."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botframework.connector.auth import BotFrameworkAuthentication

from storage.tables import TURN_STORAGE_SECONDS, storage_budget
from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.i18n import language_of, t

log = logging.getLogger(__name__)


class WerkplekAdapter(CloudAdapter):
    def __init__(self, auth: BotFrameworkAuthentication) -> None:
        super().__init__(auth)
        self.on_turn_error = self._on_error

    async def process_activity(
        self,
        auth_header_or_authenticate_request_result: Any,
        activity: Any,
        logic: Callable[[TurnContext], Awaitable],
    ) -> Any:
        """Run the turn with its storage requests held to TURN_STORAGE_SECONDS in all: slow or
        unreachable storage ends the turn with "try again" (error.busy) within seconds."""

        async def bounded(turn_context: TurnContext) -> None:
            with storage_budget(TURN_STORAGE_SECONDS):
                await logic(turn_context)

        return await super().process_activity(
            auth_header_or_authenticate_request_result, activity, bounded
        )

    async def _on_error(self, turn_context: TurnContext, error: Exception) -> None:
        """Never silence, never a stack trace: log it, tell the user nothing was changed.

        Storage failures are logged by type and what was being done (no keys, names or
        e-mails: the messages of StorageUnavailable and ConcurrentChange carry none)."""
        activity = turn_context.activity
        if isinstance(error, StorageUnavailable | ConcurrentChange):
            cause = type(error.__cause__).__name__ if error.__cause__ else "-"
            log.warning(
                "a %s turn failed on storage: %s: %s (cause: %s)",
                activity.type,
                type(error).__name__,
                error,
                cause,
            )
            key = "error.busy"
        else:
            log.error(
                "unhandled error in a %s turn",
                activity.type,
                exc_info=(type(error), error, error.__traceback__),
            )
            key = "error.generic"
        if activity.type != "message":
            return
        try:
            await turn_context.send_activity(t(language_of(activity.locale), key))
        except Exception as exc:  # the connector is down too; the log has it
            log.warning("could not tell the user about the error: %s", type(exc).__name__)
