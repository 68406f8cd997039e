"""The organisation file: defaults, and every mistake named by its key at start-up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from config import DEMO_ORGANISATION
from werkplek.errors import OrganisationError
from werkplek.organisation import load_organisation, parse_organisation

MINIMAL = {
    "organisation": {"name": "X"},
    "sites": [{"id": "hq", "zones": [{"id": "z", "capacity": 1, "desks": [{"id": "1"}]}]}],
}


def with_(path: list, value) -> dict:
    import copy

    data = copy.deepcopy(MINIMAL)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def test_the_demo_organisation_loads():
    org = load_organisation(DEMO_ORGANISATION)
    assert org.zone("hq/z2").capacity == 3
    assert org.zone("hq/z2").neighbours_of("2.02") == {"2.01", "2.03"}
    assert org.person("BALIE@example.org").telework is False


def test_only_organisation_and_sites_are_required_and_policy_has_defaults():
    org = parse_organisation(MINIMAL)
    assert org.policy.full_day_minutes == 456 and org.policy.half_day_minutes == 228
    assert org.policy.allowance_per_day == Decimal("3.00")
    assert org.policy.time_code == "thuiswerk" and org.policy.booking_horizon_days == 28
    assert org.timezone.key == "Europe/Brussels" and org.teams == () and org.admins == ()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"sites": MINIMAL["sites"]}, "organisation"),
        ({"organisation": {"name": "X"}}, "sites"),
        ({**MINIMAL, "colour": "red"}, "colour"),
        (with_(["organisation", "timezone"], "Mars/Olympus"), "organisation.timezone"),
        (with_(["organisation", "language"], "de"), "organisation.language"),
        (with_(["policy"], {"full_day_hours": "7h36"}), "policy.full_day_hours"),
        (with_(["policy"], {"allowance_per_day": "lots"}), "policy.allowance_per_day"),
        (with_(["policy"], {"booking_horizon_days": 0}), "policy.booking_horizon_days"),
        (with_(["policy"], {"telework_days": 2}), "policy.telework_days"),
        (with_(["sites", 0, "zones", 0, "capacity"], -1), "sites[0].zones[0].capacity"),
        (with_(["sites", 0, "zones", 0, "capacity"], "3"), "sites[0].zones[0].capacity"),
        (with_(["sites", 0, "zones", 0, "desks"], []), "sites[0].zones[0].desks"),
        (with_(["sites", 0, "zones", 0, "id"], "a/b"), "sites[0].zones[0].id"),
        (
            with_(["sites", 0, "zones", 0, "desks"], [{"id": "1", "neighbours": ["2"]}]),
            "sites[0].zones[0].desks[0].neighbours[0]",
        ),
        (
            with_(["sites", 0, "zones", 0, "desks"], [{"id": "1"}, {"id": "1"}]),
            "sites[0].zones[0].desks[1].id",
        ),
        (with_(["sites", 0, "zones", 0, "seats"], 3), "sites[0].zones[0].seats"),
        (with_(["teams"], [{"id": "t", "members": ["not-an-email"]}]), "teams[0].members[0]"),
        (with_(["people"], [{"email": "a@b.c", "telework": "no"}]), "people[0].telework"),
        (with_(["admins"], "it@example.org"), "admins"),
        (with_(["policy"], {"half_day_allowance": "some"}), "policy.half_day_allowance"),
        (with_(["policy"], {"allowance_tiers": [{"days": 2}]}), "policy.allowance_tiers[0].amount"),
        (
            with_(
                ["policy"],
                {"allowance_tiers": [{"days": 5, "amount": 1}, {"days": 2, "amount": 2}]},
            ),
            "policy.allowance_tiers",
        ),
        (with_(["teams"], [{"id": "t", "min_on_site": {"sat": 1}}]), "teams[0].min_on_site.sat"),
        (with_(["teams"], [{"id": "t", "min_on_site": -1}]), "teams[0].min_on_site"),
    ],
)
def test_a_mistake_in_the_file_names_the_key(data, key):
    with pytest.raises(OrganisationError) as caught:
        parse_organisation(data)
    assert caught.value.key == key
    assert key in str(caught.value)


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(OrganisationError, match="cannot be read"):
        load_organisation(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sites: [", encoding="utf-8")
    with pytest.raises(OrganisationError, match="not valid YAML"):
        load_organisation(bad)


def test_min_on_site_may_be_one_number_or_per_weekday():
    org = parse_organisation(
        with_(["teams"], [{"id": "a", "min_on_site": 2}, {"id": "b", "min_on_site": {"fri": 1}}])
    )
    assert [org.teams[0].min_on_site(d) for d in range(7)] == [2, 2, 2, 2, 2, 0, 0]
    assert [org.teams[1].min_on_site(d) for d in range(5)] == [0, 0, 0, 0, 1]
