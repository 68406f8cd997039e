"""The user's own data (GDPR): everything stored about them, erasure, and retention.

Plain Python, like the other services: storage/gdpr.py finds the rows, this module says
what they mean, what an erasure keeps and what the retention period purges.

**What an erasure does** (`ErasureService.erase`), for the person asking and nobody else:

- From today on, every desk booking is cancelled and every telework day taken back through
  `BookingService` and `TeleworkService`, so the zone and team rows stay consistent: a freed
  desk is free again for colleagues, a team's permanence counts one person less away.
  Permanence duty to come is taken off the team rows.
- Before today (`kept_after_erasure`): a day's row is deleted, except *registered*
  telework within the retention period, which payroll and time registration need (the
  employer's legal obligation, GDPR art. 17(3)(b)). It is kept as the half days at home
  with the work e-mail only: no name, no desk, no request that was never approved. Past
  zone rows keep that a desk was used, by `ANONYMOUS` (occupancy as anonymous counts);
  past team rows lose the person's e-mail (who was at home, who was on duty).
- Everything else goes: profile, e-mail index, directory row (name, e-mail, privacy
  choice), reach row (the personal chat's reference, reminder settings), reminder claims,
  whom they follow and who follows them.

Running it again erases what is left (nothing, or what a turn stored since): idempotent.

**Retention** (`RetentionService`): day partitions before the first day of the month
`retention_months` before this month are purged whole (the kept telework, anonymous zone
rows and team rows with them); reminder claims older than `CLAIM_DAYS` days too.

**Links** (`LinkSigner`): the JSON document is served by the bot at a link that names the
user in an HMAC-signed token, valid `LINK_MINUTES`; the delete card's Confirm carries a
token of its own, so a forged confirm names nobody but the one it was shown to.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from werkplek.booking import HALVES, Person, PersonDay, ZoneDay
from werkplek.booking_service import (
    MAX_ATTEMPTS,
    BookingRepository,
    BookingService,
    Cancelled,
    back_off,
)
from werkplek.dayparts import DayPart
from werkplek.errors import ConcurrentChange
from werkplek.organisation import Organisation
from werkplek.reminders import ReminderKind, ReminderSettings
from werkplek.telework import HomeStatus, TeamDay, TeleworkDay, telework_days
from werkplek.telework_service import TeleworkService, TeleworkTakenBack

log = logging.getLogger(__name__)

# A past zone row keeps that a desk was used, by nobody named.
ANONYMOUS = "anonymous"
# The JSON link and the delete card's Confirm stop working after this long.
LINK_MINUTES = 15
CONFIRM_MINUTES = 60
# Reminder claims (which reminder was sent to whom, per day) are kept this many days.
CLAIM_DAYS = 14
DEFAULT_RETENTION_MONTHS = 24
# An erasure rewrites this many past days (partitions) at once.
PAST_DAYS_AT_ONCE = 8

LINK_PURPOSE = "mydata"
CONFIRM_PURPOSE = "erase"


# --- what is stored -------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowEntry:
    email: str
    name: str
    status: str  # "pending" or "accepted"


@dataclass(frozen=True)
class DutyDay:
    day: date
    team_id: str


@dataclass(frozen=True)
class ReminderSent:
    day: date
    kind: str
    state: str  # "claimed", "sent", "failed", "gone"


@dataclass(frozen=True)
class StoredData:
    """Everything Werkplek stores about one person, as storage/gdpr.py found it."""

    key: str
    name: str = ""
    email: str | None = None
    locale: str | None = None
    conversation: dict[str, Any] | None = None  # the personal chat's reference (reminders)
    visibility: str = ""  # "" is the default: team and accepted followers
    days: tuple[PersonDay, ...] = ()  # every stored day, past and future, in date order
    duty: tuple[DutyDay, ...] = ()
    team_days: tuple[date, ...] = ()  # days whose team rows name the person (away or duty)
    following: tuple[FollowEntry, ...] = ()
    followers: tuple[FollowEntry, ...] = ()
    reminder_settings: ReminderSettings = field(default_factory=ReminderSettings)
    reminders_sent: tuple[ReminderSent, ...] = ()
    places: tuple[str, ...] = ()  # which kinds of rows hold something: "profile", "reach"...

    @property
    def is_empty(self) -> bool:
        return not (self.places or self.days or self.team_days or self.followers)

    @property
    def office_days(self) -> list[PersonDay]:
        return [d for d in self.days if d.seats]

    @property
    def telework(self) -> list[TeleworkDay]:
        return [t for d in self.days for t in telework_days(d)]


def document(
    data: StoredData, org: Organisation, generated: datetime, retention_months: int
) -> dict[str, Any]:
    """The JSON document of `data`: every stored value, with ISO dates, for the user."""

    def half(day: PersonDay, part: DayPart) -> dict[str, Any] | None:
        seat = day.seats.get(part)
        if seat is not None:
            zone = org.zone(seat.zone_key)
            site = org.site(zone.site_id) if zone else None
            return {
                "office": {
                    "site": site.name if site else "",
                    "zone": zone.name if zone else seat.zone_key,
                    "desk": seat.desk_id,
                }
            }
        status = day.home.get(part)
        if status:
            registered = status == HomeStatus.HOME
            return {"telework": "registered" if registered else "requested"}
        return None

    teams = {t.id: t.name for t in org.teams}
    settings = data.reminder_settings
    return {
        "generated_at": generated.astimezone(UTC).isoformat(timespec="seconds"),
        "organisation": org.name,
        "profile": {
            "key": data.key,
            "name": data.name,
            "email": data.email,
            "locale": data.locale,
        },
        "privacy": {"visibility": data.visibility or "team"},
        "days": [
            {
                "date": d.day.isoformat(),
                "morning": half(d, DayPart.MORNING),
                "afternoon": half(d, DayPart.AFTERNOON),
            }
            for d in data.days
        ],
        "permanence_duty": [
            {"date": d.day.isoformat(), "team": teams.get(d.team_id, d.team_id)} for d in data.duty
        ],
        "following": [vars(f) for f in data.following],
        "followers": [vars(f) for f in data.followers],
        "reminders": {
            "settings": {
                kind.value: {
                    "enabled": settings.of(kind).enabled,
                    "time": f"{settings.of(kind).at:%H:%M}",
                    "changed_by_you": kind in settings.chosen,
                }
                for kind in ReminderKind
            },
            "sent": [
                {"date": r.day.isoformat(), "kind": r.kind, "state": r.state}
                for r in data.reminders_sent
            ],
        },
        "personal_chat": {
            "kept": data.conversation is not None,
            "reference": data.conversation,
        },
        "stored_in": list(data.places),
        "retention": {
            "months": retention_months,
            "reminder_claims_days": CLAIM_DAYS,
        },
    }


# --- signed links ---------------------------------------------------------------------------


class LinkProblem(StrEnum):
    INVALID = "invalid"  # not ours, altered, or for another purpose
    EXPIRED = "expired"


@dataclass(frozen=True)
class Signed:
    user_key: str
    language: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class LinkSigner:
    """HMAC-SHA256 tokens naming one user, for one purpose, until an instant.

    Every instance signs and checks with the same secret (a setting, or one random
    secret kept in Table storage), so a link made by one instance works on all of them.
    """

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("a link secret needs at least 16 bytes")
        self._secret = secret

    def sign(self, purpose: str, user_key: str, language: str, expires: datetime) -> str:
        payload = json.dumps(
            [purpose, user_key, language, int(expires.timestamp())], separators=(",", ":")
        ).encode("utf-8")
        body = _b64(payload)
        return f"{body}.{self._mac(body)}"

    def verify(self, token: object, purpose: str, now: datetime) -> Signed | LinkProblem:
        if not isinstance(token, str) or len(token) > 1000 or token.count(".") != 1:
            return LinkProblem.INVALID
        body, mac = token.split(".")
        if not hmac.compare_digest(mac.encode("ascii", "replace"), self._mac(body).encode()):
            return LinkProblem.INVALID
        try:
            signed_purpose, user_key, language, expires = json.loads(_unb64(body))
        except (ValueError, TypeError):
            return LinkProblem.INVALID
        if signed_purpose != purpose or not isinstance(user_key, str) or not user_key:
            return LinkProblem.INVALID
        if not isinstance(expires, int) or now.timestamp() > expires:
            return LinkProblem.EXPIRED
        return Signed(user_key, language if isinstance(language, str) else "en")

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._secret, body.encode("ascii"), hashlib.sha256).digest())


# --- what an erasure keeps ------------------------------------------------------------------


def retention_start(today: date, months: int) -> date:
    """The first day kept: the first of the month `months` months before this one."""
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def purged_on(day: date, months: int) -> date:
    """The first day on which `day` falls outside the retention period."""
    index = day.year * 12 + day.month - 1 + months + 1
    return date(index // 12, index % 12 + 1, 1)


def kept_after_erasure(day: PersonDay, today: date, first_kept: date) -> PersonDay:
    """A past day after erasure: its registered telework within the retention period, with
    the work e-mail only (payroll); empty (the row is deleted) for anything else."""
    person = Person(day.person.key, "", day.person.email)
    if day.day >= today or day.day < first_kept or not day.person.email:
        return PersonDay(person, day.day, version=day.version)
    home = {h: s for h, s in day.home.items() if s == HomeStatus.HOME}
    return PersonDay(person, day.day, {}, home, day.version)


def anonymised_zone(zone: ZoneDay, user_key: str) -> ZoneDay | None:
    """The zone with the person's desks kept as used by `ANONYMOUS`; None if not in it."""
    if not any(user_key in zone.occupants(h).values() for h in HALVES):
        return None
    taken = {
        h: {desk: ANONYMOUS if who == user_key else who for desk, who in zone.occupants(h).items()}
        for h in HALVES
    }
    return replace(zone, taken=taken)


def team_without(team: TeamDay, email: str) -> TeamDay | None:
    """The team's day without the person (away or on duty); None if they are not in it."""
    email = email.casefold()
    named = any(email in {e.casefold() for e in team.away_in(h)} for h in HALVES)
    on_duty = email in {e.casefold() for e in team.duty}
    if not named and not on_duty:
        return None
    away = {h: {e: s for e, s in team.away_in(h).items() if e.casefold() != email} for h in HALVES}
    duty = frozenset(e for e in team.duty if e.casefold() != email)
    return replace(team, away=away, duty=duty)


class GdprRepository(Protocol):
    async def everything(self, user_key: str) -> StoredData:
        """Every row about the user, found wherever it is (see storage/README.md)."""
        ...

    async def erase_user(self, user_key: str, email: str | None) -> int:
        """Delete profile, index, directory, reach, follows both ways; rows deleted."""
        ...

    async def erase_claims(self, user_key: str) -> int:
        """Delete the user's reminder claims; rows deleted."""
        ...


@dataclass
class ErasureReport:
    released: int = 0  # desk bookings from today on, cancelled: the desks are free again
    taken_back: int = 0  # telework days from today on, taken back
    duty_removed: int = 0  # permanence duty days from today on
    past_erased: int = 0  # past day rows deleted
    kept: list[TeleworkDay] = field(default_factory=list)  # registered telework, for payroll
    anonymised: int = 0  # past zone rows where the person's desk is now anonymous
    teams_cleaned: int = 0  # team rows the person's e-mail was taken out of
    user_rows: int = 0  # profile, index, directory, reach, follows
    claims: int = 0  # reminder claims

    @property
    def erased_anything(self) -> bool:
        return any(
            (
                self.released,
                self.taken_back,
                self.duty_removed,
                self.past_erased,
                self.anonymised,
                self.teams_cleaned,
                self.user_rows,
                self.claims,
            )
        )


class ErasureService:
    def __init__(
        self,
        org: Organisation,
        store: GdprRepository,
        days: BookingRepository,
        booking: BookingService,
        telework: TeleworkService,
        retention_months: int = DEFAULT_RETENTION_MONTHS,
    ) -> None:
        self.org = org
        self.store = store
        self.days = days
        self.booking = booking
        self.telework = telework
        self.retention_months = retention_months

    async def erase(self, person: Person, today: date) -> ErasureReport:
        """Erase what is stored about `person` (see the module's docstring for what stays)."""
        data = await self.store.everything(person.key)
        emails = [data.email, person.email, *(d.person.email for d in data.days)]
        email = next((e.casefold() for e in emails if e), None)
        who = Person(person.key, person.name, email)
        report = ErasureReport()
        first_kept = retention_start(today, self.retention_months)
        days = sorted({d.day for d in data.days} | set(data.team_days))
        for day in (d for d in days if d >= today):
            await self._release(who, day, today, report)
        # Past days are independent partitions: a few at a time (years of data).
        parallel = asyncio.Semaphore(PAST_DAYS_AT_ONCE)

        async def erase_past(day: date) -> None:
            async with parallel:
                await self._erase_past(who, day, today, first_kept, report)

        failures = await asyncio.gather(
            *(erase_past(d) for d in days if d < today), return_exceptions=True
        )
        for failure in failures:
            if isinstance(failure, BaseException):
                raise failure  # the others finished first: a new run picks up the rest
        report.claims = await self.store.erase_claims(person.key)
        report.user_rows = await self.store.erase_user(person.key, email)
        log.info(
            "erasure: %d released, %d telework taken back, %d duty days, %d past rows "
            "deleted, %d kept for payroll, %d zone rows anonymised, %d team rows, "
            "%d user rows, %d claims",
            report.released,
            report.taken_back,
            report.duty_removed,
            report.past_erased,
            len(report.kept),
            report.anonymised,
            report.teams_cleaned,
            report.user_rows,
            report.claims,
        )
        return report

    async def _release(self, who: Person, day: date, today: date, report: ErasureReport) -> None:
        """A day from today on: through the services, so zone and team rows stay right."""
        cancelled = await self.booking.cancel(who, day, DayPart.FULL, today)
        if isinstance(cancelled, Cancelled):
            report.released += len(cancelled.bookings)
        taken = await self.telework.take_back(who, day, DayPart.FULL, today)
        if isinstance(taken, TeleworkTakenBack):
            report.taken_back += 1
        if who.email:
            for attempt in range(MAX_ATTEMPTS):
                teams = (await self.days.load_teams([day]))[day]
                changed = tuple(
                    t for t in (team_without(td, who.email) for td in teams.values()) if t
                )
                if not changed:
                    break
                try:
                    await self.days.commit_teams(day, changed)
                except ConcurrentChange:
                    await back_off(attempt)
                    continue
                report.duty_removed += 1
                break
        await self._erase_past(who, day, today, day, report)  # whatever row is left

    async def _erase_past(
        self, who: Person, day: date, today: date, first_kept: date, report: ErasureReport
    ) -> None:
        # Loaded without a name, so the row's own name shows (and whether it still has one).
        blank = Person(who.key, "", who.email)
        for attempt in range(MAX_ATTEMPTS):
            state = await self.days.load_day(day, blank)
            before = state.person
            after = kept_after_erasure(before, today, first_kept)
            person_changes = before.version is not None and (
                after.is_empty or (after.seats, after.home, after.person) != _content(before)
            )
            zones = tuple(
                z for z in (anonymised_zone(zd, who.key) for zd in state.zones.values()) if z
            )
            teams = tuple(
                t
                for t in (team_without(td, who.email) for td in state.teams.values() if who.email)
                if t
            )
            if not person_changes and not zones and not teams:
                report.kept += telework_days(after) if before.version is not None else []
                return
            try:
                await self.days.commit(before, after, zones, teams)
            except ConcurrentChange:
                await back_off(attempt)
                continue
            if person_changes and after.is_empty:
                report.past_erased += 1
            report.kept += telework_days(after) if before.version is not None else []
            report.anonymised += len(zones)
            report.teams_cleaned += len(teams)
            return
        raise ConcurrentChange(f"{MAX_ATTEMPTS} attempts lost a race for {day}")


def _content(day: PersonDay) -> tuple[object, ...]:
    return (day.seats, day.home, day.person)


# --- retention ------------------------------------------------------------------------------


class RetentionRepository(Protocol):
    async def purge_days_before(self, first_kept: date) -> dict[str, int]:
        """Delete every row of the day partitions before `first_kept`; rows per kind."""
        ...

    async def purge_reminder_days_before(self, first_kept: date) -> int:
        """Delete the reminder claims of the days before `first_kept`; rows deleted."""
        ...

    async def claim_daily_purge(self, day: date, owner: str) -> bool:
        """True for the one caller that may purge on `day` (across instances)."""
        ...


@dataclass(frozen=True)
class PurgeReport:
    first_kept: date
    rows: dict[str, int]  # day rows deleted per kind: "person", "team", "zone", "other"
    reminder_rows: int

    @property
    def total(self) -> int:
        return sum(self.rows.values()) + self.reminder_rows


class RetentionService:
    def __init__(
        self,
        store: RetentionRepository,
        timezone: ZoneInfo,
        retention_months: int = DEFAULT_RETENTION_MONTHS,
        owner: str = "",
    ) -> None:
        self.store = store
        self.timezone = timezone
        self.retention_months = retention_months
        self.owner = owner or f"purger-{id(self):x}"
        self._done: date | None = None

    async def purge(self, today: date) -> PurgeReport:
        """Delete the registrations older than the retention period and old reminder claims."""
        first_kept = retention_start(today, self.retention_months)
        rows = await self.store.purge_days_before(first_kept)
        claims = await self.store.purge_reminder_days_before(today - timedelta(days=CLAIM_DAYS))
        report = PurgeReport(first_kept, rows, claims)
        log.info(
            "purge: day rows before %s deleted: %s; reminder rows: %d",
            first_kept.isoformat(),
            dict(sorted(rows.items())),
            claims,
        )
        return report

    async def run_daily(self, now: datetime) -> PurgeReport | None:
        """Purge once per local day, on one instance only; None when not this one's turn."""
        today = now.astimezone(self.timezone).date()
        if self._done == today:
            return None
        if not await self.store.claim_daily_purge(today, self.owner):
            self._done = today  # another instance purges today
            return None
        report = await self.purge(today)
        self._done = today
        return report
