"""Reminder settings and the week plan's "Off" for one user: command → replies."""

from __future__ import annotations

from bots.replies import Reply
from bots.turns import Turn
from cards.reminders import reminder_settings_card
from storage.reminders import TableReminderStore
from werkplek.booking_service import BookingService, Cancelled
from werkplek.calendar import check_day
from werkplek.commands import Command, DayOff, SetReminders, ShowReminders, SwitchReminders
from werkplek.dayparts import DayPart
from werkplek.i18n import day_refusal, format_day, t
from werkplek.organisation import Organisation
from werkplek.reminders import ReminderKind, ReminderSettings, may_receive
from werkplek.telework_service import TeleworkService, TeleworkTakenBack

REMINDER_COMMANDS = (ShowReminders, SetReminders, SwitchReminders, DayOff)


class ReminderTurns:
    def __init__(
        self,
        org: Organisation,
        store: TableReminderStore,
        booking: BookingService,
        telework: TeleworkService,
    ) -> None:
        self.org = org
        self.store = store
        self.booking = booking
        self.telework = telework

    def kinds_for(self, email: str | None) -> list[ReminderKind]:
        """The reminders this person can receive (managers' ones only for managers)."""
        return [k for k in ReminderKind if may_receive(self.org, k, email)]

    async def run(self, command: Command, turn: Turn) -> list[Reply]:
        key, lang = turn.person.key, turn.language
        match command:
            case ShowReminders():
                note = None
                if command.bad_time is not None:
                    note = t(lang, "reminders.time_error", value=command.bad_time)
                elif command.note_key:
                    note = t(lang, command.note_key)
                return [await self._settings_card(turn, note)]
            case SetReminders():
                settings = await self.store.settings(key)
                allowed = set(self.kinds_for(turn.person.email))
                refused = [kind for kind, _ in command.settings if kind not in allowed]
                if refused:  # a forged submit: a manager's reminder for someone who is none
                    return [t(lang, "reminders.managers_only")]
                for kind, setting in command.settings:
                    settings = settings.changed(kind, setting)
                await self.store.save_settings(key, settings)
                return [await self._settings_card(turn, t(lang, "reminders.saved"), settings)]
            case SwitchReminders():
                settings = (await self.store.settings(key)).all(command.enabled)
                await self.store.save_settings(key, settings)
                return [t(lang, "reminders.started" if command.enabled else "reminders.stopped")]
            case DayOff():
                return [await self._day_off(command, turn)]
        raise TypeError(f"unknown command {command!r}")

    async def _settings_card(
        self, turn: Turn, note: str | None, settings: ReminderSettings | None = None
    ) -> Reply:
        """The settings card; `settings` when just saved, so they are not read back."""
        if settings is None:
            settings = await self.store.settings(turn.person.key)
        kinds = self.kinds_for(turn.person.email)
        return reminder_settings_card(settings, kinds, turn.language, note)

    async def _day_off(self, command: DayOff, turn: Turn) -> Reply:
        """Free the day: the desk goes back to colleagues, telework is taken back."""
        day, lang = command.day, turn.language
        horizon = self.org.policy.telework_horizon_days
        check = check_day(day, turn.today, horizon, lang)
        if not check.ok:
            return day_refusal(check, day, turn.today, horizon, lang, "plan")
        cancelled = await self.booking.cancel(turn.person, day, DayPart.FULL, turn.today)
        taken_back = await self.telework.take_back(turn.person, day, DayPart.FULL, turn.today)
        freed = isinstance(cancelled, Cancelled) or isinstance(taken_back, TeleworkTakenBack)
        key = "reminders.day_off" if freed else "reminders.day_off_nothing"
        return t(lang, key, date=format_day(day, lang, turn.today))
