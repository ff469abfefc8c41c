"""Codebook v2 conventions: intents are AGREE/THREATEN/CONCEDE, signing is SUPPORT, visits and
agreements go both ways, stateless armed groups are placed, transnational NGOs are NGO."""

from __future__ import annotations

import pytest

from event_support import triples
from eventwire.model import Article


def events(coder, text: str) -> list:
    return coder.code(Article(id="t", text=text, published="2022-03-30")).events


@pytest.mark.parametrize("text,actor,recipient,intent", [
    ("Chile's foreign minister will meet his Peruvian counterpart in Lima next week.",
     "CHL", "PER", "CONSULT"),
    ("Kenya is due to hold talks with Ethiopia on the border dispute.", "KEN", "ETH", "CONSULT"),
    ("Norway has pledged to send medical aid to Sudan.", "NOR", "SDN", "AID"),
    ("Ghana plans to sign a trade agreement with Togo in May.", "GHA", "TGO", "SUPPORT"),
])
def test_future_cooperation_is_agree_keeping_the_act_meant(coder, text, actor, recipient, intent):
    got = [e for e in events(coder, text) if e.actor.code == actor and e.event == "AGREE"]
    assert got and got[0].recipient is not None and got[0].recipient.code == recipient
    assert got[0].intent == intent
    assert not any(e.event == intent and e.actor.code == actor for e in events(coder, text))


@pytest.mark.parametrize("text,expected", [
    ("Canada will impose new tariffs on Brazil next month.", ("CAN", "THREATEN", "BRA")),
    ("Poland plans to expel three Belarusian diplomats.", ("POL", "THREATEN", "BLR")),
    ("The Estonian government vowed to deploy troops to the border with Russia.",
     ("EST", "THREATEN")),
])
def test_announced_conflict_is_threaten(coder, text, expected):
    assert expected in {t[:len(expected)] for t in triples(coder, text)}


@pytest.mark.parametrize("text,expected", [
    ("Uganda will withdraw its troops from Somalia by June.", ("UGA", "CONCEDE", "SOM")),
    ("Israel is to release 30 Palestinian prisoners next week.", ("ISR", "CONCEDE")),
    ("Mali's junta pledged to free the detained Ivorian soldiers.", ("MLI", "CONCEDE", "CIV")),
])
def test_a_promised_concession_is_concede(coder, text, expected):
    got = {t[:len(expected)] for t in triples(coder, text)}
    assert expected in got
    assert not any(t[1] == "RETREAT" for t in got)


@pytest.mark.parametrize("text,event,a,b", [
    # signing or reaching an agreement is SUPPORT between its parties
    ("Japan and Australia signed a security pact on Thursday.", "SUPPORT", "JPN", "AUS"),
    ("Morocco signed an agreement with Spain on fishing rights.", "SUPPORT", "MAR", "ESP"),
    ("Egypt and Sudan reached a deal on the Nile dam.", "SUPPORT", "EGY", "SDN"),
    # a visit: visitor -> host and host -> visitor
    ("The Turkish president arrived in Baku on Monday for a two-day visit.", "CONSULT",
     "TUR", "AZE"),
    ("Indonesia's foreign minister visited Canberra on Tuesday.", "CONSULT", "IDN", "AUS"),
    ("Vietnam's prime minister travelled to Seoul for talks.", "CONSULT", "VNM", "KOR"),
])
def test_agreements_and_visits_are_coded_both_ways(coder, text, event, a, b):
    got = triples(coder, text)
    assert (a, event, b) in got and (b, event, a) in got


@pytest.mark.parametrize("text,country", [
    ("Islamic State fighters attacked a police post in northern Iraq.", "IRQ"),
    ("In Mozambique, al-Qaeda militants kidnapped two aid workers.", "MOZ"),
    ("Islamic State claimed an attack on soldiers in Niger on Sunday.", "NER"),
])
def test_a_stateless_armed_group_is_coded_where_it_acts(coder, text, country):
    got = events(coder, text)
    assert got and all(e.actor.code != "IMG" for e in got)
    assert any(e.actor.code == country and e.actor.sector == "REB" for e in got)


@pytest.mark.parametrize("text", [
    "Amnesty International called on Egypt to free the activists.",
    "Human Rights Watch urged Egypt to release the detained lawyers.",
    "Doctors Without Borders asked Egypt to let its staff into Sinai.",
])
def test_transnational_ngos_are_ngo(coder, text):
    assert ("NGO", "REQUEST", "EGY") in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("Turkish journalists criticised the Greek government.", ("TUR", "JRN")),
    ("A Kenyan newspaper accused Uganda of meddling.", ("KEN", "JRN")),
    ("Reporters in Caracas protested against Venezuela's censorship rules.", ("VEN", "JRN")),
])
def test_media_is_jrn(coder, text, expected):
    assert expected in {(e.actor.code, e.actor.sector) for e in events(coder, text)}
