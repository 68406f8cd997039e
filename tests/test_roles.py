"""Roles, as people meet them in Teams: managers act on their own teams only, admins on all.

Every privileged action is tried with a forged card submit or message (data copied from
someone else's card, a team that is not one's own) and must change nothing and say why, in
the user's language; then an admin does it. What is stored is read back through the bot:
the requester's month card, the permanence overview, the reminder settings.

Organisation: the demo sites, and two teams with different managers:
- Sociale dienst: An, Bert, Chloé, Lien; manager Lien; at least 2 on site; 2 telework days;
- Onthaal: Balie (front desk, no telework) and Dirk; manager Marc; at least 1 on site;
  0 telework days, so every telework day of Dirk's is a request for Marc.
Iris is an admin (`admins` in the organisation file); Olivia is in no team.
"Today" is Monday 23 November 2026; Thursday is the 26th.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

import pytest
import yaml
from aiohttp.test_utils import TestServer

import config
from app import REMINDERS, TABLES
from config import Settings
from storage.reminders import TableReminderStore
from tests.conftest import BRUSSELS, start_bot
from tests.support.teams import Reply, TeamsUser, only
from werkplek.i18n import t
from werkplek.organisation import Organisation, parse_organisation
from werkplek.reminders import MANAGER_KINDS, ReminderKind


def roles_organisation(social_minimum: int = 2, desk_minimum: int = 1) -> Organisation:
    raw = yaml.safe_load(config.DEMO_ORGANISATION.read_text(encoding="utf-8"))
    raw["teams"] = [
        {
            "id": "sociale-dienst",
            "name": "Sociale dienst",
            "managers": ["lien@example.org"],
            "members": [
                "an@example.org",
                "bert@example.org",
                "chloe@example.org",
                "lien@example.org",
            ],
            "min_on_site": social_minimum,
            "telework_days_per_week": 2,
        },
        {
            "id": "onthaal",
            "name": "Onthaal",
            "managers": ["marc@example.org"],
            "members": ["balie@example.org", "dirk@example.org"],
            "min_on_site": desk_minimum,
            "telework_days_per_week": 0,
        },
    ]
    raw["people"] += [
        {"email": "marc@example.org", "name": "Marc Lambert"},
        {"email": "dirk@example.org", "name": "Dirk Maes"},
        {"email": "it@example.org", "name": "Iris Admin"},
    ]
    raw["admins"] = ["it@example.org"]
    return parse_organisation(raw)


@pytest.fixture
async def server(settings: Settings) -> AsyncIterator[TestServer]:
    bot = await start_bot(settings, organisation=roles_organisation())
    yield bot
    await bot.close()


@pytest.fixture
def person(user_on, server: TestServer) -> Callable[..., TeamsUser]:
    def make(name: str, email: str, locale: str, on: TestServer | None = None) -> TeamsUser:
        return user_on(on or server, name, email, locale)

    return make


@pytest.fixture
def an(person) -> TeamsUser:
    return person("An Peeters", "an@example.org", "nl-BE")


@pytest.fixture
def bert(person) -> TeamsUser:
    return person("Bert Claes", "bert@example.org", "en-US")


@pytest.fixture
def lien(person) -> TeamsUser:
    return person("Lien Janssens", "lien@example.org", "nl-BE")


@pytest.fixture
def marc(person) -> TeamsUser:
    return person("Marc Lambert", "marc@example.org", "fr-BE")


@pytest.fixture
def dirk(person) -> TeamsUser:
    return person("Dirk Maes", "dirk@example.org", "en-US")


@pytest.fixture
def iris(person) -> TeamsUser:
    return person("Iris Admin", "it@example.org", "en-US")


@pytest.fixture
def olivia(person) -> TeamsUser:
    return person("Olivia Buiten", "olivia@example.org", "en-US")


def by_action(reply: Reply) -> dict[str, dict[str, Any]]:
    """A card's submit buttons by what they do ("approve", "follow_accept"...)."""
    return {data["werkplek"]: data for _, data in reply.actions() if "werkplek" in data}


def refusal(language: str, key: str, **values: object) -> str:
    return t(language, key, **values)


async def an_asks_beyond_the_norm(an: TeamsUser, lien: TeamsUser) -> dict[str, dict[str, Any]]:
    """An asks for a third telework day in a week; Lien's approval card, by action."""
    await lien.says("hallo")  # the manager has the app: the bot can reach her
    for day in ("maandag 30 november", "dinsdag 1 december", "woensdag 2 december"):
        await an.says(f"ik werk {day} thuis")
    card = lien.unprompted()[-1]
    assert "An Peeters" in card.card_text and "woensdag 2 december" in card.card_text
    return by_action(card)


async def dirk_asks(dirk: TeamsUser, marc: TeamsUser) -> dict[str, dict[str, Any]]:
    """Dirk (norm 0) asks for Thursday; Marc's approval card, by action."""
    await marc.says("bonjour")
    assert "⏳" in only(await dirk.says("I work from home on Thursday")).card_text
    card = marc.unprompted()[-1]
    assert "Dirk Maes" in card.card_text and "jeudi 26 novembre" in card.card_text
    return by_action(card)


async def an_still_waits(an: TeamsUser) -> bool:
    month = only(await an.says("mijn thuiswerk in december")).card_text
    waiting = month.split("Wacht op goedkeuring")[-1] if "Wacht op goedkeuring" in month else ""
    return "woensdag 2 december" in waiting


async def dirk_still_waits(dirk: TeamsUser) -> bool:
    month = only(await dirk.says("my telework this month")).card_text
    waiting = month.split("Waiting for approval")[-1] if "Waiting for approval" in month else ""
    return "Thursday 26 November" in waiting


# --- approving and declining telework requests ----------------------------------------------


@pytest.mark.parametrize("verdict", ["approve", "decline"])
async def test_a_member_clicking_a_managers_approval_card_changes_nothing(an, bert, lien, verdict):
    card = await an_asks_beyond_the_norm(an, lien)
    forged = only(await bert.clicks(card[verdict]))
    assert forged.text == refusal("en", "decision.not_manager")
    assert await an_still_waits(an)
    assert not [r for r in an.unprompted() if "Bert" in r.text], "An hears of no decision"


@pytest.mark.parametrize("verdict", ["approve", "decline"])
async def test_a_manager_cannot_decide_on_a_request_in_a_team_they_do_not_manage(
    an, lien, marc, dirk, verdict
):
    dirks = await dirk_asks(dirk, marc)
    ans = await an_asks_beyond_the_norm(an, lien)
    assert only(await lien.clicks(dirks[verdict])).text == refusal("nl", "decision.not_manager")
    assert only(await marc.clicks(ans[verdict])).text == refusal("fr", "decision.not_manager")
    assert await dirk_still_waits(dirk)
    assert await an_still_waits(an)


async def test_each_manager_decides_on_their_own_teams_requests(an, lien, marc, dirk):
    dirks = await dirk_asks(dirk, marc)
    ans = await an_asks_beyond_the_norm(an, lien)
    approved = only(await marc.clicks(dirks["approve"])).text
    assert approved.startswith("✅ Approuvé : Dirk Maes télétravaille le jeudi 26 novembre")
    assert not await dirk_still_waits(dirk)
    declined = only(await lien.clicks(ans["decline"])).text
    assert declined.startswith("Geweigerd: An Peeters werkt niet thuis op woensdag 2 december")
    assert "woensdag 2 december" not in only(await an.says("mijn thuiswerk in december")).card_text


async def test_an_admin_decides_on_requests_in_every_team(an, lien, marc, dirk, iris):
    dirks = await dirk_asks(dirk, marc)
    ans = await an_asks_beyond_the_norm(an, lien)
    approved = only(await iris.clicks(dirks["approve"])).text
    assert approved.startswith("✅ Approved: Dirk Maes works from home on Thursday 26 November")
    assert "Iris Admin approved your telework on Thursday 26 November" in dirk.unprompted()[-1].text
    month = only(await dirk.says("my telework this month")).card_text
    assert "Thursday 26 November" in month and "Waiting for approval" not in month
    declined = only(await iris.clicks(ans["decline"])).text
    assert declined.startswith("Declined: An Peeters does not work from home on Wednesday 2 Dec")
    assert "woensdag 2 december" not in only(await an.says("mijn thuiswerk in december")).card_text


async def test_a_forged_request_for_nobody_or_an_unknown_day_is_refused(bert, iris):
    for data in (
        {"werkplek": "approve", "person": "no-such-person", "date": "2026-12-02"},
        {"werkplek": "approve", "person": bert.aad_object_id, "date": "2026-12-02"},
    ):
        assert only(await bert.clicks(data)).text.startswith(
            ("Only the requester's manager", "There is no request waiting")
        )
        answer = only(await iris.clicks(data)).text
        assert answer == refusal("en", "decision.nothing_pending", date="Wednesday 2 December")


# --- permanence duty --------------------------------------------------------------------------


def duty_line(language: str, names: str) -> str:
    return t(language, "permanence.duty", names=names)


async def test_someone_who_manages_no_team_cannot_set_permanence_duty(an, bert, lien):
    reply = only(await bert.says("set An on permanence Friday"))
    assert reply.text == refusal("en", "duty.not_manager")
    overview = only(await lien.says("permanentie deze week")).card_text
    assert duty_line("nl", "An Peeters") not in overview
    assert "7u36" in only(await an.says("ik werk vrijdag thuis")).card_text, "An is not on duty"


async def test_a_manager_cannot_set_duty_in_a_team_they_do_not_manage(lien, marc):
    to_an = only(await marc.says("mets An de permanence vendredi"))
    assert to_an.text == refusal("fr", "duty.not_your_team", name="An Peeters")
    to_dirk = only(await lien.says("zet Dirk op permanentie vrijdag"))
    assert to_dirk.text == refusal("nl", "duty.not_your_team", name="Dirk Maes")
    assert duty_line("nl", "An Peeters") not in only(await lien.says("permanentie")).card_text
    assert duty_line("fr", "Dirk Maes") not in only(await marc.says("permanence")).card_text


async def test_managers_and_admins_set_permanence_duty(lien, marc, iris):
    assert only(await marc.says("mets Dirk de permanence vendredi")).text.startswith("🛡️")
    assert only(await iris.says("set An on permanence Friday")).text == (
        "🛡️ An Peeters is on permanence duty for Sociale dienst on Friday 27 November."
    )
    assert duty_line("nl", "An Peeters") in only(await lien.says("permanentie")).card_text
    assert duty_line("fr", "Dirk Maes") in only(await marc.says("permanence")).card_text
    both = only(await iris.says("permanence this week")).card_text
    assert duty_line("en", "An Peeters") in both and duty_line("en", "Dirk Maes") in both


# --- the permanence overview and the team week ----------------------------------------------


async def test_the_permanence_overview_shows_only_ones_own_teams(bert, dirk, olivia):
    await bert.says("I work from home on Thursday")
    for asked in (
        dirk.says("permanence this week"),
        # A forged button: the overview has no team to choose, whatever the data says.
        dirk.clicks({"werkplek": "permanence", "week": "2026-11-23", "team": "sociale-dienst"}),
    ):
        card = only(await asked).card_text
        assert "Onthaal" in card
        assert "Sociale dienst" not in card and "Bert" not in card
    alone = only(await olivia.says("permanence this week"))
    assert alone.text == refusal("en", "permanence.no_team")


async def test_managers_and_admins_see_names_in_the_overview_of_their_teams(bert, marc, dirk, iris):
    await bert.says("show my plans to nobody")
    await bert.says("I work from home on Thursday")
    await dirk.says("show my plans to nobody")
    await dirk.says("I work from home on Thursday")
    marcs = only(await marc.says("permanence cette semaine")).card_text
    assert "Dirk Maes" in marcs and "Sociale dienst" not in marcs and "Bert" not in marcs
    everything = only(await iris.says("permanence this week")).card_text
    assert "Bert Claes" in everything and "Dirk Maes" in everything


async def test_the_week_of_a_team_that_is_not_ones_own_is_refused(bert, dirk, olivia, iris, http):
    await bert.says("book desk 1.03 Thursday")
    forged = {"werkplek": "team_week", "week": "2026-11-23", "team": "sociale-dienst"}
    reply = only(await dirk.clicks(forged))
    assert reply.text == refusal("en", "presence.not_your_team")
    assert only(await olivia.clicks(forged)).text == refusal("en", "presence.no_team")
    invoke = dirk.activity(
        type="invoke",
        name="adaptiveCard/action",
        text=None,
        value={"action": {"type": "Action.Execute", "verb": "team_week", "data": forged}},
    )
    async with http.post(f"{dirk.bot_url}/api/messages", json=invoke) as response:
        assert response.status == 200
        body = await response.json()
    assert refusal("en", "presence.not_your_team") in str(body["value"])
    assert "Bert" not in str(body["value"])
    own = only(await dirk.clicks({**forged, "team": "onthaal"})).card_text
    assert "Onthaal" in own and "Dirk Maes" in own
    admins = only(await iris.clicks(forged)).card_text
    assert "Sociale dienst" in admins


# --- follow requests ----------------------------------------------------------------------------


async def test_only_the_person_asked_answers_a_follow_request(an, bert, olivia, iris):
    await bert.says("book desk 1.03 Thursday")
    await olivia.says("follow Bert")
    request = by_action(bert.unprompted()[-1])
    for forger, language in ((an, "nl"), (iris, "en")):
        for answer in ("follow_accept", "follow_decline"):
            reply = only(await forger.clicks(request[answer]))
            assert reply.text == refusal(language, "follow.answer_not_yours")
    assert "1.03" not in only(await olivia.says("who's in Thursday?")).card_text
    assert only(await bert.clicks(request["follow_accept"])).text.startswith("Done:")
    assert "1.03" in only(await olivia.says("who's in Thursday?")).card_text


# --- reminders --------------------------------------------------------------------------------


def inputs_of(reply: Reply) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Input.") and "id" in node:
                found[node["id"]] = str(node.get("value", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(reply.card)
    return found


async def test_a_member_cannot_switch_on_a_managers_reminder_but_an_admin_can(bert, iris, server):
    store = TableReminderStore(server.app[TABLES].users, server.app[TABLES].reminders)
    answers: dict[str, str] = {}
    for user in (bert, iris):
        card = only(await user.says("reminders"))
        save = by_action(card)["reminders_save"]
        chosen = inputs_of(card) | {f"on_{k.value}": "true" for k in MANAGER_KINDS}
        chosen |= {f"at_{k.value}": "07:15" for k in MANAGER_KINDS}
        answers[user.member.name] = only(await user.clicks(save, **chosen)).visible
    assert "for managers of a team; nothing was changed" in answers[bert.member.name]
    assert "saved" in answers[iris.member.name]
    berts = await store.settings(bert.aad_object_id)
    assert not set(berts.chosen) & MANAGER_KINDS
    assert "on_pending_approvals" not in inputs_of(only(await bert.says("reminders")))
    irises = await store.settings(iris.aad_object_id)
    assert {k: irises.of(k).at.strftime("%H:%M") for k in MANAGER_KINDS} == dict.fromkeys(
        MANAGER_KINDS, "07:15"
    )
    assert inputs_of(only(await iris.says("reminders")))["at_pending_approvals"] == "07:15"


async def test_waiting_requests_are_reminded_to_their_teams_manager_and_to_admins(
    an, lien, marc, dirk, iris, bert, server
):
    await iris.says("help")
    await bert.says("help")
    await dirk_asks(dirk, marc)
    await an_asks_beyond_the_norm(an, lien)
    before = {u.member.name: len(u.unprompted()) for u in (lien, marc, iris, bert, dirk)}
    await server.app[REMINDERS].run(datetime(2026, 11, 24, 9, 0, tzinfo=BRUSSELS))

    def reminded(user: TeamsUser) -> str:
        new = user.unprompted()[before[user.member.name] :]
        return "\n".join(r.card_text for r in new)

    assert "An Peeters" in reminded(lien) and "Dirk" not in reminded(lien)
    assert "Dirk Maes" in reminded(marc) and "An Peeters" not in reminded(marc)
    assert "Dirk Maes" in reminded(iris) and "An Peeters" in reminded(iris)
    assert reminded(bert) == "" and reminded(dirk) == ""
    # The reminder's buttons go through the same check as the approval card's.
    liens = lien.unprompted()[before[lien.member.name] :]
    approve = next(d for r in liens for _, d in r.actions() if d.get("werkplek") == "approve")
    assert only(await marc.clicks(approve)).text == refusal("fr", "decision.not_manager")
    assert await an_still_waits(an)


async def test_permanence_gaps_are_reminded_to_their_teams_manager_and_to_admins(person, settings):
    # Minimums no team can meet: every team is short every day of next week.
    strict = await start_bot(settings, organisation=roles_organisation(5, 3))
    try:
        people = {
            name: person(name, f"{name.lower()}@example.org", "en-US", on=strict)
            for name in ("Lien", "Marc", "Dirk", "An")
        }
        people["Iris"] = person("Iris Admin", "it@example.org", "en-US", on=strict)
        for user in people.values():
            await user.says("help")
        await strict.app[REMINDERS].run(datetime(2026, 11, 27, 10, 0, tzinfo=BRUSSELS))

        def gaps(user: TeamsUser) -> str:
            found = [r for r in user.unprompted() if "Permanence next week" in r.card_text]
            return "\n".join(r.card_text for r in found)

        assert "Sociale dienst" in gaps(people["Lien"]) and "Onthaal" not in gaps(people["Lien"])
        assert "Onthaal" in gaps(people["Marc"]) and "Sociale dienst" not in gaps(people["Marc"])
        assert "Onthaal" in gaps(people["Iris"]) and "Sociale dienst" in gaps(people["Iris"])
        assert gaps(people["Dirk"]) == "" and gaps(people["An"]) == ""
    finally:
        await strict.close()


def test_the_roles_organisation_is_what_the_tests_assume():
    org = roles_organisation()
    assert [t.id for t in org.teams_managed_by("lien@example.org")] == ["sociale-dienst"]
    assert [t.id for t in org.teams_managed_by("marc@example.org")] == ["onthaal"]
    assert len(org.teams_managed_by("it@example.org")) == 2
    assert org.teams_managed_by("bert@example.org") == ()
    assert ReminderKind.PENDING_APPROVALS in MANAGER_KINDS
