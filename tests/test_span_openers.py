"""An undated act told as what opened a span ("Since Russia invaded Ukraine, ...") or a war
("The war began when militants attacked ...") is history, not news (codebook v2: background);
a since-clause that dates its act inside the window stays news."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text", [
    "Since Russia invaded Ukraine, more than 6 million Ukrainians have fled abroad.",
    "Since Israel struck the Iranian consulate, oil prices have climbed steadily.",
    "Since the junta arrested the president, the country has been under sanctions.",
    "The war began when Hamas-led militants attacked southern Israel, killing about 1,200 "
    "people.",
    "The crisis erupted when Ethiopian troops detained dozens of Tigrayan leaders.",
    "The fighting started when Russian forces attacked an army base in eastern Ukraine.",
])
def test_what_opened_a_span_or_a_war_is_history(coder, text):
    found = triples(coder, text, "2025-03-01")
    assert not {t for t in found if t[1] in ("ASSAULT", "COERCE")}


def test_a_since_clause_dated_inside_the_window_is_news(coder):
    found = triples(coder, "Since Hamas released three hostages on Saturday, Israel has freed "
                           "90 prisoners.", "2025-03-01")
    assert ("PSE", "RETREAT") in {t[:2] for t in found}
