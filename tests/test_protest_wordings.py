"""Protests worded otherwise than "X protested": a protest as the setting of another act
("despite protests", "after weeks of protests", "Serbia saw protests"), done "in protest",
by someone named after "by", being on strike, and walking out of a sitting."""

from __future__ import annotations

import pytest

from event_support import triples


def _protests(coder, text: str) -> set[tuple]:
    return {t for t in triples(coder, text) if t[1] == "PROTEST"}


@pytest.mark.parametrize("text,actor", [
    ("Ghana's parliament passed the levy on Monday despite protests.", "GHA"),
    ("The Bolivian government raised fuel prices amid protests on Friday.", "BOL"),
    ("Malawi's president dissolved the cabinet after weeks of protests in Lilongwe.", "MWI"),
    ("Ecuador saw a week of angry protests against the mining law.", "ECU"),
])
def test_a_protest_reported_as_the_setting_of_another_act_is_coded(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}


def test_a_protest_the_verb_refuses_despite_is_still_asserted(coder):
    found = _protests(coder, "The Czech cabinet proposed a new tax in May. Despite protests, "
                             "the cabinet refused to drop it.")
    assert "CZE" in {t[0] for t in found}


@pytest.mark.parametrize("text,actor", [
    ("Kenyan traders closed their stalls on Monday in protest at the new levy.", "KEN"),
    ("Romanian judges suspended hearings in protest over the pension cuts.", "ROU"),
    ("Nepali students burned textbooks in protest against the fee rise.", "NPL"),
])
def test_whoever_acts_in_protest_protests(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}


@pytest.mark.parametrize("text,actor", [
    ("A protest by Honduran teachers blocked the capital on Tuesday.", "HND"),
    ("The protests by Zambian miners closed the road to the border.", "ZMB"),
    ("The riot by Guinean fans damaged the stadium.", "GIN"),
])
def test_a_protest_by_someone_is_theirs(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}


@pytest.mark.parametrize("text,actor", [
    ("Ghanaian nurses are on strike over unpaid allowances.", "GHA"),
    ("Nigerian lecturers remained on strike for a fourth month.", "NGA"),
    ("Kenyan doctors stayed on strike despite the court order.", "KEN"),
])
def test_being_on_strike_is_a_protest(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}


@pytest.mark.parametrize("text,actor", [
    ("Opposition deputies in Malawi walked out of parliament on Friday.", "MWI"),
    ("Ugandan opposition lawmakers walked out of the session on Tuesday.", "UGA"),
    ("Zimbabwean opposition MPs walked out of the president's address.", "ZWE"),
])
def test_walking_out_of_a_sitting_is_a_protest(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}


@pytest.mark.parametrize("text,actor", [
    ("Mozambique was rocked by protests after the disputed election.", "MOZ"),
    ("Violent protests gripped Kenya on Tuesday.", "KEN"),
    ("Ecuador was paralysed by protests against fuel prices.", "ECU"),
])
def test_a_place_shaken_by_protests_names_who_protests(coder, text, actor):
    assert actor in {t[0] for t in _protests(coder, text)}
