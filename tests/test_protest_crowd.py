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
