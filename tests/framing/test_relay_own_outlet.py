"""A relay link that names the article's own outlet is not a relay (issue 10, part 2)."""

from __future__ import annotations

import pytest

from framing.selectors import _is_own


@pytest.mark.parametrize(
    ("link", "outlet"),
    [
        ("Ledger", "The Kestria Ledger"),  # "Many told the Ledger" in the Ledger's own story
        ("Kestria Ledger", "The Kestria Ledger"),
        ("VCNA", "Velmar Central News Agency"),
    ],
)
def test_the_outlets_own_masthead_is_not_a_relay(link, outlet):
    assert _is_own(link, outlet)


def test_another_outlet_is_a_relay():
    assert not _is_own("Meridian Wire", "The Northgate Observer")
