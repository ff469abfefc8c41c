"""Protests that something sparked or that broke out, with no crowd named: the people of the
country the story is about protest, against whoever brought the protest on."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Kenya's parliament passed a new finance bill on Tuesday. The bill sparked protests "
     "across the country.", ("KEN", "PROTEST", "KEN")),
    ("Serbia's government closed a school in Belgrade. Angry protests erupted on Monday.",
     ("SRB", "PROTEST", "SRB")),
    ("Nigeria raised fuel prices last week. Protests continued on Thursday.",
     ("NGA", "PROTEST", "NGA")),
    ("Beijing's new security law triggered protests in Hong Kong.", ("HKG", "PROTEST", "CHN")),
    ("The decision by Washington to close its embassy provoked angry protests in Pakistan.",
     ("PAK", "PROTEST", "USA")),
])
def test_a_protest_no_crowd_is_named_for_is_the_story_countrys_people(coder, text, expected):
    assert expected in triples(coder, text)


def test_a_protest_with_no_country_in_the_story_has_no_actor(coder):
    assert not [t for t in triples(coder, "The verdict sparked protests.") if t[1] == "PROTEST"]


@pytest.mark.parametrize("text,expected", [
    ("Thousands took to the streets of Caracas on Saturday.", ("VEN", "PROTEST")),
    ("Angry demonstrators marched through downtown Tbilisi, waving flags.", ("GEO", "PROTEST")),
    ("Hundreds of people rallied outside the parliament building in Yerevan.",
     ("ARM", "PROTEST")),
    ("Chile raised metro fares last month. Several thousand people demonstrated outside the "
     "presidential palace.", ("CHL", "PROTEST")),
])
def test_a_crowd_protests_where_its_clause_or_story_places_it(coder, text, expected):
    assert expected in {(a, e) for a, e, _ in triples(coder, text)}



def test_a_protesting_crowd_named_by_a_participle_is_placed_by_its_clause(coder):
    text = "Striking nurses blocked the main road through Lusaka."
    assert ("ZMB", "PROTEST") in {(a, e) for a, e, _ in triples(coder, text)}
