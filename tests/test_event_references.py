"""Responses aimed at what they are about: parties a thing names, acts and things earlier."""

from __future__ import annotations

import pytest

from event_support import triples


def test_a_response_to_an_earlier_event_targets_whoever_did_it(coder):
    text = ("Azerbaijani forces launched an offensive in Nagorno-Karabakh on Sunday. "
            "The European Union condemned the operation on Monday. "
            "Greece and Cyprus signed a maritime agreement with Egypt. "
            "Turkey denounced the agreement.")
    got = triples(coder, text)
    assert ("EUR", "ACCUSE", "AZE") in got
    # every party to the agreement is denounced
    assert {t[2] for t in got if t[:2] == ("TUR", "ACCUSE")} == {"GRC", "CYP", "EGY"}


def test_a_response_without_an_earlier_referent_keeps_no_recipient(coder):
    got = triples(coder, "The European Union condemned the attack.")
    assert {t[2] for t in got if t[:2] == ("EUR", "ACCUSE")} == {None}


@pytest.mark.parametrize("text", [
    "Greece condemned the deal between Turkey and Libya.",
    "Greece condemned the Turkey-Libya deal.",
    "Greece condemned the Turkish-Libyan maritime accord.",
])
def test_a_thing_aimed_at_is_aimed_at_the_parties_it_names(coder, text):
    got = triples(coder, text)
    assert {t[2] for t in got if t[:2] == ("GRC", "ACCUSE")} == {"TUR", "LBY"}


def test_one_named_party_does_not_say_with_whom(coder):
    got = triples(coder, "Greece condemned the Turkish agreement.")
    assert ("GRC", "ACCUSE", "LBY") not in got


def test_a_thing_named_earlier_with_its_parties_is_the_referent(coder):
    got = triples(coder, "Officials in Athens studied the Turkish-Libyan accord for weeks. "
                         "Greece denounced the agreement again on Friday.")
    assert {t[2] for t in got if t[:2] == ("GRC", "ACCUSE")} == {"TUR", "LBY"}


def test_a_party_rejecting_its_own_deal_rejects_the_other_side(coder):
    got = triples(coder, "Kenya and Somalia signed a fishing deal in May. "
                         "In June the Somali parliament rejected the deal.")
    assert ("SOM", "REJECT", "KEN") in got


def test_the_outcome_of_a_summit_is_everyone_at_it(coder):
    got = triples(coder, "The leaders of Chile, Peru and Bolivia met in Lima on Monday. "
                         "Argentina criticised the outcome of the summit.")
    assert {t[2] for t in got if t[:2] == ("ARG", "ACCUSE")} == {"CHL", "PER", "BOL"}


def test_joining_talks_held_as_a_visit_visits_the_host_and_meets_its_parties(coder):
    """Codebook v2: a visit goes both ways, and a meeting of three, every pair."""
    got = triples(coder, "The foreign ministers of Chile and Peru met in Lima on Monday. "
                         "The Bolivian foreign minister joined the talks on Tuesday.")
    assert ("BOL", "CONSULT", "PER") in got and ("PER", "CONSULT", "BOL") in got
    assert ("BOL", "CONSULT", "CHL") in got


def test_a_meeting_held_this_time_somewhere_is_a_visit_to_the_host(coder):
    got = triples(coder, "The envoys of Chile, Peru and Bolivia met again, this time in Lima, "
                         "to sign a treaty.")
    parties = {"CHL", "PER", "BOL"}  # a visit to Peru, and every pair meets (codebook v2)
    assert {t for t in got if t[1] == "CONSULT"} == {
        (a, "CONSULT", r) for a in parties for r in parties if a != r}


def test_joining_talks_after_an_arrival_visits_the_host(coder):
    got = triples(coder, "The Chilean foreign minister arrived in Lima on Monday for talks. "
                         "The Bolivian foreign minister joined the talks on Tuesday.")
    assert ("BOL", "CONSULT", "PER") in got and ("BOL", "CONSULT", "CHL") not in got
