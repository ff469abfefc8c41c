"""Sanctions and retreats worded otherwise than "imposed sanctions on" / "released": lists,
suspensions from a body, travel bans, diplomats ordered out, trade wars, hitting someone
"with" a measure; easing limits on trade, handing captives over, letting monitors in."""

from __future__ import annotations

import pytest

from event_support import triples


@pytest.mark.parametrize("text,expected", [
    # a sanctions list
    ("Washington added 14 Iranian firms to its trade blacklist on Monday.", ("USA", "IRN")),
    ("The United States added six Chinese banks to its entity list.", ("USA", "CHN")),
    ("Canada added two Russian oligarchs to its blacklist on Friday.", ("CAN", "RUS")),
    # suspended from a body
    ("The African Union suspended Mali from all its activities on Monday.", ("AU", "MLI")),
    ("ECOWAS suspended Guinea from the bloc after the coup.", ("ECOWAS", "GIN")),
    ("The African Union suspended Sudan's membership on Thursday.", ("AU", "SDN")),
    # travel and visa bans
    ("Britain placed travel bans on four Israeli settlers on Monday.", ("GBR", "ISR")),
    ("The United States imposed visa bans on Ugandan officials.", ("USA", "UGA")),
    ("Canada imposed travel bans on Iranian officials on Friday.", ("CAN", "IRN")),
    # diplomats ordered out
    ("Sweden ordered two Iranian diplomats to leave the country.", ("SWE", "IRN")),
    ("Chad ordered the German ambassador to leave within 48 hours.", ("TCD", "DEU")),
    ("Nicaragua ordered the Vatican envoy to leave the country.", ("NIC", "VAT")),
    # a trade war, a measure one hits someone with
    ("Washington launched a trade war with Beijing on Friday.", ("USA", "CHN")),
    ("Ottawa escalated its tariff fight with Washington on Monday.", ("CAN", "USA")),
    ("Washington slapped Cuban officials with new sanctions on Monday.", ("USA", "CUB")),
    # suspended help
    ("The World Bank paused disbursements to Uganda on Tuesday.", ("WBK", "UGA")),
])
def test_sanctions_worded_otherwise_are_coded(coder, text, expected):
    found = triples(coder, text)
    assert expected in {(a, r) for a, e, r in found if e == "SANCTION"}


@pytest.mark.parametrize("text,expected", [
    ("India lifted its ban on rice exports to Bangladesh on Friday.", ("IND", "BGD")),
    ("China eased restrictions on imports of Australian barley on Monday.", ("CHN", "AUS")),
    ("Peru lifted its curbs on flights to Chile on Tuesday.", ("PER", "CHL")),
    # captives handed over or back
    ("Hamas handed over three Thai hostages to the Red Cross on Friday.", ("PSE", "THA")),
    ("Russia returned 40 Ukrainian prisoners on Friday.", ("RUS", "UKR")),
    ("The Houthis handed over two Saudi prisoners to the Red Cross.", (None, "SAU")),
    # monitors let in
    ("Armenia welcomed EU monitors to its border on Monday.", ("ARM", "EUR")),
    ("Belarus admitted OSCE observers on Monday.", ("BLR", "OSCE")),
    ("Iran let IAEA inspectors into the plant on Tuesday.", ("IRN", "IAEA")),
])
def test_retreats_worded_otherwise_are_coded(coder, text, expected):
    found = {(a, r) for a, e, r in triples(coder, text) if e == "RETREAT"}
    assert [f for f in found if expected[0] in (None, f[0]) and f[1] == expected[1]]


def test_a_ban_on_trade_lifted_is_not_an_administrative_concession(coder):
    found = triples(coder, "Peru lifted its ban on beef imports from Brazil on Monday.")
    assert ("PER", "CONCEDE", "BRA") not in found


@pytest.mark.parametrize("text,expected", [
    ("Fighting continued in Sudan. Rebels in Darfur released 30 soldiers on Monday.",
     ("SDN", "RETREAT", "SDN")),
    ("Bangladeshi police freed 200 detained students on Monday.", ("BGD", "RETREAT", "BGD")),
    ("Ethiopia's government released 40 journalists on Friday.", ("ETH", "RETREAT", "ETH")),
])
def test_people_released_whom_the_text_does_not_place_are_released_at_home(
        coder, text, expected):
    assert expected in triples(coder, text)
