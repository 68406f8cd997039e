"""Telework and permanence as people experience them in Teams, over HTTP, on Azurite.

Demo organisation: team Sociale dienst (An, Bert, Chloé, Lien; manager Lien; at least 2
on site; 2 telework days a week); Balie works at the front desk and may not telework.
"Today" is Monday 23 November 2026.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import start_bot
from tests.support.teams import TeamsUser, only


@pytest.fixture
def an(make_user):
    return make_user("An Peeters", "an@example.org", "nl-BE")


@pytest.fixture
def bert(make_user):
    return make_user("Bert Claes", "bert@example.org", "en-US")


@pytest.fixture
def chloe(make_user):
    return make_user("Chloé Dubois", "chloe@example.org", "fr-BE")


@pytest.fixture
def lien(make_user):
    return make_user("Lien Janssens", "lien@example.org", "nl-BE")


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en-US", "I work from home tomorrow", ["Tuesday 24 November", "7h36", "thuiswerk"]),
        ("nl-BE", "ik werk morgen thuis", ["dinsdag 24 november", "7u36", "thuiswerk"]),
        ("fr-BE", "je télétravaille demain", ["mardi 24 novembre", "7h36", "thuiswerk"]),
        ("nl-BE", "thuiswerk vrijdagvoormiddag", ["vrijdag 27 november", "3u48"]),
    ],
)
async def test_telework_is_registered_in_the_users_language(make_user, locale, text, expected):
    reply = only(await make_user("An Peeters", "an@example.org", locale).says(text))
    for fragment in expected:
        assert fragment in reply.card_text


async def test_several_days_at_once_each_get_registered(an):
    replies = await an.says("thuis op maandag en donderdag")
    assert len(replies) == 2
    assert "maandag 30 november" in replies[0].card_text
    assert "donderdag 26 november" in replies[1].card_text


async def test_front_desk_staff_are_told_they_cannot_telework(make_user):
    balie = make_user("Balie Onthaal", "balie@example.org", "en-US")
    reply = only(await balie.says("I work from home tomorrow"))
    assert "does not allow telework" in reply.visible
    assert "no telework" in only(await balie.says("my telework this month")).visible.lower()


async def test_telework_and_a_desk_exclude_each_other_for_the_same_half_day(bert):
    await bert.says("book a desk Thursday")
    home = only(await bert.says("I work from home on Thursday"))
    assert "1.01" in home.card_text and "was cancelled" in home.card_text
    assert "no desk booked" in only(await bert.says("my bookings")).card_text
    back = only(await bert.says("book a desk Thursday"))
    assert "Desk booked" in back.card_text and "telework that day" in back.card_text
    assert (
        "You have no telework on Thursday 26 November"
        in only(await bert.says("cancel my telework Thursday")).text
    )


async def test_telework_can_be_taken_back(an):
    await an.says("ik werk donderdag thuis")
    reply = only(await an.says("annuleer thuiswerk donderdag"))
    assert reply.text.startswith("Thuiswerk geschrapt: donderdag 26 november")


async def test_a_recurring_plan_registers_every_day_and_the_month_adds_up(bert):
    replies = await bert.says("every Tuesday and Wednesday from home until 22 December")
    assert len(replies) == 1
    assert "Tuesday 22 December" in replies[0].text
    december = only(await bert.says("my telework in December")).card_text
    assert "53h12" in december and "21.00 EUR" in december
    assert "Tuesday 1 December" in december and "Wednesday 23 December" not in december


async def test_permanence_comes_first_and_the_refusal_names_who_is_on_site(an, bert, chloe):
    await an.says("ik werk donderdag thuis")
    await bert.says("I work from home on Thursday")
    reply = only(await chloe.says("je télétravaille jeudi"))
    text = reply.card_text
    assert "Sociale dienst" in text and "2" in text
    assert "Chloé Dubois" in text and "Lien Janssens" in text
    assert "Bert Claes" not in text.split(":")[-1]
    assert reply.buttons(), "days that still work are offered as buttons"


async def test_two_people_asking_for_the_last_slot_at_once_only_one_gets_it(
    settings, http, connector
):
    standin, connector_url = connector
    bots = [await start_bot(settings), await start_bot(settings)]
    urls = [str(b.make_url("")).rstrip("/") for b in bots]
    an = TeamsUser(http, urls[0], standin, connector_url, "An", "an@example.org", "en-US")
    bert = TeamsUser(http, urls[1], standin, connector_url, "Bert", "bert@example.org", "en-US")
    chloe = TeamsUser(http, urls[0], standin, connector_url, "Chloé", "chloe@example.org", "en-US")
    try:
        await an.says("I work from home on Thursday")
        answers = await asyncio.gather(
            bert.says("I work from home on Thursday"), chloe.says("I work from home on Thursday")
        )
    finally:
        for bot in bots:
            await bot.close()
    registered = [a for a in answers if "7h36" in a[0].card_text]
    assert len(registered) == 1, [a[0].visible for a in answers]


async def test_beyond_the_norm_the_manager_approves_and_the_requester_is_told(an, lien):
    await lien.says("hallo")  # the manager has the app: the bot can reach her
    await an.says("ik werk maandag 30 november thuis")
    await an.says("ik werk dinsdag 1 december thuis")
    request = only(await an.says("ik werk woensdag 2 december thuis"))
    assert "⏳" in request.card_text

    approval = lien.unprompted()[-1]
    assert "An Peeters" in approval.card_text and "woensdag 2 december" in approval.card_text
    answer = only(await lien.clicks(approval.buttons()["Goedkeuren"]))
    assert answer.text.startswith("✅ Goedgekeurd: An Peeters werkt thuis op woensdag 2 december")
    told = an.unprompted()[-1].text
    assert "Lien Janssens keurde je thuiswerk goed op woensdag 2 december" in told

    month = only(await an.says("mijn thuiswerk in december")).card_text
    assert "woensdag 2 december" in month and "15u12" in month  # 1 and 2 December


async def test_only_the_requesters_manager_can_approve(an, bert, lien):
    await lien.says("hallo")
    for day in ("maandag 30 november", "dinsdag 1 december", "woensdag 2 december"):
        await an.says(f"ik werk {day} thuis")
    approval = lien.unprompted()[-1]
    forged = only(await bert.clicks(approval.buttons()["Goedkeuren"]))
    assert "Only the requester's manager" in forged.text
    month = only(await an.says("mijn thuiswerk in december")).card_text
    assert "7u36" in month and "Wacht op goedkeuring" in month  # 2 December still waits


async def test_a_request_without_a_reachable_manager_says_so(an):
    for day in ("maandag 30 november", "dinsdag 1 december"):
        await an.says(f"ik werk {day} thuis")
    replies = await an.says("ik werk woensdag 2 december thuis")
    assert "kon je leidinggevende nog niet bereiken" in replies[-1].text


async def test_managers_see_coverage_and_set_permanence_duty(an, bert, lien):
    await bert.says("I work from home next week Tuesday")
    coverage = only(await lien.says("permanentie volgende week")).card_text
    assert "Sociale dienst" in coverage and "Bert Claes" in coverage
    assert "vrijdag 4 december" in coverage

    duty = only(await lien.says("zet An op permanentie vrijdag"))
    assert duty.text == "🛡️ An Peeters heeft permanentie voor Sociale dienst op vrijdag 27 november."
    refused = only(await an.says("ik werk vrijdag thuis"))
    assert "permanentie" in refused.card_text


async def test_only_managers_set_permanence_duty(bert):
    reply = only(await bert.says("set An on permanence Friday"))
    assert reply.text == "Only a manager of the team can set permanence duty."


def channel(user: TeamsUser, text: str) -> dict:
    """The same user writing in a team channel instead of their personal chat."""
    conversation = {"conversationType": "channel", "tenantId": "t", "id": "19:planning@thread"}
    return user.activity(text=text, conversation=conversation)


async def test_approval_cards_reach_the_managers_personal_chat_not_a_channel(an, lien):
    await lien.says("hallo")
    assert await lien.post(channel(lien, "<at>Werkplek</at> help")) == 200
    for day in ("maandag 30 november", "dinsdag 1 december", "woensdag 2 december"):
        await an.says(f"ik werk {day} thuis")
    approval = lien.unprompted()[-1]
    assert "An Peeters" in approval.card_text
    in_channel = lien.connector.sent["19:planning@thread"]
    assert all("An Peeters" not in str(a) for a in in_channel)


async def test_a_manager_cannot_approve_their_own_request(lien):
    for day in ("maandag 30 november", "dinsdag 1 december", "woensdag 2 december"):
        await lien.says(f"ik werk {day} thuis")
    assert not [r for r in lien.unprompted() if r.buttons()], "no approval card to herself"
    forged = {"werkplek": "approve", "person": lien.aad_object_id, "date": "2026-12-02"}
    reply = only(await lien.clicks(forged))
    assert reply.text.startswith("Alleen de leidinggevende van de aanvrager")


async def test_the_norm_counts_the_other_half_of_the_same_day(bert):
    await bert.says("I work from home Monday 30 November")
    await bert.says("I work from home Tuesday 1 December morning")
    await bert.says("I work from home Wednesday 2 December morning")
    replies = await bert.says("I work from home Tuesday 1 December afternoon")
    assert "⏳" in replies[0].card_text, "2.5 days is beyond a norm of 2"


async def test_members_see_colleagues_who_share_with_nobody_as_a_colleague(an, bert, chloe):
    await chloe.says("montrer mes plans à personne")
    await chloe.says("je télétravaille jeudi")
    card = only(await bert.says("permanence this week")).card_text
    assert "Chloé" not in card and "a colleague" in card


async def test_a_recurring_booking_answers_with_one_summary(bert):
    replies = await bert.says("book a desk every Tuesday until the end of next year")
    assert len(replies) == 1
    assert "Tuesday 24 November" in replies[0].text
