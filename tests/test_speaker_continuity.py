"""Quote speakers on unseen text: "he said" continues the person the text was just about,
an unnamed speaker is someone later pronouns take up, and a quote's cue is the verb it hangs
from, not a nearer cue word of another clause or sentence."""

from __future__ import annotations

import pytest

from event_support import speakers


@pytest.mark.parametrize("text,expected", [
    ("President Carl Smith raised duties on steel. Smith said the duties would stay. Smith also "
     "met bankers. Finance Minister Tom Reyes told reporters he was calm. \"We are watching the "
     "real economy,\" he said. He brushed aside worries about Smith's plan to tax wine. "
     "\"Nobody should panic over one week of trading,\" he said.", "Tom Reyes"),
    ("Mayor Lina Diaz closed the market. Diaz defended the closure, and Diaz's office posted a "
     "notice. Diaz will speak again on Monday. Fruit seller Grace Mwangi sold fruit outside "
     "the gates instead. She laughed at Diaz's notice. \"Our customers find us wherever we "
     "stand,\" she said.", "Grace Mwangi"),
    ("Coach Omar Haddad praised the squad. Haddad's tactics won the cup, Haddad said. "
     "Haddad thanked the fans. Captain Ali Nasser lifted the trophy in the rain. He thanked "
     "Haddad's staff. "
     "\"This group never stopped believing in each other,\" he told fans.", "Ali Nasser"),
])
def test_a_pronoun_speaker_continues_the_latest_subject(coder, text, expected):
    assert set(speakers(coder, text)) == {expected}


@pytest.mark.parametrize("text,expected", [
    ("Prosecutor Ann Berg said the case was strong. Berg told jurors she had evidence. Defense "
     "lawyer Tom Vale objected. Berg called a witness. \"My client was nowhere near the port "
     "that night,\" he told the court.", "Tom Vale"),
    ("Senator Mary Cole spoke first and said she would vote no. Cole's colleague Sam Oduya "
     "replied briefly. Cole then left the chamber. \"The bill still leaves farmers without "
     "any help,\" he said.", "Sam Oduya"),
    ("Mr. Ivan Petrov chaired the panel. Petrov opened the session. Author Nadia Kaur read "
     "from her book. Petrov thanked the guests. \"I wrote most of these pages in a hospital "
     "bed,\" she said.", "Nadia Kaur"),
])
def test_a_pronoun_speaker_agrees_in_gender(coder, text, expected):
    assert speakers(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("\"I call it chaos,\" a ferry captain complained at the dock. He pointed at President "
     "Ruiz's new timetable. \"Half my passengers never arrive on time now,\" he added.",
     "a ferry captain"),
    ("\"We waited nine hours for a bus,\" a stranded student told reporters. She blamed "
     "Governor Lee's cuts. \"Nobody warned us about any of it,\" she said.", "a stranded student"),
    ("\"The water came up to the roof,\" one farmer recalled. He had voted for Premier Tan's "
     "levee plan. \"They promised us the wall would hold,\" he said.", "one farmer"),
])
def test_an_unnamed_speaker_is_taken_up_by_later_pronouns(coder, text, expected):
    assert set(speakers(coder, text)) == {expected}


@pytest.mark.parametrize("text,expected", [
    ("Rosa Vega said that while the auditor was testifying, she felt \"angry and very tired "
     "indeed.\"", ["Rosa Vega"]),
    ("Klein said the plan may fail, but \"the region is sending a clear message to its "
     "neighbours.\" Germany accused Poland of stalling the talks.", ["Klein"]),
    ("\"The clinics reopened this morning across the north,\" Dr. Amal Said told reporters. "
     "\"Doctors worked through the night to get there.\" The ministry says the outbreak has "
     "slowed.", ["Amal Said", "Amal Said"]),
    ("\"Prices have doubled since the spring,\" Omar Lutfi said. \"Families are skipping "
     "meals to pay rent.\" According to the census bureau, rents rose by half.",
     ["Omar Lutfi", "Omar Lutfi"]),
])
def test_a_quote_takes_the_cue_it_hangs_from(coder, text, expected):
    assert speakers(coder, text) == expected
