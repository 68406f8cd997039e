"""The HTTP endpoint: every bad request gets a clear 4xx, never a 500, and changes nothing."""

from __future__ import annotations

import json

import pytest

from tests.support.teams import only


async def post_raw(http, bot_url, body: bytes, content_type: str = "application/json"):
    async with http.post(
        f"{bot_url}/api/messages", data=body, headers={"Content-Type": content_type}
    ) as response:
        return response.status, await response.text()


async def test_health_check_answers_ok(http, bot_url):
    async with http.get(f"{bot_url}/healthz") as response:
        assert response.status == 200
        assert (await response.json())["status"] == "ok"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{not json", "application/json", 400, "not valid JSON"),
        (b"\xff\xfe", "application/json", 400, "not valid JSON"),
        (b'"a string"', "application/json", 400, "JSON object"),
        (b"[]", "application/json", 400, "JSON object"),
        (b"{}", "application/json", 400, "type is required"),
        (b'{"type": "message"}', "application/json", 400, "conversation.id is required"),
        (b"type=message", "application/x-www-form-urlencoded", 415, "application/json"),
        (b'{"type": "message"}', "text/plain", 415, "application/json"),
    ],
)
async def test_malformed_requests_get_a_clear_4xx(
    http, bot_url, body, content_type, status, message
):
    got, text = await post_raw(http, bot_url, body, content_type)
    assert got == status
    assert message in json.loads(text)["error"]


async def test_an_activity_without_a_service_url_is_refused(http, bot_url, make_user):
    activity = make_user().activity(text="book a desk Thursday")
    del activity["serviceUrl"]
    got, text = await post_raw(http, bot_url, json.dumps(activity).encode())
    assert got == 400 and "serviceUrl" in text


async def test_a_body_over_256_kb_is_refused(http, bot_url, make_user):
    activity = make_user().activity(text="x" * 300_000)
    got, _ = await post_raw(http, bot_url, json.dumps(activity).encode())
    assert got == 413


async def test_unknown_activity_types_are_accepted_and_ignored(make_user):
    user = make_user()
    activity = user.activity(type="somethingNew", text="book a desk Thursday")
    assert await user.post(activity) == 200
    assert user.connector.replies_to(activity["id"]) == []


@pytest.mark.parametrize(
    "text",
    ["", "   ", "🙂🙂🙂", "مرحبا بكم", "שלום", "\x00\x01\x02", "/ \\ # ?", "x" * 30_000],
)
async def test_odd_text_gets_a_helpful_answer(make_user, text):
    replies = await make_user().says(text)
    assert replies, "the bot must answer"
    assert "What I can do" in replies[-1].card_text


async def test_a_card_submit_that_is_not_an_object_gets_an_answer(make_user):
    user = make_user()
    activity = user.activity(text="", value=["not", "an", "object"])
    assert await user.post(activity) == 200
    replies = user.connector.replies_to(activity["id"])
    assert "That button no longer works." in replies[0]["text"]


# --- more bad bodies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"", "application/json", 400, "not valid JSON"),
        (b"null", "application/json", 400, "JSON object"),
        (b"42", "application/json", 400, "JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", 400, "not valid JSON"),
        (b'{"type": "message"', "application/json", 400, "not valid JSON"),
        (b'{"type": "message"}', "", 415, "application/json"),
        (b'{"type": "message"}', "application/xml", 415, "application/json"),
        (b'{"type": "message"}', "multipart/form-data; boundary=x", 415, "application/json"),
    ],
    ids=["empty", "null", "number", "nested 100,000 deep", "cut off", "none", "xml", "multipart"],
)
async def test_more_malformed_bodies_get_a_clear_4xx(
    http, bot_url, body, content_type, status, message
):
    got, text = await post_raw(http, bot_url, body, content_type)
    assert got == status
    assert message in json.loads(text)["error"]


async def test_the_json_content_type_with_a_charset_is_accepted(http, bot_url, make_user):
    user = make_user()
    activity = user.activity(text="help")
    body = json.dumps(activity).encode()
    got, _ = await post_raw(http, bot_url, body, "application/json; charset=utf-8")
    assert got == 200
    assert user.connector.replies_to(activity["id"])


async def test_a_body_just_under_256_kb_is_answered(http, bot_url, make_user):
    user = make_user()
    activity = user.activity(text="book a desk Thursday", value=None)
    activity["padding"] = "p" * (256 * 1024 - len(json.dumps(activity)) - 100)
    body = json.dumps(activity).encode()
    assert 250 * 1024 < len(body) <= 256 * 1024
    got, _ = await post_raw(http, bot_url, body)
    assert got == 200
    (reply,) = user.connector.replies_to(activity["id"])
    assert "Desk booked" in str(reply)


async def test_a_card_submit_over_256_kb_is_refused_and_changes_nothing(http, bot_url, make_user):
    user = make_user()
    value = {"werkplek": "book", "date": "2026-11-26", "padding": "p" * 300_000}
    activity = user.activity(text="", value=value)
    got, _ = await post_raw(http, bot_url, json.dumps(activity).encode())
    assert got == 413
    assert "no desk booked" in only(await user.says("my bookings")).card_text


# --- activities Werkplek does not handle, and missing fields ----------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "typing"},
        {"type": "messageReaction", "reactionsAdded": [{"type": "like"}], "replyToId": "x"},
        {"type": "endOfConversation", "code": "userCancelled"},
        {"type": "foo"},
        {"type": "event", "name": "application/vnd.microsoft.meetingStart", "value": {}},
        {"type": "messageUpdate", "text": "book a desk Thursday"},
        {"type": "messageDelete"},
        {"type": "conversationUpdate", "membersRemoved": [{"id": "28:werkplek-bot"}]},
        {"type": "installationUpdate", "action": "add-upgrade"},
        {"type": "deleteUserData"},
    ],
    ids=lambda fields: fields["type"],
)
async def test_activities_werkplek_does_not_handle_are_accepted_and_change_nothing(
    make_user, fields
):
    user = make_user()
    activity = user.activity(**fields)
    assert await user.post(activity) == 200
    assert user.connector.replies_to(activity["id"]) == []
    assert "no desk booked" in only(await user.says("my bookings")).card_text


@pytest.mark.parametrize(
    "missing", ["id", "recipient", "locale", "channelData", "entities", "text", "timestamp"]
)
async def test_a_message_without_an_optional_field_is_answered(http, bot_url, make_user, missing):
    user = make_user()
    activity = user.activity(text="book a desk Thursday")
    activity.pop(missing)
    got, _ = await post_raw(http, bot_url, json.dumps(activity).encode())
    assert got == 200
    (reply,) = user.connector.sent[user.conversation_id]
    expected = "What I can do" if missing == "text" else "Desk booked"
    assert expected in str(reply)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"conversation": {"id": "", "conversationType": "personal"}}, "conversation.id"),
        ({"conversation": {"id": "a:\x00", "conversationType": "personal"}}, "conversation.id"),
        ({"conversation": {"id": "a:b c", "conversationType": "personal"}}, "conversation.id"),
        ({"conversation": {"id": "a:שלום", "conversationType": "personal"}}, "conversation.id"),
        ({"conversation": {"id": "a:" + "x" * 600}}, "conversation.id"),
        ({"from": {"id": ""}}, "from.id"),
        ({"from": {"id": "   "}}, "from.id"),
        ({"from": {"id": "29:" + "x" * 200}}, "from.id"),
        ({"from": {"id": "29:a", "aadObjectId": ""}}, "from.aadObjectId"),
        ({"from": {"id": "29:a", "aadObjectId": 5}}, "from.aadObjectId"),
        ({"from": {"id": "29:a", "aadObjectId": "/" * 161}}, "from.aadObjectId"),
        ({"from": {"id": "29:a", "name": "n" * 40_000}}, "from.name"),
        ({"from": {"id": "29:a", "name": ["An"]}}, "from.name"),
        ({"locale": "nl-" + "x" * 40_000}, "locale"),
        ({"channelData": "x"}, "channelData"),
        ({"channelData": []}, "channelData"),
        ({"type": "conversationUpdate", "membersAdded": [{"id": None}]}, "membersAdded"),
        ({"type": "conversationUpdate", "membersAdded": ["29:a"]}, "membersAdded"),
        ({"type": "conversationUpdate", "membersRemoved": "x"}, "membersRemoved"),
        ({"text": 5}, "text must be a string"),
        ({"entities": "x"}, "not a valid activity"),
    ],
)
async def test_ids_and_fields_the_bot_cannot_use_get_a_clear_4xx(
    http, bot_url, make_user, change, message
):
    user = make_user()
    activity = user.activity(text="book a desk Thursday")
    activity.update(change)
    got, text = await post_raw(http, bot_url, json.dumps(activity).encode())
    assert got == 400
    assert message in json.loads(text)["error"]
    assert user.connector.sent == {}
    assert "no desk booked" in only(await user.says("my bookings")).card_text


# --- what becomes a Table key -----------------------------------------------------------------

FORBIDDEN = ["a/b", "a\\b", "a#b", "a?b", "a%b", "%2F%23", "a\x00b", "\x01", "🙂", "שלום/مرحبا"]


@pytest.mark.parametrize("odd", FORBIDDEN)
async def test_ids_with_what_table_keys_forbid_book_and_find_their_booking(make_user, odd):
    user = make_user()
    ascii_odd = odd if odd.isascii() and odd.isprintable() else "x%2F#?\\"
    sender = {"id": f"29:{odd}", "name": f"Odd {odd}", "aadObjectId": odd}
    conversation = {
        "id": f"a:{ascii_odd}",
        "conversationType": "personal",
        "tenantId": odd,
    }
    first = user.activity(
        text="book desk 2.03 Thursday",
        conversation=conversation,
        channelData={"tenant": {"id": odd}},
    )
    first["from"] = sender
    assert await user.post(first) == 200
    (booked,) = user.connector.replies_to(first["id"])
    assert "2.03" in str(booked) and "Desk booked" in str(booked)
    listed = user.activity(text="my bookings", conversation=conversation)
    listed["from"] = sender
    assert await user.post(listed) == 200
    (bookings,) = user.connector.replies_to(listed["id"])
    assert "2.03" in str(bookings)
    # Someone else does not see it as theirs: the escaped keys do not collide.
    assert "no desk booked" in only(await user.says("my bookings")).card_text


@pytest.mark.parametrize(
    "value",
    [
        {"werkplek": "book", "date": "2026-11-26", "zone": "hq/z1", "desk": "1.01/../2.03"},
        {"werkplek": "book", "date": "2026-11-26", "zone": "hq/../hq/z1"},
        {"werkplek": "book", "date": "2026-11-26", "zone": "hq#z1"},
        {"werkplek": "move", "date": "2026-11-26", "seat": "hq/z1|1.01?x"},
        {"werkplek": "move", "date": "2026-11-26", "seat": "hq%2Fz1|1.01"},
        {"werkplek": "book", "date": "2026-11-26\x00", "zone": "hq/z1"},
        {"werkplek": "book", "date": "2026-11-26", "desk": "\\1.01"},
        {"werkplek": "book", "date": "2026-11-26", "zone": "hq/z1" + "/" * 300},
        {"werkplek": "team_week", "week": "2026-11-23", "team": "../onthaal#"},
        {"werkplek": "privacy_set", "visibility": "everyone?"},
    ],
)
async def test_card_data_naming_no_real_desk_zone_or_team_books_nothing(make_user, value):
    user = make_user()
    replies = await user.clicks(value)
    assert replies and all("Desk booked" not in r.visible for r in replies)
    refusals = ("That button no longer works.", "You can only open the week", "Choose a weekday")
    assert any(x in r.visible for r in replies for x in refusals)
    assert "no desk booked" in only(await user.says("my bookings")).card_text


async def test_deeply_nested_card_data_gets_an_answer(make_user):
    user = make_user()
    nested: object = "x"
    for _ in range(900):
        nested = [nested]
    form = only(await user.clicks({"werkplek": "book", "date": nested}))
    assert "Choose a weekday." in form.card_text  # the booking form again, with its note
    cancel = await user.clicks({"werkplek": "cancel", "date": nested})
    assert "That button no longer works." in cancel[0].text
