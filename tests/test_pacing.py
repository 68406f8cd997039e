"""The pacer alone, on a fake clock: Teams' global rate and per-conversation windows."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplek.pacing import MARGIN, PER_CONVERSATION, TEAMS_GLOBAL_RATE, Pacer

# Slots are sums of 1/30: float rounding may bring 31 of them 0.9999999999999999 s apart.
# A server cannot tell a femtosecond; anything coarser than this would be a real breach.
EPS = 1e-9

# The pacer's steady spacing at 30/s: 30 messages in every 1 + MARGIN seconds.
STEP = (1 + MARGIN) / 30


class FakeClock:
    """monotonic() and sleep() on virtual time: sleeping moves the clock, nothing waits."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def pacer(clock: FakeClock, **kwargs) -> Pacer:
    return Pacer(monotonic=clock, sleep=clock.sleep, **kwargs)


async def send_all(p: Pacer, clock: FakeClock, conversations: list[str]) -> list[float]:
    """One sender, one message after the other: the instant each one goes out."""
    times = []
    for conversation in conversations:
        await p.wait(conversation)
        times.append(clock.now)
    return times


def breaches(schedule: list[tuple[float, str]]) -> list[str]:
    """Every window of Teams' limits that the (send time, conversation) schedule exceeds."""
    found = []
    everyone = sorted(t for t, _ in schedule)
    per_second = int(TEAMS_GLOBAL_RATE)
    for i in range(len(everyone) - per_second):
        if everyone[i + per_second] - everyone[i] < 1 - EPS:
            found.append(f"global: {per_second + 1} sends within 1 s from {everyone[i]:.3f}")
    by_conversation: dict[str, list[float]] = defaultdict(list)
    for t, conversation in schedule:
        by_conversation[conversation].append(t)
    for conversation, times in by_conversation.items():
        times.sort()
        for window, allowed in PER_CONVERSATION:
            for i in range(len(times) - allowed):
                if times[i + allowed] - times[i] < window - EPS:
                    found.append(f"{conversation}: {allowed + 1} within {window} s at {times[i]}")
    return found


def test_a_rate_that_is_not_positive_is_refused():
    with pytest.raises(ValueError):
        Pacer(0)


def test_the_first_message_goes_at_once():
    clock = FakeClock(100.0)
    assert pacer(clock).reserve("a") == 0


def test_consecutive_slots_are_one_thirtieth_of_a_second_apart_across_conversations():
    clock = FakeClock(5.0)
    p = pacer(clock)
    delays = [p.reserve(f"c{i}") for i in range(90)]
    assert delays == pytest.approx([i * STEP for i in range(90)])


async def test_one_sender_goes_at_thirty_a_second_and_never_faster():
    clock = FakeClock()
    times = await send_all(pacer(clock), clock, [f"c{i % 40}" for i in range(120)])
    gaps = [b - a for a, b in pairwise(times)]
    assert gaps == pytest.approx([STEP] * 119)


async def test_after_a_quiet_spell_the_next_message_goes_at_once():
    clock = FakeClock()
    p = pacer(clock)
    await send_all(p, clock, ["a", "b", "c"])
    clock.now += 10
    assert p.reserve("d") == 0


@pytest.mark.parametrize(
    ("window", "allowed"),
    [(1, 7), (2, 8), (30, 60), (3600, 1800)],
)
async def test_one_conversation_gets_its_allowance_and_then_waits_for_the_window(window, allowed):
    clock = FakeClock()
    times = await send_all(pacer(clock), clock, ["a"] * (allowed + 1))
    assert times[allowed - 1] - times[0] < window  # the allowance fits in the window
    assert times[allowed] - times[0] >= window + MARGIN  # one more waits it out
    assert breaches([(t, "a") for t in times]) == []


async def test_seven_messages_go_within_a_second_and_the_eighth_after_it():
    clock = FakeClock()
    times = await send_all(pacer(clock), clock, ["a"] * 9)
    assert times[:7] == pytest.approx([i * STEP for i in range(7)])
    assert times[7] == pytest.approx(times[0] + 1 + MARGIN)
    assert times[8] == pytest.approx(times[0] + 2 + MARGIN)  # 8 per 2 s


async def test_a_waiting_conversation_does_not_let_others_exceed_the_global_rate():
    clock = FakeClock()
    p = pacer(clock)
    order = ["a"] * 8 + ["b", "c", "d"]
    times = [clock.now + p.reserve(c) for c in order]
    assert times == sorted(times)
    assert breaches(list(zip(times, order, strict=True))) == []


def test_hold_delays_everyone_for_the_given_seconds():
    clock = FakeClock(10.0)
    p = pacer(clock)
    p.reserve("a")
    p.hold(2)
    assert p.reserve("b") == pytest.approx(2)
    assert p.reserve("c") == pytest.approx(2 + STEP)
    assert p.reserve("a") == pytest.approx(2 + 2 * STEP)


def test_a_shorter_hold_does_not_cut_a_longer_one():
    clock = FakeClock(10.0)
    p = pacer(clock)
    p.hold(5)
    p.hold(1)
    assert p.reserve("a") == pytest.approx(5)


async def test_after_a_hold_has_passed_messages_go_at_once_again():
    clock = FakeClock(10.0)
    p = pacer(clock)
    p.hold(2)
    await p.wait("a")
    assert clock.now == pytest.approx(12)
    clock.now = 20
    assert p.reserve("b") == 0


async def test_waiting_sleeps_only_when_there_is_something_to_wait_for():
    clock = FakeClock()
    p = pacer(clock)
    await p.wait("a")
    assert clock.slept == []
    await p.wait("b")
    assert clock.slept == pytest.approx([STEP])


@pytest.mark.parametrize("arrival", ["all_at_once", "one_sender", "trickle"])
@pytest.mark.parametrize("spread", ["round_robin", "skewed"])
def test_a_thousand_sends_over_a_hundred_conversations_stay_within_every_limit(spread, arrival):
    rng = random.Random(20261126)
    conversations = [f"c{i}" for i in range(100)]
    if spread == "round_robin":  # the global rate is what binds
        order = conversations * 10
    else:  # a few busy conversations, to meet their own windows too
        order = rng.choices(conversations, [50 if i < 3 else 1 for i in range(100)], k=1000)
    clock = FakeClock()
    p = pacer(clock)
    schedule = []
    for conversation in order:
        at = clock.now + p.reserve(conversation)
        assert at >= clock.now
        schedule.append((at, conversation))
        if arrival == "one_sender":
            clock.now = at
        elif arrival == "trickle":
            clock.now += rng.expovariate(40)
    assert len(schedule) == 1000 and len({c for _, c in schedule}) > 50
    assert breaches(schedule) == []
    if spread == "round_robin" and arrival != "trickle":
        assert schedule[-1][0] == pytest.approx(999 * STEP)  # and no slower than it must be


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.one_of(st.just(0.0), st.floats(0, 0.2), st.floats(0, 3)),
        ),
        min_size=1,
        max_size=250,
    ),
    st.lists(st.tuples(st.integers(0, 249), st.floats(0, 5, allow_nan=False)), max_size=3),
)
def test_no_arrival_pattern_breaks_a_limit(arrivals, holds):
    """Conversations and gaps between requests chosen by hypothesis, with a few Retry-After."""
    clock = FakeClock()
    p = pacer(clock)
    held = dict(holds)
    schedule = []
    for i, (conversation, gap) in enumerate(arrivals):
        clock.now += gap
        if i in held:
            p.hold(held[i])
        at = clock.now + p.reserve(f"c{conversation}")
        assert at >= clock.now
        if i in held:
            assert at >= clock.now + held[i]
        schedule.append((at, f"c{conversation}"))
    assert breaches(schedule) == []
    assert [t for t, _ in schedule] == sorted(t for t, _ in schedule)


def test_forgetting_idle_conversations_keeps_the_ones_still_in_a_window():
    clock = FakeClock()
    p = pacer(clock)
    p.reserve("idle")
    clock.now = 3000.0
    p.reserve("recent")
    for _ in range(7):
        p.reserve("busy")
    clock.now = 3601.0  # "idle" sent more than an hour ago
    p.forget_idle()
    assert set(p._sent) == {"recent", "busy"}
    clock.now = 3601.5
    p.forget_idle()
    assert set(p._sent) == {"recent", "busy"}


def test_forgetting_idle_conversations_does_not_reset_a_busy_ones_limits():
    clock = FakeClock()
    p = pacer(clock)
    sent = [clock.now + p.reserve("busy") for _ in range(7)]
    clock.now = 0.5
    p.forget_idle()
    assert clock.now + p.reserve("busy") >= sent[0] + 1 + MARGIN


def test_a_forgotten_conversation_starts_afresh():
    clock = FakeClock()
    p = pacer(clock)
    for _ in range(7):
        p.reserve("a")
    clock.now = 4000.0
    p.forget_idle()
    assert "a" not in p._sent
    assert [p.reserve("a") for _ in range(7)] == pytest.approx([i * STEP for i in range(7)])


def test_a_conversation_keeps_the_margin_beyond_its_window_even_when_not_pushed():
    clock = FakeClock()
    p = pacer(clock)
    sent = [clock.now + p.reserve("a") for _ in range(7)]  # 0 .. 0.2 s
    clock.now = sent[0] + 1.01  # just past the 1 s window of the first one
    at = clock.now + p.reserve("a")
    assert at - sent[0] >= 1 + MARGIN
