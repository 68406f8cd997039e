"""Cards of the user's own data (GDPR): everything stored about them, the confirmation
before deleting it, and what the deletion did and kept.

The summary is meant to be read: per month how many office and telework days, the coming
days one by one, then duty, privacy, follows, reminders and the chat reference. Every
detail is in the JSON document behind the download button.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from babel.dates import format_date

from cards.actions import CardAction
from cards.elements import (
    DONE,
    HOME,
    OFFICE,
    PENDING,
    PERMANENCE,
    WARNING,
    Element,
    card,
    facts,
    labelled,
    submit,
    text,
    title,
)
from werkplek.booking import PersonDay
from werkplek.dayparts import DayPart
from werkplek.i18n import babel_locale, format_day, format_part, language_of, t
from werkplek.my_data import CLAIM_DAYS, ErasureReport, StoredData, purged_on
from werkplek.organisation import Organisation
from werkplek.presence import Visibility
from werkplek.reminders import ReminderKind
from werkplek.telework import HomeStatus

# The coming days listed one by one; the rest is counted (and in the download).
MAX_COMING = 10


def _section(heading: str) -> Element:
    element = text(heading, weight="Bolder")
    element["separator"] = True
    element["spacing"] = "Medium"
    return element


def _month(day: date, language: str) -> str:
    words = format_date(day, "LLLL y", locale=babel_locale(language))
    return words[:1].upper() + words[1:]


def _day_line(org: Organisation, day: PersonDay, language: str, today: date) -> str:
    """ "🏢 Thursday 26 November: desk 1.05, Verdieping 1", one half day after the other."""
    when = format_day(day.day, language, today)
    parts = []
    for half in (DayPart.MORNING, DayPart.AFTERNOON):
        seat = day.seats.get(half)
        status = day.home.get(half)
        if seat is not None:
            zone = org.zone(seat.zone_key)
            where = t(
                language,
                "reminder.desk",
                desk=seat.desk_id,
                zone=zone.name if zone else seat.zone_key,
            )
            parts.append((OFFICE, where))
        elif status == HomeStatus.HOME:
            parts.append((HOME, t(language, "reminder.home")))
        elif status:
            parts.append((PENDING, t(language, "reminder.requested")))
        else:
            parts.append(("", ""))
    if parts[0] == parts[1]:
        icon, words = parts[0]
        return labelled(icon, t(language, "mydata.day", date=when, what=words))
    said = [
        t(language, "reminder.half", part=format_part(half, language), where=words)
        for half, (_, words) in zip((DayPart.MORNING, DayPart.AFTERNOON), parts, strict=True)
        if words
    ]
    icon = next(i for i, _ in parts if i)
    return labelled(icon, t(language, "mydata.day", date=when, what="; ".join(said)))


def _months(data: StoredData, language: str) -> Element | None:
    office: Counter[date] = Counter()
    home: Counter[date] = Counter()
    asked: Counter[date] = Counter()
    for day in data.days:
        first = day.day.replace(day=1)
        office[first] += bool(day.seats)
        home[first] += HomeStatus.HOME.value in day.home.values()
        asked[first] += HomeStatus.REQUESTED.value in day.home.values()
    months = sorted(set(office) | set(home) | set(asked))
    if not months:
        return None
    return facts(
        [
            (
                _month(month, language),
                t(
                    language,
                    "mydata.month",
                    office=office[month],
                    home=home[month],
                    asked=asked[month],
                ),
            )
            for month in months
        ]
    )


def _follow_lines(
    entries: Sequence, language: str, key: str, none_key: str = "mydata.nobody"
) -> Element:
    if not entries:
        return text(t(language, none_key), subtle=True, spacing="None")
    lines = [
        t(
            language,
            f"{key}_{e.status if e.status in ('accepted', 'pending') else 'pending'}",
            name=e.name or e.email or "?",
        )
        for e in entries
    ]
    return text("\n".join(f"- {line}" for line in lines), spacing="None")


def my_data_card(
    org: Organisation,
    data: StoredData,
    language: str,
    today: date,
    kinds: Sequence[ReminderKind],
    link: str | None,
    link_minutes: int,
) -> Element:
    """Everything stored about the user, readable, with the JSON download and Delete."""
    body: list[Element] = [
        title(t(language, "mydata.title")),
        text(t(language, "mydata.intro")),
        _section(t(language, "mydata.section_profile")),
        facts(
            [
                (t(language, "mydata.fact_name"), data.name or "–"),
                (t(language, "mydata.fact_email"), data.email or "–"),
                (t(language, "mydata.fact_language"), data.locale or "–"),
            ]
        ),
        _section(t(language, "mydata.section_days")),
    ]
    months = _months(data, language)
    body.append(months or text(t(language, "mydata.days_none"), subtle=True, spacing="None"))
    coming = [d for d in data.days if d.day >= today and not d.is_empty]
    if coming:
        body.append(_section(t(language, "mydata.section_coming")))
        lines = [_day_line(org, d, language, today) for d in coming[:MAX_COMING]]
        if len(coming) > MAX_COMING:
            lines.append(t(language, "mydata.more", count=len(coming) - MAX_COMING))
        body.append(text("\n\n".join(lines), spacing="None"))
    body.append(_section(t(language, "mydata.section_duty")))
    teams = {team.id: team.name for team in org.teams}
    if data.duty:
        duty = [
            labelled(
                PERMANENCE,
                t(
                    language,
                    "mydata.day",
                    date=format_day(d.day, language, today),
                    what=teams.get(d.team_id, d.team_id),
                ),
            )
            for d in data.duty
        ]
        body.append(text("\n\n".join(duty), spacing="None"))
    else:
        body.append(text(t(language, "mydata.duty_none"), subtle=True, spacing="None"))
    visibility = data.visibility if data.visibility in {v.value for v in Visibility} else "team"
    body += [
        _section(t(language, "mydata.section_privacy")),
        text(t(language, f"privacy.choice_{visibility}"), spacing="None"),
        _section(t(language, "mydata.section_following")),
        _follow_lines(data.following, language, "mydata.following"),
        _section(t(language, "mydata.section_followers")),
        _follow_lines(data.followers, language, "mydata.follower"),
        _section(t(language, "mydata.section_reminders")),
    ]
    settings = data.reminder_settings
    reminder_lines = []
    for kind in kinds:
        setting = settings.of(kind)
        state = (
            t(language, "mydata.reminder_on", time=f"{setting.at:%H:%M}")
            if setting.enabled
            else t(language, "mydata.reminder_off")
        )
        reminder_lines.append(f"- {t(language, f'reminder.kind.{kind.value}')}: {state}")
    body.append(text("\n".join(reminder_lines), spacing="None"))
    body.append(
        text(
            t(language, "mydata.sent", count=len(data.reminders_sent), days=CLAIM_DAYS),
            subtle=True,
            spacing="Small",
        )
    )
    chat = "mydata.chat_kept" if data.conversation is not None else "mydata.chat_none"
    body.append(text(t(language, chat), spacing="Small"))
    actions: list[Element] = []
    if link:
        body.append(text(t(language, "mydata.link_note", minutes=link_minutes), subtle=True))
        actions.append(
            {"type": "Action.OpenUrl", "title": t(language, "mydata.button_download"), "url": link}
        )
    actions += [
        submit(t(language, "mydata.button_privacy"), CardAction.PRIVACY),
        submit(t(language, "mydata.button_delete"), CardAction.MY_DATA_DELETE, style="destructive"),
    ]
    return card(body, actions)


def delete_confirm_card(language: str, token: str, retention_months: int) -> Element:
    """What deleting erases and what it keeps, with Confirm and Keep."""
    body = [
        title(t(language, "erase.title"), icon=WARNING),
        text(t(language, "erase.intro")),
        text(t(language, "erase.what"), spacing="Small"),
        _section(t(language, "erase.kept_heading")),
        text(t(language, "erase.kept", months=retention_months), spacing="None"),
        text(t(language, "erase.again"), subtle=True),
    ]
    return card(
        body,
        [
            submit(
                t(language, "erase.button_confirm"),
                CardAction.MY_DATA_CONFIRM,
                style="destructive",
                token=token,
            ),
            submit(t(language, "erase.button_keep"), CardAction.MY_DATA_KEEP),
        ],
    )


def erased_card(
    report: ErasureReport, language: str, today: date, retention_months: int
) -> Element:
    """What the deletion did, what it kept and why."""
    if not report.erased_anything and not report.kept:
        body = [title(t(language, "erased.nothing_title"), icon=DONE)]
    else:
        lines = [
            t(language, key, count=count)
            for key, count in (
                ("erased.released", report.released),
                ("erased.taken_back", report.taken_back),
                ("erased.duty", report.duty_removed),
                ("erased.past", report.past_erased),
            )
            if count
        ]
        lines.append(t(language, "erased.profile"))
        body = [
            title(t(language, "erased.title"), icon=DONE),
            text("\n".join(f"- {line}" for line in lines)),
        ]
    body.append(_section(t(language, "erase.kept_heading")))
    if report.kept:
        days = sorted({k.day for k in report.kept})
        body.append(
            text(
                t(
                    language,
                    "erased.kept",
                    count=len(days),
                    first=format_day(days[0], language, today),
                    last=format_day(days[-1], language, today),
                    months=retention_months,
                    until=format_day(purged_on(days[-1], retention_months), language, today),
                ),
                spacing="None",
            )
        )
    else:
        body.append(text(t(language, "erased.kept_none"), spacing="None"))
    body += [
        text(t(language, "erased.anonymous"), spacing="Small"),
        text(t(language, "erase.again"), subtle=True),
    ]
    return card(body, [submit(t(language, "erased.button_show"), CardAction.MY_DATA)])


def link_problem_text(accept_language: str | None, problem: str) -> str:
    """The words of a link that no longer works, in the browser's language."""
    return t(language_of(accept_language), f"mydata.link_{problem}")
