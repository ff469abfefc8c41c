"""Recipients that are not the party acted on: what each rule of issue 17 (recipients and false
positives) keeps out of an event, each with three wordings of its own."""

from __future__ import annotations

import pytest

from event_support import triples

# Each rule with three wordings: (text, a country that must not be any event's recipient).
NOT_RECIPIENTS: dict[str, list[tuple[str, str]]] = {
    # a capital naming a text or process is where it was made, not whose it is
    "a city naming a text": [
        ("The Taliban urged that every part of the Doha agreement be carried out.", "QAT"),
        ("Kenya signed the Minsk accords on Tuesday.", "BLR"),
        ("Iran rejected the Paris agreement on climate.", "FRA"),
    ],
    # whoever tells of an act is its source, not its counterpart
    "the teller is not the counterpart": [
        ("The Greek minister said that the Libyan parliament had rejected the deal.", "GRC"),
        ("A French diplomat said Mali's junta had denied the allegations.", "FRA"),
        ("Canada's envoy told reporters that Venezuela had rejected the proposal.", "CAN"),
    ],
    # offers, praise, concessions and help keep no partner named only sentences before
    "no partner from sentences before": [
        ("Pakistan held a general election last week. Japan is expected to hold talks on "
         "closer trade ties next month.", "PAK"),
        ("Russian troops shelled Kharkiv on Monday. The European Union pledged to provide more "
         "humanitarian help.", "RUS"),
        ("Egypt closed its border crossing on Sunday. Qatar promised to cooperate more closely "
         "on security.", "EGY"),
    ],
    # whoever speaks to "both sides" speaks to others, even when the article names no pair
    "both sides are not at home": [
        ("Egypt urged both sides to stop fighting.", "EGY"),
        ("Qatar called on all parties to show restraint.", "QAT"),
        ("Norway urged the two sides to resume negotiations.", "NOR"),
    ],
}


@pytest.mark.parametrize("text,absent", [
    pytest.param(text, absent, id=f"{rule} {k}")
    for rule, cases in NOT_RECIPIENTS.items() for k, (text, absent) in enumerate(cases)])
def test_each_rule_keeps_a_non_party_out_of_the_recipient(coder, text, absent):
    got = triples(coder, text)
    assert got, "the act itself is still coded"
    assert not any(r == absent for _, _, r in got)


# A third party's position told in the simple present is a standing state, not news.
STANDING = [
    "Hungary also opposes the new Ukrainian language law.",
    "Farmers' unions, which back the opposition party, blocked roads in Kenya on Monday.",
    "Both Egypt and Sudan reject the idea that the dam threatens nobody.",
]


@pytest.mark.parametrize("text", STANDING)
def test_a_position_told_in_the_present_is_not_an_event(coder, text):
    assert not any(e in ("REJECT", "SUPPORT") for _, e, _ in triples(coder, text))


@pytest.mark.parametrize("text,expected", [
    ("Washington also alleges that the militia attacked civilians in Syria.", "ACCUSE"),
    ('"We reject the verdict," the Iranian foreign minister said.', "REJECT"),
    ("The ministry said Turkey supports the Syrian rebels.", "SUPPORT"),
])
def test_speech_acts_quotes_and_reports_in_the_present_stay_events(coder, text, expected):
    assert any(e == expected for _, e, _ in triples(coder, text))


def test_a_capital_owning_a_decision_is_still_its_state(coder):
    assert ("CHL", "SUPPORT", "RUS") in triples(coder, "Chile backed Moscow's proposal.")


@pytest.mark.parametrize("text,asker,sides", [
    ("Serbia accused Kosovo of provoking violence on Monday. Germany called on the two sides "
     "to calm tensions.", "DEU", {"SRB", "XKX"}),
    ("Thai and Cambodian troops exchanged fire on Monday. Malaysia asked both countries to "
     "withdraw their forces.", "MYS", {"THA", "KHM"}),
    ("Venezuela threatened Guyana over the disputed region. Brazil urged both governments to "
     "avoid escalation.", "BRA", {"VEN", "GUY"}),
])
def test_whoever_addresses_both_sides_is_not_one_of_them(coder, text, asker, sides):
    asked = {r for a, e, r in triples(coder, text) if a == asker and e == "REQUEST"}
    assert asked == sides
