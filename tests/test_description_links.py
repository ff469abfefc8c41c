"""Linking across sentences: a definite description ("the kingdom", "the military government",
"the group") takes up the referent the story is about, not merely the last one named."""

from __future__ import annotations

import pytest

from event_support import rule_params, triples

# Each rule with three wordings of its own: (text, a triple it must give).
CASES: dict[str, list[tuple[str, tuple[str, str, str]]]] = {
    # a description continues the salient referent (a subject), not the last named
    "a description takes up the salient referent": [
        ("Mali's junta expelled France's ambassador on Tuesday. The military government "
         "accused Paris of interfering in its affairs.", ("MLI", "ACCUSE", "FRA")),
        ("Bahrain restored diplomatic ties with Qatar last week. The kingdom also criticized "
         "Iran for meddling in the Gulf.", ("BHR", "ACCUSE", "IRN")),
        ("Hamas handed the bodies of two hostages to the Red Cross on Thursday. Israel "
         "accused the group of breaking the truce.", ("ISR", "ACCUSE", "PSE")),
    ],
}


@pytest.mark.parametrize("text,expected", rule_params(CASES))
def test_description_links(coder, text, expected):
    assert expected in triples(coder, text)
