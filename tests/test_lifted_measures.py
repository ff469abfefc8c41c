"""A coercive measure named as what is lifted is not imposed, and lifting it is the event:
easing emergency rule is CONCEDE (as the listed lift/ease x curfew entries), easing a
blockade or siege RETREAT (CAMEO 0872)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,lifted,kept", [
    ("Thailand lifted martial law in the south.", "COERCE", "CONCEDE"),
    ("Ethiopia ended the state of emergency on Tuesday.", None, "CONCEDE"),
    ("Israel eased its blockade of Gaza.", "COERCE", "RETREAT"),
    ("Armenia relaxed the siege of the town.", "ASSAULT", "RETREAT"),
])
def test_a_lifted_measure_is_the_lifting_not_the_measure(coder, text, lifted, kept):
    events = {e for _, e, _ in triples(coder, text)}
    assert kept in events and (lifted is None or lifted not in events)


def test_an_imposed_measure_is_still_coerce(coder):
    assert "COERCE" in {e for _, e, _ in triples(coder, "Thailand imposed martial law.")}
