"""Who "he said" continues: the subject of the sentence's main clause before the subject of a
clause it reports; a surname the tagger took for a common noun is still the person named; and
"continue to" is no cue of its own."""

from __future__ import annotations

import pytest

from event_support import last_words


@pytest.mark.parametrize("text,expected", [
    ("Governor Paul Okafor said Mr Brandt had been \"fully cooperative\" with the inquiry. \"He "
     "was, as far as I can tell, honest with us from the start,\" he said.", "Okafor"),
    ("Union leader Tomas Berg told reporters that Mr Lindqvist had refused to meet the strikers. "
     "\"We waited outside his office for three whole days,\" he said.", "Berg"),
    ("Coach Daniel Reyes insisted Mr Moreno would start on Sunday despite the injury. \"The "
     "doctors cleared him this morning after the scan,\" he added.", "Reyes"),
])
def test_the_main_clause_subject_is_the_center(coder, text, expected):
    assert last_words(coder, text)[-1] == expected


@pytest.mark.parametrize("text,expected", [
    ("Team captain Owen Radmall spoke after the match. Coach Lee Pennock praised the crowd. "
     "\"They carried us through the second half,\" Pennock said. Radmall admitted that his side "
     "had been nervous early on. \"We gave away too many penalties before the break,\" he said.",
     "Radmall"),
    ("Chef Mark Birtles opened the restaurant in May. Critic Anna Wells reviewed it in June. "
     "\"The menu is short but every dish works,\" Wells wrote. Birtles conceded that prices were "
     "high. \"Good fish costs money and I will not cut corners,\" he said.", "Birtles"),
    ("Goalkeeper Sam Tronc saved two penalties. Striker Paulo Dias scored twice. \"We never "
     "stopped believing in each other,\" Dias said. Tronc conceded that the defence had been "
     "poor. \"We let them back into the game far too easily,\" he said.", "Tronc"),
])
def test_a_surname_tagged_as_a_noun_is_the_person(coder, text, expected):
    assert last_words(coder, text)[-1] == expected


@pytest.mark.parametrize("text,expected", [
    ("The league said in a statement that it would continue to fund programmes to fight \"the "
     "harmful effects of gambling on young fans\".", "league"),
    ("The ministry said it will continue to support farmers hit by \"the worst drought the "
     "region has seen in forty years\".", "ministry"),
    ("The charity said on Monday that it would continue to send doctors to treat \"the "
     "hundreds of wounded still waiting for surgery\".", "charity"),
])
def test_continue_to_is_not_a_cue(coder, text, expected):
    assert last_words(coder, text) == [expected]
