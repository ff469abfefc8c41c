"""An unnamed office-holder of a body speaks under the description, not the body's name
(codebook v2: "where the speaker is unnamed, the description")."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ('"We call on all parties to exercise restraint," the African Union Commission '
     'chairperson said in a statement.', "chairperson"),
    ('"We are monitoring the situation very closely," the Pentagon press secretary told '
     'reporters.', "secretary"),
    ('"Children are dying every day in Gaza," the UNICEF executive director said.',
     "director"),
    ('"Our inspectors need access to the site now," the IAEA chief told reporters.', "chief"),
])
def test_an_unnamed_title_holder_is_named_by_the_title(coder, text, expected):
    assert last_words(coder, text) == [expected]


def test_the_body_itself_still_speaks_under_its_name(coder):
    text = '"We have lost contact with our teams in the city," the Red Cross said on Monday.'
    assert last_words(coder, text) == ["Cross"]
