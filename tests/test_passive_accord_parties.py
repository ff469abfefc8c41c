"""An agreement concluded in the passive with no one named ("a trade agreement between A and B
was signed") was concluded by its parties, with each other (codebook v2: SUPPORT both ways)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,a,b", [
    ("A free trade agreement between Australia and the UAE was signed on Monday.", "AUS", "ARE"),
    ("The accord between Kenya and Ethiopia was signed in Nairobi.", "KEN", "ETH"),
    ("The agreement between Serbia and Kosovo was finalized last week.", "SRB", "XKX"),
])
def test_the_parties_of_a_passive_accord_signed_it(coder, text, a, b):
    found = triples(coder, text)
    assert (a, "SUPPORT", b) in found and (b, "SUPPORT", a) in found


def test_talks_hosted_between_two_parties_leave_the_host_out(coder):
    found = triples(coder, "Oman hosted talks between Iran and the United States.")
    assert ("IRN", "SUPPORT", "USA") not in found
