"""A quoted text speaks for its owner even when no name stands beside it ("their statement",
"the family's statement", "the army statement", "released a statement which said", "It read"),
and a cue hung on another verb's object is that object's ("quoted X as saying", "led X to")."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("The Kenyan Red Cross gave an update on Monday. Their statement said, \"Forty families "
     "have been moved to safer ground.\"", "Cross"),
    ("The Ndlovu family thanked the hospital staff. The family's statement read: \"We are "
     "grateful to every nurse who cared for him.\"", "family"),
    ("The appeals court published its ruling. The court's summary said: \"The detention of "
     "the journalists had no basis in law.\"", "court"),
    ("According to its press release, the league was \"postponing all matches until the "
     "stadium has been inspected.\"", "league"),
])
def test_a_text_speaks_for_its_owner(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The army statement said, \"Two soldiers were wounded when their vehicle struck a "
     "mine.\"", "army"),
    ("The Chilean navy released a statement which said, \"The crew of the fishing boat was "
     "rescued unharmed.\"", "navy"),
    ("Oxfam published a letter that said, \"Aid workers must be allowed to reach the border "
     "towns.\"", "Oxfam"),
    ("The farmers' cooperative issued a statement. It read, \"Prices paid to growers have not "
     "covered costs for three years.\"", "cooperative"),
])
def test_a_text_speaks_for_whoever_put_it_out(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The newspaper quoted Defence Minister Ana Brel as saying \"our troops will stay as long "
     "as they are needed.\"", "Brel"),
    ("Two broadcasters cited the head of the port authority, Omar Haddad, as saying \"no "
     "ship has left the harbour since Tuesday.\"", "Haddad"),
    ("The protests led Senator Ruth Oyelaran to declare, \"This law will not pass while I sit "
     "in this chamber.\"", "Oyelaran"),
    ("Pressure from donors prompted the finance minister, Kofi Mensah, to say \"the budget "
     "will be cut by a tenth.\"", "Mensah"),
])
def test_a_cue_hung_on_an_object_is_the_objects(coder, text, expected):
    assert last_words(coder, text) == [expected]
