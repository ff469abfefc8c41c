"""Protests at a foreign mission are the people of the place protesting against the state
or body the mission belongs to (codebook v2: protesters are civilians of the country where
they protest, aimed at the target they name)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Hundreds of students demonstrated outside the French embassy in Dakar on Friday.",
     ("SEN", "PROTEST", "FRA")),
    ("Dozens of activists held a vigil in front of the Russian consulate in Istanbul.",
     ("TUR", "PROTEST", "RUS")),
    ("Thousands of people protested outside the U.N. office in Nairobi on Monday.",
     ("KEN", "PROTEST", "UNO")),
    ("Demonstrators rallied at the embassy of Israel in Amman on Saturday.",
     ("JOR", "PROTEST", "ISR")),
])
def test_a_protest_at_a_foreign_mission_is_aimed_at_its_owner(coder, text, expected):
    assert expected in triples(coder, text)


def test_the_mission_does_not_place_the_crowd(coder):
    text = "Dozens of activists held a vigil in front of the Russian consulate in Istanbul."
    assert not [t for t in triples(coder, text) if t[1] == "PROTEST" and t[0] == "RUS"]
