"""How an act is put decides its code: promises, threats, refusals, meetings of several."""

from __future__ import annotations

import pytest

from event_support import coded


@pytest.mark.parametrize("text,expected", [
    # RETREAT needs a material consequence; a promised one is a concession (codebook v2)
    ("Israel will release 50 Palestinian prisoners next week.", ("ISR", "CONCEDE", "PSE")),
    # a promised harm is a threat
    ("Russia said it will impose sanctions on Moldova.", ("RUS", "THREATEN", "MDA")),
])
def test_a_promised_act_is_coded_as_the_promise(coder, text, expected):
    got = coded(coder, text)
    assert expected + ("future",) in got
    assert not {t for t in got if t[1] in ("RETREAT", "SANCTION")}


def test_an_announced_withdrawal_is_a_concession(coder):
    got = coded(coder, "The minister said British soldiers would be leaving Mali by the end "
                       "of the year.")
    assert ("GBR", "CONCEDE", "MLI", "future") in got


@pytest.mark.parametrize("text,expected", [
    ("The European Union agreed to impose new sanctions on Russian oil exports.",
     ("EUR", "THREATEN", "RUS")),
    ("G7 leaders agreed to ban imports of Russian gold.", ("G7", "THREATEN", "RUS")),
    ("The United States and Britain agreed to expel Iranian diplomats.",
     ("USA", "THREATEN", "IRN")),
])
def test_a_harm_agreed_on_is_a_threat_not_an_agreement_with_its_target(coder, text, expected):
    """Codebook v2: a measure decided but not yet in force is THREATEN; agreeing is for
    cooperation."""
    got = {t[:3] for t in coded(coder, text)}
    assert expected in got
    assert not {t for t in got if t[1] == "AGREE"}


@pytest.mark.parametrize("text,expected", [
    ("Iran agreed to release two French citizens.", ("IRN", "CONCEDE", "FRA")),
    ("Ethiopia decided to free the detained Eritrean soldiers.", ("ETH", "CONCEDE", "ERI")),
    ("Mali's junta agreed to release the Ivorian soldiers.", ("MLI", "CONCEDE", "CIV")),
])
def test_a_handover_agreed_on_is_a_promised_concession(coder, text, expected):
    got = {t[:3] for t in coded(coder, text)}
    assert expected in got and not {t for t in got if t[1] == "AGREE"}


@pytest.mark.parametrize("text,expected", [
    ("Canada announced new tariffs on Chinese electric cars on Tuesday.",
     ("CAN", "THREATEN", "CHN", "future")),
    ("The European Union unveiled a fresh round of sanctions against Belarus.",
     ("EUR", "THREATEN", "BLR", "future")),
    ("Washington announced fresh restrictions on exports to Venezuela.",
     ("USA", "THREATEN", "VEN", "future")),
    ("Germany announced the withdrawal of its soldiers from Niger.",
     ("DEU", "CONCEDE", "NER", "future")),
])
def test_an_announced_measure_is_not_yet_taken(coder, text, expected):
    """Codebook v2: an announced harm is a threat, an announced withdrawal a concession."""
    got = coded(coder, text)
    assert expected in got
    assert not {t for t in got if t[1] in ("SANCTION", "RETREAT")}


@pytest.mark.parametrize("text,expected", [
    ("France issued arrest warrants for three Syrian generals.", ("FRA", "THREATEN", "SYR")),
    ("The International Criminal Court issued a warrant for the arrest of Russia's "
     "president.", ("ICC", "THREATEN", "RUS")),
    ("A Turkish court's arrest warrant for the Swedish journalist drew protests.",
     ("TUR", "THREATEN", "SWE")),
])
def test_an_arrest_warrant_threatens_the_arrest(coder, text, expected):
    """Codebook v2: a warrant for someone not in custody is THREATEN (mode arrest)."""
    got = {t[:3] for t in coded(coder, text)}
    assert expected in got
    assert not {t for t in got if t[1] == "COERCE"}


@pytest.mark.parametrize("text,event", [
    ("The Tunisian prime minister announced his resignation on Monday.", "RETREAT"),
    ("Zimbabwean police announced the arrest of 20 opposition activists.", "COERCE"),
])
def test_an_announced_resignation_or_arrest_reports_an_act_done(coder, text, event):
    assert {t[1] for t in coded(coder, text)} == {event}


def test_a_promise_with_nobody_to_receive_it_is_a_concession_too(coder):
    got = coded(coder, "Armenia's defence minister will resign.")
    assert {t[1] for t in got} == {"CONCEDE"}


@pytest.mark.parametrize("text,expected", [
    ("Jordan will not accept more refugees.", ("JOR", "REJECT", None, "asserted")),
    ("Kyiv did not meet the demands of the IMF.", ("UKR", "REJECT", "IMF", "asserted")),
    ("Japan will not send aid to Myanmar.", ("JPN", "REJECT", "MMR", "asserted")),
    ("Jordan said it will not grant permission to Iraq to build the pipeline.",
     ("JOR", "REJECT", "IRQ", "asserted")),
])
def test_an_acceptance_done_not_is_a_refusal(coder, text, expected):
    assert coded(coder, text) == {expected}


@pytest.mark.parametrize("text", [
    "Peru's parliament did not ratify the treaty with Chile.",
    "Japan did not send aid to Myanmar.",  # a gift not given is no refusal
])
def test_other_negated_acts_stay_unsaid(coder, text):
    assert coded(coder, text) == set()


def test_a_meeting_of_three_is_coded_pair_by_pair(coder):
    got = coded(coder, "Egypt, Jordan and Iraq met on Monday.")
    pairs = {(a, r) for a, e, r, _ in got if e == "CONSULT"}
    assert pairs == {("EGY", "JOR"), ("JOR", "EGY"), ("EGY", "IRQ"), ("IRQ", "EGY"),
                     ("JOR", "IRQ"), ("IRQ", "JOR")}


@pytest.mark.parametrize("text,parties", [
    # the host among them: a visit to it, and every pair meets (codebook v2: an ad hoc
    # meeting of three or more named parties, every pair)
    ("Egypt, Jordan and Iraq met in Baghdad on Monday.", {"EGY", "JOR", "IRQ"}),
    # the host not among them: each visits it and the visitors meet each other
    ("Turkey, Iran and Russia met in Astana on Friday.", {"TUR", "IRN", "RUS", "KAZ"}),
    ("The leaders of Germany and France met in Warsaw.", {"DEU", "FRA", "POL"}),
])
def test_a_meeting_at_ones_home_is_a_visit_and_every_pair_meets(coder, text, parties):
    got = coded(coder, text)
    assert {(a, r) for a, e, r, _ in got if e == "CONSULT"} == {
        (a, r) for a in parties for r in parties if a != r}


def test_three_who_sign_support_each_other_pair_by_pair(coder):
    got = coded(coder, "Egypt, Jordan and Iraq signed a trade deal.")
    assert {(a, r) for a, e, r, _ in got if e == "SUPPORT"} == {
        ("EGY", "JOR"), ("JOR", "EGY"), ("EGY", "IRQ"), ("IRQ", "EGY"),
        ("JOR", "IRQ"), ("IRQ", "JOR")}


@pytest.mark.parametrize("text", [
    "The World Health Organization declared mpox a global health emergency on Wednesday.",
    "The African Union declared a continental public health emergency over cholera.",
    "The U.N. declared a famine emergency in northern Gaza.",
])
def test_a_world_body_declaring_an_emergency_coerces_no_one(coder, text):
    assert not {t for t in coded(coder, text) if t[1] == "COERCE"}


def test_a_state_declaring_an_emergency_at_home_coerces_its_people(coder):
    got = coded(coder, "Ecuador's president declared a state of emergency in three provinces.")
    assert ("ECU", "COERCE", "ECU") in {t[:3] for t in got}


def test_parties_are_counted_by_country_not_by_person(coder):
    """Five people of three states are a meeting of three, coded pair by pair."""
    got = coded(coder, "French President Emmanuel Macron, French Foreign Minister Catherine "
                       "Colonna, German Chancellor Olaf Scholz, Italian Prime Minister Giorgia "
                       "Meloni and Italian Foreign Minister Antonio Tajani met on Tuesday.",
                published="2023-06-01")
    parties = {"FRA", "DEU", "ITA"}
    assert {(a, r) for a, e, r, _ in got if e == "CONSULT"} == {
        (a, r) for a in parties for r in parties if a != r}


@pytest.mark.parametrize("text,parties,event", [
    ("Kenya, Uganda, Tanzania, Rwanda and Burundi signed a customs pact on Monday.",
     {"KEN", "UGA", "TZA", "RWA", "BDI"}, "SUPPORT"),
    ("The foreign ministers of Egypt, Jordan, Iraq, Saudi Arabia and Qatar met on Sunday.",
     {"EGY", "JOR", "IRQ", "SAU", "QAT"}, "CONSULT"),
    ("Poland, Lithuania, Latvia, Estonia, Finland and Sweden agreed to cooperate on border "
     "security.", {"POL", "LTU", "LVA", "EST", "FIN", "SWE"}, "AGREE"),
])
def test_five_or_six_parties_still_act_pair_by_pair(coder, text, parties, event):
    """Codebook v2: a meeting, deal or joint venture of three or more, every pair."""
    got = coded(coder, text)
    assert {(a, r) for a, e, r, _ in got if e == event} == {
        (a, r) for a in parties for r in parties if a != r}


def test_past_six_parties_they_act_together(coder):
    got = coded(coder, "Kenya, Uganda, Tanzania, Rwanda, Burundi, Ethiopia, Somalia and "
                       "Djibouti signed a customs pact on Monday.")
    assert {r for a, e, r, _ in got if e == "SUPPORT"} == {None}


@pytest.mark.parametrize("text,expected", [
    ("Rwanda sent troops to Mozambique to help fight insurgents.", ("RWA", "AID", "MOZ")),
    ("Chad deployed soldiers to Niger to support the fight against jihadists.",
     ("TCD", "AID", "NER")),
    ("Kenya will send 1,000 police officers to Haiti to help fight gangs.",
     ("KEN", "AGREE", "HTI")),
])
def test_forces_sent_to_help_another_country_are_aid(coder, text, expected):
    """PLOVER AID (CAMEO 074): peacekeeping or military protection; promised, AGREE."""
    got = {t[:3] for t in coded(coder, text)}
    assert expected in got and not {t for t in got if t[1] in ("MOBILIZE", "THREATEN")}


@pytest.mark.parametrize("text", [
    "Russia sent troops to the border with Ukraine.",
    "The United States deployed warships to the region to deter Iran.",
])
def test_other_deployments_still_mobilize(coder, text):
    assert "MOBILIZE" in {t[1] for t in coded(coder, text)}


@pytest.mark.parametrize("text,expected", [
    ("Japan hopes to sign a trade pact with India next year.", ("JPN", "AGREE", "IND")),
    ("Turkey aims to hold talks with Syria soon.", ("TUR", "AGREE", "SYR")),
    ("Iran wants to expand cooperation with Russia.", ("IRN", "AGREE", "RUS")),
])
def test_an_intent_to_cooperate_is_its_holders_agree(coder, text, expected):
    """PLOVER AGREE (CAMEO 03, express intent to cooperate): one way, by whoever intends."""
    got = {t[:3] for t in coded(coder, text)}
    assert got == {expected}


@pytest.mark.parametrize("text", [
    "Russia hopes to attack Ukraine.",
    "The junta hoped to arrest the opposition leader in Niger.",
    "Hungary hopes to block sanctions against Russia.",
])
def test_hoping_to_harm_is_not_harming(coder, text):
    assert not {t for t in coded(coder, text) if t[1] in ("ASSAULT", "COERCE", "REJECT")}


@pytest.mark.parametrize("text,pair,event", [
    ("Uzbekistan and Kazakhstan will work together to share water from the Syr Darya.",
     ("UZB", "KAZ"), "AGREE"),
    ("Colombia said it would work together with Ecuador to fight drug gangs on the border.",
     ("COL", "ECU"), "AGREE"),
    ("Tanzania and Uganda will work together on the oil pipeline, officials said on Monday.",
     ("TZA", "UGA"), "AGREE"),
    ("Greece and Turkey worked together to rescue migrants in the Aegean on Tuesday.",
     ("GRC", "TUR"), "COOPERATE"),
])
def test_working_together_is_cooperation_and_a_promise_of_it_agreement(coder, text, pair,
                                                                         event):
    assert (pair[0], event, pair[1]) in {t[:3] for t in coded(coder, text)}
