"""A realistic organisation for benchmarks: 2,000 people in 200 teams, 4 sites, 40 zones,
1,200 desks, and three months of desk bookings and telework that keep every rule.

    python -m bench.dataset --write build/bench-org.yaml   # just the organisation file

Each working day about 15 % of people have a desk (every other desk, up to the zone's
capacity: neighbours stay free) and about 35 % work from home, never leaving a team below
its minimum on site. Seeded: the same data every run.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from storage.bookings import TableBookingRepository
from storage.users import TableUserRepository
from werkplek.booking import HALVES, Person, PersonDay, Seat, ZoneDay
from werkplek.calendar import holiday_name
from werkplek.organisation import Organisation, parse_organisation
from werkplek.profiles import UserProfile
from werkplek.telework import HomeStatus, TeamDay

SITES, ZONES_PER_SITE, DESKS_PER_ZONE, CAPACITY = 4, 10, 30, 12
PEOPLE, TEAM_SIZE, MIN_ON_SITE = 2000, 10, 3
OFFICE_SHARE, HOME_SHARE = 0.15, 0.35
WEEKS_BEFORE, WEEKS = 3, 13  # three months, from three weeks before today


def email_of(i: int) -> str:
    return f"person{i:04d}@bench.example.org"


def key_of(email: str) -> str:
    """The Entra object id a Teams client would send for this person (as tests/support does)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, email))


def organisation_file() -> dict[str, Any]:
    sites = []
    for s in range(SITES):
        zones = []
        for z in range(ZONES_PER_SITE):
            ids = [f"{s + 1}{z:02d}.{d:02d}" for d in range(DESKS_PER_ZONE)]
            desks = [
                {"id": desk, "neighbours": [ids[i + 1]]} if i + 1 < len(ids) else {"id": desk}
                for i, desk in enumerate(ids)
            ]
            zones.append(
                {
                    "id": f"z{z:02d}",
                    "name": f"Zone {s + 1}.{z:02d}",
                    "capacity": CAPACITY,
                    "desks": desks,
                }
            )
        sites.append({"id": f"site{s + 1}", "name": f"Gebouw {s + 1}", "zones": zones})
    teams = []
    for t in range(PEOPLE // TEAM_SIZE):
        members = [email_of(t * TEAM_SIZE + i) for i in range(TEAM_SIZE)]
        teams.append(
            {
                "id": f"team{t:03d}",
                "name": f"Dienst {t:03d}",
                "managers": [members[0]],
                "members": members,
                "min_on_site": MIN_ON_SITE,
            }
        )
    people = [{"email": email_of(i), "name": f"Persoon {i:04d}"} for i in range(PEOPLE)]
    return {
        "organisation": {"name": "Benchmark OCMW", "timezone": "Europe/Brussels", "language": "nl"},
        "policy": {"telework_days_per_week": 2, "booking_horizon_days": 28},
        "sites": sites,
        "teams": teams,
        "people": people,
        "admins": ["admin@bench.example.org"],
    }


def write_organisation(path: Path) -> Organisation:
    raw = organisation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return parse_organisation(raw)


@dataclass(frozen=True)
class Day:
    day: date
    people: list[PersonDay]
    zones: list[ZoneDay]
    teams: list[TeamDay]


def plan_day(org: Organisation, day: date, rng: random.Random) -> Day:
    """Who sits where and who works from home on `day`, within every rule."""
    everyone = [p.email for p in org.people]
    rng.shuffle(everyone)
    office = everyone[: int(len(everyone) * OFFICE_SHARE)]
    rest = everyone[len(office) :]
    name = {p.email: p.name or p.email for p in org.people}
    team_of = {m: t for t in org.teams for m in t.members}

    people: dict[str, PersonDay] = {}
    zones = []
    seats = iter(office)
    for zone in org.zones:
        taken: dict[str, str] = {}
        for desk in zone.desks[::2][: zone.capacity]:  # every other desk: neighbours stay free
            email = next(seats, None)
            if email is None:
                break
            person = Person(key_of(email), name[email], email)
            taken[desk.id] = person.key
            seat = Seat(zone.key, desk.id)
            people[email] = PersonDay(person, day, {h: seat for h in HALVES})
        zones.append(ZoneDay(zone, {h: dict(taken) for h in HALVES}))

    away: dict[str, dict[str, HomeStatus]] = {t.id: {} for t in org.teams}
    for email in rest[: int(len(everyone) * HOME_SHARE)]:
        team = team_of[email]
        if len(team.members) - len(away[team.id]) - 1 < team.min_on_site(day.weekday()):
            continue  # permanence comes first
        away[team.id][email] = HomeStatus.HOME
        person = Person(key_of(email), name[email], email)
        people[email] = PersonDay(person, day, {}, {h: HomeStatus.HOME.value for h in HALVES})
    teams = [TeamDay(t, {h: dict(away[t.id]) for h in HALVES}) for t in org.teams]
    return Day(day, list(people.values()), zones, teams)


def working_days(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5 and holiday_name(day) is None:
            days.append(day)
        day += timedelta(days=1)
    return days


async def load(
    org: Organisation, bookings: TableBookingRepository, users: TableUserRepository, today: date
) -> int:
    """Write three months of days around `today` and everyone's directory row; rows written."""
    rng = random.Random(2026)
    written = 0
    profiles = [UserProfile(key_of(p.email), p.name or "", p.email) for p in org.people]
    await users.import_directory(profiles)
    written += len(profiles)
    first = today - timedelta(days=today.weekday(), weeks=WEEKS_BEFORE)
    days = working_days(first, first + timedelta(weeks=WEEKS, days=-3))
    pending: list[Day] = [plan_day(org, d, rng) for d in days]
    limit = asyncio.Semaphore(4)

    async def write(day: Day) -> int:
        async with limit:
            await bookings.import_day(day.day, day.people, day.zones, day.teams)
        return len(day.people) + len(day.zones) + len(day.teams)

    written += sum(await asyncio.gather(*(write(d) for d in pending)))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, required=True, help="where to write the YAML")
    org = write_organisation(parser.parse_args().write)
    print(f"{len(org.people)} people, {len(org.teams)} teams, {len(org.zones)} zones")


if __name__ == "__main__":
    main()
