"""Talking at a distance is consultation by phone, whatever the talking verb and the medium:
word_classes.yaml `talking` x `wire_medium` (PLOVER CONSULT, mode phone), both ways."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,a,b", [
    ("Erdogan and Mitsotakis spoke by telephone on Friday.", "TUR", "GRC"),
    ("Ramaphosa and Tinubu spoke over the telephone on Tuesday.", "ZAF", "NGA"),
    ("Lula and Petro spoke via teleconference about the Amazon.", "BRA", "COL"),
    ("Macron and Scholz chatted by videoconference on Monday.", "FRA", "DEU"),
])
def test_talking_by_any_medium_at_a_distance_is_consult_both_ways(coder, text, a, b):
    got = triples(coder, text)
    assert (a, "CONSULT", b) in got and (b, "CONSULT", a) in got
