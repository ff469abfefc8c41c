"""An undertaking coded as the act it promises is no second AGREE: "promised to release the
journalist" is a promised concession (CONCEDE), "vowed to impose tariffs" a threat; and
whoever signs or passes a measure does what its participle says ("signed an order imposing
sanctions on X")."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Tehran promised to free a detained Swedish academic.", ("IRN", "CONCEDE", "SWE")),
    ("Israel pledged to pull its soldiers out of southern Lebanon.", ("ISR", "CONCEDE", "LBN")),
    ("Venezuela promised to release three jailed Colombian nationals.",
     ("VEN", "CONCEDE", "COL")),
])
def test_a_promised_concession_is_no_agree(coder, text, expected):
    found = triples(coder, text)
    assert expected in found
    assert not [t for t in found if t[1] == "AGREE"]


def test_a_pledge_of_help_stays_agree(coder):
    assert ("JPN", "AGREE", "TUR") in triples(coder, "Japan pledged to send aid to Turkey.")


@pytest.mark.parametrize("text,expected", [
    ("President Joe Biden signed an executive order imposing sanctions on Russian banks.",
     ("USA", "SANCTION", "RUS")),
    ("The Ukrainian parliament passed a decree banning imports from Belarus.",
     ("UKR", "SANCTION", "BLR")),
    ("Japan's cabinet approved a measure freezing the assets of North Korean officials.",
     ("JPN", "SANCTION", "PRK")),
])
def test_whoever_adopts_a_measure_does_what_its_participle_says(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,expected", [
    ("The African Union suspended Gabon on Wednesday after the coup.", ("AU", "SANCTION", "GAB")),
    ("ECOWAS suspended Burkina Faso after the army seized power.", ("ECOWAS", "SANCTION", "BFA")),
    ("The Arab League suspended Syria on Sunday.", ("ARL", "SANCTION", "SYR")),
])
def test_a_body_that_suspends_a_state_sanctions_it(coder, text, expected):
    assert expected in triples(coder, text)


def test_a_body_is_never_the_target_of_its_own_suspension(coder):
    text = "The World Food Programme suspended its operations on Monday."
    assert not [t for t in triples(coder, text) if t[0] == t[2]]
