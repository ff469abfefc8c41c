"""An act named as the object of a promise ("promised new tariffs", "pledged aid") is
announced, not done: a conflictual one is THREATEN, a cooperative one AGREE (codebook v2),
and the promise itself is not coded again as an AGREE with no act."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Trump promised new tariffs on Chinese goods.", ("USA", "THREATEN", "CHN")),
    ("The EU promised new sanctions against Russia on Monday.", ("EUR", "THREATEN", "RUS")),
    ("Washington pledged fresh sanctions on Iranian oil exports.", ("USA", "THREATEN", "IRN")),
])
def test_a_promised_harm_is_a_threat_not_a_deed(coder, text, expected):
    found = triples(coder, text, "2025-03-01")
    assert expected in found
    assert not {t for t in found if t[1] in ("SANCTION", "COERCE", "AGREE")}


def test_promised_help_is_an_agreement(coder):
    found = triples(coder, "Japan pledged humanitarian aid to Turkey on Tuesday.", "2025-03-01")
    assert ("JPN", "AGREE", "TUR") in found
    assert ("JPN", "AID", "TUR") not in found
