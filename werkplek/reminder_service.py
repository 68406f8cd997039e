"""One reminder run: everything due by an instant, each reminder sent once, within limits.

The same run serves the in-process loop (every minute) and `python app.py remind --at`:

1. Take the sender lease (one sender at a time across instances: the pacing is global).
2. Find the groups due today — a kind at a time of day that someone chose — that are not
   marked done; read who is reachable (one partition, references left out).
3. Work out each due reminder's content from the day partitions (werkplek/reminders.py).
4. For each: claim it (insert, or take over a claim a crashed sender left), wait for a slot
   (werkplek/pacing.py), deliver, record the outcome. Throttling (429, 412, 502, 504) is
   retried with exponential backoff and jitter, honouring Retry-After, and never drops a
   reminder: at worst the claim is left to expire and the next run sends it. Other 5xx are
   retried a few times, then recorded as failed. 403/404 mark the user unreachable.
5. A group whose reminders all reached a final state is marked done.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Protocol

from werkplek.booking import PersonDay
from werkplek.errors import WerkplekError
from werkplek.i18n import language_of
from werkplek.organisation import Organisation
from werkplek.pacing import Pacer
from werkplek.reminders import (
    DEFAULT_SETTING,
    HABIT_WEEKS,
    Content,
    Recipient,
    Reminder,
    ReminderKind,
    day_before,
    duty,
    goes_out_on,
    may_receive,
    next_week,
    next_working_day,
    pending_approvals,
    permanence_gaps,
    slot,
    telework_morning,
    week_plan,
)
from werkplek.telework import TeamDay

log = logging.getLogger(__name__)

# Final states of a claim (storage/reminders.py uses the same words).
SENT, FAILED, GONE = "sent", "failed", "gone"
FINAL = frozenset({SENT, FAILED, GONE})


class Outcome(StrEnum):
    SENT = "sent"
    THROTTLED = "throttled"  # 429, 412, 502, 504: wait and retry, never give up
    RETRY = "retry"  # other 5xx and network errors: a few more tries
    GONE = "gone"  # 403 / 404: the user removed or blocked the app
    FAILED = "failed"  # any other answer: retrying would not help


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    retry_after: float | None = None


class Deliver(Protocol):
    async def __call__(self, reminder: Reminder, conversation: dict[str, Any]) -> Delivery: ...


class ClaimLike(Protocol):
    state: str
    until: datetime | None


class ReachLike(Protocol):
    key: str
    name: str
    email: str | None
    locale: str | None
    settings: Any


class ReminderStore(Protocol):
    async def acquire_lease(self, owner: str, now: datetime, expires: datetime) -> bool: ...
    async def release_lease(self, owner: str, now: datetime) -> None: ...
    async def chosen_times(self) -> set[tuple[ReminderKind, time]]: ...
    async def done_groups(self, day: date) -> set[tuple[ReminderKind, time]]: ...
    async def mark_done(self, day: date, kind: ReminderKind, at: time) -> None: ...
    async def reachable(self) -> list[Any]: ...
    async def claims(self, day: date) -> dict[tuple[ReminderKind, str], Any]: ...
    async def claim(
        self, day: date, kind: ReminderKind, user_key: str, until: datetime, previous: Any
    ) -> Any: ...
    async def finish(self, day: date, claim: Any, state: str) -> None: ...
    async def conversation(self, user_key: str) -> dict[str, Any] | None: ...
    async def mark_gone(self, user_key: str) -> None: ...


class DayData(Protocol):
    async def whole_day(
        self, day: date
    ) -> tuple[list[PersonDay], dict[str, Any], dict[str, TeamDay]]: ...
    async def requested_between(self, first: date, last: date) -> list[PersonDay]: ...


@dataclass(frozen=True)
class Tuning:
    rate_per_second: float = 30.0  # Teams: 30 per app per tenant (design for it)
    workers: int = 8  # deliveries in flight at once
    lease_seconds: float = 60.0
    claim_seconds: float = 300.0  # a claim older than this was left by a crashed sender
    max_retries: int = 3  # other 5xx and network errors
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    patience_seconds: float = 600.0  # throttled this long: leave it to the next run


@dataclass
class RunReport:
    lease: bool = True
    due: int = 0  # reminders with something to say that were not sent before
    outcomes: Counter[str] = field(default_factory=Counter)
    throttled: int = 0  # 429 and friends answered (and retried)
    retried: int = 0  # other retries
    left: int = 0  # left for the next run (claimed elsewhere, stopped, or out of patience)

    @property
    def sent(self) -> int:
        return self.outcomes[SENT]


@dataclass(frozen=True)
class _Due:
    reminder: Reminder
    group: tuple[ReminderKind, time]
    previous: Any  # an expired claim to take over, or None


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def _relay(source: asyncio.Event, target: asyncio.Event) -> None:
    await source.wait()
    target.set()


class ReminderService:
    def __init__(
        self,
        org: Organisation,
        store: ReminderStore,
        days: DayData,
        deliver: Deliver,
        tuning: Tuning = Tuning(),
        *,
        wall: Callable[[], datetime] = _utc_now,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.org = org
        self.store = store
        self.days = days
        self.deliver = deliver
        self.tuning = tuning
        self.wall = wall
        self.jitter = jitter
        self.owner = uuid.uuid4().hex

    async def run(self, at: datetime, stop: asyncio.Event | None = None) -> RunReport:
        """Send every reminder due by `at` (today, local time) that was not sent yet."""
        report = RunReport()
        now = self.wall()
        if not await self.store.acquire_lease(
            self.owner, now, now + timedelta(seconds=self.tuning.lease_seconds)
        ):
            report.lease = False
            log.info("reminders: another sender holds the lease")
            return report
        # This run's own stop: set by the caller's (shutting down), a lost lease or storage
        # failing; never the other way round, so the caller's schedule goes on.
        halt = asyncio.Event()
        helpers = [asyncio.create_task(self._keep_lease(halt))]
        if stop is not None:
            helpers.append(asyncio.create_task(_relay(stop, halt)))
        try:
            await self._run(at, halt, report)
        finally:
            for task in helpers:
                task.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
            await self.store.release_lease(self.owner, self.wall())
        log.info(
            "reminders: %d due, %s, %d throttled answers, %d left for the next run",
            report.due,
            dict(report.outcomes),
            report.throttled,
            report.left,
        )
        return report

    async def _keep_lease(self, stop: asyncio.Event) -> None:
        every = self.tuning.lease_seconds / 3
        while True:
            await asyncio.sleep(every)
            now = self.wall()
            expires = now + timedelta(seconds=self.tuning.lease_seconds)
            try:
                kept = await self.store.acquire_lease(self.owner, now, expires)
            except WerkplekError as exc:  # storage down: without a lease, stop sending
                log.warning("reminders: cannot renew the lease (%s); stopping", type(exc).__name__)
                kept = False
            if not kept:
                log.warning("reminders: lease lost; stopping this run")
                stop.set()
                return

    async def _run(self, at: datetime, stop: asyncio.Event, report: RunReport) -> None:
        tz = self.org.timezone
        day = at.astimezone(tz).date()
        times = {(k, s.at) for k, s in DEFAULT_SETTING.items()} | await self.store.chosen_times()
        groups = {
            (kind, clock)
            for kind, clock in times
            if goes_out_on(kind, day) and slot(day, clock, tz) <= at
        }
        groups -= await self.store.done_groups(day)
        if not groups:
            return
        people, claims = await asyncio.gather(self.store.reachable(), self.store.claims(day))
        wanted: list[tuple[Recipient, ReminderKind, time]] = []
        for reach in people:
            recipient = Recipient(
                reach.key, reach.name, reach.email, language_of(reach.locale), reach.settings
            )
            for kind in ReminderKind:
                setting = reach.settings.of(kind)
                group = (kind, setting.at)
                if setting.enabled and group in groups and may_receive(self.org, kind, reach.email):
                    wanted.append((recipient, kind, setting.at))
        content = _Contents(self.org, self.days, day)
        items: list[_Due] = []
        unfinished: set[tuple[ReminderKind, time]] = set()
        wall = self.wall()
        for recipient, kind, clock in wanted:
            claim = claims.get((kind, recipient.key))
            if claim is not None and claim.state in FINAL:
                continue
            if claim is not None and claim.until is not None and claim.until > wall:
                unfinished.add((kind, clock))  # another sender is on it (or crashed lately)
                report.left += 1
                continue
            said = await content.of(kind, recipient)
            if said is None:
                continue
            items.append(_Due(Reminder(kind, recipient, day, said), (kind, clock), claim))
        report.due = len(items)
        unfinished |= await self._send_all(items, stop, report)
        for group in sorted(groups - unfinished):
            await self.store.mark_done(day, *group)

    async def _send_all(
        self, items: list[_Due], stop: asyncio.Event, report: RunReport
    ) -> set[tuple[ReminderKind, time]]:
        pacer = Pacer(self.tuning.rate_per_second)
        queue: asyncio.Queue[_Due] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        unfinished: set[tuple[ReminderKind, time]] = set()

        failures: list[WerkplekError] = []

        async def worker() -> None:
            while not queue.empty():
                item = queue.get_nowait()
                try:
                    state = (
                        None if stop.is_set() else await self._send_one(item, pacer, stop, report)
                    )
                except WerkplekError as exc:  # storage down: every worker stops, claims expire
                    failures.append(exc)
                    stop.set()
                    state = None
                if state is None:
                    unfinished.add(item.group)
                    report.left += 1
                else:
                    report.outcomes[state] += 1

        await asyncio.gather(*(worker() for _ in range(min(self.tuning.workers, len(items)))))
        if failures:
            raise failures[0]
        return unfinished

    async def _send_one(
        self, item: _Due, pacer: Pacer, stop: asyncio.Event, report: RunReport
    ) -> str | None:
        """Claim, deliver and record one reminder: its final state, or None when left."""
        reminder = item.reminder
        key, day = reminder.recipient.key, reminder.day
        until = self.wall() + timedelta(seconds=self.tuning.claim_seconds)
        claim = await self.store.claim(day, reminder.kind, key, until, item.previous)
        if claim is None:
            return None  # another sender claimed it first
        conversation = await self.store.conversation(key)
        if not conversation:
            await self.store.finish(day, claim, FAILED)
            return FAILED
        conversation_id = str((conversation.get("conversation") or {}).get("id", key))
        errors = 0
        waited = 0.0
        attempt = 0
        while not stop.is_set():
            await pacer.wait(conversation_id)
            delivery = await self.deliver(reminder, conversation)
            if delivery.outcome is Outcome.SENT:
                state = SENT
            elif delivery.outcome is Outcome.GONE:
                await self.store.mark_gone(key)
                state = GONE
            elif delivery.outcome is Outcome.FAILED:
                state = FAILED
            else:
                if delivery.outcome is Outcome.THROTTLED:
                    report.throttled += 1
                else:
                    errors += 1
                    report.retried += 1
                    if errors > self.tuning.max_retries:
                        await self.store.finish(day, claim, FAILED)
                        return FAILED
                delay = self._backoff(attempt, delivery.retry_after)
                if delivery.retry_after is not None:
                    pacer.hold(delivery.retry_after)
                if waited + delay > self.tuning.patience_seconds:
                    return None  # the claim expires and the next run sends it
                waited += delay
                attempt += 1
                with contextlib.suppress(TimeoutError):  # shutting down ends the wait
                    await asyncio.wait_for(stop.wait(), timeout=delay)
                continue
            await self.store.finish(day, claim, state)
            return state
        return None

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Retry-After when given (plus a little jitter), else exponential with full jitter."""
        if retry_after is not None:
            return retry_after * (1 + 0.1 * self.jitter())
        ceiling = min(self.tuning.backoff_max, self.tuning.backoff_base * 2**attempt)
        return ceiling * (0.5 + 0.5 * self.jitter())


class _Contents:
    """What each reminder says, from day partitions read once per run."""

    def __init__(self, org: Organisation, days: DayData, day: date) -> None:
        self.org = org
        self.days = days
        self.day = day
        self._loaded: dict[date, tuple[dict[str, PersonDay], dict[str, TeamDay]]] = {}
        self._requested: list[PersonDay] | None = None

    async def _day(self, day: date) -> tuple[dict[str, PersonDay], dict[str, TeamDay]]:
        if day not in self._loaded:
            people, _, teams = await self.days.whole_day(day)
            self._loaded[day] = ({p.person.key: p for p in people}, teams)
        return self._loaded[day]

    async def _days(self, days: list[date]) -> None:
        missing = [d for d in days if d not in self._loaded]
        loaded = await asyncio.gather(*(self.days.whole_day(d) for d in missing))
        for day, (people, _, teams) in zip(missing, loaded, strict=True):
            self._loaded[day] = ({p.person.key: p for p in people}, teams)

    async def of(self, kind: ReminderKind, recipient: Recipient) -> Content | None:
        match kind:
            case ReminderKind.WEEK_PLAN | ReminderKind.PERMANENCE_GAPS:
                week = next_week(self.day)
                await self._days(week)
                teams = {d: self._loaded[d][1] for d in week}
                if kind is ReminderKind.PERMANENCE_GAPS:
                    return permanence_gaps(self.org, recipient, week, teams)
                plans = {d: self._loaded[d][0] for d in week}
                return week_plan(self.org, recipient, week, plans, teams)
            case ReminderKind.DAY_BEFORE:
                target = next_working_day(self.day)
                people, _ = await self._day(target)
                return day_before(people.get(recipient.key))
            case ReminderKind.DUTY:
                target = next_working_day(self.day)
                _, teams = await self._day(target)
                return duty(recipient, target, teams)
            case ReminderKind.TELEWORK_MORNING:
                earlier = [self.day - timedelta(weeks=w) for w in range(1, HABIT_WEEKS + 1)]
                await self._days([self.day, *earlier])
                today = self._loaded[self.day][0].get(recipient.key)
                before = [self._loaded[d][0].get(recipient.key) for d in earlier]
                return telework_morning(self.org, recipient, self.day, today, before)
            case ReminderKind.PENDING_APPROVALS:
                if self._requested is None:
                    horizon = self.day + timedelta(days=self.org.policy.telework_horizon_days)
                    self._requested = await self.days.requested_between(self.day, horizon)
                return pending_approvals(self.org, recipient, self._requested)
        raise TypeError(f"unknown reminder kind {kind!r}")
