"""Lexicon by classes: entries that name a word class cover every verb and noun of it, nominal
events take their doer from their own phrase, and acts done "in coordination with" someone."""

from __future__ import annotations

from pathlib import Path

import pytest

from event_support import triples
from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.lexicon import load_lexicon

ENTRY = """
- id: sanction-pelting-trade-measure
  trigger: "@pelting"
  pos: VERB
  with: ["@trade_measure"]
  event: SANCTION
  mode: discontinue
  context: [economic]
  cameo: "163"
  actor: [subj]
  recipient: [prep:on]
  symmetric: false
  requires_recipient: true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_class_entry_stands_for_every_pair_of_its_classes(tmp_path):
    lex = load_lexicon([write(tmp_path, "- {class: pelting, words: [pelt, shower]}\n" + ENTRY)])
    measures = {e.with_[0] for e in lex.entries.values()
                if e.id.startswith("sanction-imposing-trade-measure/")}
    found = {(e.trigger, e.with_) for e in lex.entries.values()
             if e.id.startswith("sanction-pelting-trade-measure/")}
    assert {"tariff", "levy", "embargo"} <= measures
    assert found == {(v, (w,)) for v in ("pelt", "shower") for w in measures}
    assert lex.entries["sanction-pelting-trade-measure/shower+levy"].event == "SANCTION"


def test_a_user_file_adds_a_word_to_a_shipped_class(tmp_path):
    lex = load_lexicon([write(tmp_path, "- {class: trade_measure, words: [excise]}\n")])
    assert [e.event for e in lex.candidates("impose", "VERB") if e.with_ == ("excise",)] \
        == ["SANCTION"]
    assert not [e for e in load_lexicon().candidates("impose", "VERB") if e.with_ == ("excise",)]


def test_a_user_entry_with_a_class_entry_id_replaces_all_its_variants(tmp_path):
    mine = ENTRY.replace("sanction-pelting-trade-measure", "sanction-imposing-trade-measure") \
        .replace('"@pelting"', "pelt").replace('["@trade_measure"]', "[tariff]")
    lex = load_lexicon([write(tmp_path, mine)])
    assert "sanction-imposing-trade-measure" in lex.entries
    assert not [i for i in lex.entries if i.startswith("sanction-imposing-trade-measure/")]


def test_a_listed_entry_wins_over_the_class_variant_of_the_same_words():
    lex = load_lexicon()
    ids = [e.id for e in lex.candidates("lift", "VERB") if e.with_ == ("sanction",)]
    assert ids == ["retreat-lift-sanction"]  # a lifted sanction is RETREAT with no target too
    assert "retreat-easing-trade-measure/lift+sanction" not in lex.entries


@pytest.mark.parametrize("text,problem", [
    ("- {class: Bad Name, words: [x]}\n", "class name"),
    ("- {class: empty}\n", "non-empty 'words'"),
    ("- {class: spaced, words: [two words]}\n", "single lowercase lemma"),
    (ENTRY, "unknown word class '@pelting'"),
])
def test_a_bad_class_is_one_clear_error_naming_the_file(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(KnowledgeFileError) as err:
        load_lexicon([path])
    assert problem in str(err.value) and "mine.yaml" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text,expected", [
    ("Mexico hiked duties on imports from South Korea.", ("MEX", "SANCTION", "KOR")),
    ("The EU added quotas on Ukrainian grain.", ("EUR", "SANCTION", "UKR")),
    ("Japan tripled the surcharge on Russian timber.", ("JPN", "SANCTION", "RUS")),
    ("India halved its tariffs on Australian wine.", ("IND", "RETREAT", "AUS")),
    ("Britain rescinded the levy on Turkish steel.", ("GBR", "RETREAT", "TUR")),
    ("Sweden curtailed its assistance to Zimbabwe.", ("SWE", "SANCTION", "ZWE")),
    ("The Netherlands paused its financing for Burundi.", ("NLD", "SANCTION", "BDI")),
    ("Qatar channelled cash to Lebanon.", ("QAT", "AID", "LBN")),
    ("Poland donated howitzers to Ukraine.", ("POL", "AID", "UKR")),
    ("Canada furnished Haiti with assistance.", ("CAN", "AID", "HTI")),
    ("Kenyan nurses held a walkout in Nairobi.", ("KEN", "PROTEST", "KEN")),
    ("Georgian opposition supporters attended a rally in Tbilisi.", ("GEO", "PROTEST", "GEO")),
    ("Serbian students organised a vigil against the government.", ("SRB", "PROTEST", "SRB")),
    ("Britain ceded sovereignty over the archipelago to Mauritius.", ("GBR", "CONCEDE", "MUS")),
    ("Israel handed the territory to Egypt after the treaty.", ("ISR", "CONCEDE", "EGY")),
    ("Sudan gave land to Ethiopia.", ("SDN", "CONCEDE", "ETH")),
])
def test_every_verb_of_a_class_with_every_noun_of_a_class(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Canadian tariffs against American whiskey hurt distillers.", ("CAN", "SANCTION", "USA")),
    ("The Japanese embargo on North Korean coal remains in force.",
     ("JPN", "SANCTION", "PRK")),
    ("Washington's imposition of quotas on Brazilian sugar hurt farmers.",
     ("USA", "SANCTION", "BRA")),
    ("Japanese aid to Turkey reached five million dollars.", ("JPN", "AID", "TUR")),
    ("Qatar's delivery of relief to Gaza began on Sunday.", ("QAT", "AID", "PSE")),
    ("The transfer of rifles to Armenia by Russia was completed in May.",
     ("RUS", "AID", "ARM")),
    ("Russia's release of 40 Ukrainian prisoners took place on Friday.",
     ("RUS", "RETREAT", "UKR")),
    ("Azerbaijan's release of three Armenian soldiers was welcomed.", ("AZE", "RETREAT", "ARM")),
    ("France's withdrawal of its soldiers from Mali was completed.", ("FRA", "RETREAT", "MLI")),
    ("Portugal's handover of the enclave to China took place peacefully.",
     ("PRT", "CONCEDE", "CHN")),
])
def test_a_nominal_event_takes_its_doer_from_its_own_phrase(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,event,actor", [
    ("The EU called for sanctions on Russia.", "SANCTION", "EUR"),
    ("The UN called for aid to Gaza.", "AID", "UNO"),
    ("Amnesty urged Egypt to allow the release of the activists.", "RETREAT", "NGO"),
])
def test_the_subject_of_the_verb_above_does_not_do_a_nominal_event(coder, text, event, actor):
    assert not [t for t in triples(coder, text) if t[0] == actor and t[1] == event]


@pytest.mark.parametrize("text,pair", [
    ("Jordan struck smugglers in coordination with Syria.", ("JOR", "SYR")),
    ("Kenyan police raided the camp in collaboration with Somali forces.", ("KEN", "SOM")),
    ("Iraqi troops cleared the village in conjunction with Iranian militias.", ("IRQ", "IRN")),
])
def test_an_act_done_in_coordination_with_a_partner_is_cooperation_both_ways(coder, text, pair):
    got = triples(coder, text)
    assert (pair[0], "COOPERATE", pair[1]) in got and (pair[1], "COOPERATE", pair[0]) in got


@pytest.mark.parametrize("text,expected", [
    ("Russia criticised the sanctions and renewed its pledge to support Venezuela.",
     ("RUS", "AGREE", "VEN")),
    ("Egypt welcomed the truce and repeated its offer to help Sudan.", ("EGY", "AGREE", "SDN")),
    ("Germany confirmed its commitment to supply tanks to Ukraine.", ("DEU", "AGREE", "UKR")),
    ("Japan reaffirmed its readiness to cooperate with South Korea.", ("JPN", "AGREE", "KOR")),
    ("China condemned the drills and reaffirmed its commitment to defend the Philippines.",
     ("CHN", "AGREE", "PHL")),
])
def test_restating_an_undertaking_agrees_with_whom_it_is_for(coder, text, expected):
    """@restating + @undertaking (PLOVER AGREE); the target may sit in the undertaking's own
    infinitive ('its commitment to defend the Philippines')."""
    assert expected in triples(coder, text)
