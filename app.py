"""Werkplek's entry point: `create_app(settings)` wires the parts; `python app.py` serves it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from aiohttp import web

from bots.adapter import WerkplekAdapter
from bots.auth import BotAuthentication, serve_signing_keys
from bots.endpoint import handle_messages
from bots.identity import Identities
from bots.my_data_turns import LINK_PATH, MyDataTurns, PrivateAccessLogger
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
from storage.gdpr import TableGdprStore
from storage.people_cache import CachedPeople
from storage.reminders import TableReminderStore
from storage.tables import TableNames, Tables
from storage.users import TableUserRepository
from werkplek import calendar, i18n
from werkplek.booking_service import BookingService
from werkplek.errors import WerkplekError
from werkplek.language import Places, parse
from werkplek.my_data import ErasureService, LinkSigner, RetentionService
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
MY_DATA = web.AppKey("my_data", MyDataTurns)
RETENTION = web.AppKey("retention", RetentionService)
# How often the in-process schedule checks whether today's purge is still to do.
PURGE_CHECK_SECONDS = 600
# What `python app.py` hands aiohttp's runner: an access log without personal data.
RUNNER_OPTIONS = {"access_log_class": PrivateAccessLogger}


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Parts:
    """Everything a turn or a reminder run needs, built once and closed together."""

    tables: Tables
    adapter: WerkplekAdapter
    bot: WerkplekBot
    reminders: ReminderService
    my_data: MyDataTurns
    retention: RetentionService


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
        auth = ReusingAuthentication(
            BotAuthentication(settings.bot_auth(), settings.tenants_allowed())
        )
        adapter = WerkplekAdapter(auth)
        notifier = Notifier(adapter, settings.app_id, users)
        booking_service = BookingService(org, days)
        telework_service = TeleworkService(org, days)
        booking = BookingTurns(booking_service)
        presence_service = PresenceService(org, days, CachedPeople(users))
        telework = TeleworkTurns(telework_service, notifier, users, presence_service)
        presence = PresenceTurns(presence_service, booking, notifier, users)
        reminder_turns = ReminderTurns(org, store, booking_service, telework_service)
        identities = Identities(users)
        gdpr = TableGdprStore(tables)
        secret = settings.link_secret.encode() or await gdpr.link_secret()
        erasure = ErasureService(
            org, gdpr, days, booking_service, telework_service, settings.retention_months
        )
        my_data = MyDataTurns(
            org,
            gdpr,
            erasure,
            LinkSigner(secret),
            identities,
            settings.public_url,
            clock,
            adapter,
            settings.app_id,
        )
        retention = RetentionService(gdpr, org.timezone, settings.retention_months)
        bot = WerkplekBot(
            org, identities, booking, telework, presence, reminder_turns, clock, my_data
        )
        sender = ReminderSender(adapter, settings.app_id, org)
        reminders = ReminderService(
            org, store, days, sender, Tuning(rate_per_second=settings.send_rate)
        )
        try:
            yield Parts(tables, adapter, bot, reminders, my_data, retention)
        finally:
            await my_data.settled()  # an erasure under way is finished, not cut
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
            app[MY_DATA] = built.my_data
            app[RETENTION] = built.retention
            _warm_up(built.bot.places)
            yield

    async def reminder_loop(app: web.Application) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(remind_every_minute(app[REMINDERS], clock, stop))
        purging = asyncio.create_task(purge_every_day(app[RETENTION], clock, stop))
        yield
        stop.set()
        await asyncio.gather(task, purging)

    async def messages(request: web.Request) -> web.StreamResponse:
        return await handle_messages(request, request.app[ADAPTER], request.app[BOT])

    async def my_data_document(request: web.Request) -> web.Response:
        return await request.app[MY_DATA].serve(request)

    async def healthz(request: web.Request) -> web.Response:
        """200 when every dependency answers, else 503 naming what is down (no personal data).
        Storage is probed with one bounded point read, its answer kept 2 s (storage/tables.py)."""
        down = [] if await request.app[TABLES].reachable() else ["table storage"]
        body = {"status": "unavailable" if down else "ok", "down": down, "organisation": org.name}
        return web.json_response(body, status=503 if down else 200)

    async def signing_keys(app: web.Application) -> AsyncIterator[None]:
        async with serve_signing_keys(settings.bot_auth()):  # nothing to do without an app id
            yield

    app.cleanup_ctx.append(signing_keys)
    app.cleanup_ctx.append(parts)
    if settings.reminders:
        app.cleanup_ctx.append(reminder_loop)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get(LINK_PATH, my_data_document)
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


async def purge_every_day(
    service: RetentionService, clock: Callable[[], datetime], stop: asyncio.Event
) -> None:
    """The daily retention purge: checked at start-up and every 10 minutes; one instance
    purges per local day (the marker in storage), the others skip."""
    while not stop.is_set():
        try:
            await service.run_daily(clock())
        except WerkplekError as exc:  # storage down: the next check tries again
            log.warning("purge failed: %s", type(exc).__name__)
        except Exception as exc:  # a bug must not end the schedule
            log.error("purge failed: %s", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=PURGE_CHECK_SECONDS)


def _warm_up(places: Places) -> None:
    """Pay the first-call costs (holiday tables, locale data, regexes, the pattern of the
    organisation's desk and zone names) before the first user."""
    calendar.warm_up()
    i18n.warm_up()
    parse("book desk 1 tomorrow", datetime.now(UTC).date(), places)


# Loggers kept quieter than LOG_LEVEL: the Azure SDK logs every HTTP call at INFO, with
# URLs whose keys name people (a follows~ row, an e-mail index).
QUIET_LOGGERS = {"azure": logging.WARNING}


class PrivateFormatter(logging.Formatter):
    """Tracebacks without the exceptions' messages: those may quote what a user typed or
    an e-mail (a KeyError of a dict keyed by e-mail); the type and the code lines remain."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached the full traceback
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:
        _, exc, _ = ei
        parts: list[str] = []
        seen: set[int] = set()
        while exc is not None and id(exc) not in seen:
            seen.add(id(exc))
            frames = "".join(traceback.format_tb(exc.__traceback__))
            kind = type(exc)
            parts.insert(0, f"{frames}{kind.__module__}.{kind.__qualname__} (message left out)")
            exc = exc.__cause__ or exc.__context__
        return "Traceback (most recent call last):\n" + "\n".join(parts)


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])
    for name, quiet in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(quiet)


def main(argv: list[str] | None = None) -> int:
    """`python app.py` serves the bot; `export ...` runs the payroll export; `remind [--at]`
    sends the reminders due by now (or by --at) and exits; `purge [--today]` deletes the
    registrations older than the retention period."""
    args = sys.argv[1:] if argv is None else argv
    configure_logging(os.environ.get("LOG_LEVEL", "INFO"))
    if args[:1] == ["export"]:
        from jobs.export import main as export_main

        return export_main(args[1:])
    if args[:1] == ["remind"]:
        from jobs.remind import main as remind_main

        return remind_main(args[1:])
    if args[:1] == ["purge"]:
        from jobs.purge import main as purge_main

        return purge_main(args[1:])
    try:
        settings = Settings.from_env()
        app = create_app(settings)
    except WerkplekError as exc:
        log.error("cannot start: %s", exc)
        return 2
    host = os.environ.get("HOST", "127.0.0.1")
    try:
        web.run_app(app, host=host, port=settings.port, print=None, **RUNNER_OPTIONS)
    except WerkplekError as exc:  # raised while starting: storage unreachable, bad settings
        log.error("cannot start: %s", exc)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
