"""A speaker is named by the person its own words name: not by the body, party or other person
its phrase mentions, nor by the title a later "he" or "she" takes up."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("Nikki Holland of the UK's National Crime Agency (NCA) said, \"These offenders are the "
     "worst we have ever tracked.\"", "Holland"),
    ("Mayor de Vries, a member of the Labour Party, told the radio station: \"I have given "
     "this city everything I could.\"", "Vries"),
    ("Marta Oyelaran of the African Union Commission said, \"The ceasefire must hold "
     "through the rainy season.\"", "Oyelaran"),
])
def test_the_persons_own_name_beats_the_body_that_places_them(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Kenya's ambassador to the U.N., Jane Wanjiru, spoke after the vote. \"We cannot "
     "accept this outcome,\" she said.", "Wanjiru"),
    ("Chile's trade minister, Pablo Araya, arrived in Lima on Monday. \"Both sides want a "
     "deal before the summer,\" he told reporters.", "Araya"),
    ("The Malawian envoy to the African Union, Grace Phiri, left the session early. \"This "
     "text ignores our proposals entirely,\" she said.", "Phiri"),
])
def test_a_pronoun_after_a_title_names_the_titled_person(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Charles Schultze, chairman of the Council of Economic Advisers under Jimmy Carter, "
     "spoke on Monday. \"The safeguards are fine,\" he said.", "Schultze"),
    ("Helga Brandt, a former adviser to Angela Merkel, gave a lecture in Bonn. \"Europe has "
     "lost its nerve on energy,\" she said.", "Brandt"),
    ("Omar Lindqvist, who served as deputy to Emmanuel Macron, wrote a long letter. \"The "
     "reform was rushed from the start,\" he wrote.", "Lindqvist"),
])
def test_a_pronoun_names_its_antecedent_not_a_person_in_its_appositive(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("First Minister of Scotland Nicola Sturgeon said via Twitter, \"Today's ruling is of "
     "huge constitutional significance.\"", "Sturgeon"),
    ("Secretary of State Antony Blinken told reporters in Brussels, \"The alliance has "
     "never been more united than it is today.\"", "Blinken"),
    ("Prime Minister of India Narendra Modi said at the rally, \"Our farmers will never be "
     "left behind again.\"", "Modi"),
])
def test_a_known_person_after_a_title_of_a_place_speaks(coder, text, expected):
    assert last_words(coder, text) == [expected]
