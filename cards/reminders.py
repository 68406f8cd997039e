"""Cards of the proactive reminders (werkplek/reminders.py): next week's plan, the day before,
a usual home day with nothing registered, permanence duty, a team short on site, requests
waiting for a manager; and the settings card where a user chooses which ones and when.

Every reminder is something to act on: each card ends in the buttons that do it, with the
data the bot already knows from the other cards (book, telework, cancel, approve).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta

from babel.core import Locale
from babel.dates import get_day_names

from cards.actions import INPUT_REMINDER_AT, INPUT_REMINDER_ON, CardAction
from cards.elements import (
    HOME,
    OFFICE,
    PENDING,
    PERMANENCE,
    WARNING,
    Element,
    action_set,
    card,
    column,
    columns,
    labelled,
    submit,
    text,
    title,
)
from cards.telework import join_words
from werkplek.booking import HALVES, Booking, PersonDay, Seat
from werkplek.calendar import holiday_name
from werkplek.dayparts import DayPart
from werkplek.i18n import babel_locale, format_day, format_part, t
from werkplek.organisation import Organisation
from werkplek.reminders import (
    SCHEDULES,
    DayBefore,
    Duty,
    Gap,
    PendingApprovals,
    PendingRequest,
    PermanenceGaps,
    PlannedDay,
    Reminder,
    ReminderKind,
    ReminderSettings,
    TeleworkMorning,
    WeekPlan,
)
from werkplek.telework import HomeStatus

# At most this many requests on one card, each with its own buttons; the rest is counted.
MAX_REQUESTS = 10


# --- words ----------------------------------------------------------------------------------


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _desk(org: Organisation, seat: Seat, language: str) -> str:
    """ "desk 2.03, Verdieping 2": the desk, then its zone (as on the presence cards)."""
    zone = org.zone(seat.zone_key)
    return t(
        language, "reminder.desk", desk=seat.desk_id, zone=zone.name if zone else seat.zone_key
    )


def _when(day: date, language: str, today: date) -> str:
    """ "Tomorrow", or "On Monday 30 November" (a Friday's reminder about Monday)."""
    if day == today + timedelta(days=1):
        return t(language, "reminder.when_tomorrow")
    return t(language, "reminder.when_day", date=format_day(day, language, today))


def _half(org: Organisation, plan: PersonDay, half: DayPart, language: str) -> tuple[str, str]:
    """One half day of a plan: its icon ("" for nothing) and its words."""
    seat = plan.seats.get(half)
    if seat is not None:
        return OFFICE, _desk(org, seat, language)
    status = plan.home.get(half)
    if status == HomeStatus.HOME.value:
        return HOME, t(language, "reminder.home")
    if status == HomeStatus.REQUESTED.value:
        return PENDING, t(language, "reminder.requested")
    return "", t(language, "reminder.nothing")


def _shown(icon: str, words: str) -> str:
    return labelled(icon, _capital(words)) if icon else _capital(words)


def _plan_lines(org: Organisation, plan: PersonDay | None, language: str) -> list[Element]:
    """What is planned on a day: one line, or one per half when the halves differ."""
    if plan is None or plan.is_empty:
        return [text(_capital(t(language, "reminder.nothing")), subtle=True, spacing="None")]
    halves = {half: _half(org, plan, half, language) for half in HALVES}
    if halves[DayPart.MORNING] == halves[DayPart.AFTERNOON]:
        return [text(_shown(*halves[DayPart.MORNING]), spacing="None")]
    lines = []
    for half, (icon, words) in halves.items():
        said = t(language, "reminder.half", part=format_part(half, language), where=words)
        lines.append(text(_shown(icon, said), subtle=not icon, spacing="None"))
    return lines


def _counted_form(count: int, language: str) -> str:
    return "one" if Locale.parse(babel_locale(language)).plural_form(count) == "one" else "other"


def gap_line(gap: Gap, language: str) -> str:
    """ "Sociale dienst: 1 more person needed on site", with the half when only one is short."""
    team = gap.team.name
    if gap.part is not DayPart.FULL:
        team = t(language, "reminder.team_part", team=team, part=format_part(gap.part, language))
    form = _counted_form(gap.missing, language)
    return t(language, f"reminder.gap_{form}", team=team, count=gap.missing)


def _gap_text(gap: Gap, language: str) -> Element:
    return text(
        labelled(WARNING, gap_line(gap, language)),
        weight="Bolder",
        color="Attention",
        spacing="None",
    )


def _settings_button(language: str) -> Element:
    return submit(t(language, "reminder.button_settings"), CardAction.REMINDERS)


# --- next week ------------------------------------------------------------------------------


def _day_buttons(day: date, language: str, today: date, telework: bool) -> Element:
    """Office / Home / Off for one day: short titles side by side, the day in the tooltip.
    No Home for someone who may not work from home (front desk)."""
    when = format_day(day, language, today)
    iso = day.isoformat()
    full = DayPart.FULL.value
    home = submit(
        t(language, "reminder.button_home"),
        CardAction.TELEWORK,
        tooltip=t(language, "reminder.tooltip_home", date=when),
        date=iso,
        part=full,
    )
    return action_set(
        [
            submit(
                t(language, "reminder.button_office"),
                CardAction.BOOK,
                tooltip=t(language, "reminder.tooltip_office", date=when),
                date=iso,
                part=full,
            ),
            *([home] if telework else []),
            submit(
                t(language, "reminder.button_off"),
                CardAction.DAY_OFF,
                tooltip=t(language, "reminder.tooltip_off", date=when),
                date=iso,
            ),
        ],
        spacing="Small",
    )


def _planned_day(
    org: Organisation, planned: PlannedDay, language: str, today: date, telework: bool
) -> list[Element]:
    heading = text(
        _capital(format_day(planned.day, language, today)), weight="Bolder", spacing="Medium"
    )
    heading["separator"] = True
    block = [heading]
    if planned.holiday is not None:
        name = holiday_name(planned.day, language) or planned.holiday
        block.append(text(t(language, "reminder.holiday", holiday=name), spacing="None"))
        return block
    block += _plan_lines(org, planned.plan, language)
    block += [_gap_text(gap, language) for gap in planned.gaps]
    block.append(_day_buttons(planned.day, language, today, telework))
    return block


def week_plan_card(org: Organisation, content: WeekPlan, language: str, today: date) -> Element:
    """Next week, Monday to Friday: what is planned now, a team short on site, and per working
    day Office / Home / Off. A public holiday is named and has no buttons."""
    body: list[Element] = [title(t(language, "reminder.week_plan.title"))]
    if content.days:
        period = t(
            language,
            "reminder.period",
            first=format_day(content.days[0].day, language, today),
            last=format_day(content.days[-1].day, language, today),
        )
        body.append(text(period, subtle=True, spacing="None"))
    for planned in content.days:
        body += _planned_day(org, planned, language, today, content.telework)
    return card(body, [_settings_button(language)])


# --- the day before -------------------------------------------------------------------------


def _away_part(plan: PersonDay, status: HomeStatus) -> DayPart | None:
    """The part of the day with that telework status: FULL, one half, or None."""
    halves = [h for h in HALVES if plan.home.get(h) == status.value]
    if len(halves) == 2:
        return DayPart.FULL
    return halves[0] if halves else None


def _sentence(key: str, part: DayPart, language: str, **values: str) -> str:
    if part is DayPart.FULL:
        return t(language, f"reminder.{key}", **values)
    return t(language, f"reminder.{key}_part", part=format_part(part, language), **values)


def day_before_card(org: Organisation, content: DayBefore, language: str, today: date) -> Element:
    """The next working day: the desk (cancel it) or telework (come to the office instead);
    a day split in halves says both and offers both."""
    plan = content.plan
    day = plan.day
    when = _when(day, language, today)
    heading_key = (
        "reminder.day_before.title_tomorrow"
        if day == today + timedelta(days=1)
        else "reminder.day_before.title_later"
    )
    body: list[Element] = [title(t(language, heading_key, date=format_day(day, language, today)))]
    # (first half it covers, element), so the morning comes first.
    lines: list[tuple[int, Element]] = []
    bookings: list[Booking] = plan.bookings()
    for booking in bookings:
        zone = org.zone(booking.seat.zone_key)
        words = _sentence(
            "at_desk",
            booking.part,
            language,
            when=when,
            desk=booking.seat.desk_id,
            zone=zone.name if zone else booking.seat.zone_key,
        )
        lines.append((HALVES.index(booking.part.halves[0]), text(labelled(OFFICE, words))))
    for status, key, icon in (
        (HomeStatus.HOME, "at_home", HOME),
        (HomeStatus.REQUESTED, "asked_home", PENDING),
    ):
        part = _away_part(plan, status)
        if part is not None:
            words = _sentence(key, part, language, when=when)
            lines.append((HALVES.index(part.halves[0]), text(labelled(icon, words))))
    if not lines:
        lines.append((0, text(_capital(t(language, "reminder.nothing")))))
    lines.sort(key=lambda line: line[0])
    body += [element for _, element in lines]

    actions = []
    for booking in bookings:
        label = (
            t(language, "button.cancel")
            if len(bookings) == 1
            else t(
                language,
                "reminder.cancel_desk",
                desk=booking.seat.desk_id,
                part=format_part(booking.part, language),
            )
        )
        actions.append(
            submit(
                label,
                CardAction.CANCEL,
                style="destructive",
                date=day.isoformat(),
                part=booking.part.value,
            )
        )
    away = [h for h in HALVES if plan.home.get(h) and h not in plan.seats]
    if away:
        part = DayPart.FULL if len(away) == 2 else away[0]
        actions.append(
            submit(
                t(language, "reminder.button_office_instead"),
                CardAction.BOOK,
                date=day.isoformat(),
                part=part.value,
            )
        )
    return card(body, actions)


# --- a usual home day, nothing registered ---------------------------------------------------


def telework_morning_card(content: TeleworkMorning, language: str, today: date) -> Element:
    """Sent in the morning of a usual home day with nothing registered: log it, or say office."""
    data = {"date": content.day.isoformat(), "part": DayPart.FULL.value}
    body = [
        title(t(language, "reminder.telework_morning.title"), icon=HOME),
        text(t(language, "reminder.telework_morning.text")),
    ]
    return card(
        body,
        [
            submit(
                t(language, "reminder.button_log_telework"),
                CardAction.TELEWORK,
                style="positive",
                **data,
            ),
            submit(t(language, "reminder.button_at_office"), CardAction.BOOK, **data),
        ],
    )


# --- permanence -----------------------------------------------------------------------------


def _permanence_button(day: date, language: str) -> Element:
    return submit(
        t(language, "reminder.button_permanence"),
        CardAction.PERMANENCE,
        week=_monday(day).isoformat(),
    )


def duty_card(content: Duty, language: str, today: date) -> Element:
    """The working day before one's permanence duty, for which team(s)."""
    teams = join_words([team.name for team in content.teams], language)
    sentence = t(
        language, "reminder.duty.text", when=_when(content.day, language, today), teams=teams
    )
    body = [
        title(t(language, "reminder.duty.title"), icon=PERMANENCE),
        text(labelled(PERMANENCE, sentence), weight="Bolder"),
    ]
    return card(body, [_permanence_button(content.day, language)])


def permanence_gaps_card(
    org: Organisation, content: PermanenceGaps, language: str, today: date
) -> Element:
    """For a manager: the days of next week a team is below its minimum on site, by day."""
    body: list[Element] = [title(t(language, "reminder.gaps.title"), icon=PERMANENCE)]
    gaps = sorted(content.gaps, key=lambda gap: gap.day)
    if not gaps:
        body.append(text(t(language, "reminder.gaps.none")))
    else:
        body.append(text(t(language, "reminder.gaps.intro")))
    shown: date | None = None
    for gap in gaps:
        if gap.day != shown:
            heading = text(
                _capital(format_day(gap.day, language, today)), weight="Bolder", spacing="Medium"
            )
            body.append(heading)
            shown = gap.day
        body.append(_gap_text(gap, language))
    first = gaps[0].day if gaps else _monday(today) + timedelta(days=7)
    return card(body, [_permanence_button(first, language)])


# --- requests waiting for a manager ---------------------------------------------------------


def _request(request: PendingRequest, language: str, today: date) -> list[Element]:
    when = format_day(request.day, language, today)
    name = text(request.name, weight="Bolder", spacing="Medium")
    name["separator"] = True
    details = t(
        language,
        "reminder.pending.request",
        date=when,
        part=format_part(request.part, language),
        team=request.team.name,
    )
    data = {
        "person": request.requester_key,
        "date": request.day.isoformat(),
        "part": request.part.value,
    }
    buttons = action_set(
        [
            submit(
                t(language, "button.approve"),
                CardAction.APPROVE,
                style="positive",
                tooltip=t(
                    language, "reminder.pending.tooltip_approve", name=request.name, date=when
                ),
                **data,
            ),
            submit(
                t(language, "button.decline"),
                CardAction.DECLINE,
                style="destructive",
                tooltip=t(
                    language, "reminder.pending.tooltip_decline", name=request.name, date=when
                ),
                **data,
            ),
        ],
        spacing="Small",
    )
    return [name, text(labelled(HOME, details), spacing="None"), buttons]


def pending_approvals_card(
    org: Organisation, content: PendingApprovals, language: str, today: date
) -> Element:
    """For a manager: telework requests still waiting, each with Approve / Decline (the same
    data as the approval card), at most MAX_REQUESTS of them; the rest is counted."""
    requests = content.requests
    body: list[Element] = [
        title(t(language, "reminder.pending.title", count=len(requests)), icon=PENDING)
    ]
    for request in requests[:MAX_REQUESTS]:
        body += _request(request, language, today)
    rest = len(requests) - MAX_REQUESTS
    if rest > 0:
        body.append(text(t(language, "reminder.pending.more", count=rest), subtle=True))
    return card(body)


# --- settings -------------------------------------------------------------------------------


def toggle(input_id: str, title_text: str, on: bool) -> Element:
    """An on/off switch that sends "true" or "false"."""
    return {
        "type": "Input.Toggle",
        "id": input_id,
        "title": title_text,
        "value": "true" if on else "false",
        "valueOn": "true",
        "valueOff": "false",
        "wrap": True,
    }


def time_input(input_id: str, label: str, value: time, error: str) -> Element:
    """A time of day, sent as "HH:MM"."""
    return {
        "type": "Input.Time",
        "id": input_id,
        "label": label,
        "value": f"{value:%H:%M}",
        "isRequired": True,
        "errorMessage": error,
    }


def kind_label(kind: ReminderKind, language: str) -> str:
    """ "Planning for next week (every Thursday)": what it is and when it goes out."""
    weekday = SCHEDULES[kind].weekday
    if weekday is None:
        when = t(language, "reminder.every_working_day")
    else:
        name = get_day_names("wide", locale=babel_locale(language))[weekday]
        when = t(language, "reminder.every_weekday", weekday=name)
    return t(
        language, "reminder.kind_when", kind=t(language, f"reminder.kind.{kind.value}"), when=when
    )


def reminder_settings_card(
    settings: ReminderSettings,
    kinds: Sequence[ReminderKind],
    language: str,
    note: str | None = None,
) -> Element:
    """Which reminders, and when: per kind a switch and a time; Save, or all off / all on.
    `kinds` are the ones the user may receive (managers' kinds only for managers)."""
    body: list[Element] = [title(t(language, "reminder.settings.title"))]
    if note:
        body.append(text(note, weight="Bolder"))
    body.append(text(t(language, "reminder.settings.intro"), subtle=True))
    for kind in kinds:
        setting = settings.of(kind)
        body.append(
            columns(
                column(
                    [
                        toggle(
                            INPUT_REMINDER_ON + kind.value,
                            kind_label(kind, language),
                            setting.enabled,
                        )
                    ]
                ),
                column(
                    [
                        time_input(
                            INPUT_REMINDER_AT + kind.value,
                            t(language, "reminder.settings.time"),
                            setting.at,
                            t(language, "reminder.settings.time_error"),
                        )
                    ],
                    width="136px",
                ),
                separator=True,
                spacing="Medium",
            )
        )
    return card(
        body,
        [
            submit(
                t(language, "reminder.settings.save"), CardAction.REMINDERS_SAVE, style="positive"
            ),
            submit(
                t(language, "reminder.settings.all_off"), CardAction.REMINDERS_ALL, enabled="off"
            ),
            submit(t(language, "reminder.settings.all_on"), CardAction.REMINDERS_ALL, enabled="on"),
        ],
    )


# --- any reminder ---------------------------------------------------------------------------


def reminder_card(org: Organisation, reminder: Reminder, today: date) -> Element:
    """The card of a reminder, in its recipient's language."""
    language = reminder.recipient.language
    content = reminder.content
    if isinstance(content, WeekPlan):
        return week_plan_card(org, content, language, today)
    if isinstance(content, DayBefore):
        return day_before_card(org, content, language, today)
    if isinstance(content, TeleworkMorning):
        return telework_morning_card(content, language, today)
    if isinstance(content, Duty):
        return duty_card(content, language, today)
    if isinstance(content, PermanenceGaps):
        return permanence_gaps_card(org, content, language, today)
    if isinstance(content, PendingApprovals):
        return pending_approvals_card(org, content, language, today)
    raise TypeError(f"no card for {type(content).__name__}")
