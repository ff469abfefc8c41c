"""Orders and deadlines given to another party are that party's REQUEST; the act ordered is
not done."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected,not_done", [
    ("Washington gave Caracas until Monday to accept the deportation flights.",
     ("USA", "REQUEST", "VEN"), None),
    ("Israel gave Hezbollah 72 hours to pull its fighters back from the border.",
     ("ISR", "REQUEST", "LBN"), "RETREAT"),
    ("The Turkish president told Sweden to crack down on Kurdish groups before the vote.",
     ("TUR", "REQUEST", "SWE"), "COERCE"),
    ("Baku set a deadline for Yerevan to return the villages.",
     ("AZE", "REQUEST", "ARM"), "RETREAT"),
    ("China ordered the Philippines to remove its ship from the shoal.",
     ("CHN", "REQUEST", "PHL"), "RETREAT"),
])
def test_an_order_or_deadline_given_to_another_party_is_a_request(coder, text, expected,
                                                                  not_done):
    found = triples(coder, text)
    assert expected in found
    assert not {t for t in found if t[1] == not_done}


@pytest.mark.parametrize("text", [
    "Putin ordered Russian troops to withdraw from the city on Tuesday.",
    "Brazil's supreme court gave the government 30 days to explain the cuts.",
    "The minister told reporters that talks with Egypt would resume.",
])
def test_orders_to_ones_own_side_or_mere_telling_request_nothing(coder, text):
    assert not {t for t in triples(coder, text) if t[1] == "REQUEST" and t[0] != t[2]}


def test_the_penalty_of_an_order_stays_a_threat(coder):
    found = triples(coder, "Washington told Bogota to take back the deported migrants or "
                           "face tariffs.")
    assert ("USA", "THREATEN", "COL") in found
