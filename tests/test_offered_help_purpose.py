"""Help offered or pledged is for whom its purpose clause helps, also when the helped is the
subject of the clause "help" governs ("offered $5 million to help Sri Lanka recover")."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Japan offered $5 million to help Sri Lanka recover from the floods.",
     ("JPN", "AGREE", "LKA")),
    ("Norway offered 20 million crowns to help Malawi rebuild after the cyclone.",
     ("NOR", "AGREE", "MWI")),
    ("Qatar offered fuel to help Lebanon keep its power plants running.",
     ("QAT", "AGREE", "LBN")),
    ("Kuwait sent cash to help Jordan pay for refugee schools.", ("KWT", "AID", "JOR")),
])
def test_help_goes_to_whom_its_purpose_clause_helps(coder, text, expected):
    assert expected in triples(coder, text)
