"""Desk booking as a Teams user experiences it: text in, cards out, over HTTP, on Azurite.

"Today" is Monday 23 November 2026 (see conftest.NOW).
"""

from __future__ import annotations

import pytest

from cards.actions import INPUT_DATE, INPUT_PART, INPUT_SEAT, INPUT_ZONE
from tests.conftest import start_bot
from tests.support.teams import TeamsUser, only


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        (
            "en-US",
            "book me a desk Thursday",
            ["Desk booked", "Thursday 26 November", "Hoofdgebouw"],
        ),
        ("nl-BE", "boek een bureau donderdag", ["Bureau geboekt", "donderdag 26 november"]),
        ("fr-BE", "réserve un bureau jeudi", ["Bureau réservé", "jeudi 26 novembre"]),
    ],
)
async def test_one_message_books_a_desk_and_answers_with_a_card_in_the_users_language(
    make_user, locale, text, expected
):
    reply = only(await make_user(locale=locale).says(text))
    assert reply.card is not None
    for fragment in expected:
        assert fragment in reply.card_text
    assert "1.01" in reply.card_text  # the first free desk of the first zone


async def test_any_language_is_understood_whatever_the_locale(make_user):
    reply = only(await make_user(locale="nl-BE").says("book me a desk Thursday"))
    assert "Bureau geboekt" in reply.card_text
    assert "donderdag 26 november" in reply.card_text


async def test_naming_a_desk_books_that_desk(make_user):
    reply = only(await make_user().says("book desk 2.03 on Friday"))
    assert "Friday 27 November" in reply.card_text
    assert "2.03" in reply.card_text and "Verdieping 2" in reply.card_text


async def test_naming_a_zone_books_a_desk_in_that_zone(make_user):
    reply = only(await make_user(locale="nl-BE").says("boek een plek op Verdieping 2 maandag"))
    assert "maandag 30 november" in reply.card_text
    assert "Verdieping 2" in reply.card_text and "2.01" in reply.card_text


@pytest.mark.parametrize(
    ("locale", "text", "part"),
    [
        ("en-US", "book a desk tomorrow morning", "morning"),
        ("nl-BE", "boek een bureau morgennamiddag", "namiddag"),
        ("fr-BE", "réserve un bureau jeudi après-midi", "après-midi"),
    ],
)
async def test_half_days_can_be_booked(make_user, locale, text, part):
    reply = only(await make_user(locale=locale).says(text))
    assert part in reply.card_text


async def test_morning_and_afternoon_of_one_desk_go_to_two_people(make_user):
    an = make_user("An Peeters", "an@example.org")
    bert = make_user("Bert Claes", "bert@example.org")
    assert "2.01" in only(await an.says("book desk 2.01 Thursday morning")).card_text
    reply = only(await bert.says("book desk 2.01 Thursday afternoon"))
    assert "Desk booked" in reply.card_text and "afternoon" in reply.card_text


async def test_my_bookings_lists_coming_bookings_with_a_cancel_button_each(make_user):
    user = make_user(locale="nl-BE")
    await user.says("boek een bureau donderdag")
    await user.says("boek een bureau vrijdagvoormiddag")
    reply = only(await user.says("mijn reservaties"))
    assert "donderdag 26 november" in reply.card_text
    assert "vrijdag 27 november" in reply.card_text
    cancels = [d for d in reply.card_text.split("\n") if d == "Annuleren"]
    assert len(cancels) == 2


async def test_my_bookings_says_so_when_there_are_none(make_user):
    reply = only(await make_user(locale="fr-BE").says("mes réservations"))
    assert "aucun bureau réservé" in reply.card_text


@pytest.mark.parametrize(
    ("locale", "book", "cancel", "expected"),
    [
        (
            "en-US",
            "book a desk Thursday",
            "cancel my desk Thursday",
            "Cancelled: Thursday 26 November",
        ),
        (
            "nl-BE",
            "boek een bureau donderdag",
            "annuleer donderdag",
            "Geannuleerd: donderdag 26 november",
        ),
        ("fr-BE", "réserve un bureau jeudi", "annule jeudi", "Annulé : jeudi 26 novembre"),
    ],
)
async def test_cancelling_by_text_frees_the_desk(make_user, locale, book, cancel, expected):
    user = make_user(locale=locale)
    await user.says(book)
    assert expected in only(await user.says(cancel)).text
    other = make_user("Bert Claes", "bert@example.org")
    assert "1.01" in only(await other.says("book a desk Thursday")).card_text


async def test_cancelling_a_day_without_booking_says_there_is_none(make_user):
    reply = only(await make_user().says("cancel Thursday"))
    assert "You have no desk booked on Thursday 26 November" in reply.text


async def test_the_cancel_button_on_the_booking_card_cancels_it(make_user):
    user = make_user()
    card = only(await user.says("book a desk Thursday"))
    reply = only(await user.clicks(card.buttons()["Cancel this booking"]))
    assert reply.text.startswith("Cancelled: Thursday 26 November, whole day, desk 1.01")
    assert "no desk booked" in only(await user.says("my bookings")).card_text


async def test_a_message_without_a_date_answers_with_a_booking_form(make_user):
    user = make_user()
    form = only(await user.says("book a desk"))
    inputs = {e["id"]: e for e in form.card["body"] if "id" in e}
    assert inputs[INPUT_DATE]["type"] == "Input.Date"
    assert inputs[INPUT_ZONE]["type"] == "Input.ChoiceSet"
    zone_values = [c["value"] for c in inputs[INPUT_ZONE]["choices"]]
    assert "hq/z2" in zone_values
    reply = only(
        await user.clicks(
            form.buttons()["Book"],
            **{INPUT_DATE: "2026-12-03", INPUT_ZONE: "hq/z2", INPUT_PART: "pm"},
        )
    )
    assert "Thursday 3 December" in reply.card_text and "Verdieping 2" in reply.card_text
    assert "afternoon" in reply.card_text


async def test_the_form_sent_back_without_a_date_is_shown_again(make_user):
    user = make_user()
    form = only(await user.says("book a desk"))
    reply = only(await user.clicks(form.buttons()["Book"], **{INPUT_DATE: ""}))
    assert "Choose a weekday." in reply.card_text


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en-US", "what's the weather like", ["didn't understand", "What I can do", "my bookings"]),
        ("nl-BE", "blablabla", ["begreep ik niet", "Wat ik kan"]),
        ("fr-BE", "quelle heure est-il", ["pas compris", "Ce que je sais faire"]),
        ("nl-BE", "help", ["Wat ik kan", "boek een bureau donderdag"]),
    ],
)
async def test_unknown_text_gets_the_help_card_in_the_users_language(
    make_user, locale, text, expected
):
    reply = only(await make_user(locale=locale).says(text))
    for fragment in expected:
        assert fragment in reply.card_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("book a desk Saturday", "Saturday 28 November is a weekend day."),
        ("book a desk 25 December", "Friday 25 December is a public holiday (Christmas Day)."),
        ("book a desk 20 November 2026", "Friday 20 November has already passed."),
        (
            "book a desk 5 February 2027",
            "You can book up to 28 days ahead, until Monday 21 December.",
        ),
        ("book a desk 31/02", "I don't know that date."),
    ],
)
async def test_days_that_cannot_be_booked_are_refused_with_the_reason(make_user, text, expected):
    reply = only(await make_user().says(text))
    assert expected in reply.text


async def test_public_holidays_are_named_in_the_users_language(make_user):
    reply = only(await make_user(locale="nl-BE").says("boek een bureau 25 december"))
    assert "vrijdag 25 december is een feestdag (Kerstmis)." in reply.text


async def test_asking_twice_keeps_the_booking_one_has(make_user):
    user = make_user()
    await user.says("book a desk Thursday")
    reply = only(await user.says("book me a desk on Thursday please"))
    assert "You already have a desk then." in reply.card_text
    assert "1.01" in reply.card_text


async def test_a_taken_desk_is_refused_with_free_alternatives(make_user):
    await make_user("Bert Claes", "bert@example.org").says("book desk 2.03 Thursday")
    reply = only(await make_user().says("book desk 2.03 Thursday"))
    assert "Desk 2.03 is already taken on Thursday 26 November." in reply.card_text
    assert any("Verdieping 1" in title for title in reply.buttons())


async def test_a_desk_next_to_a_taken_one_stays_free(make_user):
    await make_user("Bert Claes", "bert@example.org").says("book desk 2.03 Thursday")
    reply = only(await make_user().says("book desk 2.04 Thursday"))
    assert "Desk 2.04 stays free on Thursday 26 November" in reply.card_text


async def test_a_full_zone_says_so_and_a_suggestion_books_elsewhere(make_user):
    for i in range(3):
        await make_user(f"User {i}", f"user{i}@example.org").says(
            "book a desk in Verdieping 2 Thursday"
        )
    user = make_user()
    reply = only(await user.says("book a desk in Verdieping 2 Thursday"))
    assert "Verdieping 2 is full on Thursday 26 November." in reply.card_text
    buttons = reply.buttons()
    same_day = next(
        data for title, data in buttons.items() if title.startswith("Verdieping 1, Thursday")
    )
    later = next(
        data for title, data in buttons.items() if title.startswith("Verdieping 2, Friday")
    )
    assert later["zone"] == "hq/z2"
    booked = only(await user.clicks(same_day))
    assert "Desk booked" in booked.card_text and "Verdieping 1" in booked.card_text


async def test_choose_another_desk_moves_the_booking(make_user):
    user = make_user()
    card = only(await user.says("book a desk Thursday"))
    move = card.buttons()["Move my booking"]
    reply = only(await user.clicks(move, **{INPUT_SEAT: "hq/z2|2.05"}))
    assert "2.05" in reply.card_text and "was moved here" in reply.card_text
    listing = only(await user.says("my bookings")).card_text
    assert "2.05" in listing and "1.01" not in listing


async def test_a_button_with_altered_data_is_answered_not_obeyed(make_user):
    user = make_user()
    replies = await user.clicks({"werkplek": "move", "date": "2026-11-26", "seat": "hq/z9|9.99"})
    assert "That button no longer works." in replies[0].text
    assert "What I can do" in replies[1].card_text


async def test_bookings_survive_a_restart_of_the_bot(settings, http, connector):
    standin, connector_url = connector
    first = await start_bot(settings)
    user = TeamsUser(
        http, str(first.make_url("")).rstrip("/"), standin, connector_url, "An", "an@example.org"
    )
    await user.says("book desk 2.03 Thursday")
    await first.close()

    second = await start_bot(settings)
    user.bot_url = str(second.make_url("")).rstrip("/")
    try:
        listing = only(await user.says("my bookings")).card_text
    finally:
        await second.close()
    assert "Thursday 26 November" in listing and "2.03" in listing


async def test_the_users_email_is_learned_from_the_roster_once(make_user):
    user = make_user()
    await user.says("help")
    await user.says("my bookings")
    assert user.connector.roster_lookups == 1


async def test_installing_the_app_welcomes_the_user_with_what_the_bot_can_do(make_user):
    user = make_user(locale="fr-BE")
    activity = user.activity(
        type="conversationUpdate",
        membersAdded=[{"id": "28:werkplek-bot"}],
    )
    assert await user.post(activity) == 200
    sent = user.connector.sent[user.conversation_id]
    assert len(sent) == 1
    assert "Bienvenue dans Werkplek, An !" in str(sent[0])
