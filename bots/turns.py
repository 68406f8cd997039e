"""Carry out a command for one user and say what happened: domain outcome → text or card.

Returns plain replies (text, or an Adaptive Card as a dict); the bot sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bots.replies import Reply
from cards.booking import booking_card, booking_form_card, bookings_card, suggestions_card
from cards.help import help_card
from werkplek.booking import AlreadyBooked, Booking, BookingRequest, Person, Seat
from werkplek.booking_service import (
    Booked,
    BookingService,
    Cancelled,
    DayNotBookable,
    NoDesk,
    NothingToCancel,
)
from werkplek.calendar import working_days_after
from werkplek.commands import Book, Cancel, Command, Help, InvalidDate, ShowBookings, ShowForm
from werkplek.i18n import day_refusal, format_day, format_part, t

# Beyond this many answers at once (a recurring plan), one summary message instead.
MAX_CARDS = 3


def _one_line(reply: Reply) -> str:
    """A card's heading lines, or a text, as one line of a summary."""
    if isinstance(reply, str):
        return reply
    texts = [e.get("text", "") for e in reply.get("body", []) if e.get("type") == "TextBlock"]
    facts = [
        f"{f['title']} {f['value']}"
        for e in reply.get("body", [])
        if e.get("type") == "FactSet"
        for f in e["facts"]
    ]
    return " · ".join(x for x in (*texts[:2], *facts[1:]) if x)


@dataclass(frozen=True)
class Turn:
    """Who is asking, in which language, on which day (the organisation's today)."""

    person: Person
    language: str
    today: date


class BookingTurns:
    def __init__(self, service: BookingService) -> None:
        self.service = service
        self.org = service.org

    async def run(self, command: Command, turn: Turn) -> list[Reply]:
        match command:
            case Book():
                replies = [r for day in command.days for r in await self._book(command, day, turn)]
                if len(replies) > MAX_CARDS:
                    # A recurring plan: one summary line per day rather than a card each.
                    return ["\n\n".join(_one_line(r) for r in replies)]
                return replies
            case Cancel():
                return [await self._cancel(command, day, turn) for day in command.days]
            case ShowBookings():
                bookings = await self.service.upcoming(turn.person, turn.today)
                heading = t(turn.language, "list.which") if command.cancelling else None
                return [bookings_card(self.org, bookings, turn.language, turn.today, heading)]
            case ShowForm():
                note = t(turn.language, command.note_key) if command.note_key else None
                return [self.form(turn, note)]
            case InvalidDate():
                return [t(turn.language, "date.invalid")]
            case Help():
                lead = None if command.understood else t(turn.language, "help.not_understood")
                return [help_card(turn.language, lead=lead)]
        raise TypeError(f"unknown command {command!r}")

    def form(self, turn: Turn, note: str | None = None) -> dict[str, Any]:
        days = working_days_after(
            turn.today - timedelta(days=1), 1, turn.today, self.org.policy.booking_horizon_days
        )
        suggested = days[0] if days else turn.today
        return booking_form_card(self.org, turn.language, turn.today, suggested, note)

    async def _book(self, command: Book, day: date, turn: Turn) -> list[Reply]:
        lang = turn.language
        request = BookingRequest(day, command.part, command.zone_key, command.desk_id)
        outcome = await self.service.book(turn.person, request, turn.today, lang)
        match outcome:
            case Booked():
                moved = outcome.moved_from[0] if outcome.moved_from else None
                notes = []
                if moved and moved.seat != outcome.booking.seat:
                    notes.append(
                        t(
                            lang,
                            "booked.moved",
                            desk=moved.seat.desk_id,
                            zone=self._zone(moved.seat),
                        )
                    )
                if outcome.telework_cancelled:
                    part = format_part(outcome.telework_cancelled, lang)
                    notes.append(t(lang, "booked.telework_cancelled", part=part))
                note = " ".join(notes) or None
                free = outcome.free_seats
                return [booking_card(self.org, outcome.booking, lang, turn.today, free, note)]
            case AlreadyBooked():
                free = await self.service.free_seats(day, command.part)
                return [
                    booking_card(
                        self.org, b, lang, turn.today, free, heading=t(lang, "booked.already")
                    )
                    for b in outcome.bookings
                ]
            case NoDesk():
                return [self._no_desk(outcome, turn)]
            case DayNotBookable():
                return [self._day_refusal(outcome, turn)]
        raise TypeError(f"unknown outcome {outcome!r}")

    async def _cancel(self, command: Cancel, day: date, turn: Turn) -> Reply:
        lang = turn.language
        outcome = await self.service.cancel(turn.person, day, command.part, turn.today)
        match outcome:
            case Cancelled():
                return "\n\n".join(self._cancelled_line(b, turn) for b in outcome.bookings)
            case NothingToCancel():
                return t(lang, "cancelled.nothing", date=format_day(day, lang, turn.today))
            case DayNotBookable():
                return self._day_refusal(outcome, turn)
        raise TypeError(f"unknown outcome {outcome!r}")

    def _cancelled_line(self, booking: Booking, turn: Turn) -> str:
        lang = turn.language
        return t(
            lang,
            "cancelled.one",
            date=format_day(booking.day, lang, turn.today),
            part=format_part(booking.part, lang),
            desk=booking.seat.desk_id,
            zone=self._zone(booking.seat),
        )

    def _zone(self, seat: Seat) -> str:
        zone = self.org.zone(seat.zone_key)
        return zone.name if zone else seat.zone_key

    def _no_desk(self, outcome: NoDesk, turn: Turn) -> dict[str, Any]:
        lang, request = turn.language, outcome.request
        zone = self.org.zone(request.zone_key) if request.zone_key else None
        message = t(
            lang,
            f"refused.{outcome.reason.value}",
            zone=zone.name if zone else "",
            desk=request.desk_id or "",
            date=format_day(request.day, lang, turn.today),
        )
        buttons = [
            (
                t(
                    lang,
                    "suggestion.button",
                    zone=s.zone.name,
                    date=format_day(s.day, lang, turn.today),
                    places=s.free_places,
                ),
                {"date": s.day.isoformat(), "part": request.part.value, "zone": s.zone.key},
            )
            for s in outcome.suggestions
        ]
        return suggestions_card(lang, message, buttons)

    def _day_refusal(self, outcome: DayNotBookable, turn: Turn) -> str:
        horizon = self.org.policy.booking_horizon_days
        return day_refusal(outcome.check, outcome.day, turn.today, horizon, turn.language)
