"""Wire wordings of diplomacy done through others or still to come: envoys sent to a place,
"the two countries" after their leaders met, initialled treaties, and talks planned as a
clause's subject (codebook v2: visits, signed agreements, scheduled meetings are AGREE)."""

from __future__ import annotations

import pytest

from event_support import triples

BOTH_WAYS = [
    # an emissary sent to a place is a visit by its state (the host meets it too)
    ("Jordan sent a delegation to Baghdad for talks on water.", "JOR", "IRQ", "CONSULT"),
    ("Norway dispatched an envoy to Caracas on Monday.", "NOR", "VEN", "CONSULT"),
    ("Egypt sent its foreign minister to Ankara on Thursday.", "EGY", "TUR", "CONSULT"),
    # "the two countries" after their leaders met are those leaders' states
    ("Brazilian President Lula met Argentine President Javier Milei in Brasilia on Friday. "
     "The two countries signed a trade pact.", "BRA", "ARG", "SUPPORT"),
    ("Modi met Ishiba in Tokyo on Friday. The two sides agreed to deepen security "
     "cooperation.", "IND", "JPN", "AGREE"),
    ("Kenyan President William Ruto hosted Ugandan President Yoweri Museveni on Monday. "
     "Both governments pledged to build a railway together.", "KEN", "UGA", "AGREE"),
    # initialling an accord is signing it
    ("Armenia and Azerbaijan initialed a peace treaty on Thursday.", "ARM", "AZE", "SUPPORT"),
    ("Serbia and Kosovo initialled an agreement on trade.", "SRB", "XKX", "SUPPORT"),
    ("Peru and Chile countersigned the border accord on Tuesday.", "PER", "CHL", "SUPPORT"),
    # talks named as the subject of planning are still to come
    ("Talks between Russian and U.S. officials are expected to take place in Istanbul on "
     "Thursday.", "RUS", "USA", "AGREE"),
    ("A meeting between Xi and Lula is scheduled for next week.", "CHN", "BRA", "AGREE"),
    ("Negotiations between Serbia and Kosovo are set to resume in Brussels on Monday.",
     "SRB", "XKX", "AGREE"),
]


@pytest.mark.parametrize("text,a,b,event", BOTH_WAYS)
def test_coded_both_ways(coder, text, a, b, event):
    found = triples(coder, text)
    assert (a, event, b) in found and (b, event, a) in found
    if event == "AGREE" and "between" in text:
        assert (a, "CONSULT", b) not in found


def test_troops_sent_are_no_visit(coder):
    assert not [t for t in triples(coder, "Chad sent troops to Niger.") if t[1] == "CONSULT"]


def test_a_meeting_expected_to_focus_on_something_took_place(coder):
    found = triples(coder, "The meeting between Xi and Lula was expected to focus on trade.")
    assert ("CHN", "CONSULT", "BRA") in found


def test_an_envoy_who_sends_something_is_no_envoy_sent(coder):
    found = triples(coder, "The U.S. envoy sent a letter to Iran on Monday.")
    assert not [t for t in found if t[1] == "CONSULT"]
