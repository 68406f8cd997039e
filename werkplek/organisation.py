"""The organisation file: sites, zones, desks, teams, people and policy.

Loaded once at start-up. Every mistake in the file fails start-up with an
`OrganisationError` that names the key (e.g. ``sites[0].zones[1].capacity``),
because a silently ignored typo in a capacity is a distancing rule not applied.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from werkplek.errors import OrganisationError

# Ids become parts of Table storage keys and card data: keep them plain.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
_HOURS = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
LANGUAGES = ("nl", "fr", "en")


@dataclass(frozen=True)
class Desk:
    id: str
    neighbours: tuple[str, ...] = ()


@dataclass(frozen=True)
class Zone:
    site_id: str
    id: str
    name: str
    capacity: int
    desks: tuple[Desk, ...]
    # Symmetric neighbour relation: if 2.01 lists 2.02, 2.02 is kept free for 2.01 and back.
    adjacency: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        return f"{self.site_id}/{self.id}"

    def desk(self, desk_id: str) -> Desk | None:
        return self._by_id.get(desk_id)

    @cached_property
    def _by_id(self) -> dict[str, Desk]:
        return {d.id: d for d in self.desks}

    def neighbours_of(self, desk_id: str) -> frozenset[str]:
        return self.adjacency.get(desk_id, frozenset())


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    zones: tuple[Zone, ...]


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    managers: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    # People on site per working day, Monday..Friday (the file may give one number or per day).
    min_on_site_by_weekday: tuple[int, ...] = (0, 0, 0, 0, 0)
    telework_days_per_week: int | None = None

    def min_on_site(self, weekday: int) -> int:
        return self.min_on_site_by_weekday[weekday] if weekday < 5 else 0

    def is_manager(self, email: str | None) -> bool:
        return email is not None and email.casefold() in self.managers


@dataclass(frozen=True)
class Person:
    email: str
    name: str | None = None
    telework: bool = True


class HalfDayAllowance(StrEnum):
    """What a half telework day earns under the per-day scheme."""

    NONE = "none"  # nothing (the default: the allowance is per telework *day*)
    HALF = "half"  # half the day amount
    FULL = "full"  # the full day amount


@dataclass(frozen=True)
class AllowanceTier:
    """Monthly scheme: months with at least `days` telework days earn `amount` (highest tier)."""

    days: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Policy:
    full_day_minutes: int = 7 * 60 + 36
    half_day_minutes: int = 3 * 60 + 48
    allowance_per_day: Decimal = Decimal("3.00")
    half_day_allowance: HalfDayAllowance = HalfDayAllowance.NONE
    # Empty: per-day scheme. Otherwise a monthly amount by number of telework days.
    allowance_tiers: tuple[AllowanceTier, ...] = ()
    time_code: str = "thuiswerk"
    telework_days_per_week: int = 2
    booking_horizon_days: int = 28
    # Telework is planned further ahead than desks ("every Monday until the end of January").
    telework_horizon_days: int = 92


@dataclass(frozen=True)
class Organisation:
    name: str
    timezone: ZoneInfo
    language: str
    sites: tuple[Site, ...]
    policy: Policy = Policy()
    teams: tuple[Team, ...] = ()
    people: tuple[Person, ...] = ()
    admins: tuple[str, ...] = ()

    # Look-ups by key: a site of 2,000 people and 200 teams asks them thousands of times
    # per view, so they are indexes built once, not scans.

    @cached_property
    def zones(self) -> tuple[Zone, ...]:
        return tuple(z for s in self.sites for z in s.zones)

    @cached_property
    def _zones_by_key(self) -> dict[str, Zone]:
        return {z.key: z for z in self.zones}

    @cached_property
    def _teams_by_member(self) -> dict[str, tuple[Team, ...]]:
        found: dict[str, list[Team]] = {}
        for team in self.teams:
            for member in team.members:
                found.setdefault(member, []).append(team)
        return {email: tuple(teams) for email, teams in found.items()}

    @cached_property
    def _people_by_email(self) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for person in self.people:
            found.setdefault(person.email, person)
        return found

    def zone(self, key: str) -> Zone | None:
        """A zone by its key ``site/zone``."""
        return self._zones_by_key.get(key)

    def site(self, site_id: str) -> Site | None:
        return next((s for s in self.sites if s.id == site_id), None)

    def teams_of(self, email: str | None) -> tuple[Team, ...]:
        """The teams `email` is a member of."""
        if not email:
            return ()
        return self._teams_by_member.get(email.casefold(), ())

    def teams_managed_by(self, email: str | None) -> tuple[Team, ...]:
        if email and email.casefold() in self.admins:
            return self.teams
        return tuple(t for t in self.teams if t.is_manager(email))

    def telework_norm(self, email: str | None) -> int:
        """Telework days a week without approval: the strictest of the person's teams."""
        norms = [t.telework_days_per_week for t in self.teams_of(email)]
        norms = [n for n in norms if n is not None]
        return min(norms) if norms else self.policy.telework_days_per_week

    def may_telework(self, email: str | None) -> bool:
        person = self.person(email)
        return person.telework if person else True

    def display_name(self, email: str | None) -> str | None:
        person = self.person(email)
        return person.name if person and person.name else None

    def person(self, email: str | None) -> Person | None:
        if not email:
            return None
        return self._people_by_email.get(email.casefold())


class _Node:
    """A mapping in the file with its path, so every error names the key."""

    def __init__(self, path: str, value: Any, allowed: set[str]) -> None:
        if not isinstance(value, Mapping):
            raise OrganisationError(path or "(top level)", "must be a mapping of keys to values")
        unknown = sorted(str(k) for k in value if k not in allowed)
        if unknown:
            where = f"{path}.{unknown[0]}" if path else unknown[0]
            raise OrganisationError(where, f"unknown key (allowed: {', '.join(sorted(allowed))})")
        self.path = path
        self.value = value

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def raw(self, key: str, required: bool = False) -> Any:
        if required and not self.has(key):
            raise OrganisationError(self.at(key), "is required")
        return self.value.get(key)

    def text(self, key: str, default: str | None = None, required: bool = False) -> str:
        value = self.raw(key, required)
        if value is None:
            return default  # type: ignore[return-value]
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value):
            raise OrganisationError(self.at(key), "must be a non-empty text")
        return str(value).strip()

    def ident(self, key: str) -> str:
        value = self.text(key, required=True)
        if not _ID.match(value):
            raise OrganisationError(
                self.at(key), f"{value!r} is not a valid id (letters, digits, '.', '_', '-')"
            )
        return value

    def whole(self, key: str, default: int, minimum: int = 0) -> int:
        value = self.raw(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise OrganisationError(self.at(key), f"must be a whole number of at least {minimum}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise OrganisationError(self.at(key), "must be true or false")
        return value

    def items(self, key: str, required: bool = False) -> list[tuple[str, Any]]:
        value = self.raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or (required and not value):
            raise OrganisationError(
                self.at(key), "must be a non-empty list" if required else "must be a list"
            )
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    def emails(self, key: str) -> tuple[str, ...]:
        result = []
        for path, item in self.items(key):
            if not isinstance(item, str) or not _EMAIL.match(item.strip()):
                raise OrganisationError(path, "must be an e-mail address")
            result.append(item.strip().casefold())
        return tuple(result)


def _minutes(node: _Node, key: str, default: int) -> int:
    value = node.raw(key)
    if value is None:
        return default
    match = _HOURS.match(str(value))
    if not match:
        raise OrganisationError(node.at(key), 'must be hours and minutes, like "7:36"')
    return int(match[1]) * 60 + int(match[2])


def _amount(node: _Node, key: str, default: Decimal | None) -> Decimal:
    value = node.raw(key, required=default is None)
    if value is None:
        return default  # type: ignore[return-value]
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal(-1)
    if isinstance(value, bool) or not amount.is_finite() or amount < 0:
        raise OrganisationError(node.at(key), "must be a number like 3.00")
    return amount.quantize(Decimal("0.01"))


def _min_on_site(node: _Node) -> tuple[int, ...]:
    value = node.raw("min_on_site")
    if value is None or isinstance(value, int):
        return (node.whole("min_on_site", 0),) * 5
    per_day = _Node(node.at("min_on_site"), value, set(WEEKDAYS))
    return tuple(per_day.whole(day, 0) for day in WEEKDAYS)


def _policy(raw: Any) -> Policy:
    if raw is None:
        return Policy()
    node = _Node(
        "policy",
        raw,
        {
            "full_day_hours",
            "half_day_hours",
            "allowance_per_day",
            "half_day_allowance",
            "allowance_tiers",
            "time_code",
            "telework_days_per_week",
            "booking_horizon_days",
            "telework_horizon_days",
        },
    )
    default = Policy()
    half_day = node.text("half_day_allowance", default.half_day_allowance.value)
    if half_day not in {h.value for h in HalfDayAllowance}:
        raise OrganisationError(node.at("half_day_allowance"), "must be none, half or full")
    tiers = []
    for path, raw_tier in node.items("allowance_tiers"):
        tier = _Node(path, raw_tier, {"days", "amount"})
        tiers.append(AllowanceTier(_amount(tier, "days", None), _amount(tier, "amount", None)))
    if [t.days for t in tiers] != sorted({t.days for t in tiers}):
        raise OrganisationError(node.at("allowance_tiers"), "tiers must go up in days, once each")
    return Policy(
        full_day_minutes=_minutes(node, "full_day_hours", default.full_day_minutes),
        half_day_minutes=_minutes(node, "half_day_hours", default.half_day_minutes),
        allowance_per_day=_amount(node, "allowance_per_day", default.allowance_per_day),
        half_day_allowance=HalfDayAllowance(half_day),
        allowance_tiers=tuple(tiers),
        time_code=node.text("time_code", default.time_code),
        telework_days_per_week=node.whole("telework_days_per_week", default.telework_days_per_week),
        booking_horizon_days=node.whole(
            "booking_horizon_days", default.booking_horizon_days, minimum=1
        ),
        telework_horizon_days=node.whole(
            "telework_horizon_days", default.telework_horizon_days, minimum=1
        ),
    )


def _zone(path: str, raw: Any, site_id: str) -> Zone:
    node = _Node(path, raw, {"id", "name", "capacity", "desks"})
    zone_id = node.ident("id")
    desks: list[Desk] = []
    for desk_path, desk_raw in node.items("desks", required=True):
        desk_node = _Node(desk_path, desk_raw, {"id", "neighbours"})
        neighbours = []
        for n_path, n in desk_node.items("neighbours"):
            if not isinstance(n, str | int | float) or isinstance(n, bool):
                raise OrganisationError(n_path, "must be a desk id")
            neighbours.append(str(n))
        desk_id = desk_node.ident("id")
        if any(d.id == desk_id for d in desks):
            raise OrganisationError(desk_node.at("id"), f"desk {desk_id!r} is listed twice")
        desks.append(Desk(desk_id, tuple(neighbours)))
    ids = [d.id for d in desks]
    adjacency: dict[str, set[str]] = {d: set() for d in ids}
    for i, desk in enumerate(desks):
        for j, other in enumerate(desk.neighbours):
            if other not in adjacency or other == desk.id:
                raise OrganisationError(
                    f"{node.at('desks')}[{i}].neighbours[{j}]",
                    f"{other!r} is not another desk of zone {zone_id!r}",
                )
            adjacency[desk.id].add(other)
            adjacency[other].add(desk.id)
    return Zone(
        site_id=site_id,
        id=zone_id,
        name=node.text("name", zone_id),
        capacity=node.whole("capacity", len(desks), minimum=1),
        desks=tuple(desks),
        adjacency={d: frozenset(n) for d, n in adjacency.items()},
    )


def _unique(path: str, values: list[str], what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise OrganisationError(f"{path}[{i}].id", f"{what} {value!r} is listed twice")
        seen.add(value)


def parse_organisation(raw: Any) -> Organisation:
    """Validate the parsed YAML and build the organisation."""
    top = _Node("", raw, {"organisation", "policy", "sites", "teams", "people", "admins"})
    org = _Node(
        "organisation", top.raw("organisation", required=True), {"name", "timezone", "language"}
    )
    tz_name = org.text("timezone", "Europe/Brussels")
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise OrganisationError("organisation.timezone", f"unknown time zone {tz_name!r}") from None
    language = org.text("language", "nl")
    if language not in LANGUAGES:
        raise OrganisationError("organisation.language", f"must be one of {', '.join(LANGUAGES)}")

    sites = []
    for site_path, site_raw in top.items("sites", required=True):
        site = _Node(site_path, site_raw, {"id", "name", "zones"})
        site_id = site.ident("id")
        zones = tuple(_zone(p, z, site_id) for p, z in site.items("zones", required=True))
        _unique(site.at("zones"), [z.id for z in zones], "zone")
        sites.append(Site(site_id, site.text("name", site_id), zones))
    _unique("sites", [s.id for s in sites], "site")

    teams = []
    for team_path, team_raw in top.items("teams"):
        team = _Node(
            team_path,
            team_raw,
            {"id", "name", "managers", "members", "min_on_site", "telework_days_per_week"},
        )
        per_week = team.raw("telework_days_per_week")
        teams.append(
            Team(
                id=team.ident("id"),
                name=team.text("name", team.text("id")),
                managers=team.emails("managers"),
                members=team.emails("members"),
                min_on_site_by_weekday=_min_on_site(team),
                telework_days_per_week=None
                if per_week is None
                else team.whole("telework_days_per_week", 0),
            )
        )
    _unique("teams", [t.id for t in teams], "team")

    people = []
    for person_path, person_raw in top.items("people"):
        person = _Node(person_path, person_raw, {"email", "name", "telework"})
        email = person.text("email", required=True)
        if not _EMAIL.match(email):
            raise OrganisationError(person.at("email"), "must be an e-mail address")
        people.append(Person(email.casefold(), person.text("name"), person.flag("telework", True)))

    return Organisation(
        name=org.text("name", required=True),
        timezone=timezone,
        language=language,
        sites=tuple(sites),
        policy=_policy(top.raw("policy")),
        teams=tuple(teams),
        people=tuple(people),
        admins=top.emails("admins"),
    )


def load_organisation(path: Path) -> Organisation:
    """Read and validate the organisation file (YAML)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OrganisationError(str(path), f"cannot be read ({exc.strerror})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise OrganisationError(str(path), f"is not valid YAML: {exc}") from None
    return parse_organisation(raw)
