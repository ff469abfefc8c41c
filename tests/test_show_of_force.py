"""A missile fired at no one, as a test, is a show of force (PLOVER MOBILIZE, CAMEO 150);
one fired at a target, or with no target named, is an attack."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,actor", [
    ("North Korea fired several short-range ballistic missiles into the sea on Sunday, South "
     "Korea's military said.", "PRK"),
    ("Pyongyang fired two cruise missiles off its east coast early Tuesday.", "PRK"),
    ("Iran's navy launched a new anti-ship missile into the waters of the Gulf of Oman.", "IRN"),
])
def test_a_missile_fired_into_the_sea_is_a_show_of_force(coder, text, actor):
    found = triples(coder, text, "2025-03-01")
    assert (actor, "MOBILIZE", None) in found
    assert not {t for t in found if t[1] == "ASSAULT"}


@pytest.mark.parametrize("text,expected", [
    ("Russia fired missiles at Kyiv overnight.", ("RUS", "ASSAULT", "UKR")),
    ("Russia launched 40 missiles and 100 drones overnight, Ukraine's air force said.",
     ("RUS", "ASSAULT", None)),
])
def test_a_missile_fired_at_someone_or_at_no_one_named_is_an_attack(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")
