"""How a resolved quote speaker is named: joint speakers together, the body an "it" takes up,
a known name hung on a title word, and the issuer of a text that "said"."""

from __future__ import annotations

import pytest

from event_support import speakers


@pytest.mark.parametrize("text,expected", [
    ("After the meeting, Paris and Berlin called the plan \"a serious threat to our shared "
     "markets.\"", "Paris and Berlin"),
    ("Kenya and Uganda described the border deal as \"the fairest solution both sides could "
     "reach.\"", "Kenya and Uganda"),
    ("Brazil and Argentina said the tariffs were \"a blow to every farmer in the region.\"",
     "Brazil and Argentina"),
])
def test_joint_speakers_are_named_together(coder, text, expected):
    assert speakers(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The Kenyan parliament passed the budget late on Monday. \"The new levies will fund "
     "rural clinics,\" it said.", "parliament"),
    ("Syria's defence ministry denied the report. \"No aircraft left the base that night,\" "
     "it said in a statement.", "ministry"),
    ("The Nigerian army moved into the district at dawn. \"Our troops secured the main road "
     "within hours,\" it said.", "army"),
])
def test_it_said_names_the_body_taken_up(coder, text, expected):
    assert [s and s.split()[-1] for s in speakers(coder, text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Media watchdog Reporters Without Borders reiterated \"its demand that the reporter be "
     "freed at once.\"", "Reporters Without Borders"),
    ("Health charity Doctors Without Borders warned of \"a collapse of care across the whole "
     "province.\"", "Doctors Without Borders"),
    ("Rights watchdog Human Rights Watch said \"the crackdown has only grown worse since "
     "spring.\"", "Human Rights Watch"),
])
def test_a_known_name_hung_on_a_title_speaks(coder, text, expected):
    assert speakers(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("A Times editorial said on Sunday that \"the city has waited long enough for its new "
     "bridge.\"", "Times"),
    ("An Apple statement said \"the company will appeal the ruling in every court it "
     "can.\"", "Apple"),
    ("Toyota's statement said \"all plants will reopen by the end of the month.\"",
     "Toyota"),
])
def test_a_text_speaks_for_its_issuer(coder, text, expected):
    assert speakers(coder, text)[0].split()[-1] == expected


@pytest.mark.parametrize("text,expected", [
    ("The deal was signed by Foreign Minister Amal Okafor, who said it was \"the best outcome "
     "our farmers could have hoped for.\"", "Amal Okafor"),
    ("Critics included Senator Tom Ruiz, who told reporters that \"nobody in the valley was "
     "consulted before the vote.\"", "Tom Ruiz"),
    ("The ruling angered Judge Rita Moyo, who wrote that \"the court has ignored its own "
     "precedent on land.\"", "Rita Moyo"),
])
def test_a_relative_pronoun_speaker_is_the_one_the_clause_is_about(coder, text, expected):
    assert speakers(coder, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("President Lee toured the port. \"No cargo has moved since the strike began,\" a Maersk "
     "spokesperson said. The spokesperson added that \"ships are waiting offshore for at least "
     "a week.\"", "spokesperson"),
    ("Minister Ana Gil visited the camp. \"We counted four thousand new arrivals this week,\" "
     "a UNHCR official said. The official added that \"the clinic cannot cope with the numbers "
     "any longer.\"", "official"),
    ("Premier Wu opened the dam. \"The turbines are running at half their capacity,\" an "
     "engineer said. The engineer added that \"the reservoir needs another month of rain to "
     "fill.\"", "engineer"),
])
def test_a_definite_title_takes_up_the_latest_one_so_called(coder, text, expected):
    assert [s and s.split()[-1] for s in speakers(coder, text)] == [expected, expected]


@pytest.mark.parametrize("text,expected", [
    ("Lawmaker Ivan Kotov described the bill as \"a bankers' giveaway\" that amounted to "
     "\"a tax on every family in the country.\"", "Ivan Kotov"),
    ("\"I came here to find my brother and his two small children,\" confided Amina, a nurse "
     "from the coast.", "Amina"),
    ("\"We have not slept properly since the shelling started,\" lamented Olena "
     "Kovalenko, a farmer from the village.", "Olena Kovalenko"),
])
def test_more_cue_words_and_a_cue_above_an_earlier_quote(coder, text, expected):
    assert set(speakers(coder, text)) == {expected}


@pytest.mark.parametrize("text,expected", [
    ("Speaking to Agence France-Presse, the head of the Kenyan Federation of Fishing "
     "Cooperatives, Musa Odhiambo, said, \"Our boats have stayed on the shore for three whole "
     "weeks now.\"", "Musa Odhiambo"),
    ("Talking to Radio France Internationale, the leader of the Senegalese Union of Bakers, "
     "Awa Ndiaye, said, \"Flour now costs twice what it did in the spring.\"", "Awa Ndiaye"),
    ("Writing in Le Monde, the director of the French Institute for Rural Studies, Claire "
     "Dubois, said, \"No village in the valley has a doctor left this winter.\"",
     "Claire Dubois"),
])
def test_a_name_right_before_a_subjectless_cue_speaks(coder, text, expected):
    assert speakers(coder, text) == [expected]
