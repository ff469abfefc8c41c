"""An announced visit is the host's intent as well as the visitor's: "Erdogan will host Putin"
is TUR AGREE RUS and RUS AGREE TUR (codebook v2: visits are coded from both sides, and
scheduled ones are AGREE)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,host,visitor", [
    ("Erdogan will host Putin in Ankara next week.", "TUR", "RUS"),
    ("Kenya is set to host Somali President Hassan Sheikh Mohamud next week.", "KEN", "SOM"),
    ("Trump said he would host Zelenskyy at the White House on Friday.", "USA", "UKR"),
])
def test_an_announced_visit_is_coded_from_both_sides(coder, text, host, visitor):
    found = triples(coder, text)
    assert (visitor, "AGREE", host) in found and (host, "AGREE", visitor) in found
    assert not [t for t in found if t[1] == "CONSULT"]
