"""A speech act or measure with no target in its clause is aimed at the party the story names."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Brazil expelled two Venezuelan diplomats on Monday. The Brazilian foreign ministry "
     "later condemned what it called interference.", ("BRA", "ACCUSE", "VEN")),
    ("Ecuador's navy seized a Peruvian fishing boat on Sunday. Lima demanded an "
     "explanation.", ("PER", "REQUEST", "ECU")),
    ("Lithuanian border guards stopped a convoy from Belarus. Vilnius threatened to close "
     "the border.", ("LTU", "THREATEN", "BLR")),
])
def test_an_act_with_no_target_in_its_clause_is_aimed_at_the_party_named_before(coder, text,
                                                                                expected):
    assert expected in triples(coder, text)


def test_no_other_party_named_leaves_no_counterpart(coder):
    got = triples(coder, "The Nigerian president praised the farmers for a record harvest.")
    assert all(r in (None, "NGA") for _, _, r in got)


def test_a_source_is_not_a_counterpart(coder):
    got = triples(coder, "According to Reuters, the Kenyan president condemned the decision.")
    assert all(r is None or r == "KEN" for _, _, r in got)


@pytest.mark.parametrize("text,expected,home", [
    ("Egypt threatened to suspend the gas deal if Israel expanded the offensive.",
     ("EGY", "THREATEN", "ISR"), ("EGY", "THREATEN", "EGY")),
    ("Pakistan threatened to close its airspace if India carried out strikes.",
     ("PAK", "THREATEN", "IND"), ("PAK", "THREATEN", "PAK")),
    ("Hungary made a request to Kyiv to restore language rights for ethnic Hungarians.",
     ("HUN", "REQUEST", "UKR"), ("HUN", "REQUEST", "HUN")),
])
def test_a_party_named_later_in_the_sentence_comes_before_home(coder, text, expected, home):
    found = triples(coder, text)
    assert expected in found and home not in found


@pytest.mark.parametrize("text,expected,own", [
    ("India demanded the return of its fishermen held in Sri Lanka.",
     ("IND", "REQUEST", "LKA"), ("IND", "REQUEST", "IND")),
    ("The Philippines demanded the release of its sailors seized by Chinese forces.",
     ("PHL", "REQUEST", "CHN"), ("PHL", "REQUEST", "PHL")),
    ("Nepal called for the safe return of its workers trapped in Russia.",
     ("NPL", "REQUEST", "RUS"), ("NPL", "REQUEST", "NPL")),
])
def test_a_demand_about_the_actors_own_people_is_aimed_at_whoever_holds_them(coder, text,
                                                                             expected, own):
    found = triples(coder, text)
    assert expected in found and own not in found


@pytest.mark.parametrize("text,wrong", [
    ("Canada criticised the decision and said it was sharing intelligence with Mexico.",
     ("CAN", "ACCUSE", "MEX")),
    ("Kenya rejected the plan, and the minister said talks with Uganda would go on.",
     ("KEN", "REJECT", "UGA")),
])
def test_a_party_in_another_statement_of_the_sentence_is_not_the_target(coder, text, wrong):
    assert wrong not in triples(coder, text)
