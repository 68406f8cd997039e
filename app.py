"""Werkplek's entry point: `create_app(settings)` wires the parts; `python app.py` serves it."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication

from bots.adapter import WerkplekAdapter
from bots.endpoint import handle_messages
from bots.identity import Identities
from bots.notify import Notifier
from bots.presence_turns import PresenceTurns
from bots.sdk_costs import ReusingAuthentication, apply_msrest_fix
from bots.telework_turns import TeleworkTurns
from bots.turns import BookingTurns
from bots.werkplek_bot import WerkplekBot
from config import Settings
from storage.bookings import TableBookingRepository
from storage.tables import TableNames, Tables
from storage.users import TableUserRepository
from werkplek import calendar, i18n
from werkplek.booking_service import BookingService
from werkplek.errors import WerkplekError
from werkplek.language import parse
from werkplek.organisation import Organisation, load_organisation
from werkplek.presence_service import PresenceService
from werkplek.telework_service import TeleworkService

log = logging.getLogger("werkplek")

ORGANISATION = web.AppKey("organisation", Organisation)
TABLES = web.AppKey("tables", Tables)
ADAPTER = web.AppKey("adapter", WerkplekAdapter)
BOT = web.AppKey("bot", WerkplekBot)


def _now() -> datetime:
    return datetime.now(UTC)


def create_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = _now,
    organisation: Organisation | None = None,
) -> web.Application:
    """The aiohttp app. Clients are made on start-up and closed on shutdown (cleanup_ctx)."""
    apply_msrest_fix()
    org = organisation or load_organisation(settings.organisation_file)
    names = TableNames.with_prefix(settings.table_prefix)
    app = web.Application(client_max_size=settings.max_body_bytes)
    app[ORGANISATION] = org

    async def parts(app: web.Application) -> AsyncIterator[None]:
        tables = Tables(settings.storage_connection_string, names)
        try:
            await tables.create()
            days = TableBookingRepository(tables.bookings, org)
            users = TableUserRepository(tables.users)
            auth = ReusingAuthentication(
                ConfigurationBotFrameworkAuthentication(settings.bot_auth())
            )
            adapter = WerkplekAdapter(auth)
            notifier = Notifier(adapter, settings.app_id, users)
            booking = BookingTurns(BookingService(org, days))
            presence_service = PresenceService(org, days, users)
            telework = TeleworkTurns(TeleworkService(org, days), notifier, users, presence_service)
            presence = PresenceTurns(presence_service, booking, notifier, users)
            app[TABLES] = tables
            app[ADAPTER] = adapter
            app[BOT] = WerkplekBot(org, Identities(users), booking, telework, presence, clock)
            _warm_up()
            yield
            await auth.close()
        finally:
            await tables.close()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await handle_messages(request, request.app[ADAPTER], request.app[BOT])

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "organisation": org.name})

    app.cleanup_ctx.append(parts)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


def _warm_up() -> None:
    """Pay the first-call costs (holiday tables, locale data, regexes) before the first user."""
    calendar.warm_up()
    i18n.warm_up()
    parse("book a desk tomorrow", datetime.now(UTC).date())


def main(argv: list[str] | None = None) -> int:
    """`python app.py` serves the bot; `python app.py export ...` runs the payroll export."""
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("azure").setLevel(logging.WARNING)  # one line per HTTP call otherwise
    if args[:1] == ["export"]:
        from jobs.export import main as export_main

        return export_main(args[1:])
    try:
        settings = Settings.from_env()
        app = create_app(settings)
    except WerkplekError as exc:
        log.error("cannot start: %s", exc)
        return 2
    host = os.environ.get("HOST", "127.0.0.1")
    try:
        web.run_app(app, host=host, port=settings.port, print=None)
    except WerkplekError as exc:  # raised while starting: storage unreachable, bad settings
        log.error("cannot start: %s", exc)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
