"""Doers named by a count or by what they did: "a number of / a majority of / a handful of X"
are the X counted, and attackers, assailants and abductors are armed people placed like any
sector noun (REB, as gunmen are)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("A number of Philippine senators condemned the order.", ("PHL", "ACCUSE")),
    ("A majority of Kenyan lawmakers rejected the finance bill.", ("KEN", "REJECT")),
    ("A handful of Serbian officials criticized the verdict.", ("SRB", "ACCUSE")),
])
def test_a_counted_group_acts_as_the_people_it_counts(coder, text, expected):
    assert expected in {(a, e) for a, e, _ in triples(coder, text)}


@pytest.mark.parametrize("text,expected", [
    ("Attackers killed 12 villagers in Kano on Sunday.", ("NGA", "ASSAULT", "NGA")),
    ("Assailants shot a police officer dead in Peshawar.", ("PAK", "ASSAULT", "PAK")),
    ("Abductors kidnapped 30 students in Kaduna on Friday.", ("NGA", "ASSAULT", "NGA")),
])
def test_unnamed_attackers_are_placed_where_they_strike(coder, text, expected):
    assert expected in triples(coder, text)
