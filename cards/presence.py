"""Cards about who is where: the day, one colleague, the team's week, privacy and follows.

Whereabouts are personal data: these cards show only what werkplek.presence let through, and
a colleague who does not share is named without a word about where they are (no zone, desk,
office or home). Office, home and permanence carry the icons of cards/elements.py, always
next to words; the week grid adds a legend under it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from babel.dates import format_date

from cards.actions import ACTION_FIELD, INPUT_VISIBILITY, CardAction
from cards.elements import (
    HOME,
    OFFICE,
    PENDING,
    PERMANENCE,
    Element,
    action_set,
    card,
    labelled,
    submit,
    text,
    title,
)
from werkplek.booking import Seat
from werkplek.dayparts import DayPart
from werkplek.i18n import babel_locale, format_day, format_part, t
from werkplek.organisation import Organisation
from werkplek.presence import (
    Colleague,
    ColleagueDay,
    DayView,
    HalfPlan,
    TeamToday,
    TeamWeek,
    Visibility,
    WeekRow,
    Where,
)

# Asked to work from home, waiting for the manager (as on the telework cards).
# Nothing planned, in the week grid.
NOTHING = "–"

# The same locales as werkplek/i18n.py uses for days.
_ICONS = {Where.OFFICE: OFFICE, Where.HOME: HOME, Where.REQUESTED: PENDING}


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def first_name(colleague: Colleague) -> str:
    return colleague.name.split(" ")[0] if colleague.name.strip() else colleague.name


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _join(names: list[str], language: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return t(language, "words.and", first=", ".join(names[:-1]), last=names[-1])


# --- what one half day says -----------------------------------------------------------------


def _place(org: Organisation, seat: Seat, language: str) -> str:
    zone = org.zone(seat.zone_key)
    return t(
        language, "presence.place", zone=zone.name if zone else seat.zone_key, desk=seat.desk_id
    )


def _where(org: Organisation, plan: HalfPlan, language: str) -> str:
    """A half day in a few words: the place (zone · desk) for the office, else the word."""
    if plan.where is Where.OFFICE and plan.seat is not None:
        return _place(org, plan.seat, language)
    if plan.where is Where.HOME:
        return t(language, "presence.at_home")
    if plan.where is Where.REQUESTED:
        return t(language, "presence.asked_home")
    return t(language, "presence.nothing")


def _plans(entry: ColleagueDay) -> dict[DayPart, HalfPlan]:
    return {DayPart.MORNING: entry.morning, DayPart.AFTERNOON: entry.afternoon}


def _icon(plan: HalfPlan) -> str | None:
    return _ICONS.get(plan.where)


def _day_lines(org: Organisation, entry: ColleagueDay, language: str) -> list[str]:
    """The day of one (visible) colleague: one line, or one per half when they differ."""
    whole = entry.whole_day
    halves = [(None, whole)] if whole else list(_plans(entry).items())
    lines = []
    for part, plan in halves:
        words = _where(org, plan, language)
        if part is not None:
            words = t(language, "presence.half", part=format_part(part, language), where=words)
        icon = _icon(plan)
        lines.append(labelled(icon, _capital(words)) if icon else _capital(words))
    if entry.on_duty:
        lines.append(labelled(PERMANENCE, _capital(t(language, "presence.on_duty"))))
    return lines


def _in_office(entry: ColleagueDay) -> bool:
    return Where.OFFICE in (entry.morning.where, entry.afternoon.where)


def _book_near(entry: ColleagueDay, language: str, today: date) -> Element:
    colleague = entry.colleague
    return submit(
        t(language, "presence.book_near", name=first_name(colleague)),
        CardAction.BOOK_NEAR,
        tooltip=t(
            language,
            "presence.book_near_tooltip",
            name=colleague.name,
            date=format_day(entry.day, language, today),
        ),
        date=entry.day.isoformat(),
        email=colleague.email,
    )


def _is(colleague: Colleague, email: str | None) -> bool:
    return bool(email and colleague.email and colleague.email.casefold() == email.casefold())


# --- the day --------------------------------------------------------------------------------


def _colleague_block(
    org: Organisation,
    entry: ColleagueDay,
    language: str,
    today: date,
    viewer: str | None,
    first: bool,
    button: bool = True,
) -> list[Element]:
    """A colleague's name, their day under it and, in the office, "Book next to …"."""
    block = [text(entry.colleague.name, weight="Bolder", spacing="Small" if first else "Medium")]
    block += [text(line, spacing="None") for line in _day_lines(org, entry, language)]
    wanted = button and _in_office(entry) and not _is(entry.colleague, viewer)
    if wanted and entry.colleague.email:
        block.append(action_set([_book_near(entry, language, today)], spacing="Small"))
    return block


def _section(heading: str, icon: str | None = None) -> Element:
    element = text(labelled(icon, heading) if icon else heading, weight="Bolder", spacing="Large")
    element["separator"] = True
    return element


def _home_names(entry: ColleagueDay, language: str) -> str | None:
    """ "Chloé Dubois", "Bert Claes (afternoon)", "An Peeters (asked to work from home)"."""
    plans = _plans(entry)
    away = [h for h, p in plans.items() if p.where in (Where.HOME, Where.REQUESTED)]
    if not away:
        return None
    details = []
    if len(away) == 1:
        details.append(format_part(away[0], language))
    if any(plans[h].where is Where.REQUESTED for h in away):
        details.append(t(language, "presence.asked_home"))
    name = entry.colleague.name
    return f"{name} ({', '.join(details)})" if details else name


def _office_names(entry: ColleagueDay, language: str) -> str:
    plans = _plans(entry)
    there = [h for h, p in plans.items() if p.where is Where.OFFICE]
    name = entry.colleague.name
    return f"{name} ({format_part(there[0], language)})" if len(there) == 1 else name


def _team_lines(team: TeamToday, language: str) -> list[Element]:
    """One team today in short lines of names: office, home, on duty, unplanned, not shared.
    Not shared: the name only, never where."""
    lines: list[tuple[str | None, str, list[str]]] = [
        (OFFICE, "presence.team_office", [_office_names(e, language) for e in team.office]),
        (HOME, "presence.team_home", [n for e in team.home if (n := _home_names(e, language))]),
        (PERMANENCE, "presence.team_duty", [e.colleague.name for e in team.on_duty]),
        (None, "presence.team_unplanned", [c.name for c in team.unplanned]),
        (None, "presence.team_not_shared", [c.name for c in team.not_shared]),
    ]
    body = [text(team.team.name, weight="Bolder", spacing="Large")]
    body[0]["separator"] = True
    for icon, key, names in lines:
        if not names:
            continue
        words = t(language, key, names=_join(names, language))
        subtle = icon is None
        body.append(text(labelled(icon, words) if icon else words, subtle=subtle, spacing="Small"))
    return body


def day_card(
    org: Organisation,
    view: DayView,
    language: str,
    today: date,
    viewer: str | None = None,
) -> Element:
    """Who is in the office on a day (by zone and desk), then per team of the viewer who is at
    home, on duty, has nothing planned or does not share; then the people the viewer follows.

    `viewer` (the viewer's e-mail) leaves "Book next to …" off the viewer's own line.
    """
    body: list[Element] = [
        title(t(language, "presence.day_title", date=format_day(view.day, language, today)))
    ]
    body.append(_section(t(language, "presence.in_office"), icon=OFFICE))
    if not view.in_office:
        body.append(text(t(language, "presence.nobody_in"), spacing="Small"))
    for i, entry in enumerate(view.in_office):
        body += _colleague_block(org, entry, language, today, viewer, first=i == 0)
    for team in view.teams:
        body += _team_lines(team, language)
    if view.followed:
        body.append(_section(t(language, "presence.followed")))
        above = {e.colleague.email for e in view.in_office}
        for i, entry in enumerate(view.followed):
            # One "Book next to …" per colleague: the office list above may have it already.
            button = entry.colleague.email not in above
            body += _colleague_block(org, entry, language, today, viewer, i == 0, button)
    return card(
        body,
        [
            submit(
                t(language, "presence.button_week"),
                CardAction.TEAM_WEEK,
                week=_monday(view.day).isoformat(),
            ),
            submit(t(language, "presence.button_privacy"), CardAction.PRIVACY),
        ],
    )


# --- one colleague --------------------------------------------------------------------------


def person_card(
    org: Organisation,
    entry: ColleagueDay | None,
    colleague: Colleague,
    day: date,
    language: str,
    today: date,
    shared: bool,
) -> Element:
    """Where one colleague is on a day: in the office (zone · desk), at home, asked, on duty,
    nothing planned; or only that they do not share their plans with the viewer."""
    name = first_name(colleague)
    when = format_day(day, language, today)
    body: list[Element] = [
        title(t(language, "presence.person_title", name=colleague.name, date=when))
    ]
    actions = []
    if not shared:
        # Nothing of `entry` may show: not even whether there is one.
        body.append(text(t(language, "presence.person_not_shared", name=name)))
    elif entry is None or not entry.planned:
        body.append(text(t(language, "presence.person_nothing", name=name, date=when)))
        if entry is not None and entry.on_duty:
            body.append(text(labelled(PERMANENCE, t(language, "presence.person_duty", name=name))))
    else:
        whole = entry.whole_day
        if whole is not None:
            icon = _icon(whole)
            if whole.where is Where.OFFICE and whole.seat is not None:
                words = t(
                    language,
                    "presence.person_office",
                    name=name,
                    place=_place(org, whole.seat, language),
                )
            elif whole.where is Where.HOME:
                words = t(language, "presence.person_home", name=name)
            else:
                words = t(language, "presence.person_asked", name=name)
            body.append(text(labelled(icon, words) if icon else words, weight="Bolder"))
            if entry.on_duty:
                body.append(
                    text(labelled(PERMANENCE, t(language, "presence.person_duty", name=name)))
                )
        else:
            lines = _day_lines(org, entry, language)
            body += [text(line, spacing="Small") for line in lines]
        if _in_office(entry) and colleague.email:
            actions.append(_book_near(entry, language, today))
    actions.append(
        submit(
            t(language, "presence.button_week"),
            CardAction.TEAM_WEEK,
            week=_monday(day).isoformat(),
        )
    )
    return card(body, actions)


# --- which one? -----------------------------------------------------------------------------


def choose_person_card(
    candidates: list[Colleague], language: str, action: str, day: date | None
) -> Element:
    """Several colleagues answer to a name: one button each (name and e-mail) that picks one
    for `action` ("where_is", "follow", "unfollow" or "book_near") on `day`."""
    buttons = [
        submit(
            t(language, "presence.choose_button", name=c.name, email=c.email),
            CardAction.PICK_PERSON,
            **{"for": action, "email": c.email, "date": day.isoformat() if day else None},
        )
        for c in candidates
        if c.email
    ]
    return card([title(t(language, "presence.choose_title"))], buttons)


# --- the team's week ------------------------------------------------------------------------


_WEEK_WORDS = {
    Where.OFFICE: "presence.week_office",
    Where.HOME: "presence.week_home",
    Where.REQUESTED: "presence.week_asked",
}


def week_cell(entry: ColleagueDay, language: str) -> tuple[str, str | None]:
    """One day of the grid as symbols and a word, readable without colour: "🏢" "office",
    "🏠" "home", "⏳" "asked", "–"; half days as morning/afternoon: "🏢/🏠", "🏢/–"; "🛡️" added
    on permanence (its words stand under the row, where they fit on a phone)."""
    am, pm = entry.morning.where, entry.afternoon.where
    word = None
    if am is pm:
        symbols = _ICONS.get(am, NOTHING)
        word = t(language, _WEEK_WORDS[am]) if am in _WEEK_WORDS else None
    else:
        symbols = "/".join(_ICONS.get(w, NOTHING) for w in (am, pm))
    if entry.on_duty:
        symbols = f"{symbols} {PERMANENCE}"
    return symbols, word


def _cell(lines: tuple[str, str | None], bold: bool = False) -> Element:
    """A grid cell: the symbols, the word under them (one per line, so that it fits)."""
    items = []
    for i, line in enumerate(x for x in lines if x):
        block = text(line, spacing="None" if i else None)
        block["horizontalAlignment"] = "Center"
        block["size"] = "Small"
        if bold:
            block["weight"] = "Bolder"
        items.append(block)
    # No gap between the columns: five of them share a phone's width.
    return {"type": "Column", "width": 1, "spacing": "None", "items": items}


def _grid_row(cells: list[tuple[str, str | None]], bold: bool = False) -> Element:
    return {
        "type": "ColumnSet",
        "columns": [_cell(c, bold) for c in cells],
        "spacing": "None",
    }


def _member(row: WeekRow, language: str) -> list[Element]:
    """A member's name above their five days; "not shared" once for one who does not share."""
    name = text(row.colleague.name, weight="Bolder", spacing="Small")
    name["separator"] = True
    if row.days is None:
        return [name, text(t(language, "presence.week_not_shared"), subtle=True, spacing="None")]
    member = [name, _grid_row([week_cell(d, language) for d in row.days])]
    duty = [_short_day(d.day, language) for d in row.days if d.on_duty]
    if duty:
        words = t(language, "presence.week_duty_days", days=_join(duty, language))
        member.append(text(labelled(PERMANENCE, words), subtle=True, spacing="Small"))
        member[-1]["size"] = "Small"
    return member


def _short_day(day: date, language: str) -> str:
    """ "Mon 30", "ma 30", "lun. 30": the grid's column heads."""
    return format_date(day, "EEE d", locale=babel_locale(language))


def _legend(language: str) -> str:
    pairs = [
        labelled(OFFICE, t(language, "presence.week_office")),
        labelled(HOME, t(language, "presence.week_home")),
        labelled(PENDING, t(language, "presence.asked_home")),
        labelled(PERMANENCE, t(language, "presence.on_duty")),
        labelled(NOTHING, t(language, "presence.nothing")),
        labelled(f"{OFFICE}/{HOME}", t(language, "presence.legend_halves")),
    ]
    return " · ".join(pairs)


def _week_button(title_text: str, monday: date, team_id: str) -> Element:
    """Pages the grid in place: Action.Execute (Teams updates the card), with an Action.Submit
    fallback for clients without it (the bot then updates the message it answers)."""
    data: dict[str, Any] = {
        ACTION_FIELD: CardAction.TEAM_WEEK.value,
        "week": monday.isoformat(),
        "team": team_id,
    }
    fallback = submit(title_text, CardAction.TEAM_WEEK, week=data["week"], team=team_id)
    return {
        "type": "Action.Execute",
        "title": title_text,
        "verb": CardAction.TEAM_WEEK.value,
        "data": data,
        "fallback": fallback,
    }


def week_card(org: Organisation, week: TeamWeek, language: str, today: date) -> Element:
    """A team's Monday–Friday: one row per member, a legend, and buttons to page the week."""
    pattern = "d MMMM" if week.monday.year == today.year else "d MMMM y"
    heading = t(
        language,
        "presence.week_title",
        team=week.team.name,
        date=format_date(week.monday, pattern, locale=babel_locale(language)),
    )
    header = [(_short_day(d, language), None) for d in week.days]
    body: list[Element] = [title(heading), _grid_row(header, bold=True)]
    body[-1]["spacing"] = "Medium"
    for row in week.rows:
        body += _member(row, language)
    legend = text(_legend(language), subtle=True, spacing="Medium")
    legend["separator"] = True
    legend["size"] = "Small"
    body.append(legend)
    return card(
        body,
        [
            _week_button(
                t(language, "presence.week_previous"),
                week.monday - timedelta(days=7),
                week.team.id,
            ),
            _week_button(
                t(language, "presence.week_next"), week.monday + timedelta(days=7), week.team.id
            ),
        ],
    )


# --- privacy and follows --------------------------------------------------------------------


def privacy_card(current: Visibility, language: str) -> Element:
    """Who sees where you work: team (the default), everyone or nobody."""
    choices = [
        (t(language, f"privacy.choice_{v.value}"), v.value)
        for v in (Visibility.TEAM, Visibility.EVERYONE, Visibility.NOBODY)
    ]
    chooser: Element = {
        "type": "Input.ChoiceSet",
        "id": INPUT_VISIBILITY,
        "label": t(language, "privacy.label"),
        "style": "expanded",
        "choices": [{"title": title_text, "value": value} for title_text, value in choices],
        "value": Visibility(current).value,
        "wrap": True,
    }
    body = [
        title(t(language, "privacy.title")),
        text(t(language, "privacy.explain")),
        chooser,
    ]
    return card(
        body, [submit(t(language, "privacy.save"), CardAction.PRIVACY_SET, style="positive")]
    )


def follow_request_card(requester_name: str, requester_key: str, language: str) -> Element:
    """Sent to the person someone wants to follow: allow or decline."""
    body = [
        title(t(language, "follow.request_title")),
        text(t(language, "follow.request_text", name=requester_name), weight="Bolder"),
        text(t(language, "follow.request_note", name=requester_name), subtle=True),
    ]
    data = {"follower": requester_key}
    return card(
        body,
        [
            submit(
                t(language, "follow.button_allow"),
                CardAction.FOLLOW_ACCEPT,
                style="positive",
                **data,
            ),
            submit(
                t(language, "follow.button_decline"),
                CardAction.FOLLOW_DECLINE,
                style="destructive",
                **data,
            ),
        ],
    )
