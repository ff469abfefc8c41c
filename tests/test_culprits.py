"""Naming the guilty in a reported clause is the speaker accusing them: "said X was
responsible for", "was to blame", "was behind", "had violated", "had committed war crimes"."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Lithuanian officials said Belarus was responsible for the balloons that closed the "
     "airport in Vilnius on Sunday.", ("LTU", "ACCUSE", "BLR")),
    ("The foreign ministry in Hanoi said Beijing was to blame for the collision near the "
     "Paracel islands.", ("VNM", "ACCUSE", "CHN")),
    ("Estonian police said Russia was behind the cyberattack on the country's banks.",
     ("EST", "ACCUSE", "RUS")),
    ("Guyana's president said Venezuela had violated the court's order on Tuesday.",
     ("GUY", "ACCUSE", "VEN")),
    ("Sudan's army said Chad had flouted the arms embargo on Darfur.",
     ("SDN", "ACCUSE", "TCD")),
    ("Ukraine's prosecutor general said Russian forces had committed war crimes in Kherson.",
     ("UKR", "ACCUSE", "RUS")),
])
def test_a_speaker_naming_someone_guilty_accuses_them(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text,accused", [
    ("Peru's foreign ministry said Chile was not responsible for the fire.", "CHL"),
    ("Morocco's interior ministry said Spain was a responsible partner.", "ESP"),
    ("Norway's foreign minister said Sweden had violated no rules.", "SWE"),
])
def test_no_accusation_when_none_is_named_guilty(coder, text, accused):
    assert not {t for t in triples(coder, text) if t[1] == "ACCUSE" and t[2] == accused}


def test_the_blamed_are_not_the_ones_blaming(coder):
    found = triples(coder, "Japan's defence ministry said Pyongyang was to blame for the "
                           "rising tensions in the region.")
    assert ("JPN", "ACCUSE", "PRK") in found
    assert ("PRK", "ACCUSE", "PRK") not in found
