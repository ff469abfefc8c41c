"""Entity resolution that does not over-reach: no alias inside a longer name; dotted acronyms."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def codes(coder, text: str) -> set[str | None]:
    art = coder.code(Article(id="t", text=text, published="2022-03-30"))
    return {m.code for m in art.mentions}


@pytest.mark.parametrize("text", [
    "The Kurdish National Congress accused Turkey of repression.",
    "The Indian National Congress criticised the budget.",
    "The Tigray Democratic Congress party boycotted the vote.",
])
def test_no_alias_match_inside_a_longer_proper_name(coder, text):
    assert "USA" not in codes(coder, text)  # "Congress" alone is the US Congress


def test_a_country_before_a_body_still_names_it(coder):
    assert "USA" in codes(coder, "The US Congress condemned the attack.")


@pytest.mark.parametrize("text,code", [
    ("Officials in the D.R.C. accused Rwanda of backing the rebels.", "COD"),
    ("The U.A.E. condemned the attack on the tanker.", "ARE"),
    ("Troops from the D.R.C. crossed into Uganda.", "COD"),
])
def test_dotted_acronyms_name_their_country(coder, text, code):
    assert code in codes(coder, text)


@pytest.mark.parametrize("text,acronym,expected", [
    ("The Haitian National Police (HNP) arrested 20 gang members. Later the HNP raided a "
     "prison.", "HNP", ("HTI", "COP")),
    ("Pakistan's Federal Investigation Agency (FIA) detained two bankers. The FIA said more "
     "arrests would follow.", "FIA", ("PAK", "COP")),
    ("The Kenya Defence Forces (KDF) shelled a militant camp. The KDF denied hitting "
     "civilians.", "KDF", ("KEN", "MIL")),
])
def test_an_acronym_the_article_defines_is_that_actor(coder, text, acronym, expected):
    art = coder.code(Article(id="t", text=text, published="2022-03-30"))
    later = [m for m in art.mentions if m.text == acronym and m.sentence == 1]
    assert later and (later[0].code, later[0].sector) == expected


def test_parenthesised_single_letters_and_words_define_nothing(coder):
    art = coder.code(Article(id="t", text="Senator Jane Doe (D) criticised Russia. D voters "
                                          "agreed.", published="2022-03-30"))
    assert not [m for m in art.mentions if m.rule == "acronym"]
