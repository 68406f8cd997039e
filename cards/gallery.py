"""Every Adaptive Card the bot can send, in every language, built by the real builders.

The samples are the demo organisation on Monday 23 November 2026, with a few colleagues'
desks already taken, so that the free desks and places are the ones the rules would give.
The tests check each card (tests/test_cards_valid.py) and `make screenshots` renders them:

    python -m cards.gallery --write build/cards.json

Only sample data lives here (people, desks, days); every text comes from the catalogues,
through the builders or, for the refusal and its suggestions, as bots/turns.py words them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

import config
from cards.booking import booking_card, booking_form_card, bookings_card, suggestions_card
from cards.elements import Element
from cards.help import help_card
from cards.my_data import delete_confirm_card, erased_card, my_data_card
from cards.presence import (
    choose_person_card,
    day_card,
    follow_request_card,
    person_card,
    privacy_card,
    week_card,
)
from cards.reminders import reminder_card, reminder_settings_card
from cards.telework import (
    approval_card,
    month_card,
    permanence_card,
    telework_card,
    telework_refused_card,
)
from werkplek.booking import Booking, Person, PersonDay, Seat, ZoneDay
from werkplek.dayparts import DayPart
from werkplek.i18n import LANGUAGES, format_day, t
from werkplek.my_data import (
    DEFAULT_RETENTION_MONTHS,
    LINK_MINUTES,
    DutyDay,
    ErasureReport,
    FollowEntry,
    ReminderSent,
    StoredData,
)
from werkplek.organisation import Organisation, Team, load_organisation
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
from werkplek.reminders import (
    MANAGER_KINDS,
    Content,
    DayBefore,
    Duty,
    Gap,
    PendingApprovals,
    PendingRequest,
    PermanenceGaps,
    PlannedDay,
    Recipient,
    Reminder,
    ReminderKind,
    ReminderSetting,
    ReminderSettings,
    TeleworkMorning,
    WeekPlan,
)
from werkplek.telework import (
    HomeStatus,
    TeamDay,
    TeleworkDay,
    TeleworkRefusal,
    TeleworkRefused,
    month_totals,
)
from werkplek.telework_service import NotRegistered, Registered

TODAY = date(2026, 11, 23)  # a Monday
THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)
USER_FIRST_NAME = "An"  # An Peeters, of the demo organisation

# Thursday as the demo organisation would have it: colleagues' desks (zone -> desk -> person).
THURSDAY_TAKEN = {
    "hq/z1": {"1.01": "bert@example.org", "1.03": "chloe@example.org"},
    "hq/z2": {"2.01": "lien@example.org", "2.03": "balie@example.org", "2.05": "x@example.org"},
}


def _zone_days(org: Organisation) -> dict[str, ZoneDay]:
    days = {}
    for zone in org.zones:
        day = ZoneDay(zone)
        for desk, person in THURSDAY_TAKEN.get(zone.key, {}).items():
            day = day.with_seat(desk, DayPart.FULL.halves, person)
        days[zone.key] = day
    return days


def _free_seats(org: Organisation, days: dict[str, ZoneDay], exclude: Seat) -> tuple[Seat, ...]:
    """What BookingService.free_seats would give: every desk the rules still allow."""
    return tuple(
        seat
        for zone in org.zones
        for desk in days[zone.key].free_desks(DayPart.FULL.halves)
        if (seat := Seat(zone.key, desk)) != exclude
    )


def _zone_full(org: Organisation, language: str, days: dict[str, ZoneDay]) -> Element:
    """Verdieping 2 asked on Thursday: refused, with the other zones and the next days."""
    asked = org.zone("hq/z2")
    assert asked is not None
    message = t(
        language,
        "refused.zone_full",
        zone=asked.name,
        desk="",
        date=format_day(THURSDAY, language, TODAY),
    )
    places = [
        (zone, THURSDAY, days[zone.key].free_places(DayPart.FULL.halves))
        for zone in org.zones
        if zone.key != asked.key
    ]
    places += [(asked, FRIDAY, 3), (asked, date(2026, 11, 30), 3)]
    buttons = [
        (
            t(
                language,
                "suggestion.button",
                zone=zone.name,
                date=format_day(day, language, TODAY),
                places=free,
            ),
            {"date": day.isoformat(), "part": DayPart.FULL.value, "zone": zone.key},
        )
        for zone, day, free in places
        if free
    ]
    return suggestions_card(language, message, buttons)


def _zone_name(org: Organisation, key: str) -> str:
    zone = org.zone(key)
    assert zone is not None, key
    return zone.name


def _team(org: Organisation, team_id: str) -> Team:
    team = next((t for t in org.teams if t.id == team_id), None)
    assert team is not None, team_id
    return team


def _permanence_week(org: Organisation) -> dict[date, dict[str, TeamDay]]:
    """The week of 23 November: who of each team works from home, who is on duty."""
    social, desk = _team(org, "sociale-dienst"), _team(org, "onthaal")
    full, home, asked = DayPart.FULL.halves, HomeStatus.HOME, HomeStatus.REQUESTED
    an, bert, chloe, lien = (f"{n}@example.org" for n in ("an", "bert", "chloe", "lien"))
    social_days = {
        TODAY: TeamDay(social, duty=frozenset({lien})).with_away(bert, full, home),
        date(2026, 11, 24): TeamDay(social).with_away(an, full, home).with_away(chloe, full, home),
        date(2026, 11, 25): TeamDay(social).with_away(chloe, (DayPart.MORNING,), home),
        THURSDAY: TeamDay(social, duty=frozenset({chloe}))
        .with_away(an, full, home)
        .with_away(bert, full, asked),
        # Registered before the minimum went up to two: one short.
        FRIDAY: TeamDay(social)
        .with_away(an, full, home)
        .with_away(bert, full, home)
        .with_away(chloe, full, home),
    }
    return {
        day: {social.id: team_day, desk.id: TeamDay(desk, duty=frozenset({"balie@example.org"}))}
        for day, team_day in social_days.items()
    }


def _telework_cards(org: Organisation, language: str) -> dict[str, Callable[[], Element]]:
    """Telework and permanence, for An Peeters of the Sociale dienst (norm: 2 days a week)."""
    social = _team(org, "sociale-dienst")
    on_site = ("an@example.org", "lien@example.org")
    next_days = (FRIDAY, date(2026, 11, 30), date(2026, 12, 1))
    refused = {
        "permanence": NotRegistered(
            THURSDAY, TeleworkRefused(TeleworkRefusal.PERMANENCE, social, on_site), next_days
        ),
        "permanence-no-other-day": NotRegistered(
            THURSDAY, TeleworkRefused(TeleworkRefusal.PERMANENCE, social, on_site)
        ),
        "on-duty": NotRegistered(THURSDAY, TeleworkRefused(TeleworkRefusal.ON_DUTY, social)),
        "not-allowed": NotRegistered(THURSDAY, TeleworkRefused(TeleworkRefusal.NOT_ALLOWED)),
        "no-email": NotRegistered(THURSDAY, TeleworkRefused(TeleworkRefusal.NO_EMAIL)),
    }
    november = [
        TeleworkDay(date(2026, 11, day), DayPart.FULL, HomeStatus.HOME)
        for day in (3, 5, 10, 12, 17, 19, 24)
    ]
    november += [
        TeleworkDay(date(2026, 11, 25), DayPart.MORNING, HomeStatus.HOME),
        TeleworkDay(THURSDAY, DayPart.FULL, HomeStatus.REQUESTED),
    ]
    first = date(2026, 11, 1)
    builders: dict[str, Callable[[], Element]] = {
        "telework-registered": lambda: telework_card(
            org, Registered(THURSDAY, DayPart.FULL, HomeStatus.HOME, norm=2), language, TODAY
        ),
        "telework-registered-desk-cancelled": lambda: telework_card(
            org,
            Registered(
                FRIDAY,
                DayPart.MORNING,
                HomeStatus.HOME,
                (Booking(FRIDAY, DayPart.MORNING, Seat("hq/z1", "1.01")),),
                norm=2,
            ),
            language,
            TODAY,
        ),
        "telework-requested": lambda: telework_card(
            org,
            Registered(
                THURSDAY, DayPart.FULL, HomeStatus.REQUESTED, norm=2, managers=("lien@example.org",)
            ),
            language,
            TODAY,
        ),
        "telework-month": lambda: month_card(
            org, month_totals(november, org.policy), first, language, TODAY
        ),
        "telework-month-empty": lambda: month_card(
            org, month_totals([], org.policy), date(2026, 12, 1), language, TODAY
        ),
        "telework-approval": lambda: approval_card(
            org, "An Peeters", THURSDAY, DayPart.FULL, 2, language, TODAY, "29:1an-peeters"
        ),
        "permanence": lambda: permanence_card(
            org,
            _permanence_week(org),
            [social, _team(org, "onthaal")],
            language,
            TODAY,
        ),
    }
    for name, outcome in refused.items():
        builders[f"telework-refused-{name}"] = lambda outcome=outcome: telework_refused_card(
            org, outcome, language, TODAY
        )
    return builders


# Presence: the Sociale dienst as An Peeters sees it. Chloé shares her plans with nobody;
# Olivia Buiten (another service) shares hers with An, who follows her.
AN = Colleague("An Peeters", "an@example.org", "29:1an-peeters")
BERT = Colleague("Bert Claes", "bert@example.org", "29:1bert-claes")
CHLOE = Colleague("Chloé Dubois", "chloe@example.org")
LIEN = Colleague("Lien Janssens", "lien@example.org", "29:1lien-janssens")
OLIVIA = Colleague("Olivia Buiten", "olivia@example.org", "29:1olivia-buiten")
BERT_SMIT = Colleague("Bert Smit", "bert.smit@example.org")
_ZONE_OF_DESK = {"1": "hq/z1", "2": "hq/z2", "W": "ds/open"}
HOME_PLAN, ASKED, NOTHING = HalfPlan(Where.HOME), HalfPlan(Where.REQUESTED), HalfPlan(Where.UNKNOWN)


def _desk(desk: str) -> HalfPlan:
    return HalfPlan(Where.OFFICE, Seat(_ZONE_OF_DESK[desk[0]], desk))


def _day_of(
    who: Colleague, day: date, morning: HalfPlan, afternoon: HalfPlan | None = None, duty=False
) -> ColleagueDay:
    return ColleagueDay(who, day, morning, afternoon or morning, duty)


def presence_day(org: Organisation) -> DayView:
    """Thursday: Bert in the morning only, Lien on duty; Chloé's desk is hers to tell."""
    bert = _day_of(BERT, THURSDAY, _desk("1.01"), HOME_PLAN)
    an = _day_of(AN, THURSDAY, _desk("1.05"))
    lien = _day_of(LIEN, THURSDAY, _desk("2.01"), duty=True)
    olivia = _day_of(OLIVIA, THURSDAY, _desk("W2"))
    team = TeamToday(
        _team(org, "sociale-dienst"),
        office=(an, bert, lien),
        home=(bert,),
        on_duty=(lien,),
        unplanned=(),
        not_shared=(CHLOE,),
    )
    return DayView(THURSDAY, (bert, an, lien, olivia), (team,), (olivia,))


def presence_quiet_day(org: Organisation) -> DayView:
    """Tuesday 1 December, early on: no desk booked yet, Bert waits for his manager."""
    day = date(2026, 12, 1)
    team = TeamToday(
        _team(org, "sociale-dienst"),
        office=(),
        home=(_day_of(BERT, day, ASKED), _day_of(CHLOE, day, HOME_PLAN, NOTHING)),
        on_duty=(_day_of(LIEN, day, NOTHING, duty=True),),
        unplanned=(AN,),
        not_shared=(),
    )
    return DayView(day, (), (team,), ())


def presence_week(org: Organisation) -> TeamWeek:
    """The week of 30 November: half days, a request, duty, and Chloé who does not share."""
    days = tuple(date(2026, 11, 30) + timedelta(days=i) for i in range(5))
    plans = {
        AN: [
            (_desk("1.05"),),
            (HOME_PLAN,),
            (_desk("1.05"),),
            (HOME_PLAN,),
            (_desk("1.05"), HOME_PLAN),
        ],
        BERT: [(HOME_PLAN,), (_desk("1.03"),), (_desk("1.03"),), (ASKED,), (NOTHING,)],
        LIEN: [
            (_desk("2.01"), None, True),
            (_desk("2.01"),),
            (_desk("2.01"), NOTHING),
            (HOME_PLAN,),
            (_desk("2.01"), None, True),
        ],
    }
    rows = [
        WeekRow(
            who, tuple(_day_of(who, day, *plan) for day, plan in zip(days, plans[who], strict=True))
        )
        if who in plans
        else WeekRow(who, None)
        for who in (AN, BERT, CHLOE, LIEN)
    ]
    return TeamWeek(_team(org, "sociale-dienst"), days[0], days, tuple(rows))


def _presence_cards(org: Organisation, language: str) -> dict[str, Callable[[], Element]]:
    tuesday = date(2026, 11, 24)
    wednesday = date(2026, 11, 25)
    monday = date(2026, 11, 30)
    december_first = date(2026, 12, 1)

    def person(entry: ColleagueDay | None, who: Colleague, day: date, shared=True) -> Element:
        return person_card(org, entry, who, day, language, TODAY, shared)

    return {
        "presence-day": lambda: day_card(org, presence_day(org), language, TODAY, viewer=AN.email),
        "presence-day-nobody-in-yet": lambda: day_card(
            org, presence_quiet_day(org), language, TODAY, viewer=AN.email
        ),
        "presence-person": lambda: person(_day_of(BERT, tuesday, _desk("2.03")), BERT, tuesday),
        "presence-person-half-days": lambda: person(
            _day_of(BERT, wednesday, _desk("1.03"), HOME_PLAN), BERT, wednesday
        ),
        "presence-person-on-duty": lambda: person(
            _day_of(LIEN, FRIDAY, _desk("2.01"), duty=True), LIEN, FRIDAY
        ),
        "presence-person-home": lambda: person(_day_of(BERT, monday, HOME_PLAN), BERT, monday),
        "presence-person-nothing-planned": lambda: person(None, LIEN, december_first),
        "presence-person-not-shared": lambda: person(
            _day_of(CHLOE, THURSDAY, _desk("1.03")), CHLOE, THURSDAY, shared=False
        ),
        "presence-choose-person": lambda: choose_person_card(
            [BERT, BERT_SMIT], language, "where_is", THURSDAY
        ),
        "presence-week": lambda: week_card(org, presence_week(org), language, TODAY),
        "presence-privacy": lambda: privacy_card(Visibility.TEAM, language),
        "presence-follow-request": lambda: follow_request_card(
            OLIVIA.name, OLIVIA.key or "", language
        ),
    }


# Reminders: what An Peeters (Sociale dienst) and Lien Janssens (its manager) receive.
AN_PERSON = Person("29:1an-peeters", "An Peeters", "an@example.org")
LIEN_PERSON = Person("29:1lien-janssens", "Lien Janssens", "lien@example.org")


def _plan(day: date, seats=None, home=None) -> PersonDay:
    """An's day: seats and telework per half ("am", "pm"), as PersonDay keeps them."""
    return PersonDay(
        AN_PERSON,
        day,
        {DayPart(h): seat for h, seat in (seats or {}).items()},
        {DayPart(h): status.value for h, status in (home or {}).items()},
    )


def reminder_week(org: Organisation) -> WeekPlan:
    """The week of 30 November as An has it on Thursday: a desk, a home day, a morning at the
    office with an afternoon asked, and a Thursday the Sociale dienst is one short."""
    social = _team(org, "sociale-dienst")
    days = [date(2026, 11, 30) + timedelta(days=i) for i in range(5)]
    desk_203, desk_105 = Seat("hq/z2", "2.03"), Seat("hq/z1", "1.05")
    full_home = {"am": HomeStatus.HOME, "pm": HomeStatus.HOME}
    plans = [
        _plan(days[0], seats={"am": desk_203, "pm": desk_203}),
        _plan(days[1], home=full_home),
        _plan(days[2], seats={"am": desk_105}, home={"pm": HomeStatus.REQUESTED}),
        None,
        None,
    ]
    gaps = {days[3]: (Gap(social, days[3], DayPart.FULL, 1),)}
    return WeekPlan(
        tuple(
            PlannedDay(day, plan, gaps=gaps.get(day, ()))
            for day, plan in zip(days, plans, strict=True)
        )
    )


def reminder_christmas_week(org: Organisation) -> WeekPlan:
    """21 to 25 December: a desk on Monday, home on Tuesday, Christmas on Friday."""
    days = [date(2026, 12, 21) + timedelta(days=i) for i in range(5)]
    full_home = {"am": HomeStatus.HOME, "pm": HomeStatus.HOME}
    desk = Seat("hq/z1", "1.05")
    plans = [_plan(days[0], seats={"am": desk, "pm": desk}), _plan(days[1], home=full_home)]
    return WeekPlan(
        (
            *(PlannedDay(day, plan) for day, plan in zip(days[:2], plans, strict=True)),
            *(PlannedDay(day, None) for day in days[2:4]),
            PlannedDay(days[4], None, holiday="Christmas Day"),
        )
    )


def reminder_requests(org: Organisation, count: int) -> PendingApprovals:
    """Requests waiting for Lien: Bert, Chloé and An, then more of them on later days."""
    social = _team(org, "sociale-dienst")
    people = [
        (BERT.key, BERT.name, DayPart.FULL),
        ("29:1chloe-dubois", CHLOE.name, DayPart.MORNING),
        (AN.key, AN.name, DayPart.AFTERNOON),
    ]
    requests = []
    for i in range(count):
        key, name, part = people[i % len(people)]
        day = date(2026, 11, 30) + timedelta(days=(i // len(people)) % 5 + 7 * (i // 15))
        requests.append(PendingRequest(social, key or "", name, day, part))
    return PendingApprovals(tuple(requests))


def _reminder_cards(org: Organisation, language: str) -> dict[str, Callable[[], Element]]:
    social = _team(org, "sociale-dienst")
    tuesday = date(2026, 11, 24)
    monday = date(2026, 11, 30)
    desk_203 = Seat("hq/z2", "2.03")

    def reminder(kind: ReminderKind, content: Content, today: date = TODAY) -> Element:
        who = LIEN_PERSON if kind in MANAGER_KINDS else AN_PERSON
        recipient = Recipient(who.key, who.name, who.email, language)
        return reminder_card(org, Reminder(kind, recipient, today, content), today)

    member_kinds = [k for k in ReminderKind if k not in MANAGER_KINDS]
    mine = ReminderSettings().changed(
        ReminderKind.TELEWORK_MORNING, ReminderSetting(False, time(9, 0))
    )
    mine = mine.changed(ReminderKind.DAY_BEFORE, ReminderSetting(True, time(17, 30)))
    gaps = PermanenceGaps(
        (
            Gap(social, date(2026, 12, 1), DayPart.AFTERNOON, 1),
            Gap(social, date(2026, 12, 3), DayPart.FULL, 2),
            Gap(_team(org, "onthaal"), date(2026, 12, 3), DayPart.FULL, 1),
        )
    )
    home = {"am": HomeStatus.HOME, "pm": HomeStatus.HOME}
    return {
        "reminder-week-plan": lambda: reminder(ReminderKind.WEEK_PLAN, reminder_week(org)),
        "reminder-week-plan-christmas": lambda: reminder(
            ReminderKind.WEEK_PLAN, reminder_christmas_week(org), date(2026, 12, 17)
        ),
        "reminder-day-before-desk": lambda: reminder(
            ReminderKind.DAY_BEFORE,
            DayBefore(_plan(tuesday, seats={"am": desk_203, "pm": desk_203})),
        ),
        "reminder-day-before-home": lambda: reminder(
            ReminderKind.DAY_BEFORE, DayBefore(_plan(tuesday, home=home))
        ),
        "reminder-day-before-half-days": lambda: reminder(
            ReminderKind.DAY_BEFORE,
            DayBefore(_plan(tuesday, seats={"am": desk_203}, home={"pm": HomeStatus.REQUESTED})),
        ),
        "reminder-day-before-monday": lambda: reminder(
            ReminderKind.DAY_BEFORE,
            DayBefore(_plan(monday, seats={"pm": desk_203})),
            FRIDAY,
        ),
        "reminder-telework-morning": lambda: reminder(
            ReminderKind.TELEWORK_MORNING, TeleworkMorning(TODAY)
        ),
        "reminder-duty": lambda: reminder(ReminderKind.DUTY, Duty(tuesday, (social,))),
        "reminder-duty-two-teams": lambda: reminder(
            ReminderKind.DUTY, Duty(monday, (social, _team(org, "onthaal"))), FRIDAY
        ),
        "reminder-permanence-gaps": lambda: reminder(ReminderKind.PERMANENCE_GAPS, gaps, FRIDAY),
        "reminder-pending-approvals": lambda: reminder(
            ReminderKind.PENDING_APPROVALS, reminder_requests(org, 3)
        ),
        "reminder-pending-approvals-many": lambda: reminder(
            ReminderKind.PENDING_APPROVALS, reminder_requests(org, 13)
        ),
        "reminder-settings": lambda: reminder_settings_card(mine, member_kinds, language),
        "reminder-settings-manager": lambda: reminder_settings_card(
            ReminderSettings(), list(ReminderKind), language
        ),
        "reminder-settings-saved": lambda: reminder_settings_card(
            mine, member_kinds, language, note=t(language, "reminders.saved")
        ),
    }


def my_data_sample() -> StoredData:
    """An Peeters' data: October and November, desks and telework, a duty, follows."""
    z1, z2 = Seat("hq/z1", "1.05"), Seat("hq/z2", "2.03")
    home, asked = HomeStatus.HOME, HomeStatus.REQUESTED
    plans = [
        _plan(date(2026, 10, 5), seats={"am": z1, "pm": z1}),
        _plan(date(2026, 10, 6), home={"am": home, "pm": home}),
        _plan(date(2026, 10, 8), seats={"am": z2, "pm": z2}),
        _plan(date(2026, 11, 16), home={"am": home, "pm": home}),
        _plan(date(2026, 11, 19), seats={"am": z1}, home={"pm": home}),
        _plan(THURSDAY, seats={"am": z1, "pm": z1}),
        _plan(FRIDAY, home={"am": home, "pm": home}),
        _plan(date(2026, 12, 2), home={"am": asked, "pm": asked}),
    ]
    return StoredData(
        key=AN_PERSON.key,
        name=AN_PERSON.name,
        email=AN_PERSON.email,
        locale="nl-BE",
        conversation={"conversation": {"id": "a:personal-chat"}},
        visibility="team",
        days=tuple(plans),
        duty=(DutyDay(date(2026, 11, 24), "sociale-dienst"),),
        following=(
            FollowEntry("bert@example.org", "Bert Claes", "accepted"),
            FollowEntry("chloe@example.org", "Chloé Dubois", "pending"),
        ),
        followers=(FollowEntry("lien@example.org", "Lien Janssens", "accepted"),),
        reminder_settings=ReminderSettings().changed(
            ReminderKind.TELEWORK_MORNING, ReminderSetting(False, time(9, 0))
        ),
        reminders_sent=(ReminderSent(date(2026, 11, 19), "week_plan", "sent"),),
        places=("profile", "directory", "reach", "days"),
    )


def _my_data_cards(org: Organisation, language: str) -> dict[str, Callable[[], Element]]:
    member_kinds = [k for k in ReminderKind if k not in MANAGER_KINDS]
    link = "https://werkplek.example.org/api/mydata/sample-token"
    newcomer = StoredData(key=AN_PERSON.key, name=AN_PERSON.name, email=AN_PERSON.email)
    kept = [
        TeleworkDay(date(2026, 10, 6), DayPart.FULL, HomeStatus.HOME),
        TeleworkDay(date(2026, 11, 16), DayPart.FULL, HomeStatus.HOME),
        TeleworkDay(date(2026, 11, 19), DayPart.AFTERNOON, HomeStatus.HOME),
    ]
    erased = ErasureReport(
        released=1, taken_back=2, duty_removed=1, past_erased=2, kept=kept, anonymised=3
    )
    months = DEFAULT_RETENTION_MONTHS
    return {
        "my-data": lambda: my_data_card(
            org, my_data_sample(), language, TODAY, member_kinds, link, LINK_MINUTES
        ),
        "my-data-newcomer": lambda: my_data_card(
            org, newcomer, language, TODAY, member_kinds, link, LINK_MINUTES
        ),
        "my-data-delete": lambda: delete_confirm_card(language, "sample-token", months),
        "my-data-deleted": lambda: erased_card(erased, language, TODAY, months),
        "my-data-deleted-nothing-kept": lambda: erased_card(
            ErasureReport(released=1, user_rows=5), language, TODAY, months
        ),
        "my-data-deleted-again": lambda: erased_card(ErasureReport(), language, TODAY, months),
    }


def _cards(org: Organisation, language: str) -> dict[str, Element]:
    days = _zone_days(org)
    mine = Booking(THURSDAY, DayPart.FULL, Seat("hq/z1", "1.05"))
    with_mine = {
        **days,
        "hq/z1": days["hq/z1"].with_seat(mine.seat.desk_id, mine.part.halves, "an@example.org"),
    }
    free = _free_seats(org, with_mine, exclude=mine.seat)
    moved_note = t(language, "booked.moved", desk="2.02", zone=_zone_name(org, "hq/z2"))
    z1 = "hq/z1"
    coming = [
        mine,
        Booking(FRIDAY, DayPart.MORNING, Seat("hq/z2", "2.04")),
        Booking(date(2026, 12, 1), DayPart.AFTERNOON, Seat("ds/open", "W1")),
        Booking(date(2026, 12, 3), DayPart.FULL, Seat("hq/z1", "1.07")),
    ]
    every_zone_full = t(
        language, "refused.all_full", zone="", desk="", date=format_day(FRIDAY, language, TODAY)
    )
    neighbour = t(
        language,
        "refused.neighbour_taken",
        zone="",
        desk="2.04",
        date=format_day(THURSDAY, language, TODAY),
    )
    builders: dict[str, Callable[[], Element]] = {
        "booking-confirmed": lambda: booking_card(org, mine, language, TODAY, free),
        "booking-confirmed-last-desk": lambda: booking_card(org, mine, language, TODAY),
        "booking-moved": lambda: booking_card(org, mine, language, TODAY, free, note=moved_note),
        "booking-already": lambda: booking_card(
            org, mine, language, TODAY, free, heading=t(language, "booked.already")
        ),
        "bookings": lambda: bookings_card(org, coming, language, TODAY),
        "bookings-which-to-cancel": lambda: bookings_card(
            org, coming[:2], language, TODAY, heading=t(language, "list.which")
        ),
        "bookings-empty": lambda: bookings_card(org, [], language, TODAY),
        "booking-form": lambda: booking_form_card(org, language, TODAY, TODAY),
        "booking-form-again": lambda: booking_form_card(
            org, language, TODAY, TODAY, note=t(language, "form.date_error")
        ),
        "refused-zone-full": lambda: _zone_full(org, language, days),
        "refused-desk-next-to-a-taken-one": lambda: suggestions_card(
            language,
            neighbour,
            [
                (
                    t(
                        language,
                        "suggestion.button",
                        zone=_zone_name(org, z1),
                        date=format_day(THURSDAY, language, TODAY),
                        places=days[z1].free_places(DayPart.FULL.halves),
                    ),
                    {"date": THURSDAY.isoformat(), "part": DayPart.FULL.value, "zone": z1},
                )
            ],
        ),
        "refused-everything-full": lambda: suggestions_card(language, every_zone_full, []),
        "help": lambda: help_card(language),
        "help-not-understood": lambda: help_card(language, lead=t(language, "help.not_understood")),
        "welcome": lambda: help_card(
            language, heading=t(language, "welcome.title_named", name=USER_FIRST_NAME)
        ),
        **_telework_cards(org, language),
        **_presence_cards(org, language),
        **_reminder_cards(org, language),
        **_my_data_cards(org, language),
    }
    return {name: build() for name, build in builders.items()}


def gallery(org: Organisation | None = None) -> dict[str, Element]:
    """Every card, named "<card>.<language>", e.g. "booking-confirmed.nl"."""
    org = org or load_organisation(config.DEMO_ORGANISATION)
    cards: dict[str, Element] = {}
    for language in LANGUAGES:
        for name, card in _cards(org, language).items():
            cards[f"{name}.{language}"] = card
    return dict(sorted(cards.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m cards.gallery", description=__doc__)
    parser.add_argument("--write", metavar="PATH", type=Path, required=True)
    args = parser.parse_args(argv)
    args.write.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(gallery(), ensure_ascii=False, indent=2)
    args.write.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
