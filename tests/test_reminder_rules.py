"""Reminder rules alone: settings, the calendar of reminders, DST, and what each one says."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

import config
from werkplek.booking import Person, PersonDay, Seat
from werkplek.dayparts import DayPart
from werkplek.organisation import load_organisation, parse_organisation
from werkplek.reminders import (
    DEFAULT_SETTING,
    MANAGER_KINDS,
    DayBefore,
    Duty,
    Gap,
    InvalidTime,
    PendingApprovals,
    PendingRequest,
    PermanenceGaps,
    PlannedDay,
    Recipient,
    ReminderKind,
    ReminderSetting,
    ReminderSettings,
    TeleworkMorning,
    day_before,
    duty,
    goes_out_on,
    may_receive,
    next_week,
    parse_time,
    pending_approvals,
    permanence_gaps,
    slot,
    subject_day,
    telework_morning,
    week_plan,
)
from werkplek.telework import HomeStatus, TeamDay

AM, PM, FULL = DayPart.MORNING, DayPart.AFTERNOON, DayPart.FULL
HOME, REQUESTED = HomeStatus.HOME, HomeStatus.REQUESTED
K = ReminderKind
BRUSSELS = ZoneInfo("Europe/Brussels")

ORG = parse_organisation(
    {
        "organisation": {"name": "Test", "timezone": "Europe/Brussels"},
        "sites": [{"id": "hq", "zones": [{"id": "a", "capacity": 4, "desks": [{"id": "1"}]}]}],
        "teams": [
            {
                "id": "t",
                "name": "Team T",
                "managers": ["boss@x.org"],
                "members": ["an@x.org", "bert@x.org", "chloe@x.org", "boss@x.org"],
                "min_on_site": 2,
            },
            {
                "id": "u",
                "name": "Team U",
                "managers": ["ursula@x.org"],
                "members": ["dan@x.org", "eve@x.org"],
                "min_on_site": 2,
            },
        ],
        "people": [
            {"email": "an@x.org", "name": "An Peeters"},
            {"email": "chloe@x.org", "name": "Chloé Dubois"},
            {"email": "desk@x.org", "name": "Desk", "telework": False},
        ],
        "admins": ["it@x.org"],
    }
)
T, U = ORG.teams


def recipient(email: str | None, key: str | None = None) -> Recipient:
    return Recipient(key or f"k-{email}", email or "nobody", email, "en")


def person_day(email: str | None, day: date, *, seat: tuple[DayPart, ...] = (), **home):
    seats = {h: Seat("hq/a", "1") for h in seat}
    return PersonDay(
        Person(f"k-{email}", (email or "x").split("@")[0].title(), email),
        day,
        seats,
        {DayPart(k): v.value for k, v in home.items()},
    )


def team_day(team, am=(), pm=(), duty=()) -> TeamDay:
    return TeamDay(
        team,
        {AM: dict.fromkeys(am, HOME), PM: dict.fromkeys(pm, HOME)},
        frozenset(duty),
    )


# --- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "at"),
    [
        (K.WEEK_PLAN, time(14, 0)),
        (K.DAY_BEFORE, time(16, 0)),
        (K.TELEWORK_MORNING, time(9, 0)),
        (K.DUTY, time(16, 0)),
        (K.PERMANENCE_GAPS, time(10, 0)),
        (K.PENDING_APPROVALS, time(9, 0)),
    ],
)
def test_a_user_who_never_chose_gets_every_reminder_at_its_default_time(kind, at):
    assert ReminderSettings().of(kind) == ReminderSetting(True, at)
    assert DEFAULT_SETTING[kind] == ReminderSetting(True, at)


def test_the_weekly_plan_is_due_on_thursday_and_permanence_gaps_on_friday():
    # 26 Nov 2026 is a Thursday, 27 Nov a Friday: each weekly kind goes out once that week.
    week = [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]
    assert [d for d in week if goes_out_on(K.WEEK_PLAN, d)] == [date(2026, 11, 26)]
    assert [d for d in week if goes_out_on(K.PERMANENCE_GAPS, d)] == [date(2026, 11, 27)]


def test_settings_survive_a_round_trip_through_storage():
    settings = (
        ReminderSettings()
        .changed(K.DAY_BEFORE, ReminderSetting(False, time(17, 30)))
        .changed(K.WEEK_PLAN, ReminderSetting(True, time(8, 5)))
    )
    stored = settings.serialize()
    assert stored == {"day_before": "off 17:30", "week_plan": "on 08:05"}
    assert ReminderSettings.parse(stored) == settings
    assert ReminderSettings.parse(ReminderSettings().serialize()) == ReminderSettings()


def test_all_off_and_back_on_keeps_every_chosen_time():
    settings = ReminderSettings().changed(K.DUTY, ReminderSetting(True, time(15, 15)))
    off = settings.all(False)
    assert not off.any_enabled
    assert off.of(K.DUTY) == ReminderSetting(False, time(15, 15))
    assert off.of(K.WEEK_PLAN) == ReminderSetting(False, time(14, 0))
    on = off.all(True)
    assert on.any_enabled
    assert {k: on.of(k).at for k in K} == {k: settings.of(k).at for k in K}
    assert ReminderSettings.parse(off.serialize()) == off


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("on 14:00", ReminderSetting(True, time(14, 0))),
        ("off 07:30", ReminderSetting(False, time(7, 30))),
        ("on 9:05", ReminderSetting(True, time(9, 5))),
        ("maybe 14:00", None),  # None: the default
        ("ON 14:00", None),
        ("on 25:00", None),
        ("on 14h", None),
        ("on", None),
        ("14:00", None),
        ("", None),
        (None, None),
        (1400, None),
    ],
)
def test_an_unreadable_stored_setting_falls_back_to_the_default(stored, expected):
    parsed = ReminderSettings.parse({"day_before": stored, "coffee": "on 10:00"})
    assert parsed.of(K.DAY_BEFORE) == (expected or DEFAULT_SETTING[K.DAY_BEFORE])
    assert all(parsed.of(k) == DEFAULT_SETTING[k] for k in K if k is not K.DAY_BEFORE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:05", time(9, 5)),
        ("09:05", time(9, 5)),
        ("14:00:00", time(14, 0)),
        (" 14:00 ", time(14, 0)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_a_time_is_read_as_hours_and_minutes(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "14h", "", "abc", "14:60", "14:5", "14:00:30", "-1:00"])
def test_a_time_that_is_not_hours_and_minutes_is_refused(text):
    with pytest.raises(InvalidTime):
        parse_time(text)


# --- the calendar of reminders ---------------------------------------------------------------

DAILY = [k for k in K if k not in (K.WEEK_PLAN, K.PERMANENCE_GAPS)]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 23), True),  # Monday
        (date(2026, 11, 27), True),  # Friday
        (date(2026, 11, 28), False),  # Saturday
        (date(2026, 11, 29), False),  # Sunday
        (date(2026, 12, 25), False),  # Christmas
        (date(2026, 11, 11), False),  # Armistice
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 5, 14), False),  # Ascension
    ],
)
@pytest.mark.parametrize("kind", DAILY)
def test_daily_reminders_go_out_on_working_days_only(kind, day, expected):
    assert goes_out_on(kind, day) is expected


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        (K.WEEK_PLAN, date(2026, 11, 26), True),  # an ordinary Thursday
        (K.WEEK_PLAN, date(2026, 11, 25), False),
        (K.WEEK_PLAN, date(2026, 11, 27), False),
        (K.WEEK_PLAN, date(2026, 5, 14), False),  # Ascension Thursday...
        (K.WEEK_PLAN, date(2026, 5, 13), True),  # ...so Wednesday
        (K.WEEK_PLAN, date(2026, 5, 6), False),  # an ordinary Wednesday
        (K.WEEK_PLAN, date(2027, 5, 5), True),  # Ascension 2027 is Thursday 6 May
        (K.WEEK_PLAN, date(2027, 11, 10), True),  # Armistice 2027 is a Thursday
        (K.PERMANENCE_GAPS, date(2026, 11, 27), True),  # an ordinary Friday
        (K.PERMANENCE_GAPS, date(2026, 11, 26), False),
        (K.PERMANENCE_GAPS, date(2026, 5, 1), False),  # Labour Day Friday...
        (K.PERMANENCE_GAPS, date(2026, 4, 30), True),  # ...so Thursday
        (K.PERMANENCE_GAPS, date(2026, 12, 25), False),  # Christmas Friday...
        (K.PERMANENCE_GAPS, date(2026, 12, 24), True),  # ...so Thursday
        (K.PERMANENCE_GAPS, date(2026, 12, 31), True),  # New Year 2027 is a Friday
    ],
)
def test_a_weekly_reminder_moves_to_the_working_day_before_a_holiday(kind, day, expected):
    assert goes_out_on(kind, day) is expected


@pytest.mark.parametrize("kind", [K.WEEK_PLAN, K.PERMANENCE_GAPS])
def test_a_weekly_reminder_goes_out_exactly_once_every_week_of_two_years(kind):
    monday = date(2026, 1, 5)
    while monday.year < 2028:
        week = [monday + timedelta(days=i) for i in range(7)]
        assert sum(goes_out_on(kind, d) for d in week) == 1, monday
        monday += timedelta(days=7)


@pytest.mark.parametrize(
    ("kind", "sent", "about"),
    [
        (K.DAY_BEFORE, date(2026, 11, 23), date(2026, 11, 24)),
        (K.DAY_BEFORE, date(2026, 11, 27), date(2026, 11, 30)),  # Friday: about Monday
        (K.DUTY, date(2026, 11, 27), date(2026, 11, 30)),
        (K.DAY_BEFORE, date(2026, 12, 24), date(2026, 12, 28)),  # Christmas Friday
        (K.DUTY, date(2026, 12, 24), date(2026, 12, 28)),
        (K.DUTY, date(2026, 11, 10), date(2026, 11, 12)),  # Armistice Wednesday
        (K.DAY_BEFORE, date(2026, 5, 13), date(2026, 5, 15)),  # Ascension Thursday
        (K.TELEWORK_MORNING, date(2026, 11, 27), date(2026, 11, 27)),
        (K.PENDING_APPROVALS, date(2026, 11, 27), date(2026, 11, 27)),
        (K.WEEK_PLAN, date(2026, 11, 26), date(2026, 11, 26)),
        (K.PERMANENCE_GAPS, date(2026, 11, 27), date(2026, 11, 27)),
    ],
)
def test_a_reminder_is_about_the_next_working_day_or_the_same_day(kind, sent, about):
    assert subject_day(kind, sent) == about


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 26), date(2026, 11, 30)),  # Thursday
        (date(2026, 11, 23), date(2026, 11, 30)),  # Monday
        (date(2026, 11, 29), date(2026, 11, 30)),  # Sunday still belongs to its week
        (date(2026, 5, 13), date(2026, 5, 18)),
        (date(2026, 12, 24), date(2026, 12, 28)),  # next week runs into 2027
    ],
)
def test_next_week_is_monday_to_friday_of_the_following_week(day, monday):
    assert next_week(day) == [monday + timedelta(days=i) for i in range(5)]


@pytest.mark.parametrize(
    ("day", "at", "utc"),
    [
        (date(2026, 3, 27), time(16, 0), datetime(2026, 3, 27, 15, 0, tzinfo=UTC)),  # winter
        (date(2026, 3, 30), time(16, 0), datetime(2026, 3, 30, 14, 0, tzinfo=UTC)),  # summer
        (date(2026, 3, 26), time(14, 0), datetime(2026, 3, 26, 13, 0, tzinfo=UTC)),
        (date(2026, 4, 2), time(14, 0), datetime(2026, 4, 2, 12, 0, tzinfo=UTC)),
        (date(2026, 10, 23), time(16, 0), datetime(2026, 10, 23, 14, 0, tzinfo=UTC)),  # summer
        (date(2026, 10, 26), time(16, 0), datetime(2026, 10, 26, 15, 0, tzinfo=UTC)),  # winter
        (date(2026, 10, 26), time(9, 0), datetime(2026, 10, 26, 8, 0, tzinfo=UTC)),
    ],
)
def test_a_slot_keeps_the_wall_clock_time_across_a_dst_change(day, at, utc):
    instant = slot(day, at, BRUSSELS)
    assert instant == utc
    assert instant.astimezone(BRUSSELS).time() == at
    assert instant.astimezone(BRUSSELS).date() == day
    # The run compares slots with "now": due from that instant on, not a minute before.
    assert slot(day, at, BRUSSELS) <= utc
    assert not slot(day, at, BRUSSELS) <= utc - timedelta(minutes=1)


# --- who may receive what ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "email", "expected"),
    [
        (K.WEEK_PLAN, "an@x.org", True),
        (K.DAY_BEFORE, None, True),
        (K.DUTY, "desk@x.org", True),
        (K.TELEWORK_MORNING, "an@x.org", True),
        (K.TELEWORK_MORNING, "desk@x.org", False),  # telework: false
        (K.TELEWORK_MORNING, "DESK@X.org", False),
        (K.PERMANENCE_GAPS, "an@x.org", False),
        (K.PENDING_APPROVALS, "an@x.org", False),
        (K.PERMANENCE_GAPS, None, False),
        (K.PERMANENCE_GAPS, "boss@x.org", True),
        (K.PENDING_APPROVALS, "Boss@X.org", True),
        (K.PERMANENCE_GAPS, "it@x.org", True),  # admins manage every team
        (K.PENDING_APPROVALS, "it@x.org", True),
    ],
)
def test_manager_reminders_go_to_managers_and_telework_ones_to_who_may_telework(
    kind, email, expected
):
    assert may_receive(ORG, kind, email) is expected


def test_in_the_demo_organisation_only_lien_and_the_admin_get_manager_reminders():
    demo = load_organisation(config.DEMO_ORGANISATION)
    everyone = [
        "an@example.org",
        "bert@example.org",
        "chloe@example.org",
        "lien@example.org",
        "balie@example.org",
        "it@example.org",
    ]
    for kind in MANAGER_KINDS:
        receivers = [e for e in everyone if may_receive(demo, kind, e)]
        assert receivers == ["lien@example.org", "it@example.org"]
    assert not may_receive(demo, K.TELEWORK_MORNING, "balie@example.org")


# --- what each reminder says ----------------------------------------------------------------

# Monday 9 to Friday 13 November 2026; Wednesday 11 is Armistice Day.
WEEK = next_week(date(2026, 11, 5))
MON, TUE, WED, THU, FRI = WEEK
THREE_AWAY = ("bert@x.org", "chloe@x.org", "boss@x.org")  # team T: 1 short of its 2 on site
TEAMS = {
    MON: {"u": team_day(U, am=["dan@x.org"], pm=["dan@x.org"])},
    TUE: {"t": team_day(T, am=THREE_AWAY, pm=THREE_AWAY)},
    WED: {"t": team_day(T, am=[*THREE_AWAY, "an@x.org"], pm=[*THREE_AWAY, "an@x.org"])},
    THU: {"t": team_day(T, am=THREE_AWAY, pm=[*THREE_AWAY, "an@x.org"])},
    FRI: {"t": team_day(T, am=THREE_AWAY), "u": team_day(U, pm=["eve@x.org"])},
}


def test_the_week_plan_shows_each_day_with_the_plan_holiday_and_own_teams_gaps():
    office = person_day("an@x.org", MON, seat=(AM, PM))
    home = person_day("an@x.org", TUE, am=HOME, pm=HOME)
    plans = {MON: {office.person.key: office}, TUE: {home.person.key: home}}
    result = week_plan(ORG, recipient("an@x.org"), WEEK, plans, TEAMS)
    assert result.days == (
        PlannedDay(MON, office),  # team U's gap is not An's business
        PlannedDay(TUE, home, gaps=(Gap(T, TUE, FULL, 1),)),
        PlannedDay(WED, None, holiday="Armistice Day"),  # no gaps on a holiday
        PlannedDay(THU, None, gaps=(Gap(T, THU, AM, 1), Gap(T, THU, PM, 2))),
        PlannedDay(FRI, None, gaps=(Gap(T, FRI, AM, 1),)),
    )


def test_the_week_plan_of_someone_in_no_team_shows_no_gaps():
    result = week_plan(ORG, recipient("it@x.org"), WEEK, {}, TEAMS)
    assert [d.day for d in result.days] == WEEK
    assert all(d.plan is None and d.gaps == () for d in result.days)


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        (None, None),
        (person_day("an@x.org", TUE), None),  # a row with nothing in it
        (person_day("an@x.org", TUE, seat=(AM,)), "plan"),
        (person_day("an@x.org", TUE, pm=HOME), "plan"),
    ],
)
def test_the_day_before_reminder_needs_something_planned(plan, expected):
    assert day_before(plan) == (DayBefore(plan) if expected else None)


TODAY = date(2026, 11, 24)  # a Tuesday
EARLIER = [TODAY - timedelta(weeks=w) for w in range(1, 5)]


def habit(email, *statuses):
    """The 4 previous Tuesdays: "home", "am", "requested" or None (nothing)."""
    days = []
    for day, status in zip(EARLIER, statuses, strict=True):
        match status:
            case "home":
                days.append(person_day(email, day, am=HOME, pm=HOME))
            case "am":
                days.append(person_day(email, day, am=HOME, seat=(PM,)))
            case "requested":
                days.append(person_day(email, day, am=REQUESTED, pm=REQUESTED))
            case "office":
                days.append(person_day(email, day, seat=(AM, PM)))
            case _:
                days.append(None)
    return days


@pytest.mark.parametrize(
    ("email", "today", "earlier", "expected"),
    [
        ("an@x.org", None, habit("an@x.org", "home", "home", None, None), True),
        ("an@x.org", None, habit("an@x.org", None, "home", "office", "am"), True),  # half counts
        ("an@x.org", None, habit("an@x.org", "home", "office", None, None), False),  # once
        ("an@x.org", None, habit("an@x.org", "home", "requested", None, None), False),
        ("an@x.org", person_day("an@x.org", TODAY), habit("an@x.org", *["home"] * 4), True),
        (
            "an@x.org",
            person_day("an@x.org", TODAY, pm=HOME),
            habit("an@x.org", *["home"] * 4),
            False,
        ),
        (
            "an@x.org",
            person_day("an@x.org", TODAY, seat=(AM,)),
            habit("an@x.org", *["home"] * 4),
            False,
        ),
        ("desk@x.org", None, habit("desk@x.org", *["home"] * 4), False),  # telework: false
    ],
)
def test_the_telework_nudge_needs_a_usual_home_day_with_nothing_registered(
    email, today, earlier, expected
):
    result = telework_morning(ORG, recipient(email), TODAY, today, earlier)
    assert result == (TeleworkMorning(TODAY) if expected else None)


DUTIES = {"t": team_day(T, duty=["an@x.org", "bert@x.org"]), "u": team_day(U, duty=["an@x.org"])}


@pytest.mark.parametrize(
    ("email", "teams", "expected"),
    [
        ("an@x.org", DUTIES, (T, U)),
        ("AN@X.Org", DUTIES, (T, U)),  # e-mail case does not matter
        ("bert@x.org", DUTIES, (T,)),
        ("chloe@x.org", DUTIES, None),
        (None, DUTIES, None),
        ("an@x.org", {}, None),
    ],
)
def test_the_duty_reminder_lists_the_teams_where_one_is_on_duty(email, teams, expected):
    result = duty(recipient(email), THU, teams)
    assert result == (Duty(THU, expected) if expected else None)


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        (
            "boss@x.org",
            (
                Gap(T, TUE, FULL, 1),
                Gap(T, THU, AM, 1),
                Gap(T, THU, PM, 2),
                Gap(T, FRI, AM, 1),
            ),
        ),
        ("ursula@x.org", (Gap(U, MON, FULL, 1), Gap(U, FRI, PM, 1))),
        (
            "it@x.org",  # an admin manages every team
            (
                Gap(T, TUE, FULL, 1),
                Gap(T, THU, AM, 1),
                Gap(T, THU, PM, 2),
                Gap(T, FRI, AM, 1),
                Gap(U, MON, FULL, 1),
                Gap(U, FRI, PM, 1),
            ),
        ),
        ("an@x.org", None),  # a member, not a manager
    ],
)
def test_permanence_gaps_cover_the_managed_teams_on_working_days(email, expected):
    result = permanence_gaps(ORG, recipient(email), WEEK, TEAMS)
    assert result == (PermanenceGaps(expected) if expected else None)


def test_a_week_without_shortfall_has_no_permanence_reminder():
    assert permanence_gaps(ORG, recipient("boss@x.org"), WEEK, {}) is None


REQUESTS = [
    person_day("bert@x.org", THU, am=REQUESTED, pm=REQUESTED),
    person_day("chloe@x.org", TUE, am=REQUESTED, pm=HOME),
    person_day("boss@x.org", MON, am=REQUESTED, pm=REQUESTED),  # the manager's own
    person_day("dan@x.org", MON, pm=REQUESTED),  # team U
    person_day("an@x.org", TUE, pm=REQUESTED, seat=(AM,)),
    person_day("an@x.org", FRI, am=HOME, pm=HOME),  # nothing waiting
    person_day(None, MON, am=REQUESTED),  # unknown person
]


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        (
            "boss@x.org",
            [
                (T, "k-an@x.org", "An Peeters", TUE, PM),
                (T, "k-chloe@x.org", "Chloé Dubois", TUE, AM),
                (T, "k-bert@x.org", "Bert", THU, FULL),
            ],
        ),
        ("BOSS@x.org", 3),  # same three, whatever the case of the manager's e-mail
        ("ursula@x.org", [(U, "k-dan@x.org", "Dan", MON, PM)]),
        ("it@x.org", 5),  # the admin: every team's, the manager's own included
        ("an@x.org", None),
    ],
)
def test_pending_approvals_list_managed_requests_but_never_ones_own_by_day(email, expected):
    result = pending_approvals(ORG, recipient(email), REQUESTS)
    if expected is None:
        assert result is None
    elif isinstance(expected, int):
        assert len(result.requests) == expected
        assert [r.day for r in result.requests] == sorted(r.day for r in result.requests)
    else:
        assert result == PendingApprovals(tuple(PendingRequest(*r) for r in expected))


def test_an_admin_sees_every_teams_requests_sorted_by_day():
    result = pending_approvals(ORG, recipient("it@x.org"), REQUESTS)
    assert [(r.team.id, r.requester_key, r.day, r.part) for r in result.requests] == [
        ("t", "k-boss@x.org", MON, FULL),
        ("u", "k-dan@x.org", MON, PM),
        ("t", "k-an@x.org", TUE, PM),
        ("t", "k-chloe@x.org", TUE, AM),
        ("t", "k-bert@x.org", THU, FULL),
    ]
