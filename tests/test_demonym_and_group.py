"""A demonym coordinated with an armed group's name before one noun names two parties
("Israeli and Hamas negotiators"), not the group alone."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,a,b", [
    ("Israeli and Hamas negotiators met in Doha on Monday.", "ISR", "PSE"),
    ("American and Taliban negotiators held talks in Doha on Sunday.", "USA", "AFG"),
    ("Ukrainian and Wagner commanders held talks on Friday.", "UKR", "RUS"),
    ("American and Houthi officials held talks on Sunday.", "USA", "YEM"),
])
def test_both_parties_of_a_coordinated_phrase_meet(coder, text, a, b):
    found = triples(coder, text)
    assert (a, "CONSULT", b) in found and (b, "CONSULT", a) in found
