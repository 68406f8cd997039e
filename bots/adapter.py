"""The CloudAdapter with an error handler that answers the user, in their language."""

from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botframework.connector.auth import BotFrameworkAuthentication

from werkplek.errors import ConcurrentChange, StorageUnavailable
from werkplek.i18n import language_of, t

log = logging.getLogger(__name__)


class WerkplekAdapter(CloudAdapter):
    def __init__(self, auth: BotFrameworkAuthentication) -> None:
        super().__init__(auth)
        self.on_turn_error = self._on_error

    async def _on_error(self, turn_context: TurnContext, error: Exception) -> None:
        """Never silence, never a stack trace: log it, tell the user nothing was changed."""
        activity = turn_context.activity
        if isinstance(error, StorageUnavailable | ConcurrentChange):
            log.warning("turn failed on storage: %s", error)
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
        except Exception:  # the connector is down too; the log has it
            log.exception("could not tell the user about the error")
