"""Judgements and stated feelings are speech acts aimed at whoever did the thing judged."""

from __future__ import annotations

import pytest

from event_support import triples
from eventwire.errors import KnowledgeFileError

# A favourable judgement supports the one judged.
FAVOURABLE = [
    ("The European Union described the elections in Georgia as free and fair.",
     ("EUR", "SUPPORT", "GEO")),
    ("Turkey said the Greek decision was a positive step.", ("TUR", "SUPPORT", "GRC")),
    ("Kenya called Ethiopia's offer of talks a constructive move.", ("KEN", "SUPPORT", "ETH")),
]
# A judged act named by its kind targets whoever did it.
BY_KIND = [
    ("A Moscow court sentenced the journalist to six years. Washington called the verdict "
     "unjust.", ("USA", "ACCUSE", "RUS")),
    ("A Cairo court convicted the Canadian activist. Ottawa described the ruling as "
     "arbitrary.", ("CAN", "ACCUSE", "EGY")),
    ("Prosecutors in Ankara charged the Swedish journalist with terrorism. Sweden said the "
     "charges were politically motivated.", ("SWE", "ACCUSE", "TUR")),
]
# Ranking one among the worst of a class judges it.
RANKED = [
    ("Sweden said Iran was one of the most repressive states in the world.",
     ("SWE", "ACCUSE", "IRN")),
    ("The European Union said Belarus is among the most oppressive regimes in Europe.",
     ("EUR", "ACCUSE", "BLR")),
    ("Canada argued that China was one of the most hostile and abusive trading partners.",
     ("CAN", "ACCUSE", "CHN")),
]
# A stated feeling about a doing is a speech act.
FEELINGS = [
    ("The United States is deeply concerned about China's actions in the South China Sea.",
     ("USA", "ACCUSE", "CHN")),
    ("Japan is alarmed by North Korea's missile launches.", ("JPN", "ACCUSE", "PRK")),
    ("The African Union said it was troubled by the Sudanese army's attacks on civilians.",
     ("AU", "ACCUSE", "SDN")),
    ("The United Nations is pleased with Colombia's progress on the peace deal.",
     ("UNO", "SUPPORT", "COL")),
    ("Germany was grateful for Norway's help with the evacuation.", ("DEU", "SUPPORT", "NOR")),
    ("France is satisfied with Morocco's response.", ("FRA", "SUPPORT", "MAR")),
]


@pytest.mark.parametrize("text,expected", [
    *[pytest.param(t, e, id=f"favourable-{i}") for i, (t, e) in enumerate(FAVOURABLE)],
    *[pytest.param(t, e, id=f"judged-by-kind-{i}") for i, (t, e) in enumerate(BY_KIND)],
    *[pytest.param(t, e, id=f"feeling-{i}") for i, (t, e) in enumerate(FEELINGS)],
    *[pytest.param(t, e, id=f"ranked-{i}") for i, (t, e) in enumerate(RANKED)],
])
def test_a_judgement_is_aimed_at_whoever_did_the_thing_judged(coder, text, expected):
    assert expected in triples(coder, text)


def test_a_motive_needs_its_modifier(coder):
    got = triples(coder, "Prosecutors in Ankara charged the Swedish journalist with terrorism. "
                         "Sweden said the charges were motivated by evidence.")
    assert ("SWE", "ACCUSE", "TUR") not in got


def test_a_feeling_denied_is_no_speech_act(coder):
    assert triples(coder, "Hungary said it was not concerned about Russia's actions.") == set()


def test_a_malformed_vocabulary_is_one_clear_error(tmp_path, monkeypatch):
    from eventwire.events import evaluations

    data = tmp_path / "data"
    data.mkdir()
    (data / "evaluations.yaml").write_text("accuse: [unjust]\npraise: [fair]\n")
    monkeypatch.setattr(evaluations.resources, "files", lambda _pkg: tmp_path)
    evaluations.vocabulary.cache_clear()
    try:
        with pytest.raises(KnowledgeFileError, match="unknown list 'praise'"):
            evaluations.vocabulary()
    finally:
        evaluations.vocabulary.cache_clear()


@pytest.mark.parametrize("text,expected", [
    # (not "charged ... said the charges were": the charging is itself TUR ACCUSE TUR, so the
    # judgement merges into that event and leaves no evaluation event of its own to check)
    ("Police in Ankara detained the opposition mayor on Monday. The opposition party said the "
     "detention was politically motivated.", ("TUR", "ACCUSE", "TUR")),
    ("A Phnom Penh court sentenced the journalist to two years. The opposition called the "
     "verdict unjust.", ("KHM", "ACCUSE", "KHM")),
    ("Belarusian police arrested dozens of protesters in Minsk. The opposition described the "
     "arrests as illegal.", ("BLR", "ACCUSE", "BLR")),
])
def test_a_judged_act_of_another_sector_at_home_is_a_domestic_target(coder, text, expected):
    from eventwire.model import Article

    assert expected in triples(coder, text)
    art = coder.code(Article(id="t", text=text, published="2022-03-30"))
    judged = [e for e in art.events if e.rule.startswith("accuse-evaluation")]
    assert judged and all(e.recipient is not None and e.recipient.sector != e.actor.sector
                          for e in judged)


@pytest.mark.parametrize("text,expected", [
    ("China protested against the Japanese minister's visit to the Yasukuni shrine.",
     ("CHN", "ACCUSE", "JPN")),
    ("The Philippines summoned China's ambassador to protest the water cannon attack.",
     ("PHL", "ACCUSE", "CHN")),
    ("Poland lodged a protest with Belarus over the border incident.", ("POL", "ACCUSE", "BLR")),
    ("Russia protested to Finland over the closure of the border.", ("RUS", "ACCUSE", "FIN")),
    ("The UN protested the expulsion of its staff by Mali.", ("UNO", "ACCUSE", "MLI")),
    ("The Indian government protested against the Chinese map.", ("IND", "ACCUSE", "CHN")),
])
def test_a_state_that_protests_complains_officially(coder, text, expected):
    """PLOVER ACCUSE (CAMEO 114), not a demonstration."""
    got = triples(coder, text)
    assert expected in got and not any(e == "PROTEST" for a, e, r in got)


@pytest.mark.parametrize("text", [
    "Thousands of Georgians protested against the government in Tbilisi.",
    "Palestinian leaders said they would boycott all official contact with Israel.",
    "Japanese lawmakers protested outside parliament.",
    "Palestinian protests against Israeli policies continued on Friday.",
])
def test_people_protesting_and_boycotts_stay_protests(coder, text):
    """Control: a crowd's or lawmakers' protest, and a boycott, are not official complaints."""
    assert not any(e == "ACCUSE" for a, e, r in triples(coder, text))


@pytest.mark.parametrize("text,expected", [
    ("Ankara denounced what it called a provocation by Greek warships on the island of Lesbos.",
     ("TUR", "ACCUSE", "GRC")),
    ("Tehran rejected what it called baseless accusations by Britain.", ("IRN", "REJECT", "GBR")),
    ("Manila protested what it called dangerous maneuvers by Chinese vessels on Sunday.",
     ("PHL", "ACCUSE", "CHN")),
    ("Beijing denounced what it called Washington's interference in Hong Kong.",
     ("CHN", "ACCUSE", "USA")),
])
def test_what_it_called_names_the_thing_judged(coder, text, expected):
    """'condemned what it called X': X is judged, and 'called' is no call on anyone."""
    got = triples(coder, text)
    assert expected in got and not any(e in ("REQUEST", "PROTEST") for a, e, r in got)


@pytest.mark.parametrize("text", [
    "Israeli forces pressed their offensive in southern Gaza.",
    "Russian troops pressed their attack on Avdiivka.",
    "Ethiopian troops pressed their campaign in Amhara.",
])
def test_pressing_on_with_a_thing_is_no_request(coder, text):
    """One presses someone (REQUEST); pressing one's offensive is carrying it on."""
    assert not any(e == "REQUEST" for a, e, r in triples(coder, text))
