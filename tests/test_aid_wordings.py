"""Help worded otherwise than "X sent aid to Y": an amount given "in" aid, a receiver
provided "with" goods, granting and disbursing, and people rescued where they were saved."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Norway gave Malawi $12 million in flood relief on Monday.", ("NOR", "AID", "MWI")),
    ("Kuwait gave Sudan 40 million dinars in humanitarian aid.", ("KWT", "AID", "SDN")),
    ("Denmark sent Moldova 9 million euros in budget assistance.", ("DNK", "AID", "MDA")),
])
def test_an_amount_given_in_aid_is_aid(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Germany provided Lithuania with 20 tanks on Monday.", ("DEU", "AID", "LTU")),
    ("Iran provided the Yemeni government with missiles.", ("IRN", "AID", "YEM")),
    ("Cuba provided Haiti with medicine after the storm.", ("CUB", "AID", "HTI")),
])
def test_whoever_is_provided_with_listed_goods_receives_them(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Qatar granted Lebanon $60 million in fuel assistance.", ("QAT", "AID", "LBN")),
    ("The World Bank disbursed new loans to Ghana on Friday.", ("WBK", "AID", "GHA")),
    ("Japan granted emergency relief to Nepal after the floods.", ("JPN", "AID", "NPL")),
])
def test_granting_and_disbursing_help_is_aid(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Floods hit Bangladesh on Monday. Bangladeshi soldiers rescued 300 villagers on Tuesday.",
     ("BGD", "AID", "BGD")),
    ("Greek coast guards rescued 80 migrants near Athens.", ("GRC", "AID", "GRC")),
    ("The Chilean navy evacuated 200 residents from Valparaiso on Sunday.",
     ("CHL", "AID", "CHL")),
])
def test_people_rescued_are_helped_where_they_were_saved(coder, text, expected):
    assert expected in triples(coder, text)
