"""Intelligence sharing named as a noun is cooperation (PLOVER COOPERATE, CAMEO 064), and
suspending or ending it, like ending cooperation, is a sanction (CAMEO 16x)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,a,b", [
    ("Ukraine welcomed the move. Washington resumed intelligence sharing with Kyiv on Tuesday.",
     "USA", "UKR"),
    ("Britain's intelligence sharing with Ukraine has increased, officials said.", "GBR", "UKR"),
    ("Japan and South Korea began intelligence sharing on North Korean missile launches.",
     "JPN", "KOR"),
])
def test_intelligence_sharing_as_a_noun_is_cooperation(coder, text, a, b):
    assert {(a, "COOPERATE", b), (b, "COOPERATE", a)} <= triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("The United States suspended intelligence sharing with Ukraine last week.",
     ("USA", "SANCTION", "UKR")),
    ("Niger ended its security cooperation with the United States.", ("NER", "SANCTION", "USA")),
    ("Burkina Faso halted military cooperation with France on Friday.",
     ("BFA", "SANCTION", "FRA")),
])
def test_stopping_sharing_or_cooperation_is_a_sanction(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")
