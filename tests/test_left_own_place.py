"""What forces leave that is their own ("their last base in Chad") is no target of the
withdrawal; the country it stands in is."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("French troops have left their last base in Chad.", ("FRA", "RETREAT", "TCD")),
    ("Russian soldiers abandoned their positions near Kharkiv on Sunday.",
     ("RUS", "RETREAT", "UKR")),
    ("German soldiers left their camp in Mali on Tuesday.", ("DEU", "RETREAT", "MLI")),
])
def test_forces_leaving_their_own_place_retreat_from_its_country(coder, text, expected):
    found = triples(coder, text)
    assert expected in found
    assert expected[0] + "RETREAT" + expected[0] not in {"".join(t) for t in found}
