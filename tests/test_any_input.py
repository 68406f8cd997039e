"""Whatever arrives, the bot answers with a 2xx or a clear 4xx, and the rules still hold.

Hypothesis throws a few thousand activities at the running app, in batches: every activity
type Teams sends (and some it never does), from real colleagues and from senders whose ids,
names, conversations and tenants hold what Table keys forbid (/ \\ # ? %), control
characters, NUL, emoji and right-to-left text; messages from the bot's own vocabulary mixed
with noise, 30,000-character texts, card submits with every action the cards carry and
missing, altered, forged or oversized data; some sent at the same moment, some damaged on
purpose. After each batch:

- no 5xx, no unhandled error in the log, a damaged activity gets its 4xx and a message in a
  chat gets an answer that is not "something went wrong";
- the day plans in Table storage, read directly, keep every rule: no zone over capacity,
  no desk twice, neighbours kept free, no seat without its person row and no person row
  pointing at a seat its zone row does not hold, telework and team rows agree, no team
  below its minimum on site, nobody on duty at home.

Afterwards GET /healthz answers 200 and a normal booking works.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from azure.data.tables.aio import TableClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from cards.actions import ACTION_FIELD, CardAction
from config import Settings
from storage import keys
from storage.tables import TableNames
from tests.support.connector import Member
from tests.support.teams import BOT_ID
from werkplek.i18n import LANGUAGES, t
from werkplek.organisation import Organisation, load_organisation

MAX_BODY = 256 * 1024
# Nothing the generator can say or click reaches this day (no word for it, no submit date):
# the normal booking after the barrage takes a desk on it.
CONTROL_DAY = date(2026, 12, 18)

VOCABULARY = """
    book boek réserve desk bureau plek cancel annuleer annule my mijn mes bookings reservaties
    réservations thuis home télétravail ik werk I work from tomorrow morgen demain Thursday
    donderdag jeudi next volgende prochain week semaine 3/12 31/02 2026-12-03 3 december
    décembre morning namiddag après-midi Verdieping 1 2 2.03 1.05 W1 every elke until tot eind
    januari who's in wie is er where waar Bert An Chloé follow volg unfollow privacy nobody
    everyone permanence permanentie zet op set on team month maand next to naast reminders
    herinneringen stop start help <at>Werkplek</at> ? ! 🙂 / # \\ % ?%#/ ש ل مرحبا שלום
"""
WORDS = [*VOCABULARY.split(), "\x00", "\u202e"]
HOSTILE = ["a/b", "a\\b", "a#b", "a?b", "a%b", "%2F", "\x00", "\x01\x1f", "\u202egnp", "🙂", "ש/ل"]
TEAMS = ["sociale-dienst", "onthaal", "x/y", "../onthaal", ""]


@dataclass(frozen=True)
class Sender:
    """Who posts: the ids Teams would put on the activity, and what the roster says."""

    name: str | None
    from_id: str
    aad: str | None
    conversation: str
    tenant: str
    locale: str | None
    email: str | None  # None: the roster does not know them

    @property
    def key(self) -> str:
        return (self.aad or self.from_id).strip()


def _colleague(name: str, email: str, locale: str) -> Sender:
    aad = f"aad-{email.split('@')[0]}"
    return Sender(name, f"29:{aad}", aad, f"a:personal-{aad}", "tenant-1", locale, email)


SENDERS = [
    _colleague("An Peeters", "an@example.org", "nl-BE"),
    _colleague("Bert Claes", "bert@example.org", "en-US"),
    _colleague("Chloé Dubois", "chloe@example.org", "fr-BE"),
    _colleague("Lien Janssens", "lien@example.org", "nl-BE"),  # manages both teams
    _colleague("Balie Onthaal", "balie@example.org", "fr-FR"),  # may not telework
    _colleague("Olivia", "olivia@example.org", "de-DE"),  # in no team
    # Ids, names, conversations and tenants with what Table keys and URLs forbid.
    Sender(
        "Ω/\\#?%\x00 name",
        "29:x/y#z?%\\",
        "a/b\\c#d?e%f",
        "a:conv/with#hash?and%pct\\",
        "t/#?%\\",
        "nl-BE",
        "we/ird#?%\\@example.org",
    ),
    Sender("\u202eevil مرحبا", "29:\u202ertl", "🙂שלוםمرحبا", "a:rtl", "\x00tenant", None, None),
    Sender(None, "29:" + "/" * 150, None, "19:channel@thread.tacv2;messageid=1", "", "xx", None),
    Sender("\x01\x1f", "29:ctl", "\x00\x01\x1f", "a:%2F%23", "%", "fr", "ctl@example.org"),
]
KNOWN_KEYS = [s.key for s in SENDERS]


def _dates(exclude: date) -> st.SearchStrategy[Any]:
    near = [date(2026, 11, d) for d in (22, 23, 24, 25, 26, 27, 28, 30)]
    near += [date(2026, 12, d) for d in (1, 2, 3, 4, 7, 25)] + [date(2027, 1, 1)]
    return st.one_of(
        st.sampled_from(near).map(date.isoformat),
        st.dates().filter(lambda d: d != exclude).map(date.isoformat),
        st.sampled_from(["", "not a date", "2026-13-01", "2026-11-26T00:00", "0000-00-00"]),
        st.integers(),
        st.none(),
    )


DATES = _dates(CONTROL_DAY)
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE), st.just("x" * 250))
VALUES = st.one_of(TEXT, st.integers(), st.none(), st.booleans(), DATES, st.lists(st.integers()))

# What people really type, on the days the generator plays with: bookings, telework,
# permanence and presence collide there, so the rules are tried on a busy day plan.
DAYS_SAID = ["Thursday", "donderdag", "jeudi", "tomorrow", "morgen", "3/12", "1 december", "27/11"]
REQUESTS = [
    "book a desk {day}",
    "boek een bureau {day} voormiddag",
    "réserve un bureau {day} après-midi",
    "book desk {desk} on {day}",
    "boek een plek op Verdieping 2 {day}",
    "cancel my desk {day}",
    "I work from home {day}",
    "ik werk {day} thuis",
    "je télétravaille {day} matin",
    "cancel my telework {day}",
    "I work from home on Tuesday, Thursday and Friday",
    "ik werk dinsdag, woensdag en donderdag volgende week thuis",
    "every Thursday at home until the end of January",
    "set {name} on permanence {day}",
    "zet {name} op permanentie {day}",
    "mets {name} de permanence {day}",
    "book next to {name} {day}",
    "who's in {day}?",
    "where is {name} on {day}?",
]
plausible = st.builds(
    lambda template, day, desk, name: template.format(day=day, desk=desk, name=name),
    st.sampled_from(REQUESTS),
    st.sampled_from(DAYS_SAID),
    st.sampled_from(["1.01", "1.02", "1.03", "2.03", "2.04", "W1", "W2", "W3"]),
    st.sampled_from(["An", "Bert", "Chloé", "Lien", "Balie", "Olivia"]),
)
messages = st.one_of(
    plausible,
    plausible,
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.text(max_size=80),  # any unicode: controls, NUL, surrogates escaped by json
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "🙂", "ש", "\x00"]), st.just(30_000)),
)
submits = st.fixed_dictionaries(
    {ACTION_FIELD: st.one_of(st.sampled_from([a.value for a in CardAction]), VALUES)},
    optional={
        "date": DATES,
        "part": st.one_of(st.sampled_from(["full", "am", "pm", "evening"]), VALUES),
        "zone": st.one_of(st.sampled_from(["hq/z1", "hq/z2", "ds/open", "x/y"]), VALUES),
        "desk": st.one_of(st.sampled_from(["1.01", "1.02", "2.03", "W2", "9.99"]), VALUES),
        "seat": st.one_of(st.sampled_from(["hq/z1|1.02", "hq/z2|2.05", "hq/z9|1", "|"]), VALUES),
        "person": st.one_of(st.sampled_from(KNOWN_KEYS), VALUES),  # forged approvals
        "email": st.one_of(st.sampled_from(["bert@example.org", "an@example.org"]), VALUES),
        "follower": st.one_of(st.sampled_from(KNOWN_KEYS), VALUES),  # forged answers
        "week": DATES,
        "team": st.one_of(st.sampled_from(TEAMS), VALUES),
        "for": st.one_of(st.sampled_from(["where_is", "follow", "unfollow", "book_near"]), VALUES),
        "visibility": st.one_of(st.sampled_from(["team", "everyone", "nobody"]), VALUES),
        "enabled": st.one_of(st.sampled_from(["on", "off"]), VALUES),
        "on_week_plan": st.sampled_from(["true", "false", True, "yes", None]),
        "at_week_plan": st.one_of(st.sampled_from(["14:00", "7:05", "25:99"]), VALUES),
        "on_pending_approvals": st.sampled_from(["true", True]),  # a manager's kind, forged
        "at_pending_approvals": st.sampled_from(["06:00", "x"]),
        "padding": st.sampled_from(["", "p" * 1000, "p" * 300_000]),  # oversized data
    },
)

# Card buttons as the cards make them, on the busy days (and sometimes someone else's).
BUSY_DAYS = ["2026-11-26", "2026-11-27", "2026-12-03"]
buttons = st.one_of(
    st.fixed_dictionaries(
        {
            ACTION_FIELD: st.sampled_from(["book", "cancel", "telework", "cancel_telework"]),
            "date": st.sampled_from(BUSY_DAYS),
            "part": st.sampled_from(["full", "am", "pm"]),
        },
        optional={
            "zone": st.sampled_from(["hq/z1", "hq/z2", "ds/open"]),
            "desk": st.sampled_from(["1.01", "1.02", "1.05", "2.03", "W2"]),
        },
    ),
    st.fixed_dictionaries(
        {
            ACTION_FIELD: st.just("move"),
            "date": st.sampled_from(BUSY_DAYS),
            "part": st.just("full"),
            "seat": st.sampled_from(["hq/z1|1.02", "hq/z1|1.04", "hq/z2|2.05", "ds/open|W3"]),
        }
    ),
    st.fixed_dictionaries(
        {
            ACTION_FIELD: st.sampled_from(["approve", "decline"]),
            "person": st.sampled_from(KNOWN_KEYS),
            "date": st.sampled_from(BUSY_DAYS),
            "part": st.sampled_from(["full", "am", "pm"]),
        }
    ),
    st.fixed_dictionaries(
        {ACTION_FIELD: st.just("day_off"), "date": st.sampled_from(BUSY_DAYS)},
    ),
)

OTHER_TYPES = [
    "typing",
    "messageReaction",
    "endOfConversation",
    "foo",
    "event",
    "messageUpdate",
    "messageDelete",
    "conversationUpdate",
    "installationUpdate",
    "invoke",
    "trace",
    "handoff",
    "deleteUserData",
]
others = st.fixed_dictionaries(
    {"type": st.sampled_from(OTHER_TYPES)},
    optional={
        "name": st.sampled_from(["adaptiveCard/action", "task/fetch", "x", "signin/verifyState"]),
        "action": st.sampled_from(["add", "remove", "add-upgrade", "junk"]),
        "value": st.one_of(
            st.none(),
            submits.map(
                lambda data: {"action": {"type": "Action.Execute", "verb": "v", "data": data}}
            ),
            st.sampled_from([{}, {"action": {}}, {"action": "x"}, "x", [1]]),
        ),
        # Members the roster knows. For one it does not know, the SDK's look-up of every added
        # member (TeamsActivityHandler.on_teams_members_added_dispatch) fails the turn: a bot
        # that only cares about itself joining should not ask (bots/werkplek_bot.py).
        "membersAdded": st.sampled_from([[{"id": BOT_ID}], [{"id": "29:aad-bert"}], []]),
        "membersRemoved": st.sampled_from([[{"id": BOT_ID}], []]),
        "reactionsAdded": st.sampled_from([[{"type": "like"}], [{"type": 5}]]),
        "text": messages,
        "channelData": st.sampled_from([{}, {"eventType": "teamRenamed"}, {"tenant": {"id": "x"}}]),
    },
)

# Damage that must be answered 400: (name, change to the activity).
DAMAGE = {
    "no from": lambda a: a.pop("from"),
    "from not an object": lambda a: a.update({"from": "x"}),
    "no conversation": lambda a: a.update({"conversation": None}),
    "empty type": lambda a: a.update({"type": ""}),
    "type not text": lambda a: a.update({"type": 5}),
    "no serviceUrl": lambda a: a.pop("serviceUrl"),
    "ftp serviceUrl": lambda a: a.update({"serviceUrl": "ftp://x"}),
    "text not text": lambda a: a.update({"text": 5}),
    "entities not a list": lambda a: a.update({"entities": "x"}),
    "timestamp garbage": lambda a: a.update({"timestamp": "garbage"}),
    "empty conversation id": lambda a: a["conversation"].update({"id": ""}),
    "conversation id with NUL": lambda a: a["conversation"].update({"id": "a:\x00"}),
    "conversation id with space": lambda a: a["conversation"].update({"id": " a:b"}),
    "conversation id not ASCII": lambda a: a["conversation"].update({"id": "a:é"}),
    "empty from id": lambda a: a["from"].update({"id": " "}),
    "long from id": lambda a: a["from"].update({"id": "29:" + "x" * 200}),
    "aadObjectId not text": lambda a: a["from"].update({"aadObjectId": 5}),
    "long aadObjectId": lambda a: a["from"].update({"aadObjectId": "/" * 161}),
    "long name": lambda a: a["from"].update({"name": "n" * 300}),
    "long locale": lambda a: a.update({"locale": "nl-" + "x" * 100}),
    "channelData not an object": lambda a: a.update({"channelData": "x"}),
    "member without id": lambda a: a.update({"membersAdded": [{"id": None}]}),
}
RAW_DAMAGE = {"truncated JSON": 400, "text/plain": 415}

step = st.fixed_dictionaries(
    {
        # Colleagues more often than strangers, and Lien (who manages) most.
        "sender": st.sampled_from([*range(len(SENDERS)), *range(6), 3, 3]),
        "what": st.one_of(
            plausible.map(lambda text: ("text", text)),
            messages.map(lambda text: ("text", text)),
            submits.map(lambda value: ("submit", value)),
            buttons.map(lambda value: ("submit", value)),
            others.map(lambda fields: ("other", fields)),
        ),
        "chat": st.sampled_from(["personal"] * 8 + ["channel", "groupChat"]),
        "damage": st.one_of(
            st.none(),
            st.none(),
            st.none(),
            st.none(),
            st.sampled_from(sorted(DAMAGE) + sorted(RAW_DAMAGE)),
        ),
    }
)
# Lien manages both teams: she puts colleagues on duty on the busy days.
duty = st.fixed_dictionaries(
    {
        "sender": st.just(3),
        "what": st.builds(
            lambda name, day: ("text", f"set {name} on permanence {day}"),
            st.sampled_from(["An", "Bert", "Chloé", "Lien", "Balie"]),
            st.sampled_from(DAYS_SAID),
        ),
        "chat": st.just("personal"),
        "damage": st.none(),
    }
)
steps = st.one_of(step, step, step, step, duty)
# A batch: steps posted one after the other, or some of them at the same moment.
batches = st.lists(st.lists(steps, min_size=1, max_size=5), min_size=2, max_size=8)


@dataclass
class Sent:
    step: dict[str, Any]
    activity: dict[str, Any]
    status: int
    expected: set[int]
    replies: list[dict[str, Any]]


class Barrage:
    """Builds activities from steps, posts them, and checks each answer."""

    def __init__(self, http, bot_url: str, connector, connector_url: str) -> None:
        self.http = http
        self.bot_url = bot_url
        self.connector = connector
        self.connector_url = connector_url
        self.count = 0
        self.statuses: dict[int, int] = defaultdict(int)
        self.ids = iter(range(1, 10**9))
        for sender in SENDERS:
            if sender.email:
                member = Member(sender.from_id, sender.name or "", sender.aad or "", sender.email)
                connector.members[sender.from_id] = member

    def activity(self, sender: Sender, chat: str, **fields: Any) -> dict[str, Any]:
        conversation_id = sender.conversation if chat == "personal" else f"19:{chat}@thread.v2"
        activity: dict[str, Any] = {
            "type": "message",
            "id": f"fuzz-{next(self.ids)}",
            "serviceUrl": self.connector_url,
            "channelId": "msteams",
            "from": {"id": sender.from_id, "name": sender.name, "aadObjectId": sender.aad},
            "conversation": {
                "conversationType": chat,
                "tenantId": sender.tenant,
                "id": conversation_id,
            },
            "recipient": {"id": BOT_ID, "name": "Werkplek"},
            "locale": sender.locale,
            "channelData": {"tenant": {"id": sender.tenant}},
        }
        activity.update(fields)
        return activity

    def build(self, step: dict[str, Any]) -> tuple[dict[str, Any], bytes, str, set[int]]:
        sender = SENDERS[step["sender"]]
        kind, what = step["what"]
        if kind == "text":
            activity = self.activity(sender, step["chat"], text=what)
        elif kind == "submit":
            activity = self.activity(sender, step["chat"], text="", value=what)
        else:
            activity = self.activity(sender, step["chat"], **what)
        expected = self.expected(activity)
        content_type = "application/json"
        damage = step["damage"]
        if damage in DAMAGE:
            DAMAGE[damage](activity)
            expected = {400}
        body = json.dumps(activity).encode()
        if damage == "truncated JSON":
            body, expected = body[: len(body) // 2], {400}
        if damage == "text/plain":
            content_type, expected = "text/plain", {415}  # refused before the body is read
        elif len(body) > MAX_BODY:
            expected = {413}  # refused before it is parsed
        return activity, body, content_type, expected

    @staticmethod
    def expected(activity: dict[str, Any]) -> set[int]:
        if activity["type"] != "invoke":
            return {200}
        value = activity.get("value")
        action = value.get("action") if isinstance(value, dict) else None
        well_formed = (
            activity.get("name") == "adaptiveCard/action"
            and isinstance(action, dict)
            and isinstance(action.get("data"), dict)
        )
        return {200} if well_formed else {400}

    async def post(self, step: dict[str, Any]) -> Sent:
        activity, body, content_type, expected = self.build(step)
        headers = {"Content-Type": content_type}
        async with self.http.post(
            f"{self.bot_url}/api/messages", data=body, headers=headers
        ) as response:
            await response.read()
            status = response.status
        self.count += 1
        self.statuses[status] += 1
        replies = self.connector.replies_to(activity["id"])
        return Sent(step, activity, status, expected, replies)

    async def run(self, batch: list[list[dict[str, Any]]]) -> list[Sent]:
        sent: list[Sent] = []
        for group in batch:
            sent += await asyncio.gather(*(self.post(step) for step in group))
        return sent


FAILURES = {t(lang, key) for lang in LANGUAGES for key in ("error.generic", "error.busy")}


def check_answer(sent: Sent) -> None:
    where = f"{sent.step} -> {sent.status}"
    assert sent.status < 500, where
    assert sent.status in sent.expected, where
    texts = [r.get("text") or "" for r in sent.replies]
    assert not [x for x in texts if x in FAILURES], f"{where}: {texts}"
    if sent.status == 200 and sent.activity.get("type") == "message":
        assert sent.replies, f"{where}: no answer"


# --- the rules, read from storage -----------------------------------------------------------


async def day_rows(table: TableClient) -> dict[date, list[dict[str, Any]]]:
    rows: dict[date, list[dict[str, Any]]] = defaultdict(list)
    async for entity in table.list_entities():
        try:
            day = date.fromisoformat(entity["PartitionKey"])
        except ValueError:
            continue  # not a day plan
        rows[day].append(entity)
    return rows


def _json(entity: dict[str, Any] | None, name: str, default: Any) -> Any:
    return json.loads(entity[name]) if entity and entity.get(name) else default


def check_day(org: Organisation, day: date, rows: list[dict[str, Any]]) -> None:
    zones = {keys.zone_row(z.key): z for z in org.zones}
    teams = {keys.team_row(tm.id): tm for tm in org.teams}
    by_key = {r["RowKey"]: r for r in rows}
    people = {
        keys.unescape(k[len(keys.PERSON_PREFIX) :]): r
        for k, r in by_key.items()
        if k.startswith(keys.PERSON_PREFIX)
    }
    for half in ("am", "pm"):
        where = f"{day} {half}"
        seated: dict[str, tuple[str, str]] = {}
        for row_key, zone in zones.items():
            taken: dict[str, str] = _json(by_key.get(row_key), half, {})
            assert len(taken) <= zone.capacity, f"{where}: {zone.key} over capacity: {taken}"
            for desk, person in taken.items():
                assert zone.desk(desk) is not None, f"{where}: no desk {desk} in {zone.key}"
                assert not zone.neighbours_of(desk) & set(taken), f"{where}: {desk}'s neighbour"
                assert person not in seated, f"{where}: {person!r} has two seats"
                seated[person] = (zone.key, desk)
                row = people.get(person)
                assert row is not None, f"{where}: {zone.key} {desk} has no person row"
                assert (row.get(f"{half}_zone"), row.get(f"{half}_desk")) == (zone.key, desk), (
                    f"{where}: {person!r}'s row disagrees with {zone.key}"
                )
        away: dict[str, dict[str, str]] = defaultdict(dict)
        for person, row in people.items():
            seat = (row.get(f"{half}_zone"), row.get(f"{half}_desk"))
            if any(seat):
                assert seated.get(person) == seat, f"{where}: {person!r} points at a seat {seat}"
            home = row.get(f"{half}_home")
            if home:
                assert not any(seat), f"{where}: {person!r} has a desk and telework"
                email = (row.get("email") or "").casefold()
                for team in org.teams_of(email):
                    away[team.id][email] = home
        for row_key, team in teams.items():
            entity = by_key.get(row_key)
            recorded: dict[str, str] = _json(entity, half, {})
            assert recorded == away.get(team.id, {}), f"{where}: {team.id} row != person rows"
            duty = set(_json(entity, "duty", []))
            assert duty <= set(team.members), f"{where}: {team.id} duty {duty}"
            assert not duty & set(recorded), f"{where}: on duty at home in {team.id}"
            on_site = len([m for m in team.members if m not in recorded])
            if day.weekday() < 5:
                assert on_site >= team.min_on_site(day.weekday()), f"{where}: {team.id} short"


async def check_storage(org: Organisation, table: TableClient) -> dict[str, int]:
    """Check every day plan; what it held, to show the rules were tried on real data."""
    rows = await day_rows(table)
    held: dict[str, int] = defaultdict(int)
    for day, entities in rows.items():
        check_day(org, day, entities)
        for entity in entities:
            for half in ("am", "pm"):
                held["seats"] += bool(entity.get(f"{half}_desk"))
                held["telework"] += entity.get(f"{half}_home") == "home"
                held["requests"] += entity.get(f"{half}_home") == "requested"
            held["duty"] += len(_json(entity, "duty", []))
    return held


# --- the barrage ----------------------------------------------------------------------------

EXAMPLES = 170


@pytest.fixture
async def bookings_table(settings: Settings):
    name = TableNames.with_prefix(settings.table_prefix).bookings
    async with TableClient.from_connection_string(
        settings.storage_connection_string, name
    ) as table:
        yield table


async def test_a_barrage_of_activities_leaves_the_app_healthy_and_the_rules_intact(
    http, bot_url, connector, bookings_table, make_user, caplog
):
    standin, connector_url = connector
    barrage = Barrage(http, bot_url, standin, connector_url)
    org = load_organisation(Settings().organisation_file)
    loop = asyncio.get_running_loop()
    checked: dict[str, int] = defaultdict(int)  # what the day plans held, summed over batches

    async def one_batch(batch: list[list[dict[str, Any]]]) -> None:
        caplog.clear()
        for sent in await barrage.run(batch):
            check_answer(sent)
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, [f"{r.name}: {r.getMessage()}" for r in errors]
        for kind, count in (await check_storage(org, bookings_table)).items():
            checked[kind] += count

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(batch=batches)
    def property_holds(batch: list[list[dict[str, Any]]]) -> None:
        asyncio.run_coroutine_threadsafe(one_batch(batch), loop).result(timeout=120)

    # Hypothesis runs in a thread; each batch runs on this loop, where the app serves.
    await asyncio.to_thread(property_holds)

    async with http.get(f"{bot_url}/healthz") as response:
        assert response.status == 200
    control = make_user("Zoë Control", "zoe@example.org", "en-US")
    booked = await control.says("book a desk Friday 18 December")
    assert len(booked) == 1 and "Desk booked" in booked[0].card_text, booked[0].visible
    await check_storage(org, bookings_table)
    # The rules were checked on day plans with desks, telework, requests and duty in them.
    assert all(checked[k] for k in ("seats", "telework", "requests", "duty")), checked
    logging.getLogger(__name__).info(
        "barrage: %d activities, answers %s, day plans checked %s",
        barrage.count,
        dict(barrage.statuses),
        dict(checked),
    )
    assert barrage.count >= 2000, barrage.count
    assert 200 in barrage.statuses and 400 in barrage.statuses and 413 in barrage.statuses


# --- the storage check itself ---------------------------------------------------------------

THURSDAY = date(2026, 11, 26)


def _zone(zone: str, am: dict[str, str], pm: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "RowKey": keys.zone_row(zone),
        "am": json.dumps(am),
        "pm": json.dumps(am if pm is None else pm),
    }


def _person(key: str, email: str | None = None, **halves: str) -> dict[str, Any]:
    return {"RowKey": keys.person_row(key), "email": email or "", **halves}


def _team(
    team: str, am: dict[str, str], pm: dict[str, str] | None = None, duty: list[str] | None = None
) -> dict[str, Any]:
    return {
        "RowKey": keys.team_row(team),
        "am": json.dumps(am),
        "pm": json.dumps(am if pm is None else pm),
        "duty": json.dumps(duty or []),
    }


def _seat(zone: str, desk: str) -> dict[str, str]:
    return {"am_zone": zone, "am_desk": desk, "pm_zone": zone, "pm_desk": desk}


BERT = "bert@example.org"
GOOD = [
    _zone("hq/z1", {"1.01": "k/a", "1.03": "k#b"}),
    _person("k/a", "an@example.org", **_seat("hq/z1", "1.01")),
    _person("k#b", None, **_seat("hq/z1", "1.03")),
    _person("k?c", BERT, am_home="home", pm_home="requested"),
    _team("sociale-dienst", {BERT: "home"}, {BERT: "requested"}, duty=["an@example.org"]),
]
# What breaks a rule, and the words the check says it with.
BROKEN = {
    "over capacity": (
        [_zone("ds/open", {}, {"W1": "a", "W2": "b", "W3": "c"})],
        "over capacity",
    ),
    "neighbour": ([_zone("hq/z2", {"2.01": "x", "2.02": "y"})], "neighbour"),
    "no such desk": ([_zone("hq/z2", {"9.99": "x"})], "no desk 9.99"),
    "two seats": ([_zone("hq/z2", {"2.05": "k/a"})], "two seats"),
    "seat without person row": ([_zone("hq/z2", {"2.05": "nobody"})], "no person row"),
    "person row pointing elsewhere": (
        [_person("k%d", None, **_seat("hq/z2", "2.04"))],
        "points at a seat",
    ),
    "desk and telework": (
        [_person("k/a", "an@example.org", am_home="home", **_seat("hq/z1", "1.01"))],
        "a desk and telework",
    ),
    "team row missing a person": (
        [_person("k!e", "chloe@example.org", am_home="home")],
        "row != person rows",
    ),
    "on duty at home": (
        [_team("sociale-dienst", {BERT: "home"}, {BERT: "requested"}, [BERT])],
        "on duty at home",
    ),
    "below the minimum": (
        [
            _team("onthaal", {"balie@example.org": "home"}),
            _person("k!f", "balie@example.org", am_home="home", pm_home="home"),
        ],
        "onthaal short",
    ),
}


def _replace(rows: list[dict[str, Any]], changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    changed = {r["RowKey"]: r for r in changes}
    return [changed.pop(r["RowKey"], r) for r in rows] + list(changed.values())


def test_the_storage_check_accepts_a_day_that_keeps_the_rules():
    check_day(load_organisation(Settings().organisation_file), THURSDAY, GOOD)


@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_the_storage_check_catches_each_broken_rule(broken):
    org = load_organisation(Settings().organisation_file)
    rows, says = BROKEN[broken]
    with pytest.raises(AssertionError, match=says):
        check_day(org, THURSDAY, _replace(GOOD, rows))
