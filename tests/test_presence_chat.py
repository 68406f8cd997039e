"""Who is where, as colleagues see it in Teams, and what each person's privacy choice hides.

Team Sociale dienst: An, Bert, Chloé, Lien. Olivia is in no team. "Today" is Monday
23 November 2026; Thursday is the 26th.
"""

from __future__ import annotations

import pytest

from tests.support.teams import only


@pytest.fixture
def an(make_user):
    return make_user("An Peeters", "an@example.org", "en-US")


@pytest.fixture
def bert(make_user):
    return make_user("Bert Claes", "bert@example.org", "en-US")


@pytest.fixture
def chloe(make_user):
    return make_user("Chloé Dubois", "chloe@example.org", "fr-BE")


@pytest.fixture
def olivia(make_user):
    return make_user("Olivia Buiten", "olivia@example.org", "en-US")


async def test_whos_in_lists_colleagues_in_the_office_and_the_teams_day(an, bert, chloe):
    await bert.says("book desk 1.03 Thursday")
    await chloe.says("je télétravaille jeudi")
    card = only(await an.says("who's in Thursday?")).card_text
    assert "Bert Claes" in card and "1.03" in card
    assert "Chloé Dubois" in card  # at home, shown to her team
    assert "Lien Janssens" in card  # nothing planned yet


@pytest.mark.parametrize(
    ("locale", "text"),
    [("nl-BE", "wie is er donderdag?"), ("fr-BE", "qui est au bureau jeudi ?")],
)
async def test_whos_in_is_understood_in_every_language(make_user, bert, locale, text):
    await bert.says("book desk 1.03 Thursday")
    reply = only(await make_user("An Peeters", "an@example.org", locale).says(text))
    assert "Bert Claes" in reply.card_text and "1.03" in reply.card_text


async def test_where_is_a_colleague_on_a_day(an, bert):
    await bert.says("book desk 2.03 next Tuesday")
    card = only(await an.says("where is Bert on Tuesday?")).card_text
    assert "2.03" in card and "Verdieping 2" in card


async def test_outside_the_team_nothing_is_shown_by_default(bert, olivia):
    await bert.says("book desk 1.03 Thursday")
    day = only(await olivia.says("who's in Thursday?")).card_text
    assert "Bert" not in day and "1.03" not in day
    where = only(await olivia.says("where is Bert on Thursday?")).card_text
    assert "1.03" not in where and "Verdieping" not in where


async def test_sharing_with_everyone_shows_one_to_people_outside_the_team(bert, olivia):
    await bert.says("book desk 1.03 Thursday")
    saved = only(await bert.says("show my plans to everyone"))
    assert saved.text.startswith("Saved: everyone")
    assert "1.03" in only(await olivia.says("who's in Thursday?")).card_text


async def test_sharing_with_nobody_hides_one_in_every_view(an, bert, chloe):
    await chloe.says("réserve le bureau 2.03 jeudi")
    await chloe.says("montrer mes plans à personne")
    day = only(await an.says("who's in Thursday?")).card_text
    assert "2.03" not in day
    where = only(await an.says("where is Chloé on Thursday?")).card_text
    assert "2.03" not in where and "Verdieping" not in where
    week = only(await an.says("my team this week")).card_text
    chloe_row = [line for line in week.split("\n") if "Chloé" in line]
    assert all("🏢" not in line and "🏠" not in line for line in chloe_row)
    near = only(await an.says("book next to Chloé on Thursday"))
    assert "2.0" not in near.visible


async def test_an_ambiguous_name_gets_a_choice_and_the_choice_answers(an, bert, make_user):
    other = make_user("Bert Smit", "bert.smit@example.org", "en-US")
    await other.says("show my plans to everyone")
    await bert.says("book desk 1.03 Thursday")
    choice = only(await an.says("where is Bert on Thursday?"))
    buttons = choice.buttons()
    assert len(buttons) == 2
    pick = next(data for title, data in buttons.items() if "Claes" in title)
    answer = only(await an.clicks(pick)).card_text
    assert "1.03" in answer


async def test_following_needs_the_colleagues_consent(bert, olivia):
    await bert.says("book desk 1.03 Thursday")
    asked = await olivia.says("follow Bert")
    assert "asked Bert Claes" in asked[0].text
    request = bert.unprompted()[-1]
    assert "Olivia Buiten" in request.card_text
    assert "1.03" not in only(await olivia.says("who's in Thursday?")).card_text

    allow = next(
        data for title, data in request.buttons().items() if data.get("werkplek") == "follow_accept"
    )
    forged = only(await olivia.clicks(allow))
    assert forged.text == "There is no follow request waiting any more."
    only(await bert.clicks(allow))
    assert "Bert Claes agreed" in olivia.unprompted()[-1].text
    assert "1.03" in only(await olivia.says("who's in Thursday?")).card_text


async def test_booking_next_to_a_colleague_takes_the_closest_desk_the_rules_allow(an, bert):
    await bert.says("book desk 1.03 Thursday")
    card = only(await an.says("book next to Bert on Thursday")).card_text
    assert "Desk booked" in card and "1.01" in card  # 1.02 and 1.04 stay free next to 1.03


async def test_the_week_grid_pages_in_place(an, bert):
    await bert.says("I work from home next week Tuesday")
    week = only(await an.says("my team this week"))
    assert "Bert Claes" in week.card_text
    next_week = next(data for title, data in week.buttons().items() if "Next" in title)
    activity = an.activity(text="", value=next_week, replyToId="week-card-1")
    assert await an.post(activity) == 200
    updates = [a for a in an.connector.sent[an.conversation_id] if a.get("updates")]
    assert updates and updates[-1]["updates"] == "week-card-1"
    assert "30" in str(updates[-1]["attachments"][0]["content"])


async def test_the_week_grid_refreshes_through_action_execute(an, http, bot_url):
    week = only(await an.says("my team this week"))
    data = next(data for title, data in week.buttons().items() if "Next" in title)
    invoke = an.activity(
        type="invoke",
        name="adaptiveCard/action",
        text=None,
        value={"action": {"type": "Action.Execute", "verb": "team_week", "data": data}},
    )
    async with http.post(f"{bot_url}/api/messages", json=invoke) as response:
        assert response.status == 200
        body = await response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"]["type"] == "AdaptiveCard"


async def test_presence_is_only_answered_in_a_personal_chat(an, bert):
    await bert.says("book desk 1.03 Thursday")
    activity = an.activity(
        text="who's in Thursday?",
        conversation={"conversationType": "channel", "tenantId": "t", "id": "19:team@thread"},
    )
    assert await an.post(activity) == 200
    (reply,) = an.connector.replies_to(activity["id"])
    assert "personal chat" in reply["text"] and "1.03" not in str(reply)


@pytest.mark.parametrize(
    "value",
    [
        {"action": {"type": "Action.Execute", "verb": "x", "data": {"werkplek": "book"}}},
        {
            "action": {
                "type": "Action.Execute",
                "data": {"werkplek": "team_week", "week": "0001-01-01"},
            }
        },
    ],
)
async def test_other_action_execute_data_gets_a_card_back(an, http, bot_url, value):
    invoke = an.activity(type="invoke", name="adaptiveCard/action", text=None, value=value)
    async with http.post(f"{bot_url}/api/messages", json=invoke) as response:
        assert response.status == 200
        body = await response.json()
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert "no longer works" in str(body["value"])


@pytest.mark.parametrize("value", [{}, {"action": {}}, None, {"action": "x"}])
async def test_a_malformed_invoke_gets_a_clear_4xx(an, http, bot_url, value):
    invoke = an.activity(type="invoke", name="adaptiveCard/action", text=None, value=value)
    async with http.post(f"{bot_url}/api/messages", json=invoke) as response:
        assert response.status == 400


@pytest.mark.parametrize("text", ["my team 1/1/0001", "my team the week of 31/12/9999"])
async def test_a_week_far_away_shows_this_week(an, text):
    reply = only(await an.says(text))
    assert "Sociale dienst" in reply.card_text
