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
    # a title alone takes up the person whose name carried that title
    "a title takes up the one so titled": [
        ("Morocco's King Mohammed VI received Emmanuel Macron in Rabat. The king praised "
         "Algeria for reopening the border.", ("MAR", "SUPPORT", "DZA")),
        ("Iranian Foreign Minister Abbas Araghchi met Vladimir Putin in Moscow. The minister "
         "criticized Washington's sanctions.", ("IRN", "ACCUSE", "USA")),
        ("Chinese Premier Li Qiang met Anthony Albanese in Canberra on Monday. The premier "
         "criticized Japan over its export curbs.", ("CHN", "ACCUSE", "JPN")),
    ],
    # those urged to show restraint are its targets, "the two sides" both of them
    "those urged to show restraint": [
        ("Sudan and South Sudan traded fire on Tuesday. Kenya urged the two sides to show "
         "restraint.", ("KEN", "REQUEST", "SSD")),
        ("Russia and Ukraine swapped prisoners on Monday. Turkey urged Moscow to exercise "
         "restraint in Kharkiv.", ("TUR", "REQUEST", "RUS")),
        ("Qatar urged Israel and Hezbollah to show maximum restraint.", ("QAT", "REQUEST", "LBN")),
    ],
    # a description object is never the subject of its own clause
    "an object description is not its clause's subject": [
        ("Chile signed a trade pact with Bolivia. Chilean officials later accused the "
         "country of smuggling arms.", ("CHL", "ACCUSE", "BOL")),
        ("Kenya hosted Somalia's president on Monday. Nairobi later criticized the country for "
         "closing the border.", ("KEN", "ACCUSE", "SOM")),
        ("Colombia refused deportation flights from the United States. Washington responded by "
         "imposing tariffs on the country.", ("USA", "SANCTION", "COL")),
    ],
    # "the alliance", "the bloc" after a body named only through its head
    "a body's description takes up the body its head speaks for": [
        ("NATO chief Mark Rutte visited Turkey on Monday. Greek officials urged the alliance "
         "to rein in Ankara.", ("GRC", "REQUEST", "NATO")),
        ("EU foreign policy chief Kaja Kallas visited Serbia on Monday. Kosovo's government "
         "accused the bloc of favoring Belgrade.", ("XKX", "ACCUSE", "EUR")),
        ("NATO Secretary General Mark Rutte visited Poland on Tuesday. Russia's foreign ministry "
         "accused the alliance of provoking Moscow.", ("RUS", "ACCUSE", "NATO")),
    ],
}


@pytest.mark.parametrize("text,expected", rule_params(CASES))
def test_description_links(coder, text, expected):
    assert expected in triples(coder, text, "2025-03-01")  # the offices held then
