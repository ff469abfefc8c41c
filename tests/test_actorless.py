"""Events kept for want of a named actor: state nouns and forces of order that the story
places, however far back it named the country; names that hold the title they follow;
charges worded from the accused's side, laid by the state that prosecutes, and pleas of not
guilty that answer it."""

from __future__ import annotations

import pytest

from event_support import rule_params, triples

# Each rule with three wordings of its own: (text, a triple it must give).
CASES: dict[str, list[tuple[str, tuple[str, str, str]]]] = {
    # a bare singular state noun is definite
    "bare singular government": [
        ('The opposition in Zambia says "corrupt" government is jailing its members.',
         ("ZMB", "COERCE", "ZMB")),
        ("In Nepal, protesters said government had arrested their leaders.",
         ("NPL", "COERCE", "NPL")),
        ("Tunisia's unions say government has detained forty striking workers.",
         ("TUN", "COERCE", "TUN")),
    ],
    # a state's forces of order act at home
    "security forces act at home": [
        ("Unrest spread across Iraq. Security forces fired tear gas at the demonstrators.",
         ("IRQ", "ASSAULT", "IRQ")),
        ("Protests resumed in Guinea on Tuesday, where security forces arrested 30 people.",
         ("GIN", "COERCE", "GIN")),
        ("Bolivia's election dispute went on. Security forces detained several union "
         "leaders.", ("BOL", "COERCE", "BOL")),
    ],
    # the accused as the subject: the state whose court or trial the text places charges them
    "charged by the prosecuting state": [
        ("Two Iranian men were charged with spying at a court in Baku.",
         ("AZE", "ACCUSE", "IRN")),
        ("A Danish journalist faces charges of espionage at a trial in Moscow.",
         ("RUS", "ACCUSE", "DNK")),
        ("A trial opened in Paris on Monday. Three Malian soldiers stand accused of the "
         "killings.", ("FRA", "ACCUSE", "MLI")),
    ],
    # a plea of not guilty rejects the charges of that state
    "a plea of not guilty answers the prosecuting state": [
        ("Three Chinese nationals went on trial in Manila. They pleaded not guilty.",
         ("CHN", "REJECT", "PHL")),
        ("The Russian pilot pleaded innocent at a court in Kyiv.", ("RUS", "REJECT", "UKR")),
        ("Two Eritrean men on trial in Rome have pleaded not guilty to smuggling.",
         ("ERI", "REJECT", "ITA")),
    ],
    # a name in apposition to a title that names a body or a country holds that office
    "a name after its title": [
        ("The U.N. secretary-general's special representative in Mali, Anna Berg, arrived on "
         "Monday. Berg condemned Mali's junta.", ("UNO", "ACCUSE", "MLI")),
        ("The U.N. special envoy for Sudan, Maria Lindqvist, spoke on Friday. Lindqvist urged "
         "Sudan's army to stop the shelling.", ("UNO", "REQUEST", "SDN")),
        ("The head of the U.N. mission in Somalia, Carlos Mendez, spoke on Friday. Mendez "
         "urged Somalia's leaders to hold elections.", ("UNO", "REQUEST", "SOM")),
    ],
    # people held with no holder named are held by the state the story places them in
    "held in custody by the story's state": [
        ("Kenya's police faced questions. The Kenyan blogger has been in police custody since "
         "Friday.", ("KEN", "COERCE", "KEN")),
        ("Two Thai activists remain in detention in Bangkok.", ("THA", "COERCE", "THA")),
        ("Egypt's government denied any abuse. Three Egyptian journalists stayed in custody "
         "over the weekend.", ("EGY", "COERCE", "EGY")),
    ],
    # an attack the text reports with no attacker is the one who claimed it
    "an attack is the claimant's": [
        ("The Islamic State claimed responsibility on Friday. Its fighters had met no "
         "resistance. The raid killed 20 Malian soldiers near Gao.", ("MLI", "ASSAULT", "MLI")),
        ("Gunmen ambushed a convoy of Nigerian soldiers near Maiduguri, killing nine. Boko "
         "Haram later took responsibility for the ambush.", ("NGA", "ASSAULT", "NGA")),
        ("Al-Shabaab claimed credit for the blast. The bombing hit a Kenyan army base near "
         "Lamu.", ("SOM", "ASSAULT", "KEN")),
    ],
}


@pytest.mark.parametrize("text,expected", rule_params(CASES))
def test_each_rule_gives_the_actor_its_wording_implies(coder, text, expected):
    assert expected in triples(coder, text)


def test_other_countries_are_not_the_story_country(coder):
    got = triples(coder, "Japan's fleet sailed on. China is harassing other countries, the "
                         "minister said.")
    assert ("CHN", "COERCE", "JPN") not in got


def test_the_accused_is_never_the_accuser(coder):
    got = triples(coder, "A trial opened in Paris on Monday. Three Malian soldiers stand accused "
                         "of the killings.")
    assert not any(a == "MLI" and e == "ACCUSE" for a, e, _ in got)


def test_a_guilty_plea_rejects_no_one(coder):
    got = triples(coder, "The Russian pilot pleaded guilty at a court in Kyiv.")
    assert not any(e == "REJECT" for _, e, _ in got)


def test_a_claim_no_one_made_names_no_attacker(coder):
    got = triples(coder, "A bomb struck a police station in Kandahar on Monday. No group has "
                         "claimed responsibility.")
    assert not any(e == "ASSAULT" and a for a, e, _ in got)


def test_things_in_custody_are_no_one_held(coder):
    got = triples(coder, "Kenya's police faced questions. The seized weapons remained in custody.")
    assert not any(e == "COERCE" for _, e, _ in got)
