"""A "not" stays in its own clause: a conjunct after "but"/"yet", or with a subject of its own,
is asserted ("did not attack Kyiv but shelled Kharkiv"), while plain coordination and
"neither ... nor" keep both verbs under the negation."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    ("Russian forces did not attack Kyiv but shelled Kharkiv on Tuesday.",
     ("RUS", "ASSAULT", "UKR")),
    ("Israel did not strike Lebanon but bombed targets in Gaza overnight.",
     ("ISR", "ASSAULT", "PSE")),
    ("The United States did not impose new sanctions on Venezuela but warned Caracas of "
     "consequences.", ("USA", "THREATEN", "VEN")),
    ("Iran did not condemn the attack, but it accused the United States of provoking the "
     "crisis.", ("IRN", "ACCUSE", "USA")),
    ("Pakistan has not closed the border, and its army shelled Afghan posts on Monday.",
     ("PAK", "ASSAULT", "AFG")),
])
def test_a_contrasted_or_separate_clause_escapes_the_negation(coder, text, expected):
    assert expected in triples(coder, text)


@pytest.mark.parametrize("text", [
    "Russia did not attack Kyiv and shell Kharkiv.",
    "Israel neither struck Lebanon nor bombed Syria.",
    "Egypt neither condemned Sudan nor accused Ethiopia of anything.",
])
def test_shared_negation_still_covers_both_verbs(coder, text):
    assert triples(coder, text) == set()
