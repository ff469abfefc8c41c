"""Concluding an agreement, in any of its words, is SUPPORT both ways (codebook v2, CAMEO 057):
every concluding verb with every word for an agreement (data/word_classes.yaml)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,a,b", [
    ("Kenya and Somalia inked a trade pact.", "KEN", "SOM"),
    ("Chile hammered out a fisheries accord with Argentina.", "CHL", "ARG"),
    ("Japan renewed its security treaty with the United States.", "JPN", "USA"),
    ("Ghana and Togo clinched a border protocol on Friday.", "GHA", "TGO"),
])
def test_concluding_an_agreement_is_support_both_ways(coder, text, a, b):
    found = triples(coder, text)
    assert (a, "SUPPORT", b) in found
    assert (b, "SUPPORT", a) in found
