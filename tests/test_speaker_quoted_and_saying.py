""""X quoted Y as saying" is Y's quote, not X's; a quote standing alone after a sentence whose
speaker reports with a participle ("..., saying that ...") is that speaker's."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("\"The harvest is the worst we have seen in twenty years,\" the newspaper quoted a grain "
     "trader in Odesa as saying.", "trader"),
    ("\"We have no plans to raise the fuel price before the election,\" state radio quoted "
     "Energy Minister Ruth Banda as saying on Tuesday.", "Banda"),
    ("\"Nobody at the port was warned about the storm,\" the agency cited one dock worker as "
     "saying.", "worker"),
])
def test_the_one_quoted_speaks(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Finance Minister Ana Lopes shrugged off the figures on Monday, saying the slowdown was "
     "temporary. \"Growth will come back strongly in the second half of the year.\"", "Lopes"),
    ("The union leader Paul Mensah left the talks early, insisting that the offer was too low. "
     "\"We will be back on the picket lines tomorrow morning.\"", "Mensah"),
    ("Opposition leader Juan Ortega walked out of the chamber, shouting that the vote was "
     "rigged. \"This parliament no longer speaks for the people of this country.\"", "Ortega"),
])
def test_a_quote_after_a_participle_report_is_the_reporters(coder, text, expected):
    assert last_words(coder, text) == [expected]
