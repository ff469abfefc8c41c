"""Names that hold another actor's name are not that actor: a body's name that begins a site's
name, a body's name joined into a longer "... for/of A and B" name, a place's name that is the
surname of someone named before, a place read whole before a sector noun; and a private
person's country is where they come from, not where the story's police are; a noun "led by"
someone is of the leader's country."""

from __future__ import annotations

import pytest

from eventwire.actors.resolver import ActorResolver
from eventwire.model import Mention


def mentions(coder, text: str) -> list[Mention]:
    doc = coder.nlp(text)
    return ActorResolver(doc, coder.knowledge.gazetteer, None).mentions


def code_of(coder, text: str, word: str) -> str | None:
    """The code of the last mention whose text ends with `word`."""
    found = [m for m in mentions(coder, text) if m.text.endswith(word)]
    assert found, f"no mention of {word!r}"
    return found[-1].code


@pytest.mark.parametrize("text,wrong", [
    # a body's name that begins a site's name is the site
    ("Hundreds of activists set up the Capitol Hill Autonomous Zone and refused to leave.",
     "USA"),
    ("Tourists queued outside the Knesset Building on Sunday.", "ISR"),
    ("Fans crowded into Parliament Hill Stadium for the final.", "CAN"),
    # a body's name joined into a longer "... for/of A and B" name
    ("Gloria Ruiz of the Party for Socialism and Liberation criticized the Republicans.", "FRA"),
    ("The Movement for Justice and Hamas Unity said it would field candidates.", "PSE"),
    ("A spokesman for the Front of Liberty and Hezbollah Renewal spoke to reporters.", "LBN"),
    # a place before a sector noun is read whole
    ("Three people were stabbed in Reading, Berkshire, UK. Thames Valley Police arrested a man.",
     "AIA"),
    ("Hudson Valley police closed the highway after the crash.", "AIA"),
    ("Two boats sank off Guernsey, UK. Dover Valley Police searched the coast.", "AIA"),
])
def test_a_name_holding_another_actors_name_is_not_that_actor(coder, text, wrong):
    assert wrong not in {m.code for m in mentions(coder, text)}


@pytest.mark.parametrize("text,word", [
    ("Sudesh Amman was arrested last year. Amman, who was 20, had posted threats online.",
     "Amman"),
    ("A court jailed Maria Lima for fraud. Lima, who ran a shop, appealed on Monday.", "Lima"),
    ("Officers questioned Tom Jordan at his home. Jordan told reporters he had done nothing.",
     "Jordan"),
])
def test_a_place_name_that_is_an_earlier_persons_surname_is_that_person(coder, text, word):
    assert code_of(coder, text, word) is None


@pytest.mark.parametrize("text,word,right", [
    ("Darfur rebels attacked a convoy on Friday.", "rebels", "SDN"),
    ("North Darfur police blocked the road.", "police", "SDN"),
    ("Central Coast police in Australia arrested him.", "police", "AUS"),
])
def test_a_place_named_whole_before_a_sector_noun_still_places_it(coder, text, word, right):
    assert code_of(coder, text, word) == right


@pytest.mark.parametrize("text", [
    "A knife attack killed two people in Leeds, England. Reports named the suspect as Libyan "
    "national Omar Haddad. Police said they were treating it as terrorism.",
    "A fire broke out at a market in Paris, France. The owner, Kenyan businessman Peter "
    "Otieno, escaped unhurt. Police later closed the road.",
    "Floods hit Lyon, France on Monday. One victim was a Brazilian student, Ana Souza. "
    "Police evacuated the riverside.",
])
def test_a_private_persons_country_is_not_the_storys_police(coder, text):
    police = [m for m in mentions(coder, text) if m.text.lower() == "police"]
    assert police and police[-1].code in ("GBR", "FRA")


@pytest.mark.parametrize("text,word,right", [
    ("Exports to Britain fell in May. The coalition government led by Mario Draghi of Italy "
     "eased the curfew.", "government", "ITA"),
    ("Fighting spread in Yemen and Iran. Forces led by Saudi Arabia bombed the port.",
     "Forces", "SAU"),
    ("Talks with France stalled. The cabinet headed by Prime Minister Shehbaz Sharif of "
     "Pakistan approved the budget.", "cabinet", "PAK"),
])
def test_a_noun_led_by_someone_is_of_the_leaders_country(coder, text, word, right):
    assert code_of(coder, text, word) == right
