"""Whatever arrives, the bot answers with a 2xx or a clear 4xx, and the rules still hold.

Hypothesis generates messages from the bot's own vocabulary mixed with noise, and card
submits with every action the cards carry and altered or missing data.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cards.actions import ACTION_FIELD, CardAction

WORDS = [
    "book",
    "boek",
    "réserve",
    "desk",
    "bureau",
    "plek",
    "cancel",
    "annuleer",
    "annule",
    "my",
    "mijn",
    "mes",
    "bookings",
    "reservaties",
    "réservations",
    "thuis",
    "home",
    "télétravail",
    "ik",
    "werk",
    "I",
    "work",
    "from",
    "tomorrow",
    "morgen",
    "demain",
    "Thursday",
    "donderdag",
    "jeudi",
    "next",
    "volgende",
    "prochain",
    "week",
    "semaine",
    "3/12",
    "31/02",
    "2026-12-03",
    "3",
    "december",
    "décembre",
    "morning",
    "namiddag",
    "après-midi",
    "Verdieping",
    "1",
    "2",
    "2.03",
    "1.05",
    "W1",
    "every",
    "elke",
    "until",
    "tot",
    "eind",
    "januari",
    "who's",
    "in",
    "wie",
    "is",
    "er",
    "where",
    "waar",
    "Bert",
    "An",
    "Chloé",
    "follow",
    "volg",
    "privacy",
    "nobody",
    "everyone",
    "permanence",
    "permanentie",
    "zet",
    "op",
    "set",
    "on",
    "team",
    "month",
    "maand",
    "next to",
    "naast",
    "?",
    "!",
    "🙂",
    "/",
    "#",
    "\\",
    "\x00",
    "ש",
    "ل",
]
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-11-26", "2026-11-28", "", "not a date", "2026-13-01"]),
    st.integers(),
    st.none(),
)
VALUES = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.booleans(), DATES)

messages = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)
submits = st.fixed_dictionaries(
    {ACTION_FIELD: st.one_of(st.sampled_from([a.value for a in CardAction]), VALUES)},
    optional={
        "date": DATES,
        "part": st.one_of(st.sampled_from(["full", "am", "pm", "evening"]), VALUES),
        "zone": st.one_of(st.sampled_from(["hq/z1", "hq/z2", "x/y"]), VALUES),
        "desk": st.one_of(st.sampled_from(["1.01", "2.03", "9.99"]), VALUES),
        "seat": st.one_of(st.sampled_from(["hq/z1|1.02", "hq/z9|1", "|"]), VALUES),
        "person": VALUES,
        "email": st.one_of(st.sampled_from(["bert@example.org", "nobody@x"]), VALUES),
        "follower": VALUES,
        "week": DATES,
        "team": VALUES,
        "for": st.one_of(st.sampled_from(["where_is", "follow", "book_near"]), VALUES),
        "visibility": st.one_of(st.sampled_from(["team", "everyone", "nobody"]), VALUES),
    },
)
who = st.sampled_from(
    [
        ("An Peeters", "an@example.org", "nl-BE"),
        ("Bert Claes", "bert@example.org", "en-US"),
        ("Lien Janssens", "lien@example.org", "fr-BE"),
        ("Olivia", "olivia@example.org", "de-DE"),
    ]
)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(person=who, text=messages, value=st.one_of(st.none(), submits))
async def test_any_message_or_card_submit_gets_an_answer_and_never_a_5xx(
    make_user, person, text, value
):
    user = make_user(*person)
    activity = user.activity(text=text) if value is None else user.activity(text="", value=value)
    status = await user.post(activity)
    assert status == 200
    assert user.connector.replies_to(activity["id"]) or (
        value is not None and value.get(ACTION_FIELD) == CardAction.TEAM_WEEK.value
    )
