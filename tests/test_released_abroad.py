"""People released by no one named, named by their nationality or said to be held somewhere
("An American held in Russia has been freed"), are let go by the state that held them."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("An American held in Russia has been freed, the State Department said.",
     ("RUS", "RETREAT", "USA")),
    ("Two Britons detained in Iran were released on Wednesday.", ("IRN", "RETREAT", "GBR")),
    ("A French aid worker kidnapped in Niger was freed on Sunday.", ("NER", "RETREAT", "FRA")),
    ("Six Venezuelans jailed in Chile were released on Friday.", ("CHL", "RETREAT", "VEN")),
])
def test_the_released_are_let_go_by_the_state_that_held_them(coder, text, expected):
    assert expected in triples(coder, text)
