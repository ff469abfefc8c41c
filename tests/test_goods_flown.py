"""Goods flown or airdropped to a place are given to it (PLOVER AID), not a visit by whoever
flew them."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("The World Health Organization flew medical supplies to Khartoum on Tuesday.",
     ("WHO", "AID", "SDN")),
    ("Turkey flew tents and blankets to Afghanistan after the quake.", ("TUR", "AID", "AFG")),
    ("The U.S. Air Force airdropped food to Haiti on Saturday.", ("USA", "AID", "HTI")),
])
def test_goods_flown_to_a_place_are_aid_to_it(coder, text, expected):
    found = triples(coder, text)
    assert expected in found
    assert not [t for t in found if t[1] == "CONSULT"]
