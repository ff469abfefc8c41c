"""How a resolved quote speaker is named: joint speakers together, the body an "it" takes up,
a known name hung on a title word, and the issuer of a text that "said"."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def speakers(coder, text: str) -> list[str | None]:
    art = coder.code(Article(id="t", text=text, published="2022-03-30"))
    return [q.speaker.name if q.speaker else None for q in art.quotes]


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
