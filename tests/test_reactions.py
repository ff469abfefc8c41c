"""A reaction told after the act it answers ("..., a move X condemned", "..., drawing
criticism from X") is aimed at the one who made the move."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected,wrong", [
    ("Norway recognised the Palestinian state on Tuesday, a move Israel denounced.",
     ("ISR", "ACCUSE", "NOR"), ("ISR", "ACCUSE", "PSE")),
    ("Estonia closed its border crossings with Russia, a step welcomed by Finland.",
     ("FIN", "SUPPORT", "EST"), ("FIN", "SUPPORT", "RUS")),
    ("Canada sold fighter jets to the Philippines, drawing criticism from China.",
     ("CHN", "ACCUSE", "CAN"), ("CHN", "ACCUSE", "PHL")),
    ("Slovakia blocked the EU statement, prompting condemnation from Ukraine.",
     ("UKR", "ACCUSE", "SVK"), ("UKR", "ACCUSE", "EUR")),
])
def test_a_reaction_to_a_move_is_aimed_at_the_mover(coder, text, expected, wrong):
    found = triples(coder, text)
    assert expected in found and wrong not in found


def test_a_move_that_names_no_mover_keeps_the_target_it_had(coder):
    found = triples(coder, "Japan condemned the launch by North Korea, a move that "
                           "angered Seoul.")
    assert ("JPN", "ACCUSE", "PRK") in found


@pytest.mark.parametrize("text,expected", [
    ("Moscow expelled three Polish diplomats, a decision Warsaw called unjustified.",
     ("POL", "ACCUSE", "RUS")),
    ("Hungary blocked the sanctions package, a move the European Commission called "
     "unacceptable.", ("EUR", "ACCUSE", "HUN")),
    ("Serbia arrested the Kosovo police officers, an action Pristina described as illegal.",
     ("XKX", "ACCUSE", "SRB")),
])
def test_a_move_judged_in_an_appositive_is_the_movers(coder, text, expected):
    assert expected in triples(coder, text)
