"""Presence use cases: the day view, one person's day, the team week, follows and privacy.

Every answer about another person goes through presence.may_see; storage reads are
one query per day (plus the directory and the viewer's follows).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from werkplek.booking import Person, PersonDay
from werkplek.booking_service import BookingRepository
from werkplek.dayparts import DayPart
from werkplek.organisation import Organisation, Team
from werkplek.presence import (
    Colleague,
    ColleagueDay,
    DayView,
    Directory,
    Sharing,
    TeamWeek,
    Visibility,
    away_days,
    colleague_day,
    day_view,
    desk_next_to,
    may_see,
    team_week,
)
from werkplek.telework import TeamDay

FOLLOW_PENDING = "pending"
FOLLOW_ACCEPTED = "accepted"


class FollowAnswer(StrEnum):
    """What came of answering a follow request."""

    ANSWERED = "answered"
    NOT_YOURS = "not_yours"  # the request was sent to someone else: only they may answer
    STALE = "stale"  # nothing waits any more (answered, withdrawn, or never asked)


class PeopleRepository(Protocol):
    async def directory(self) -> list[dict[str, str]]: ...

    async def set_visibility(self, user_key: str, visibility: str) -> None: ...

    async def follows(self, user_key: str) -> dict[str, str]: ...

    async def set_follow(self, user_key: str, email: str, status: str | None) -> None: ...


class DayRepository(BookingRepository, Protocol):
    async def office_day(self, day: date) -> tuple[list[PersonDay], dict[str, TeamDay]]: ...

    async def whole_day(
        self, day: date
    ) -> tuple[list[PersonDay], dict[str, object], dict[str, TeamDay]]: ...

    async def teams_between(self, first: date, last: date) -> dict[date, dict[str, TeamDay]]: ...


@dataclass(frozen=True)
class PersonLookup:
    colleague: Colleague
    day: date
    shared: bool
    entry: ColleagueDay | None


@dataclass(frozen=True)
class FollowOutcome:
    colleague: Colleague
    status: str  # "accepted" (sees at once), "pending" (asked), "not_shared", "self"


@dataclass(frozen=True)
class NotYourTeam:
    """A team week asked for a team the viewer is neither in nor manages."""

    team_id: str


@dataclass(frozen=True)
class Near:
    """Where to book to sit next to a colleague, or why not."""

    zone_key: str | None
    desk_id: str | None
    reason: str | None = None  # "not_shared", "not_in_office", "no_free_desk"


class PresenceService:
    def __init__(self, org: Organisation, days: DayRepository, people: PeopleRepository) -> None:
        self.org = org
        self.days = days
        self.people = people
        # The directory built from the rows last read: a cached read hands back the same
        # list, and a site of 2,000 people need not be indexed again for every view.
        self._built: tuple[list[dict[str, str]], Directory, dict[str, Visibility]] | None = None

    def _directory(self, listed: list[dict[str, str]]) -> tuple[Directory, dict[str, Visibility]]:
        if self._built is not None and self._built[0] is listed:
            return self._built[1], self._built[2]
        known = [Colleague(r["name"], r["email"] or None, r["key"]) for r in listed]
        choices = {v.value: v for v in Visibility}
        visibility = {}
        for row in listed:
            if row["email"] and row["visibility"] in choices:
                visibility[row["email"].casefold()] = choices[row["visibility"]]
        directory = Directory(self.org, known)
        self._built = (listed, directory, visibility)
        return directory, visibility

    async def sharing(self, viewer: Person) -> tuple[Directory, Sharing]:
        listed, follows = await asyncio.gather(
            self.people.directory(), self.people.follows(viewer.key)
        )
        directory, visibility = self._directory(listed)
        accepted = frozenset(e for e, s in follows.items() if s == FOLLOW_ACCEPTED)
        return directory, Sharing(visibility, accepted)

    async def hidden_from(self, viewer: Person, emails: set[str]) -> frozenset[str]:
        """Which of `emails` do not share their whereabouts with `viewer`."""
        _, sharing = await self.sharing(viewer)
        return frozenset(e for e in emails if not may_see(self.org, viewer.email, e, sharing))

    async def visibility_of(self, viewer: Person) -> Visibility:
        _, sharing = await self.sharing(viewer)
        return sharing.visibility.get((viewer.email or "").casefold(), Visibility.TEAM)

    async def set_visibility(self, viewer: Person, visibility: Visibility) -> None:
        await self.people.set_visibility(viewer.key, visibility.value)

    async def day(self, viewer: Person, day: date, zone_key: str | None = None) -> DayView:
        (directory, sharing), (office, teams) = await asyncio.gather(
            self.sharing(viewer), self.days.office_day(day)
        )
        people = office + away_days(day, teams, {p.person.email for p in office})
        return day_view(self.org, directory, viewer.email, day, people, teams, sharing, zone_key)

    async def where(self, viewer: Person, colleague: Colleague, day: date) -> PersonLookup:
        (_, sharing), (people, _, teams) = await asyncio.gather(
            self.sharing(viewer), self.days.whole_day(day)
        )
        if not may_see(self.org, viewer.email, colleague.email, sharing):
            return PersonLookup(colleague, day, False, None)
        email = (colleague.email or "").casefold()
        person = next((p for p in people if (p.person.email or "").casefold() == email), None)
        on_duty = any(email in t.duty for t in teams.values())
        return PersonLookup(colleague, day, True, colleague_day(colleague, day, person, on_duty))

    def week_teams(self, email: str | None) -> tuple[Team, ...]:
        """The teams whose week `email` may open: their own, then the ones they manage."""
        mine = list(self.org.teams_of(email))
        mine += [t for t in self.org.teams_managed_by(email) if t not in mine]
        return tuple(mine)

    async def week(
        self, viewer: Person, team_id: str | None, monday: date
    ) -> TeamWeek | NotYourTeam | None:
        """The week of one of the viewer's teams (the first when `team_id` is None); None when
        they are in no team, NotYourTeam for any other team."""
        mine = self.week_teams(viewer.email)
        if not mine:
            return None
        team = mine[0] if team_id is None else next((t for t in mine if t.id == team_id), None)
        if team is None:
            return NotYourTeam(team_id or "")
        days = [monday + timedelta(days=i) for i in range(5)]
        (directory, sharing), people, teams = await asyncio.gather(
            self.sharing(viewer),
            self.days.everyone_days(days[0], days[-1]),
            self.days.teams_between(days[0], days[-1]),
        )
        by_day: dict[date, list[PersonDay]] = {}
        for person in people:
            by_day.setdefault(person.day, []).append(person)
        return team_week(self.org, directory, viewer.email, team, days, by_day, teams, sharing)

    async def find(self, viewer: Person, name: str) -> list[Colleague]:
        directory, _ = await self.sharing(viewer)
        return directory.find(name)

    async def colleague(self, viewer: Person, email: str) -> Colleague | None:
        directory, _ = await self.sharing(viewer)
        return directory.by_email.get(email.casefold())

    async def follow(self, viewer: Person, colleague: Colleague) -> FollowOutcome:
        """Follow someone: at once if they share with everyone, else after they accept."""
        email = (colleague.email or "").casefold()
        if not email or email == (viewer.email or "").casefold():
            return FollowOutcome(colleague, "self")
        _, sharing = await self.sharing(viewer)
        choice = sharing.visibility.get(email, Visibility.TEAM)
        if choice is Visibility.NOBODY:
            return FollowOutcome(colleague, "not_shared")
        status = FOLLOW_ACCEPTED if choice is Visibility.EVERYONE else FOLLOW_PENDING
        await self.people.set_follow(viewer.key, email, status)
        return FollowOutcome(colleague, status)

    async def unfollow(self, viewer: Person, colleague: Colleague) -> None:
        if colleague.email:
            await self.people.set_follow(viewer.key, colleague.email, None)

    async def answer_follow(
        self, followed: Person, follower_key: str, accept: bool
    ) -> FollowAnswer:
        """The followed person allows or declines; only a request sent to them counts."""
        email = (followed.email or "").casefold()
        pending = await self.people.follows(follower_key)
        if email and pending.get(email) == FOLLOW_PENDING:
            await self.people.set_follow(follower_key, email, FOLLOW_ACCEPTED if accept else None)
            return FollowAnswer.ANSWERED
        if follower_key != followed.key and FOLLOW_PENDING in pending.values():
            return FollowAnswer.NOT_YOURS  # someone else's request, copied from their card
        return FollowAnswer.STALE

    async def seat_near(
        self, viewer: Person, colleague: Colleague, day: date, part: DayPart
    ) -> Near:
        """The free desk closest to the colleague's on `day`, if the rules allow one."""
        lookup = await self.where(viewer, colleague, day)
        if not lookup.shared:
            return Near(None, None, "not_shared")
        entry = lookup.entry
        seat = None
        if entry is not None:
            plans = [entry.morning, entry.afternoon]
            seat = next((p.seat for p in plans if p.seat), None)
        if seat is None:
            return Near(None, None, "not_in_office")
        zones = (await self.days.load_zones([day]))[day]
        zone_day = zones.get(seat.zone_key)
        if zone_day is None:
            return Near(None, None, "not_in_office")
        desk = desk_next_to(zone_day, seat.desk_id, part.halves)
        if desk is None:
            return Near(seat.zone_key, None, "no_free_desk")
        return Near(seat.zone_key, desk)
