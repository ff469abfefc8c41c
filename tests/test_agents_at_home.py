"""Immigration and federal agents are law enforcement (COP), acting at home in the story's
country; state agents abroad stay intelligence (SPY)."""

from __future__ import annotations

import pytest

from eventwire.model import Article


@pytest.mark.parametrize("text,expected", [
    ("U.S. universities are under pressure from the White House. Immigration agents arrested "
     "a Palestinian activist at Columbia University on Saturday.", ("USA", "COP", "COERCE")),
    ("The White House has defended its immigration policy. Federal agents detained dozens of "
     "migrants in Chicago on Sunday.", ("USA", "COP", "COERCE")),
    ("Britain has tightened its asylum rules. Immigration officers raided car washes across "
     "London, detaining 40 people.", ("GBR", "COP", "COERCE")),
])
def test_immigration_and_federal_agents_are_police_at_home(coder, text, expected):
    art = coder.code(Article(id="t", text=text, published="2025-03-01"))
    assert expected in {(e.actor.code, e.actor.sector, e.event) for e in art.events}
