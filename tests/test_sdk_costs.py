"""The SDK's measured per-turn waste stays closed: one connector client, no quadratic scan."""

from __future__ import annotations

from msrest.universal_http.requests import ClientRetryPolicy

from bots.sdk_costs import apply_msrest_fix


def test_the_msrest_fix_keeps_exactly_the_same_retry_codes():
    before = sorted(i for i in range(999) if i not in set(ClientRetryPolicy.safe_codes))
    apply_msrest_fix()
    apply_msrest_fix()  # idempotent
    assert isinstance(ClientRetryPolicy.safe_codes, frozenset)
    assert sorted(ClientRetryPolicy().policy.status_forcelist) == before
    assert 408 in before and 500 in before and 501 not in before


async def test_replies_of_many_turns_share_one_connection_to_the_connector(make_user):
    an = make_user("An Peeters", "an@example.org")
    bert = make_user("Bert Claes", "bert@example.org")
    for text in ("help", "book a desk Thursday", "my bookings"):
        assert await an.says(text)
        assert await bert.says(text)
    assert len(an.connector.connections) == 1
