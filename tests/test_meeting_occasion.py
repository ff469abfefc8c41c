"""A meeting named as the occasion of another act ("During a visit to Beijing, Macron said")
is the acting subject's meeting, asserted whatever the act itself is (a pledge, a request)."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("During a two-day visit to Beijing on Tuesday, French President Emmanuel Macron said "
     "trade between the two economies must be fair.",
     {("FRA", "CONSULT", "CHN"), ("CHN", "CONSULT", "FRA")}),
    ("At a meeting with Kenyan President William Ruto in Nairobi, the Ethiopian prime "
     "minister pledged to reopen the border crossing.",
     {("ETH", "CONSULT", "KEN"), ("KEN", "CONSULT", "ETH")}),
    ("Following a phone call with Japanese Prime Minister Fumio Kishida, South Korean "
     "President Yoon Suk Yeol said the two neighbours would share intelligence.",
     {("KOR", "CONSULT", "JPN"), ("JPN", "CONSULT", "KOR")}),
    ("On a trip to Washington last week, Polish President Andrzej Duda asked for more "
     "American troops.", {("POL", "CONSULT", "USA"), ("USA", "CONSULT", "POL")}),
    ("Speaking on the sidelines of the G20 summit, Indian Prime Minister Narendra Modi "
     "called for reform of the World Bank.", {("IND", "CONSULT", "G20")}),
])
def test_the_subject_of_an_act_took_part_in_the_meeting_it_happened_at(coder, text, expected):
    assert expected <= triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Indian Foreign Minister Subrahmanyam Jaishankar was in Moscow on Wednesday for talks with "
     "his Russian counterpart.", {("IND", "CONSULT", "RUS")}),
    ("Britain's foreign secretary was in Washington on Monday for meetings with U.S. "
     "officials.", {("GBR", "CONSULT", "USA")}),
    ("Two Hamas officials were in Cairo on Sunday for negotiations with Egyptian mediators.",
     {("PSE", "CONSULT", "EGY")}),
    ("Kenya's president arrived in Addis Ababa for a meeting with the Ethiopian prime "
     "minister.", {("KEN", "CONSULT", "ETH"), ("ETH", "CONSULT", "KEN")}),
])
def test_being_somewhere_for_a_meeting_is_taking_part(coder, text, expected):
    assert expected <= triples(coder, text)


def test_for_on_other_verbs_is_a_cause_not_a_meeting(coder):
    found = triples(coder, "Ukraine's president thanked Germany for its talks with Russia.")
    assert not {t for t in found if t[1] == "CONSULT" and t[0] == "UKR"}


@pytest.mark.parametrize("text,visitor,host", [
    ("U.S. President Joe Biden welcomed Kenyan President William Ruto to the White House on "
     "Thursday.", "KEN", "USA"),
    ("Indian Prime Minister Narendra Modi welcomed the Japanese prime minister to New Delhi on "
     "Monday.", "JPN", "IND"),
    ("The Saudi crown prince welcomed Syria's interim president to Riyadh for talks.",
     "SYR", "SAU"),
])
def test_welcoming_someone_to_a_place_is_hosting_them(coder, text, visitor, host):
    found = triples(coder, text)
    assert {(visitor, "CONSULT", host), (host, "CONSULT", visitor)} <= found
    assert (host, "SUPPORT", visitor) not in found


def test_welcoming_a_decision_is_still_support(coder):
    assert ("EUR", "SUPPORT", "SRB") in triples(
        coder, "The EU welcomed Serbia's decision to hold new elections.")


@pytest.mark.parametrize("text", [
    "On Monday, 17 pilgrims on a bus from Karachi fell ill on arrival.",
    "Fans cheered on arrival at the stadium, where the team met for training.",
    "Dozens of travellers were stranded during a visit to the island when storms hit.",
])
def test_people_speaking_for_no_office_meet_no_one_by_arriving(coder, text):
    assert not {t for t in triples(coder, text) if t[1] in ("CONSULT", "AGREE")}


def test_the_occasion_keeps_the_acts_own_future(coder):
    found = triples(coder, "At a meeting in Nairobi next week, Ethiopian Prime Minister Abiy "
                           "Ahmed will ask Kenya to reopen the border.", "2024-05-02")
    assert ("ETH", "AGREE", "KEN") in found
    assert ("ETH", "CONSULT", "KEN") not in found


@pytest.mark.parametrize("text,place", [
    ("European Union agriculture ministers met in Luxembourg on Monday to discuss grain "
     "imports.", "LUX"),
    ("OPEC oil ministers met in Vienna on Thursday and agreed to cut output.", "AUT"),
    ("NATO defense ministers gathered in Brussels on Wednesday to discuss aid to Ukraine.",
     "BEL"),
])
def test_a_bodys_members_meeting_somewhere_do_not_visit_its_country(coder, text, place):
    assert not {t for t in triples(coder, text) if t[1] == "CONSULT" and place in (t[0], t[2])}


def test_one_official_of_a_body_travelling_still_visits(coder):
    found = triples(coder, "The U.N. Secretary-General met in Kyiv on Tuesday to discuss grain "
                           "exports.")
    assert {("UNO", "CONSULT", "UKR"), ("UKR", "CONSULT", "UNO")} <= found


@pytest.mark.parametrize("text,caller,called", [
    ("Turkish President Recep Tayyip Erdogan called Russian President Vladimir Putin on Friday "
     "to discuss a prisoner swap.", "TUR", "RUS"),
    ("Macron called Zelenskyy to offer his condolences.", "FRA", "UKR"),
    ("Kenya's president called the Ethiopian prime minister on Monday.", "KEN", "ETH"),
])
def test_calling_a_leader_is_a_phone_call_both_ways(coder, text, caller, called):
    assert {(caller, "CONSULT", called), (called, "CONSULT", caller)} <= triples(coder, text)


@pytest.mark.parametrize("text", [
    "The Kremlin called its latest troop moves purely defensive in nature.",
    "Kenya's president condemned the raid, calling it \"an attack on Kenya\".",
    "The opposition called a general strike in Kenya.",
])
def test_calling_a_thing_something_is_no_phone_call(coder, text):
    assert not {t for t in triples(coder, text) if t[1] == "CONSULT"}


@pytest.mark.parametrize("text,a,b", [
    ("Officials from the United States and Russia held talks in Riyadh on Tuesday.",
     "USA", "RUS"),
    ("Negotiators from Israel and Hamas met in Doha on Sunday.", "ISR", "PSE"),
    ("Diplomats from China and Japan held talks in Tokyo on Friday.", "CHN", "JPN"),
])
def test_people_from_two_states_meet_each_other(coder, text, a, b):
    assert {(a, "CONSULT", b), (b, "CONSULT", a)} <= triples(coder, text)
