"""Measures a state takes against its own people are administrative sanctions (PLOVER
COERCE, CAMEO 172), and expelling people who hold no diplomatic post is deporting them
(COERCE, CAMEO 174); SANCTION stays for measures between states and bodies."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,country", [
    ("The Taliban banned women from attending universities in Afghanistan.", "AFG"),
    ("Russia blacklisted dozens of Russian rights groups on Tuesday.", "RUS"),
    ("Iran imposed a travel ban on Iranian journalists.", "IRN"),
])
def test_a_measure_against_ones_own_people_is_coercion(coder, text, country):
    found = triples(coder, text, "2025-03-01")
    assert (country, "COERCE", country) in found
    assert (country, "SANCTION", country) not in found


@pytest.mark.parametrize("text,expected", [
    ("Tanzanian authorities expelled two Kenyan activists from the country on Monday.",
     ("TZA", "COERCE", "KEN")),
    ("Nicaragua expelled two American missionaries last week.", ("NIC", "COERCE", "USA")),
    ("Russia expelled a British national accused of spying.", ("RUS", "COERCE", "GBR")),
    ("Poland expelled 45 Russian diplomats.", ("POL", "SANCTION", "RUS")),
])
def test_expelling_people_is_deporting_and_expelling_diplomats_a_sanction(coder, text,
                                                                          expected):
    assert expected in triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("Greece toughened its rules for visitors arriving from Egypt, Jordan and Lebanon, adding "
     "new restrictions on travel from Egypt, Jordan and Lebanon.",
     {("GRC", "COERCE", "EGY"), ("GRC", "COERCE", "JOR"), ("GRC", "COERCE", "LBN")}),
    ("Hong Kong imposed new restrictions on travellers from Britain on Friday.",
     {("HKG", "COERCE", "GBR")}),
    ("Kenya introduced curbs on flights from Somalia.", {("KEN", "COERCE", "SOM")}),
])
def test_restrictions_on_travel_from_a_country_restrict_it(coder, text, expected):
    assert expected <= triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("The U.S. Department of Transportation imposed new restrictions on flights to Cuba.",
     ("USA", "SANCTION", "CUB")),
    ("Washington tightened restrictions on exports of advanced chips to China.",
     ("USA", "SANCTION", "CHN")),
])
def test_restricting_goods_or_links_to_a_country_stays_a_sanction(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")
