"""A clause that hands over to a quote with a colon introduces its subject's words, whatever
its verb ("saw compromise as the only way ...:", "reflects this view in his column:")."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("Minister Dana Holt saw compromise as the only way for the two sides to settle the "
     "dispute: \"Both countries should give a little and move on.\"", "Holt"),
    ("Party chairman Omar Reyes reflects this view in his weekly column: \"The party will not "
     "back any candidate who opposes the reform.\"", "Reyes"),
    ("The Lopez campaign reused a statement it first issued in May: \"Voters will decide this "
     "race, not the courts.\"", "campaign"),
    ("Senator Helen Adeyemi put the matter bluntly to the chamber: \"This budget leaves the "
     "poorest towns with nothing.\"", "Adeyemi"),
])
def test_a_colon_hands_the_quote_to_the_clause_subject(coder, text, expected):
    assert last_words(coder, text) == [expected]
