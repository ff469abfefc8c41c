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


@pytest.mark.parametrize("text,expected", [
    ("Washington announced a new $400 million security assistance package for Kyiv.",
     ("USA", "UKR")),
    ("Norway approved $12 million in food aid for Sudan.", ("NOR", "SDN")),
    ("Britain announced a fresh military aid package for Estonia.", ("GBR", "EST")),
])
def test_help_inside_an_amount_or_package_is_given_by_its_giver(coder, text, expected):
    got = triples(coder, text)
    assert any((a, r) == expected and e in ("AID", "AGREE") for a, e, r in got)


@pytest.mark.parametrize("text,expected", [
    ("Greece dispatched a rescue team to Turkey.", ("GRC", "AID", "TUR")),
    ("Cuba deployed 200 doctors to Italy.", ("CUB", "AID", "ITA")),
    ("Floods swept Libya. Algeria dispatched rescuers and paramedics on Sunday.",
     ("DZA", "AID", "LBY")),
])
def test_helpers_sent_are_aid(coder, text, expected):
    assert expected in triples(coder, text)
