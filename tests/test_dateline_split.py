"""A dateline closes before the story's first sentence: the parser reads "KINSHASA — Congo and
Rwanda agreed" with Congo and Rwanda as the subject, not as the dateline's apposition."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("KINSHASA — Congo and Rwanda agreed on Friday to a draft peace agreement aimed at ending "
     "fighting in eastern Congo, the U.S. State Department said.",
     {("COD", "AGREE", "RWA"), ("RWA", "AGREE", "COD")}),
    ("NAIROBI — Kenya and Ethiopia signed a border security pact on Monday.",
     {("KEN", "SUPPORT", "ETH"), ("ETH", "SUPPORT", "KEN")}),
    ("ISLAMABAD — Pakistan and Afghanistan agreed on Sunday to reopen talks on border "
     "security.", {("PAK", "AGREE", "AFG"), ("AFG", "AGREE", "PAK")}),
])
def test_the_story_after_a_dateline_has_its_own_subject(coder, text, expected):
    assert expected <= triples(coder, text, "2025-03-01")
