"""Who is where: colleagues' days, filtered by what each person chose to share (GDPR).

Whereabouts are personal data. By default a person's office/home days are seen by
their own team and by colleagues whose follow request they accepted; each person may
widen that to everyone or narrow it to nobody. Every view goes through `may_see`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from werkplek.booking import HALVES, Person, PersonDay, Seat, ZoneDay
from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation, Team
from werkplek.telework import HomeStatus, TeamDay


class Visibility(StrEnum):
    TEAM = "team"  # the default: own team(s) and accepted followers
    EVERYONE = "everyone"
    NOBODY = "nobody"


class Where(StrEnum):
    OFFICE = "office"
    HOME = "home"
    REQUESTED = "requested"  # asked to work from home, waiting for the manager
    UNKNOWN = "unknown"  # nothing planned


@dataclass(frozen=True)
class Colleague:
    """Someone the bot knows: from the organisation file and/or from talking to it."""

    name: str
    email: str | None = None
    key: str | None = None  # set once they talked to the bot


@dataclass(frozen=True)
class Sharing:
    """What the viewer may see: others' choices and the viewer's accepted follows."""

    visibility: dict[str, Visibility]  # by e-mail; absent = TEAM
    follows: frozenset[str]  # e-mails the viewer follows with their consent


@dataclass(frozen=True)
class HalfPlan:
    where: Where
    seat: Seat | None = None


@dataclass(frozen=True)
class ColleagueDay:
    colleague: Colleague
    day: date
    morning: HalfPlan
    afternoon: HalfPlan
    on_duty: bool = False

    @property
    def whole_day(self) -> HalfPlan | None:
        """The plan when both halves are the same, else None."""
        return self.morning if self.morning == self.afternoon else None

    @property
    def planned(self) -> bool:
        return Where.UNKNOWN is not self.morning.where or Where.UNKNOWN is not self.afternoon.where


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def may_see(org: Organisation, viewer: str | None, target: str | None, sharing: Sharing) -> bool:
    """May `viewer` see where `target` is (both work e-mails)? The one privacy rule."""
    if not target:
        return False
    if viewer and viewer.casefold() == target.casefold():
        return True
    choice = sharing.visibility.get(target.casefold(), Visibility.TEAM)
    if choice is Visibility.NOBODY:
        return False
    if choice is Visibility.EVERYONE:
        return True
    same_team = set(org.teams_of(viewer)) & set(org.teams_of(target))
    return bool(same_team) or target.casefold() in sharing.follows


def half_plan(person: PersonDay | None, half: DayPart) -> HalfPlan:
    if person is None:
        return HalfPlan(Where.UNKNOWN)
    if half in person.seats:
        return HalfPlan(Where.OFFICE, person.seats[half])
    status = person.home.get(half)
    if status == HomeStatus.HOME:
        return HalfPlan(Where.HOME)
    if status == HomeStatus.REQUESTED:
        return HalfPlan(Where.REQUESTED)
    return HalfPlan(Where.UNKNOWN)


def colleague_day(
    colleague: Colleague, day: date, person: PersonDay | None, on_duty: bool = False
) -> ColleagueDay:
    morning, afternoon = (half_plan(person, h) for h in HALVES)
    return ColleagueDay(colleague, day, morning, afternoon, on_duty)


@dataclass(frozen=True)
class TeamToday:
    team: Team
    office: tuple[ColleagueDay, ...]
    home: tuple[ColleagueDay, ...]
    on_duty: tuple[ColleagueDay, ...]
    unplanned: tuple[Colleague, ...]
    not_shared: tuple[Colleague, ...]


@dataclass(frozen=True)
class DayView:
    day: date
    in_office: tuple[ColleagueDay, ...]  # visible colleagues with a desk, by zone and desk
    teams: tuple[TeamToday, ...]  # the viewer's own teams
    followed: tuple[ColleagueDay, ...]  # followed colleagues outside the viewer's teams


class Directory:
    """Everyone the bot can name: the organisation file's people and those who talked to it."""

    def __init__(self, org: Organisation, known: list[Colleague]) -> None:
        by_email: dict[str, Colleague] = {}
        for person in org.people:
            by_email[person.email] = Colleague(person.name or person.email, person.email)
        for team in org.teams:
            for email in (*team.members, *team.managers):
                by_email.setdefault(email, Colleague(org.display_name(email) or email, email))
        extra: list[Colleague] = []
        for colleague in known:
            email = colleague.email.casefold() if colleague.email else None
            if email and email in by_email:
                listed = by_email[email]
                by_email[email] = Colleague(listed.name, email, colleague.key)
            elif email:
                by_email[email] = Colleague(colleague.name or email, email, colleague.key)
            else:
                extra.append(colleague)
        self.by_email = by_email
        self.everyone = [*by_email.values(), *extra]

    def colleague(self, email: str | None, fallback_name: str = "") -> Colleague:
        if email and email.casefold() in self.by_email:
            return self.by_email[email.casefold()]
        return Colleague(fallback_name or (email or "?"), email)

    def find(self, name: str) -> list[Colleague]:
        """People whose full name, first name or e-mail name is `name` (case, accents ignored)."""
        wanted = fold(name)
        if not wanted:
            return []
        exact = [c for c in self.everyone if fold(c.name) == wanted]
        if exact:
            return exact
        return [
            c
            for c in self.everyone
            if fold(c.name).split(" ")[0] == wanted
            or (c.email and fold(c.email.split("@")[0]) == wanted)
        ]


def away_days(day: date, teams: dict[str, TeamDay], known: set[str | None]) -> list[PersonDay]:
    """The home (or asked-for) half days of everyone in the team rows who is not in
    `known`: a day view reads the people with a desk and the team rows, not every row."""
    home: dict[str, dict[DayPart, str]] = {}
    for team_day in teams.values():
        for half in HALVES:
            for email, status in team_day.away_in(half).items():
                home.setdefault(email, {})[half] = str(status)
    return [
        PersonDay(Person("", "", email), day, {}, halves)
        for email, halves in sorted(home.items())
        if email not in known
    ]


def day_view(
    org: Organisation,
    directory: Directory,
    viewer_email: str | None,
    day: date,
    people: list[PersonDay],
    teams: dict[str, TeamDay],
    sharing: Sharing,
    zone_key: str | None = None,
) -> DayView:
    """Who is in the office on `day`, and for the viewer's teams who is home, on duty, unplanned."""
    by_email = {p.person.email.casefold(): p for p in people if p.person.email}
    duty = {e for t in teams.values() for e in t.duty}

    def seen(email: str | None) -> bool:
        return may_see(org, viewer_email, email, sharing)

    in_office = []
    for person in people:
        email = person.person.email
        if not person.seats or not seen(email):
            continue
        if zone_key and all(s.zone_key != zone_key for s in person.seats.values()):
            continue
        colleague = directory.colleague(email, person.person.name)
        in_office.append(colleague_day(colleague, day, person, bool(email and email in duty)))
    in_office.sort(key=lambda c: _seat_order(org, c))

    own = []
    for team in org.teams_of(viewer_email):
        office, home, on_duty, unplanned, hidden = [], [], [], [], []
        team_day = teams.get(team.id)
        for email in team.members:
            colleague = directory.colleague(email)
            if not seen(email):
                hidden.append(colleague)
                continue
            person = by_email.get(email)
            entry = colleague_day(colleague, day, person, bool(team_day and email in team_day.duty))
            if entry.on_duty:
                on_duty.append(entry)
            if person is None or person.is_empty:
                if not entry.on_duty:
                    unplanned.append(colleague)
            elif person.seats:
                office.append(entry)
            if person is not None and person.home:
                home.append(entry)
        own.append(
            TeamToday(
                team, tuple(office), tuple(home), tuple(on_duty), tuple(unplanned), tuple(hidden)
            )
        )

    team_mates = {e for t in org.teams_of(viewer_email) for e in t.members}
    followed = [
        colleague_day(directory.colleague(email), day, by_email.get(email))
        for email in sorted(sharing.follows)
        if email not in team_mates and seen(email)
    ]
    return DayView(day, tuple(in_office), tuple(own), tuple(followed))


def _seat_order(org: Organisation, entry: ColleagueDay) -> tuple[int, int, str]:
    seat = entry.morning.seat or entry.afternoon.seat
    zones = [z.key for z in org.zones]
    if seat is None or seat.zone_key not in zones:
        return (len(zones), 0, entry.colleague.name)
    zone = org.zones[zones.index(seat.zone_key)]
    desks = [d.id for d in zone.desks]
    position = desks.index(seat.desk_id) if seat.desk_id in desks else len(desks)
    return (zones.index(seat.zone_key), position, entry.colleague.name)


@dataclass(frozen=True)
class WeekRow:
    colleague: Colleague
    days: tuple[ColleagueDay, ...] | None  # None: this colleague does not share their plans


@dataclass(frozen=True)
class TeamWeek:
    team: Team
    monday: date
    days: tuple[date, ...]
    rows: tuple[WeekRow, ...]


def team_week(
    org: Organisation,
    directory: Directory,
    viewer_email: str | None,
    team: Team,
    days: list[date],
    people: dict[date, list[PersonDay]],
    teams: dict[date, dict[str, TeamDay]],
    sharing: Sharing,
) -> TeamWeek:
    """The team's Monday–Friday grid: office, home, half days, duty, nothing planned."""
    rows = []
    for email in team.members:
        colleague = directory.colleague(email)
        if not may_see(org, viewer_email, email, sharing):
            rows.append(WeekRow(colleague, None))
            continue
        entries = []
        for day in days:
            person = next(
                (p for p in people.get(day, []) if (p.person.email or "").casefold() == email),
                None,
            )
            team_day = teams.get(day, {}).get(team.id)
            entries.append(
                colleague_day(colleague, day, person, bool(team_day and email in team_day.duty))
            )
        rows.append(WeekRow(colleague, tuple(entries)))
    return TeamWeek(team, days[0], tuple(days), tuple(rows))


def desk_next_to(zone_day: ZoneDay, desk_id: str, halves: tuple[DayPart, ...]) -> str | None:
    """The free desk closest (in the zone's order) to `desk_id` that the rules allow."""
    desks = [d.id for d in zone_day.zone.desks]
    if desk_id not in desks:
        return None
    here = desks.index(desk_id)
    free = zone_day.free_desks(halves)
    return min(free, key=lambda d: (abs(desks.index(d) - here), desks.index(d)), default=None)
