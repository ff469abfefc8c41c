"""Speakers taken up across sentences: the source of an "according to" report is whom the next
"he said" continues, a definite title ("the president") is the person it titled before, and a
reporting clause parsed as a noun's modifier ("An eyewitness described ..., stating") is the
noun's."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("Director-General Amina Bello said the outbreak was a pandemic. According to Dr. Sam "
     "Reed, formerly head of the disease agency, the outbreak is \"unprecedented.\" He said, "
     "\"no other virus has spread so fast in modern times.\"", "Reed"),
    ("Minister Carlos Mendes opened the port on Monday. According to harbour master Lena "
     "Fischer, traffic has doubled since May. She said, \"we now handle twice as many ships as "
     "last year.\"", "Fischer"),
    ("Governor Ellen Price visited the flooded towns. According to Rosa Mendez, a volunteer "
     "with the relief effort, most families have left. She said, \"there is nothing left for "
     "them to come back to.\"", "Mendez"),
])
def test_the_source_of_a_report_is_the_next_pronoun_speaker(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("President of Argentina Alberto Fernández announced a bill on Sunday. The president had "
     "previously called it \"a matter of public health and dignity\".", "Fernández"),
    ("The foreign minister of Ghana, Samuel Ablakwa, met his counterpart. The minister told "
     "reporters, \"our two nations will sign a trade deal this year.\"", "Ablakwa"),
    ("Prime Minister of Malaysia Anwar Ibrahim arrived in Tokyo on Monday. The prime minister "
     "told reporters, \"our two economies need each other more than ever.\"", "Ibrahim"),
    ("The interior minister of Peru, Carlos Ruiz, visited the border. The minister said, \"we "
     "will send more police to the region this month.\"", "Ruiz"),
])
def test_a_definite_title_is_the_person_it_titled(coder, text, expected):
    assert last_words(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("An eyewitness described for a news agency how the attack unfolded, stating, \"I was "
     "crossing the road when I saw a man with a knife.\"", "eyewitness"),
    ("A local shopkeeper explained to reporters why the market closed early, saying, "
     "\"nobody wanted to stay once the shooting began nearby.\"", "shopkeeper"),
    ("A witness described for a local paper how the fire spread, stating, \"the flames jumped "
     "from roof to roof in a few minutes.\"", "witness"),
])
def test_a_reporting_clause_hung_on_a_noun_is_the_nouns(coder, text, expected):
    assert last_words(coder, text) == [expected]
