"""A speaker's name is the noun phrase that names them: a share of a group speaks as the group,
a name ends before the body it is from, a possessive is not part of it, and a description does
not run on into the clauses hung on it."""

from __future__ import annotations

import pytest

from event_support import last_words, speakers


@pytest.mark.parametrize("text,expected", [
    ("Kenyan farmers have struggled through three failed rains. In a survey last month, 70 "
     "percent of them said \"the drought has wiped out everything we planted this year\".",
     "farmers"),
    ("Syrian refugees in Jordan were asked about going home. Most of them told researchers "
     "\"we will return only when the war is truly over\".", "refugees"),
    ("Filipino nurses abroad sent home record sums last year. Half of them reported \"working "
     "double shifts to cover the staff shortages\".", "nurses"),
])
def test_a_share_of_a_group_speaks_as_the_group(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text", [
    "Regina Ip from the New People's Party told reporters the count had been \"slow but fair "
    "to every candidate\".",
    "Regina Ip at the Executive Council said the bill was \"the only way to restore order in "
    "the city\".",
    "Regina Ip at the Legislative Council told journalists the budget was \"generous to the "
    "poorest families\".",
])
def test_a_name_ends_before_the_body_it_is_from(coder, text):
    assert speakers(coder, text) == ["Regina Ip"]


@pytest.mark.parametrize("text,expected", [
    ("As Ms Adeyemi's letter put it: \"We cannot keep the clinic open without new funds this "
     "winter.\"", "Adeyemi"),
    ("A doctor at the hospital where most of the wounded were taken on Sunday night told "
     "reporters that \"the wards are full and the corridors too\".", "hospital"),
    ("A teacher at the school where the fire started last week told reporters that \"nobody "
     "had checked the alarms for years\".", "school"),
])
def test_no_possessive_or_clause_in_a_name(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The Shiite-led Regional Administration in south and east Iraq, a de facto local "
     "authority, was the first to reject the draft. \"The so-called charter repeats the "
     "mistakes of the old regime,\" it said.", "Iraq"),
    ("The Foreign Ministry of Chile described the raid as \"a grave breach of Chilean "
     "sovereignty and of every treaty\".", "Chile"),
    ("The government of Peru said the protest was \"an attack on the constitutional order of "
     "the republic\".", "Peru"),
])
def test_a_body_is_named_with_the_place_it_is_of(coder, text, expected):
    assert last_words(coder, text) == [expected]
