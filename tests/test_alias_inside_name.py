"""No alias match inside a longer proper name: a known body's words inside another body's name
("the National Congress Party", "the Liberal Democratic Alliance Party") are not that body,
while a known name right before a body ("United States Department of Defense") still is."""

from __future__ import annotations

import pytest

from eventwire.actors.resolver import ActorResolver


def codes(coder, text: str) -> set[str | None]:
    doc = coder.nlp(text)
    return {m.code for m in ActorResolver(doc, coder.knowledge.gazetteer, None).mentions}


@pytest.mark.parametrize("text,wrong", [
    ("Sudan's cabinet dissolved the National Congress Party on Thursday.", "IND"),
    ("The Liberal Democratic Alliance Party of Malawi held a rally in Blantyre.", "ZAF"),
    ("Members of the Patriotic Trinamool Congress Movement staged a walkout in Lusaka.", "IND"),
])
def test_a_body_alias_inside_a_longer_name_is_not_that_body(coder, text, wrong):
    assert wrong not in codes(coder, text)


@pytest.mark.parametrize("text,code", [
    ("The United States Department of Defense justified the strike.", "USA"),
    ("The U.S. State Department condemned the raid.", "USA"),
    ("The Indian National Congress accused the ruling party of fraud.", "IND"),
])
def test_a_known_name_before_a_body_still_names_it(coder, text, code):
    assert code in codes(coder, text)
