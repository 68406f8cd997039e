"""Werkplek's entry point: `create_app(settings)` wires the parts; `python app.py` serves it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication

from bots.adapter import WerkplekAdapter
from bots.endpoint import handle_messages
from bots.identity import Identities
from bots.notify import Notifier
from bots.presence_turns import PresenceTurns
from bots.reminder_sender import ReminderSender
from bots.reminder_turns import ReminderTurns
from bots.sdk_costs import ReusingAuthentication, apply_msrest_fix
from bots.telework_turns import TeleworkTurns
from bots.turns import BookingTurns
from bots.werkplek_bot import WerkplekBot
from config import Settings
from storage.bookings import TableBookingRepository
from storage.reminders import TableReminderStore
from storage.tables import TableNames, Tables
from storage.users import TableUserRepository
from werkplek import calendar, i18n
from werkplek.booking_service import BookingService
from werkplek.errors import WerkplekError
from werkplek.language import parse
from werkplek.organisation import Organisation, load_organisation
from werkplek.presence_service import PresenceService
from werkplek.reminder_service import ReminderService, Tuning
from werkplek.telework_service import TeleworkService

log = logging.getLogger("werkplek")

ORGANISATION = web.AppKey("organisation", Organisation)
TABLES = web.AppKey("tables", Tables)
ADAPTER = web.AppKey("adapter", WerkplekAdapter)
BOT = web.AppKey("bot", WerkplekBot)
REMINDERS = web.AppKey("reminders", ReminderService)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Parts:
    """Everything a turn or a reminder run needs, built once and closed together."""

    tables: Tables
    adapter: WerkplekAdapter
    bot: WerkplekBot
    reminders: ReminderService


@asynccontextmanager
async def build_parts(
    settings: Settings, org: Organisation, clock: Callable[[], datetime]
) -> AsyncIterator[Parts]:
    tables = Tables(
        settings.storage_connection_string, TableNames.with_prefix(settings.table_prefix)
    )
    try:
        await tables.create()
        days = TableBookingRepository(tables.bookings, org)
        users = TableUserRepository(tables.users)
        store = TableReminderStore(tables.users, tables.reminders)
        auth = ReusingAuthentication(ConfigurationBotFrameworkAuthentication(settings.bot_auth()))
        adapter = WerkplekAdapter(auth)
        notifier = Notifier(adapter, settings.app_id, users)
        booking_service = BookingService(org, days)
        telework_service = TeleworkService(org, days)
        booking = BookingTurns(booking_service)
        presence_service = PresenceService(org, days, users)
        telework = TeleworkTurns(telework_service, notifier, users, presence_service)
        presence = PresenceTurns(presence_service, booking, notifier, users)
        reminder_turns = ReminderTurns(org, store, booking_service, telework_service)
        bot = WerkplekBot(
            org, Identities(users), booking, telework, presence, reminder_turns, clock
        )
        sender = ReminderSender(adapter, settings.app_id, org)
        reminders = ReminderService(
            org, store, days, sender, Tuning(rate_per_second=settings.send_rate)
        )
        try:
            yield Parts(tables, adapter, bot, reminders)
        finally:
            await auth.close()
    finally:
        await tables.close()


def create_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = _now,
    organisation: Organisation | None = None,
) -> web.Application:
    """The aiohttp app. Clients are made on start-up and closed on shutdown (cleanup_ctx)."""
    apply_msrest_fix()
    org = organisation or load_organisation(settings.organisation_file)
    TableNames.with_prefix(settings.table_prefix)  # a wrong prefix stops us before serving
    app = web.Application(client_max_size=settings.max_body_bytes)
    app[ORGANISATION] = org

    async def parts(app: web.Application) -> AsyncIterator[None]:
        async with build_parts(settings, org, clock) as built:
            app[TABLES] = built.tables
            app[ADAPTER] = built.adapter
            app[BOT] = built.bot
            app[REMINDERS] = built.reminders
            _warm_up()
            yield

    async def reminder_loop(app: web.Application) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(remind_every_minute(app[REMINDERS], clock, stop))
        yield
        stop.set()
        await task

    async def messages(request: web.Request) -> web.StreamResponse:
        return await handle_messages(request, request.app[ADAPTER], request.app[BOT])

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "organisation": org.name})

    app.cleanup_ctx.append(parts)
    if settings.reminders:
        app.cleanup_ctx.append(reminder_loop)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


async def remind_every_minute(
    service: ReminderService, clock: Callable[[], datetime], stop: asyncio.Event
) -> None:
    """The in-process schedule: a run at start-up (catching up) and at every minute."""
    while not stop.is_set():
        try:
            await service.run(clock(), stop)
        except WerkplekError as exc:  # storage down: the next minute tries again
            log.warning("reminder run failed: %s", type(exc).__name__)
        except Exception:  # a bug must not end the schedule for everyone
            log.exception("reminder run failed")
        pause = 60 - datetime.now(UTC).second + 0.5
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=pause)


def _warm_up() -> None:
    """Pay the first-call costs (holiday tables, locale data, regexes) before the first user."""
    calendar.warm_up()
    i18n.warm_up()
    parse("book a desk tomorrow", datetime.now(UTC).date())


def main(argv: list[str] | None = None) -> int:
    """`python app.py` serves the bot; `export ...` runs the payroll export; `remind [--at]`
    sends the reminders due by now (or by --at) and exits."""
    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("azure").setLevel(logging.WARNING)  # one line per HTTP call otherwise
    if args[:1] == ["export"]:
        from jobs.export import main as export_main

        return export_main(args[1:])
    if args[:1] == ["remind"]:
        from jobs.remind import main as remind_main

        return remind_main(args[1:])
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
