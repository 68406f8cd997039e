"""The HTTP endpoint: every bad request gets a clear 4xx, never a 500, and changes nothing."""

from __future__ import annotations

import json

import pytest


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
