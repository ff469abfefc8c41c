"""Speakers the sentence before gives: a quote standing alone after reported speech, a body
taken up by "the rights group", and a person the tagger missed whose appositive is a title."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("A port spokesman told reporters he expected the cranes to run again by Friday. "
     "\"The backlog will be cleared within a week.\"", "spokesman"),
    ("Governor Alana Whitfield said the levee had held through the night.\n\n\"We were lucky, "
     "and we know it.\"", "Whitfield"),
    ("The fisheries ministry issued a statement late on Sunday. \"Every trawler found in the "
     "reserve will be seized.\"", "ministry"),
])
def test_a_quote_alone_after_reported_speech_is_the_reporters(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The Cambodian League for the Promotion and Defense of Human Rights issued a statement "
     "on the release. \"Journalists must be able to work without fear,\" the rights group "
     "said.", "Rights"),
    ("The Northern Farmers Association rejected the new water quotas on Monday. \"These "
     "rules will ruin a thousand small farms,\" the association said.", "Association"),
    ("The Coalition for Clean Rivers filed a complaint against the mine. \"The company has "
     "poisoned the valley for a decade,\" the coalition said.", "Rivers"),
])
def test_a_body_noun_takes_up_the_organisation_named_before(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Reporter Mech Dara was released on bail on Monday. Nop Vy, the association's "
     "executive director, told VOA the release was welcome. \"It is a good sign for press "
     "freedom,\" he said.", "Vy"),
    ("The editor Sam Oduya was detained in March. Kofi Asare, the union's founder, spoke "
     "at the rally. \"Nobody should go to jail for an article,\" he said.", "Asare"),
    ("Judge Hana Ruml dismissed the case. Petr Vlk, the campaign's coordinator, told a "
     "local radio station the ruling was expected. \"We will appeal it,\" he said.", "Vlk"),
])
def test_a_name_with_a_title_appositive_is_a_person_for_pronouns(coder, text, expected):
    assert last_words(coder, text) == [expected]
