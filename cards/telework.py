"""Cards about telework and team permanence: registered or requested, refused, the month's
totals, a manager's approval, and who of each team is on site.

Hours, amounts and day counts are written the way people read them in each language
("7h36" / "7u36", "6.5" / "6,5"); every word comes from the catalogues.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from cards.actions import CardAction
from cards.elements import (
    DONE,
    HOME,
    OFFICE,
    PENDING,
    PERMANENCE,
    REFUSED,
    WARNING,
    Element,
    action_set,
    card,
    column,
    columns,
    facts,
    labelled,
    submit,
    text,
    title,
)
from werkplek.dayparts import DayPart
from werkplek.i18n import babel_locale, format_day, format_part, t
from werkplek.organisation import Organisation, Team
from werkplek.telework import (
    HomeStatus,
    MonthTotals,
    TeamDay,
    TeleworkDay,
    TeleworkRefusal,
    day_allowance,
    day_units,
    minutes_of,
)
from werkplek.telework_service import NotRegistered, Registered

# Waiting for a manager's decision. Not (yet) among the icons of cards/elements.py; like them,
# it always stands next to words that say the same.

# The same locales as werkplek/i18n.py uses for days.
_HALVES = (DayPart.MORNING, DayPart.AFTERNOON)


# --- numbers and words, per language --------------------------------------------------------


def format_hours(minutes: int, language: str) -> str:
    """Hours as people read them: 456 -> "7h36" (en, fr), "7u36" (nl)."""
    return t(language, "number.hours", hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def format_amount(amount: Decimal, language: str) -> str:
    """Euros with two decimals and the language's decimal sign: "21.00 EUR", "21,00 EUR"."""
    number = format_decimal(amount, "#,##0.00", locale=babel_locale(language))
    return t(language, "number.amount", amount=number)


def format_count(count: Decimal | int, language: str) -> str:
    """A number of (half) days: "7", "6.5" (en), "6,5" (nl, fr)."""
    return format_decimal(Decimal(count), "0.##", locale=babel_locale(language))


def _counted(what: str, count: Decimal | int, language: str) -> str:
    """ "1 day", "6.5 days", "1,5 jour": the catalogue's one/other form, by the language's rule."""
    form = (
        "one"
        if Locale.parse(babel_locale(language)).plural_form(Decimal(count)) == "one"
        else "other"
    )
    return t(language, f"count.{what}_{form}", count=format_count(count, language))


def format_days(count: Decimal | int, language: str) -> str:
    return _counted("days", count, language)


def join_words(words: list[str], language: str) -> str:
    """ "An", "An and Bert", "An, Bert and Chloé"."""
    if len(words) <= 1:
        return "".join(words)
    return t(language, "words.and", first=", ".join(words[:-1]), last=words[-1])


def _name(org: Organisation, email: str, language: str, hidden: frozenset[str]) -> str:
    """A colleague's name, or "a colleague" for someone who does not share with the viewer."""
    if email in hidden:
        return t(language, "words.colleague")
    return org.display_name(email) or email


def _names(
    org: Organisation, emails: list[str] | tuple[str, ...], language: str, hidden: frozenset[str]
) -> str:
    names = [_name(org, e, language, hidden) for e in emails]
    return join_words(names, language) if names else t(language, "words.nobody")


def _when(day: date, part: DayPart, language: str, today: date) -> str:
    return t(
        language,
        "telework.when",
        date=format_day(day, language, today),
        part=format_part(part, language),
    )


def _month_name(first: date, language: str) -> str:
    return format_date(first, "MMMM y", locale=babel_locale(language))


def _month_button(language: str) -> Element:
    return submit(t(language, "button.telework_month"), CardAction.TELEWORK_MONTH)


# --- registered or requested ----------------------------------------------------------------


def telework_card(org: Organisation, registered: Registered, language: str, today: date) -> Element:
    """Telework registered (time code, hours, allowance), or requested beyond the norm."""
    policy = org.policy
    when = _when(registered.day, registered.part, language, today)
    if registered.status is HomeStatus.REQUESTED:
        managers = [_name(org, e, language, frozenset()) for e in registered.managers]
        body = [
            title(t(language, "telework.requested_title"), icon=PENDING),
            text(labelled(HOME, when), weight="Bolder"),
            text(
                t(
                    language,
                    "telework.requested",
                    norm=format_days(registered.norm, language),
                    managers=join_words(managers, language)
                    if managers
                    else t(language, "words.your_manager"),
                )
            ),
        ]
    else:
        allowance = (
            t(language, "telework.allowance_monthly")
            if policy.allowance_tiers
            else format_amount(day_allowance(registered.part, policy), language)
        )
        body = [
            title(t(language, "telework.title"), icon=HOME),
            text(labelled(DONE, when), weight="Bolder"),
            facts(
                [
                    (t(language, "fact.time_code"), policy.time_code),
                    (
                        t(language, "fact.hours"),
                        format_hours(minutes_of(registered.part, policy), language),
                    ),
                    (t(language, "fact.allowance"), allowance),
                ]
            ),
        ]
    for booking in registered.cancelled_bookings:
        zone = org.zone(booking.seat.zone_key)
        note = t(
            language,
            "telework.desk_cancelled",
            desk=booking.seat.desk_id,
            zone=zone.name if zone else booking.seat.zone_key,
        )
        body.append(text(labelled(OFFICE, note), subtle=True))
    data = {"date": registered.day.isoformat(), "part": registered.part.value}
    return card(
        body,
        [
            submit(
                t(language, "button.cancel_telework"),
                CardAction.CANCEL_TELEWORK,
                style="destructive",
                **data,
            ),
            _month_button(language),
        ],
    )


# --- refused --------------------------------------------------------------------------------


def _refusal_text(
    org: Organisation,
    refused: NotRegistered,
    language: str,
    today: date,
    hidden: frozenset[str] = frozenset(),
) -> str:
    refusal = refused.refusal
    day = format_day(refused.day, language, today)
    team = refusal.team.name if refusal.team else ""
    if refusal.reason is TeleworkRefusal.PERMANENCE:
        minimum = refusal.team.min_on_site(refused.day.weekday()) if refusal.team else 0
        return t(
            language,
            "telework.refused.permanence",
            team=team,
            minimum=_counted("people", minimum, language),
            date=day,
            names=_names(org, refusal.on_site, language, hidden),
        )
    if refusal.reason is TeleworkRefusal.ON_DUTY:
        return t(language, "telework.refused.on_duty", team=team, date=day)
    return t(language, f"telework.refused.{refusal.reason.value}")


def telework_refused_card(
    org: Organisation,
    not_registered: NotRegistered,
    language: str,
    today: date,
    part: DayPart = DayPart.FULL,
    hidden: frozenset[str] = frozenset(),
) -> Element:
    """Why the day cannot be telework, and the days that keep the team's permanence as buttons.

    `part` is the part of the day that was asked: the buttons register the same part.
    People in `hidden` (who do not share with the viewer) are not named.
    """
    reason = _refusal_text(org, not_registered, language, today, hidden)
    body = [
        title(t(language, "telework.refused_title"), icon=REFUSED),
        text(reason),
    ]
    if not_registered.other_days:
        body.append(text(t(language, "telework.other_days"), weight="Bolder"))
        for day in not_registered.other_days:
            label = (
                format_day(day, language, today)
                if part is DayPart.FULL
                else _when(day, part, language, today)
            )
            button = submit(
                labelled(HOME, label), CardAction.TELEWORK, date=day.isoformat(), part=part.value
            )
            body.append(action_set([button], spacing="Small"))
    return card(body, [_month_button(language)])


# --- the month ------------------------------------------------------------------------------


def _day_row(
    org: Organisation, day: TeleworkDay, icon: str, language: str, today: date, hours: bool
) -> Element:
    cells = [column([text(labelled(icon, _when(day.day, day.part, language, today)))])]
    if hours:
        amount = format_hours(minutes_of(day.part, org.policy), language)
        cells.append(column([text(amount, weight="Bolder")], width="auto"))
    return columns(*cells, spacing="Small")


def month_card(
    org: Organisation, totals: MonthTotals, first: date, language: str, today: date
) -> Element:
    """A month of telework: one row per day, then days, hours and allowance; requests apart."""
    month = _month_name(first, language)
    body: list[Element] = [title(t(language, "month.title", month=month), icon=HOME)]
    if not totals.days and not totals.requested:
        body.append(text(t(language, "month.empty", month=month)))
    if totals.days:
        body += [_day_row(org, d, HOME, language, today, hours=True) for d in totals.days]
        days = sum((day_units(d.part) for d in totals.days), Decimal(0))
        body.append(
            text(
                t(
                    language,
                    "month.totals",
                    days=format_days(days, language),
                    hours=format_hours(totals.minutes, language),
                    allowance=format_amount(totals.allowance, language),
                ),
                weight="Bolder",
                spacing="Medium",
            )
        )
        body[-1]["separator"] = True
    if totals.requested:
        body.append(text(t(language, "month.requested"), spacing="Large"))
        body += [_day_row(org, d, PENDING, language, today, hours=False) for d in totals.requested]
    return card(body, [submit(t(language, "button.my_bookings"), CardAction.LIST)])


# --- a manager's decision -------------------------------------------------------------------


def approval_card(
    org: Organisation,
    requester_name: str,
    day: date,
    part: DayPart,
    norm: int,
    language: str,
    today: date,
    requester_key: str,
) -> Element:
    """Sent to a manager: a colleague asks for telework beyond the norm; approve or decline."""
    body = [
        title(t(language, "approval.title"), icon=PENDING),
        text(
            t(
                language,
                "approval.text",
                name=requester_name,
                date=format_day(day, language, today),
                part=format_part(part, language),
                norm=format_days(norm, language),
            )
        ),
    ]
    data = {"person": requester_key, "date": day.isoformat(), "part": part.value}
    return card(
        body,
        [
            submit(t(language, "button.approve"), CardAction.APPROVE, style="positive", **data),
            submit(t(language, "button.decline"), CardAction.DECLINE, style="destructive", **data),
        ],
    )


# --- permanence -----------------------------------------------------------------------------


def _away(org: Organisation, team_day: TeamDay, language: str, hidden: frozenset[str]) -> list[str]:
    """Who works from home, with "(morning)" or "(awaiting approval)" where it applies."""
    people = dict.fromkeys(e for h in _HALVES for e in team_day.away_in(h))
    result = []
    for email in people:
        halves = [h for h in _HALVES if email in team_day.away_in(h)]
        details = []
        if len(halves) == 1:
            details.append(format_part(halves[0], language))
        if any(team_day.away_in(h)[email] is HomeStatus.REQUESTED for h in halves):
            details.append(t(language, "permanence.pending"))
        name = _name(org, email, language, hidden)
        result.append(f"{name} ({', '.join(details)})" if details else name)
    return result


def _permanence_row(
    org: Organisation, team_day: TeamDay, day: date, language: str, hidden: frozenset[str]
) -> Element:
    team = team_day.team
    on_site = min(len(team_day.on_site(h)) for h in _HALVES)
    missing = max(team_day.shortfall(day, h) for h in _HALVES)
    count = t(
        language, "permanence.count", on_site=on_site, minimum=team.min_on_site(day.weekday())
    )
    if missing:
        status = text(
            labelled(WARNING, f"{count} · {t(language, 'permanence.short', missing=missing)}"),
            weight="Bolder",
            color="Attention",
        )
    else:
        status = text(labelled(DONE, count))
    lines = [status]
    away = _away(org, team_day, language, hidden)
    if away:
        names = join_words(away, language)
        lines.append(
            text(
                labelled(HOME, t(language, "permanence.home", names=names)),
                subtle=True,
                spacing="None",
            )
        )
    if team_day.duty:
        duty = sorted(
            team_day.duty, key=lambda e: team.members.index(e) if e in team.members else 99
        )
        names = _names(org, duty, language, hidden)
        lines.append(
            text(
                labelled(PERMANENCE, t(language, "permanence.duty", names=names)),
                subtle=True,
                spacing="None",
            )
        )
    short_day = format_date(day, "EEE d/M", locale=babel_locale(language))
    return columns(
        column([text(short_day, weight="Bolder")], width="72px"),
        column(lines),
        separator=True,
        spacing="Small",
    )


def permanence_card(
    org: Organisation,
    coverage: dict[date, dict[str, TeamDay]],
    teams: list[Team],
    language: str,
    today: date,
    hidden: frozenset[str] = frozenset(),
) -> Element:
    """Per team and working day: how many are on site against the minimum, who works from
    home and who is on permanence duty. A short day says so in words, not only in colour.
    People in `hidden` (who do not share with the viewer) are counted but not named."""
    days = sorted(d for d in coverage if d.weekday() < 5)
    body: list[Element] = [title(t(language, "permanence.title"), icon=PERMANENCE)]
    if days:
        period = t(
            language,
            "permanence.period",
            first=format_day(days[0], language, today),
            last=format_day(days[-1], language, today),
        )
        body.append(text(period, subtle=True, spacing="None"))
    if not teams or not days:
        body.append(text(t(language, "permanence.empty")))
    for team in teams if days else []:
        body.append(text(team.name, weight="Bolder", spacing="Large"))
        for day in days:
            team_day = coverage[day].get(team.id) or TeamDay(team)
            body.append(_permanence_row(org, team_day, day, language, hidden))
    return card(body, [_month_button(language)])
