"""A speaker's surname spelt one letter off the name the article gave is that person (the
scorer and the analyst match by surname), but not an accent, a plural or a second person."""

from __future__ import annotations

import pytest

from event_support import speakers


@pytest.mark.parametrize("text,expected", [
    ("UN envoy Geir Pedersen issued his appeal on Friday. \"The war must end now, for the sake "
     "of every Syrian family,\" Pederson said.", "Geir Pedersen"),
    ("Finance Minister Ngozi Adeyemi presented the budget. \"Every ministry will have to cut its "
     "spending this year,\" Adeyemmi said.", "Ngozi Adeyemi"),
    ("Police chief Tomas Kowalczyk spoke first. \"We arrested twelve people during the night in "
     "the old town,\" Kowalczik told reporters.", "Tomas Kowalczyk"),
])
def test_a_surname_one_letter_off_is_the_named_person(coder, text, expected):
    assert speakers(coder, text) == [expected]


def test_an_accent_or_a_second_person_is_not_a_misspelling(coder):
    named = speakers(coder, "President Recep Tayyip Erdoğan spoke in Ankara. \"We will not "
                            "give up our rights in the sea,\" Erdogan said.")
    assert named == ["Erdogan"]
    named = speakers(coder, "Mayor Ana Silva met Governor Luis Silvas. \"The bridge will be "
                            "rebuilt before winter comes,\" Silva said.")
    assert named[0].split()[-1] == "Silva"
