"""Unnamed armed men are coded in the country where they act, however their clause names it
(codebook v2), and a sentence's length of time never dates the act it is passed for."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Gunmen killed 20 villagers in Nigeria's Zamfara state, police said.",
     ("NGA", "ASSAULT", "NGA")),
    ("Suspected jihadists killed 12 soldiers in an attack on an army post in northern "
     "Burkina Faso.", ("BFA", "ASSAULT", "BFA")),
    ("Armed men abducted 30 students from a school in Kaduna, Nigeria, on Thursday.",
     ("NGA", "ASSAULT", "NGA")),
    ("Police arrested 40 protesters in the Kenyan county of Nakuru on Monday.",
     ("KEN", "COERCE", "KEN")),
])
def test_armed_men_act_where_their_clause_places_the_act(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("A court in Moscow sentenced a U.S. journalist to 16 years in prison on espionage "
     "charges.", ("RUS", "COERCE", "USA")),
    ("An Iranian court sentenced a rapper to 6 years in prison on Saturday.",
     ("IRN", "COERCE", "IRN")),
    ("A Hong Kong court jailed 14 pro-democracy activists for 10 years.",
     ("HKG", "COERCE", "HKG")),
])
def test_a_prison_term_does_not_date_the_sentence(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("A suicide bomber killed 15 people at a mosque in northwest Pakistan on Friday.",
     ("PAK", "ASSAULT", "PAK")),
    ("A gunman killed six worshippers at a church in eastern Burkina Faso.",
     ("BFA", "ASSAULT", "BFA")),
    ("A militant stabbed three police officers at a checkpoint in northern Kenya.",
     ("KEN", "ASSAULT", "KEN")),
])
def test_one_armed_attacker_acts_where_the_clause_says(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")


@pytest.mark.parametrize("text,expected", [
    ("At least 12 people were killed in a Russian missile strike on the city of Dnipro, "
     "officials said.", ("RUS", "ASSAULT", "UKR")),
    ("Pakistan carried out airstrikes inside Afghanistan on Tuesday, killing 46 people.",
     ("PAK", "ASSAULT", "AFG")),
    ("Turkey launched drone strikes inside Iraq on Monday.", ("TUR", "ASSAULT", "IRQ")),
])
def test_a_named_town_or_inside_a_country_is_what_is_struck(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")
