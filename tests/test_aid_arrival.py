"""Help told as goods on the move: the giver is named on the help inside its carrier
("a shipment of Chinese aid"), the receiver is where the goods arrive ("reached Sudan"), and
goods arriving are no visit by their owner."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("A shipment of Kuwaiti aid arrived in Sudan on Thursday.", ("KWT", "AID", "SDN")),
    ("A consignment of Norwegian relief landed in Kenya on Monday.", ("NOR", "AID", "KEN")),
    ("A convoy of Egyptian humanitarian aid entered Libya on Tuesday.", ("EGY", "AID", "LBY")),
])
def test_help_inside_its_carrier_is_given_by_whoever_the_help_names(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Pakistani aid reached Afghanistan on Sunday.", ("PAK", "AID", "AFG")),
    ("Japanese relief supplies reached Myanmar on Wednesday.", ("JPN", "AID", "MMR")),
    ("Medical aid from India entered Nepal on Friday.", ("IND", "AID", "NPL")),
])
def test_help_that_reaches_a_place_goes_to_it(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text", [
    "Saudi aid arrived in Yemen on Wednesday.",
    "Qatar's aid to Lebanon arrived at Beirut airport on Sunday.",
    "Turkish relief supplies arrived in Syria on Monday.",
])
def test_goods_arriving_are_no_visit_by_their_owner(coder, text):
    assert not [t for t in triples(coder, text) if t[1] == "CONSULT"]
