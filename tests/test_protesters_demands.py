"""What protesters demand or denounce as a clause's subject is their protest (PLOVER PROTEST,
CAMEO 1411-1414: demonstrating for a change), not a separate request or accusation."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Police fired tear gas in Lusaka on Monday. The demonstrators were demanding the "
     "release of an opposition leader.", ("ZMB", "PROTEST", "ZMB")),
    ("Protesters in Bamako demanded that the junta hold elections.", ("MLI", "PROTEST", "MLI")),
    ("Demonstrators in Yerevan denounced the government's deal with Azerbaijan on Sunday.",
     ("ARM", "PROTEST", "ARM")),
])
def test_a_protesters_demand_is_their_protest(coder, text, expected):
    found = triples(coder, text)
    assert expected in found
    assert not [t for t in found if t[1] in ("REQUEST", "ACCUSE")]


def test_a_states_demand_stays_a_request(coder):
    found = triples(coder, "Zambia demanded that Malawi release the detained traders.")
    assert ("ZMB", "REQUEST", "MWI") in found
