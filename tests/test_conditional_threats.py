"""Conditional threats: whoever sets a condition or announces a penalty threatens the one who
will face it ("... or face sanctions", "said X would face consequences")."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Beijing told Manila to withdraw its ships or face retaliation.", ("CHN", "THREATEN", "PHL")),
    ("Washington said Ankara would face consequences if it bought the missiles.",
     ("USA", "THREATEN", "TUR")),
    ("Tokyo announced that Seoul would face tariffs over the ban.", ("JPN", "THREATEN", "KOR")),
    ("France told Mali to free the hostages or face sanctions.", ("FRA", "THREATEN", "MLI")),
    ("The EU ordered Hungary to change the law or face penalties.", ("EUR", "THREATEN", "HUN")),
])
def test_who_sets_the_penalty_threatens_who_faces_it(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text", [
    "Russia faces new sanctions.",
    "Canada will not face tariffs, the White House said.",
    "Exporters in Kenya could face penalties, analysts said.",
])
def test_facing_a_penalty_no_one_named_sets_is_no_threat(coder, text):
    assert not [t for t in triples(coder, text) if t[1] == "THREATEN"]
