"""Events named by a noun whose parties sit outside its phrase: help received ("has the
backing of India"), acts carried by a noun of effort ("launched a mediation effort"), measures
on goods or people from a country ("restrictions on travel from India")."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected,wrong", [
    ("The treaty between Chile and Peru has the backing of Brazil.",
     ("BRA", "SUPPORT", "CHL"), ("CHL", "SUPPORT", "BRA")),
    ("Kenya won the support of Ethiopia for its candidacy.",
     ("ETH", "SUPPORT", "KEN"), ("KEN", "SUPPORT", "ETH")),
    ("Mongolia secured the backing of Japan on Tuesday.",
     ("JPN", "SUPPORT", "MNG"), ("MNG", "SUPPORT", "JPN")),
    ("Moldova enjoys strong support from Romania.",
     ("ROU", "SUPPORT", "MDA"), ("MDA", "SUPPORT", "ROU")),
])
def test_who_gives_the_help_a_subject_receives_acts(coder, text, expected, wrong):
    found = triples(coder, text)
    assert expected in found
    assert wrong not in found


@pytest.mark.parametrize("text,expected", [
    ("Oman launched a mediation effort between Iran and Bahrain.", ("OMN", "CONSULT", "IRN")),
    ("Norway began a mediation process between Colombia and Venezuela.",
     ("NOR", "CONSULT", "VEN")),
    ("Turkey stepped up its mediation efforts between Russia and Ukraine.",
     ("TUR", "CONSULT", "UKR")),
])
def test_a_noun_of_effort_carries_the_act_named_before_it(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Peru slapped heavy tariffs on shoes from Vietnam.", ("PER", "VNM")),
    ("Japan put new duties on steel from South Korea.", ("JPN", "KOR")),
    ("Norway levied new duties on salmon from Chile on Monday.", ("NOR", "CHL")),
])
def test_a_measure_on_goods_or_people_lands_on_where_they_come_from(coder, text, expected):
    assert [t for t in triples(coder, text) if (t[0], t[2]) == expected]


@pytest.mark.parametrize("text,expected", [
    ("The withdrawal of French soldiers from Mali ended on Monday.", ("FRA", "RETREAT", "MLI")),
    ("Residents cheered the withdrawal of Ethiopian forces from Eritrea.",
     ("ETH", "RETREAT", "ERI")),
    ("The deployment of Russian troops to Belarus worried Poland.", ("RUS", "MOBILIZE", None)),
])
def test_a_movement_of_forces_is_made_by_whoever_they_belong_to(coder, text, expected):
    found = triples(coder, text)
    assert [t for t in found if t[:2] == expected[:2] and expected[2] in (None, t[2])]


def test_forces_acted_on_are_not_the_doers(coder):
    found = triples(coder, "The killing of Russian soldiers in Kherson angered Moscow.")
    assert not [t for t in found if t[0] == "RUS" and t[1] == "ASSAULT"]


@pytest.mark.parametrize("text,expected", [
    ("France spoke at a NATO meeting in Brussels on Tuesday.", ("FRA", "NATO")),
    ("Kenya's foreign minister told an African Union summit that the war must end.",
     ("KEN", "AU")),
    ("Japan's envoy addressed a Security Council meeting on Monday.", ("JPN", "UNO")),
    ("Peru was praised by Chile and Bolivia at a U.N. Security Council meeting.",
     ("BOL", "UNO")),
])
def test_acting_at_a_bodys_session_is_taking_part_in_it(coder, text, expected):
    found = triples(coder, text)
    assert (expected[0], "CONSULT", expected[1]) in found
    assert (expected[1], "CONSULT", expected[0]) not in found  # never back


def test_a_press_conference_is_no_session(coder):
    found = triples(coder, "Chile's minister told reporters at a news conference in Lima that "
                           "prices would fall.")
    assert not [t for t in found if t[1] == "CONSULT"]


@pytest.mark.parametrize("text,expected", [
    ("Britain delivered tents and blankets to assist Turkish earthquake victims.", ("GBR", "TUR")),
    ("Germany donated ambulances to support the Ukrainian health ministry.", ("DEU", "UKR")),
    ("Canada supplied rifles to help the Latvian army.", ("CAN", "LVA")),
])
def test_help_is_for_whom_its_purpose_clause_helps(coder, text, expected):
    assert (expected[0], "AID", expected[1]) in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("The World Food Program delivered food aid to 100,000 people in Gaza last week.",
     ("UNO", "AID", "PSE")),
    ("The Red Cross sent medicine to hospitals in Sudan.", ("NGO", "AID", "SDN")),
    ("Turkey sent relief supplies to villages in northern Syria.", ("TUR", "AID", "SYR")),
    ("India delivered medicines to clinics in Sri Lanka.", ("IND", "AID", "LKA")),
])
def test_aid_to_people_or_places_goes_to_the_country_they_are_in(coder, text, expected):
    assert expected in triples(coder, text)
