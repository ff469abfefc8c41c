"""A measure whose target is named only elsewhere in the article ("US sanctions have cut its
oil exports" in a story about Iran) is aimed at the party the story deals with (codebook v2:
recipients from the whole article, null only when none is named)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Iran's economy shrank again last quarter. US sanctions have cut its oil exports by half.",
     ("USA", "SANCTION", "IRN")),
    ("Venezuela's oil output fell again in May. Washington's sanctions have hit the state oil "
     "company hard.", ("USA", "SANCTION", "VEN")),
    ("North Korea tested two missiles on Monday. The UN sanctions bar the sale of its coal.",
     ("UNO", "SANCTION", "PRK")),
])
def test_a_measure_with_no_target_in_its_phrase_takes_the_storys_counterpart(
        coder, text, expected):
    assert expected in triples(coder, text)


def test_a_measure_with_no_party_named_nearby_stays_uncoded(coder):
    found = triples(coder, "Economists met in Geneva on Monday. They said US sanctions rarely "
                           "work.")
    assert not [t for t in found if t[1] == "SANCTION"]


def test_a_measure_owned_by_a_pronoun_takes_no_counterpart(coder):
    found = triples(coder, "Cuba's president met Mexican officials on Monday and condemned "
                           "the United States for its sanctions.")
    assert not [t for t in found if t[1] == "SANCTION"]


@pytest.mark.parametrize("text", [
    "Iran's foreign minister met Turkish officials on Monday. He also touched upon the US "
    "sanctions in his remarks.",
    "Syria's president met Iraqi officials on Monday. He said US sanctions are considered "
    "illegal.",
    "Cuba's envoy visited Mexico on Monday. She said American sanctions were a relic.",
])
def test_a_measure_talked_about_or_judged_takes_no_counterpart(coder, text):
    assert not [t for t in triples(coder, text) if t[1] == "SANCTION"]
