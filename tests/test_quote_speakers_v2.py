"""Quote speakers on unseen text: an unnamed newcomer stays unnamed, a title joined to a
description still names the person."""

from __future__ import annotations

import pytest

from event_support import speakers


@pytest.mark.parametrize("text,expected", [
    ("Minister Ana Lopes visited the port on Monday. \"We are reviewing every contract on "
     "the docks,\" a ministry spokesperson told reporters.", "a ministry spokesperson"),
    ("Governor Sam Okoro opened the bridge. \"Traffic will move far faster from now on,\" "
     "an engineer on the project said.", "an engineer"),
    ("President Lula met farmers in Goias. \"The rain came late for the soy this year,\" "
     "a grower told the agency.", "a grower"),
])
def test_an_unnamed_newcomer_is_not_an_earlier_person(coder, text, expected):
    assert speakers(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("\"The clinic has run out of insulin again this week,\" said nurse and union organiser "
     "Maria Santos.", "Maria Santos"),
    ("\"Our schools need far more teachers than they have,\" said Lagos-based teacher and "
     "blogger Tunde Bakare.", "Tunde Bakare"),
    ("\"Nobody has told the villagers where they should go,\" said lawyer and activist "
     "Priya Raman.", "Priya Raman"),
])
def test_a_title_joined_to_a_description_names_the_person(coder, text, expected):
    assert speakers(coder, text) == [expected]
