""""'...' tweeted Mayor of London X" (the parser makes the cue a modifier of the title after
it): the titled person speaks, not the speaker of the quote before."""

from __future__ import annotations

import pytest

from event_support import last_words

BEFORE = "Tour guide Tom Grey tried to stop the attacker: \"I did what anyone would do.\"\n\n"


@pytest.mark.parametrize("text,expected", [
    ("\"I am proud of the nurses who stayed at their posts through the night\" tweeted Mayor "
     "of Leeds Ahmed Karim.", "Karim"),
    ("\"We owe everything to the crews who ran into the fire to save strangers\" tweeted Mayor "
     "of Lyon Claire Dubois.", "Dubois"),
    ("\"The courage shown on the bridge will never be forgotten\" tweeted Mayor of Dublin Sean "
     "Byrne.", "Byrne"),
])
def test_an_inverted_cue_before_a_title_is_the_titled_persons(coder, text, expected):
    assert last_words(coder, BEFORE + text) == ["Grey", expected]
