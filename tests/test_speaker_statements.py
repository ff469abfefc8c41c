"""A statement speaks for whoever issued it: named by its "from" phrase, by the one who issued
it in the sentences before, and when the statement "reads" the words."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("A statement from the Egyptian Foreign Ministry said, \"Egypt rejects any attempt to "
     "change the status quo by force.\"", "Ministry"),
    ("According to a statement from the Kenyan presidency, \"the two leaders agreed to "
     "reopen the border next month.\"", "presidency"),
    ("A communique by the Arab League said \"the summit stands united behind the people of "
     "Sudan.\"", "League"),
])
def test_a_statement_from_a_body_is_that_bodys(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The Pakistani army issued a statement on Sunday. \"The attackers were killed in the "
     "operation,\" the statement said.", "army"),
    ("On Friday the coastguard released a statement about the rescue. \"All twelve crew "
     "members are safe and in good health,\" the statement added.", "coastguard"),
    ("Greenpeace published a report on the spill. Its divers filmed the reef for weeks. "
     "\"The damage will take decades to heal,\" the report said.", "Greenpeace"),
])
def test_the_statement_takes_up_who_issued_it(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("\"We condemn this attack in the strongest terms,\" read a statement from the African "
     "Union Commission.", "Commission"),
    ("\"The border will stay closed until further notice,\" read a statement from the "
     "Interior Ministry.", "Ministry"),
    ("\"Aid convoys must be allowed through without delay,\" read a statement by the Red "
     "Cross.", "Cross"),
])
def test_a_statement_reads_the_quoted_words(coder, text, expected):
    assert [w and w.lower() for w in last_words(coder, text)] == [expected.lower()]
