"""Help that names no receiver goes where its clause or story places it, and "it" after an
actor named earlier in its own sentence takes that actor up, whatever the last sentence's
subject was."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Qatar airlifted medicine to hospitals in Gaza.", ("QAT", "AID", "PSE")),
    ("Drought has hit Somalia hard. The World Food Programme delivered food to two million "
     "hungry people.", ("UNO", "AID", "SOM")),
    ("A strong earthquake shook eastern Turkey on Monday. Kuwait shipped tents and blankets "
     "on Tuesday.", ("KWT", "AID", "TUR")),
])
def test_help_with_no_receiver_goes_where_the_clause_or_story_places_it(coder, text, expected):
    assert expected in triples(coder, text)


def test_help_never_goes_to_the_givers_own_country(coder):
    text = "Storms battered Japan. Japan shipped food and blankets to the north."
    assert not [t for t in triples(coder, text) if t[1] == "AID" and t[2] == "JPN"]


@pytest.mark.parametrize("text,expected", [
    ("Heavy rains flooded the valley. Egypt said it had expelled two Sudanese diplomats.",
     ("EGY", "SANCTION", "SDN")),
    ("The truce collapsed on Monday. Israel said it had bombed targets in Gaza.",
     ("ISR", "ASSAULT", "PSE")),
    ("The summit ended late. Chile said it had recalled its ambassador from Bolivia.",
     ("CHL", "SANCTION", "BOL")),
])
def test_it_takes_up_the_actor_named_before_it_in_its_sentence(coder, text, expected):
    assert expected in triples(coder, text)
