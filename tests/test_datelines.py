"""Datelines ("NAIROBI —") say where a story was filed; they are nobody's act."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from event_support import triples
from eventwire.nlp.datelines import dateline_tokens


@pytest.mark.parametrize("text,words", [
    ("NAIROBI — Kenyan police fired tear gas.", ["NAIROBI"]),
    ("KYIV, Ukraine (AP) -- Russia fired missiles.", ["KYIV", ",", "Ukraine", "(", "AP", ")"]),
    ("Intro line.\nMANILA – The Philippines protested.", ["MANILA"]),
])
def test_a_dateline_is_found_at_a_paragraph_start(nlp, text, words):
    doc = nlp(text)
    assert [doc[i].text for i in sorted(dateline_tokens(doc))] == words


@pytest.mark.parametrize("text", [
    "Kenyan police — not the army — fired tear gas.",
    "The UN — a body of 193 states — met.",
    "NATO said the talks would go on.",
])
def test_a_dash_in_running_text_is_no_dateline(nlp, text):
    assert dateline_tokens(nlp(text)) == set()


@pytest.mark.parametrize("text,expected,filed_from", [
    ("NAIROBI — Ugandan police arrested dozens of Kenyan traders on Tuesday.",
     ("UGA", "COERCE", "KEN"), "KEN"),
    ("BEIJING — The Philippines summoned China's ambassador on Monday.", ("PHL", "ACCUSE", "CHN"),
     "CHN"),
    ("KYIV, Ukraine (AP) — Poland pledged more ammunition to Ukraine on Friday.",
     ("POL", "AGREE", "UKR"), "UKR"),
    ("TEHRAN — Iraqi officials accused Turkey of bombing villages in Kurdistan.",
     ("IRQ", "ACCUSE", "TUR"), "IRN"),
])
def test_the_place_a_story_was_filed_from_does_not_act(coder, text, expected, filed_from):
    got = triples(coder, text)
    assert expected in got and not any(a == filed_from for a, e, r in got)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AB ,()-—–\n.xy")), max_size=40))
def test_dateline_detection_takes_any_text(nlp, text):
    doc = nlp(text)
    found = dateline_tokens(doc)
    assert all(0 <= i < len(doc) for i in found)
    assert all(doc[i].text not in ("—", "–", "--") for i in found)
