"""Following colleagues and choosing who sees my plans, in nl, fr and en."""

from __future__ import annotations

import pytest

from tests.language.calendar_days import MONDAY
from werkplek.language import Intent, parse

TEAM, EVERYONE, NOBODY = "team", "everyone", "nobody"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # en
        ("follow Bert", "Bert"),
        ("please follow Chloé Dubois", "Chloé Dubois"),
        ("add An to my favourites", "An"),
        ("add Bert to my favorites", "Bert"),
        ("follow May", "May"),
        # nl
        ("volg Bert", "Bert"),
        ("voeg An toe aan mijn favorieten", "An"),
        ("zet Els De Smet bij mijn favorieten", "Els De Smet"),
        ("ik wil An volgen", "An"),
        ("volg Jan", "Jan"),
        ("volg Dag", "Dag"),
        # fr
        ("suivre Chloé", "Chloé"),
        ("ajoute Chloé à mes favoris", "Chloé"),
        ("je veux suivre Marie-Claire", "Marie-Claire"),
        ("suivre Mars", "Mars"),
    ],
)
def test_following_someone_keeps_their_name_as_typed(text: str, person: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.FOLLOW
    assert understanding.person == person
    assert understanding.dates == ()
    assert understanding.period is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # en
        ("unfollow Bert", "Bert"),
        ("stop following Bert", "Bert"),
        ("I don't want to follow Bert anymore", "Bert"),
        ("remove An from my favourites", "An"),
        # nl
        ("volg Bert niet meer", "Bert"),
        ("ik wil An niet meer volgen", "An"),
        ("ontvolg An", "An"),
        ("verwijder An uit mijn favorieten", "An"),
        # fr
        ("ne plus suivre Chloé", "Chloé"),
        ("arrête de suivre Chloé", "Chloé"),
        ("retire Chloé de mes favoris", "Chloé"),
    ],
)
def test_stopping_to_follow_someone_is_unfollow_with_their_name(text: str, person: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.UNFOLLOW
    assert understanding.person == person


@pytest.mark.parametrize(
    "text",
    ["follow me", "follow up on my booking", "ik volg een cursus morgen", "suivre la formation"],
)
def test_following_no_one_in_particular_is_not_follow(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent not in (Intent.FOLLOW, Intent.UNFOLLOW)
    assert understanding.person is None


@pytest.mark.parametrize(
    "text",
    ["how do I follow someone?", "hoe volg ik een collega?", "comment suivre un collègue ?"],
)
def test_asking_how_to_follow_is_help(text: str) -> None:
    assert parse(text, MONDAY).intent is Intent.HELP


@pytest.mark.parametrize(
    ("text", "visibility"),
    [
        # en
        ("show my plans to my team", TEAM),
        ("show my plans to everyone", EVERYONE),
        ("show my plans to nobody", NOBODY),
        ("hide my plans", NOBODY),
        ("share my schedule with all colleagues", EVERYONE),
        ("make my plans private", NOBODY),
        ("make my plans public", EVERYONE),
        ("only my team can see my plans", TEAM),
        ("hide my plans from everyone except my team", TEAM),
        # nl
        ("toon mijn planning aan iedereen", EVERYONE),
        ("toon mijn planning aan mijn team", TEAM),
        ("toon mijn planning aan niemand", NOBODY),
        ("verberg mijn planning", NOBODY),
        ("alleen mijn team mag mijn planning zien", TEAM),
        ("zet mijn aanwezigheid op privé", NOBODY),
        # fr
        ("montrer mes plans à tout le monde", EVERYONE),
        ("montrer mes plans à mon équipe", TEAM),
        ("montrer mes plans à personne", NOBODY),
        ("cacher mes plans", NOBODY),
        ("partager ma présence avec mes collègues", TEAM),
    ],
)
def test_choosing_who_sees_my_plans_sets_the_visibility(text: str, visibility: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.PRIVACY
    assert understanding.visibility == visibility
    assert understanding.person is None


@pytest.mark.parametrize(
    "text",
    [
        # en
        "privacy",
        "privacy settings",
        "who can see my plans?",
        "how do I hide my plans?",
        # nl
        "privacyinstellingen",
        "wie ziet mijn planning",
        "wie kan mijn planning zien?",
        # fr
        "confidentialité",
        "vie privée",
        "qui voit mes plans",
        "qui peut voir mes plans ?",
    ],
)
def test_asking_about_privacy_opens_the_settings_without_a_visibility(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is Intent.PRIVACY
    assert understanding.visibility is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("show my plans", Intent.LIST),
        ("show my team's plans", Intent.TEAM_WEEK),
        ("toon mijn planning", Intent.LIST),
        ("toon de planning van mijn team", Intent.TEAM_WEEK),
        ("montre mes réservations", Intent.LIST),
        ("montre le planning de mon équipe", Intent.TEAM_WEEK),
    ],
)
def test_showing_plans_without_an_audience_is_not_privacy(text: str, intent: Intent) -> None:
    understanding = parse(text, MONDAY)
    assert understanding.intent is intent
    assert understanding.visibility is None


@pytest.mark.parametrize(
    "text",
    [
        "book a desk Thursday",
        "where is Bert on Tuesday?",
        "follow Bert",
        "wie is er donderdag?",
        "mijn team deze week",
        "qui vient demain ?",
    ],
)
def test_only_privacy_messages_carry_a_visibility(text: str) -> None:
    assert parse(text, MONDAY).visibility is None


@pytest.mark.parametrize(
    "text",
    [
        "follow " * 300,
        "volg volg niet meer meer",
        "privacy " * 200,
        "show my plans to to to",
        "verberg verberg behalve behalve",
        "montrer à à à tout le",
        "suivre 😀",
        "add to my favourites",
    ],
)
def test_odd_follow_and_privacy_messages_do_not_crash(text: str) -> None:
    understanding = parse(text, MONDAY)
    assert not any(note.startswith("error") for note in understanding.notes)
