"""A speech act or measure with no target in its clause is aimed at the party the story names."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Brazil expelled two Venezuelan diplomats on Monday. The Brazilian foreign ministry "
     "later condemned what it called interference.", ("BRA", "ACCUSE", "VEN")),
    ("Ecuador's navy seized a Peruvian fishing boat on Sunday. Lima demanded an "
     "explanation.", ("PER", "REQUEST", "ECU")),
    ("Lithuanian border guards stopped a convoy from Belarus. Vilnius threatened to close "
     "the border.", ("LTU", "THREATEN", "BLR")),
])
def test_an_act_with_no_target_in_its_clause_is_aimed_at_the_party_named_before(coder, text,
                                                                                expected):
    assert expected in triples(coder, text)


def test_no_other_party_named_leaves_no_counterpart(coder):
    got = triples(coder, "The Nigerian president praised the farmers for a record harvest.")
    assert all(r in (None, "NGA") for _, _, r in got)


def test_a_source_is_not_a_counterpart(coder):
    got = triples(coder, "According to Reuters, the Kenyan president condemned the decision.")
    assert all(r is None or r == "KEN" for _, _, r in got)
