"""Cards about desk bookings: confirmation, list, form, and what to do when it is full."""

from __future__ import annotations

from datetime import date, timedelta

from cards.actions import INPUT_DATE, INPUT_PART, INPUT_SEAT, INPUT_ZONE, SEAT_SEPARATOR, CardAction
from cards.elements import (
    ALREADY,
    DONE,
    MOVED,
    OFFICE,
    REFUSED,
    WARNING,
    Element,
    action_set,
    card,
    choice_set,
    column,
    columns,
    facts,
    labelled,
    sub_card,
    submit,
    text,
    title,
)
from werkplek.booking import Booking, Seat
from werkplek.dayparts import DayPart
from werkplek.i18n import format_day, format_part, t
from werkplek.organisation import Organisation


def seat_value(seat: Seat) -> str:
    return f"{seat.zone_key}{SEAT_SEPARATOR}{seat.desk_id}"


def _place(org: Organisation, seat: Seat) -> tuple[str, str]:
    zone = org.zone(seat.zone_key)
    site = org.site(zone.site_id) if zone else None
    return (site.name if site else "?", zone.name if zone else seat.zone_key)


def booking_card(
    org: Organisation,
    booking: Booking,
    language: str,
    today: date,
    free_seats: tuple[Seat, ...] = (),
    note: str | None = None,
    heading: str | None = None,
) -> Element:
    """A booked desk: when, where, and buttons to cancel it or take another desk."""
    site, zone = _place(org, booking.seat)
    when_text = t(
        language,
        "booked.subtitle",
        date=format_day(booking.day, language, today),
        part=format_part(booking.part, language),
    )
    body = [
        title(heading or t(language, "booked.title"), icon=ALREADY if heading else DONE),
        text(labelled(OFFICE, when_text), weight="Bolder"),
        facts(
            [
                (t(language, "fact.site"), site),
                (t(language, "fact.zone"), zone),
                (t(language, "fact.desk"), booking.seat.desk_id),
            ]
        ),
    ]
    if note:
        body.append(text(labelled(MOVED, note), subtle=True))
    when = {"date": booking.day.isoformat(), "part": booking.part.value}
    actions = [submit(t(language, "button.cancel"), CardAction.CANCEL, style="destructive", **when)]
    choices = [(f"{_place(org, s)[1]} · {s.desk_id}", seat_value(s)) for s in free_seats]
    if choices:
        chooser = sub_card(
            [
                choice_set(
                    INPUT_SEAT,
                    t(language, "choose.desk"),
                    choices,
                    value=choices[0][1],
                    error=t(language, "choose.desk_error"),
                )
            ],
            [submit(t(language, "button.move"), CardAction.MOVE, style="positive", **when)],
        )
        actions.append(
            {"type": "Action.ShowCard", "title": t(language, "button.other_desk"), "card": chooser}
        )
    actions.append(submit(t(language, "button.my_bookings"), CardAction.LIST))
    return card(body, actions)


def bookings_card(
    org: Organisation,
    bookings: list[Booking],
    language: str,
    today: date,
    heading: str | None = None,
) -> Element:
    """The user's coming bookings, one row each with its own cancel button."""
    body: list[Element] = [title(heading or t(language, "list.title"))]
    if not bookings:
        body.append(text(t(language, "list.empty")))
    for booking in bookings:
        _, zone = _place(org, booking.seat)
        day = format_day(booking.day, language, today)
        part = format_part(booking.part, language)
        desk = f"{t(language, 'fact.desk')} {booking.seat.desk_id}"
        cancel = submit(
            t(language, "list.cancel"),
            CardAction.CANCEL,
            tooltip=t(language, "list.cancel_tooltip", date=day, part=part),
            date=booking.day.isoformat(),
            part=booking.part.value,
        )
        body.append(
            columns(
                column(
                    [
                        text(labelled(OFFICE, day), weight="Bolder"),
                        text(f"{part} · {zone} · {desk}", subtle=True, spacing="None"),
                    ]
                ),
                column([action_set([cancel])], width="auto"),
                separator=True,
                spacing="Medium",
            )
        )
    return card(body, [submit(t(language, "help.button_book"), CardAction.FORM)])


def booking_form_card(
    org: Organisation, language: str, today: date, suggested: date, note: str | None = None
) -> Element:
    """Book without a date in the message: pick a day, a zone and a time, then Book.

    `note` says what to correct (e.g. the form came back without a day), above the inputs.
    """
    # No zone chosen (the placeholder, "Any zone") sends "": the first zone with room.
    zones = [(f"{zone.name} ({org.site(zone.site_id).name})", zone.key) for zone in org.zones]
    parts = [(format_part(p, language).capitalize(), p.value) for p in DayPart]
    body: list[Element] = [title(t(language, "form.title"))]
    if note:
        body.append(text(labelled(WARNING, note), weight="Bolder", color="Attention"))
    body += [
        {
            "type": "Input.Date",
            "id": INPUT_DATE,
            "label": t(language, "form.date"),
            "value": suggested.isoformat(),
            "min": today.isoformat(),
            "max": (today + timedelta(days=org.policy.booking_horizon_days)).isoformat(),
            "isRequired": True,
            "errorMessage": t(language, "form.date_error"),
        },
        choice_set(
            INPUT_ZONE, t(language, "form.zone"), zones, placeholder=t(language, "form.any_zone")
        ),
        choice_set(INPUT_PART, t(language, "form.part"), parts, value=DayPart.FULL.value),
    ]
    return card(body, [submit(t(language, "form.submit"), CardAction.BOOK, style="positive")])


def suggestions_card(language: str, message: str, buttons: list[tuple[str, dict]]) -> Element:
    """A refusal with its reason and one button per place that still has room.

    The buttons stand one under the other, so each says in full where and when it books.
    """
    body = [title(message, icon=REFUSED)]
    if buttons:
        body.append(text(t(language, "refused.suggestions")))
        body += [
            action_set([submit(label, CardAction.BOOK, **data)], spacing="Small")
            for label, data in buttons
        ]
    else:
        body.append(text(t(language, "refused.no_suggestions")))
    return card(body, [submit(t(language, "button.my_bookings"), CardAction.LIST)])
