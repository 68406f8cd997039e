"""What the user asked for, whether typed or clicked: the input of a turn, in domain terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from werkplek.dayparts import DayPart
from werkplek.language import Intent, PlaceName, Places, Understanding
from werkplek.organisation import Organisation


@dataclass(frozen=True)
class Book:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL
    zone_key: str | None = None
    desk_id: str | None = None


@dataclass(frozen=True)
class Cancel:
    days: tuple[date, ...]
    part: DayPart = DayPart.FULL


@dataclass(frozen=True)
class ShowBookings:
    cancelling: bool = False  # "cancel" without a day: show the list to pick from


@dataclass(frozen=True)
class ShowForm:
    note_key: str | None = None  # a message to show above the form, e.g. "form.date_error"


@dataclass(frozen=True)
class Help:
    understood: bool = True  # False: "Sorry, I didn't understand that" comes first


@dataclass(frozen=True)
class InvalidDate:
    pass


Command = Book | Cancel | ShowBookings | ShowForm | Help | InvalidDate


def command_for(understanding: Understanding, org: Organisation) -> Command:
    """Turn what the language layer understood into what the bot should do."""
    u = understanding
    if u.intent in (Intent.BOOK, Intent.CANCEL, Intent.LIST) and u.date_problem and not u.dates:
        return InvalidDate()
    if u.intent is Intent.BOOK:
        if not u.dates:
            return ShowForm()
        zone_key, desk_id = u.zone, None
        if u.desk:
            zone_key, _, desk_id = u.desk.rpartition("/")
        if zone_key is not None and org.zone(zone_key) is None:
            zone_key, desk_id = None, None
        return Book(u.dates, u.part, zone_key, desk_id)
    if u.intent is Intent.CANCEL:
        return Cancel(u.dates, u.part) if u.dates else ShowBookings(cancelling=True)
    if u.intent is Intent.LIST:
        return ShowBookings()
    return Help(understood=u.intent is Intent.HELP)


def places_for(org: Organisation) -> Places:
    """The zone and desk names users may type, for the language layer."""
    return Places(
        zones=tuple(PlaceName(z.key, (z.id, z.name)) for z in org.zones),
        desks=tuple(PlaceName(f"{z.key}/{d.id}", (d.id,)) for z in org.zones for d in z.desks),
    )
