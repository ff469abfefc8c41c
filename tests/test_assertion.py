"""What the text asserts: requested, hedged, avoided and long-standing acts are not events."""

from __future__ import annotations

import pytest

from event_support import coded, triples


def _types(coder, text: str) -> set[str]:
    return {t[1] for t in triples(coder, text)}


@pytest.mark.parametrize("text,asked,content", [
    ("The Red Cross appealed to Ethiopia to release the detained aid workers.",
     ("NGO", "REQUEST", "ETH"), "RETREAT"),
    ("Amnesty International renewed its call on the Egyptian authorities to release the "
     "activists.", ("NGO", "REQUEST", "EGY"), "RETREAT"),
    ("The United Nations repeated its demand for Israel to withdraw its troops from Gaza.",
     None, "RETREAT"),
])
def test_what_is_asked_for_is_not_done(coder, text, asked, content):
    got = triples(coder, text)
    assert content not in {t[1] for t in got}
    if asked is not None:
        assert asked in got


@pytest.mark.parametrize("text,actor,content", [
    ("Amnesty International called for the charges against the blogger to be dropped.",
     "NGO", "CONCEDE"),
    ("France called for the sanctions on Iran to be lifted.", "FRA", "RETREAT"),
    ("The Kenyan president called for all foreign troops to leave Somalia.", "KEN", "RETREAT"),
])
def test_a_call_for_something_to_be_done_is_the_request(coder, text, actor, content):
    """"called for X to be Y": the parser hangs "for" on the clause; the call is the act."""
    got = triples(coder, text)
    assert actor in {t[0] for t in got if t[1] == "REQUEST"}
    assert content not in {t[1] for t in got}


@pytest.mark.parametrize("text", [
    "Ethiopia released the detained aid workers.",
    "Israel withdrew its troops from Gaza.",
])
def test_the_same_acts_reported_as_done_are_coded(coder, text):
    assert "RETREAT" in _types(coder, text)


@pytest.mark.parametrize("text,done", [
    ("Hungary no longer supplies weapons to Ukraine.", "Hungary supplies weapons to Ukraine."),
    ("Russian forces allegedly bombed Kharkiv.", "Russian forces bombed Kharkiv."),
    ("Kenyan police allegedly arrested the Ugandan opposition leader.",
     "Kenyan police arrested the Ugandan opposition leader."),
    ("Turkish troops are at risk of attack by Syrian forces.",
     "Syrian forces attacked Turkish troops."),
    ("Chad will probably expel the French ambassador, officials said.",
     "Chad expelled the French ambassador, officials said."),
    ("Instead of sanctioning Iran, Germany held talks with Tehran.", "Germany sanctioned Iran."),
    ("President Trump said he was inclined to support the deal with Mauritius.",
     "President Trump said he supported the deal with Mauritius."),
])
def test_hedged_ended_or_avoided_acts_are_not_asserted(coder, text, done):
    done_types = _types(coder, done)
    assert done_types, "the plain wording codes the act"
    assert not done_types & _types(coder, text)


@pytest.mark.parametrize("text,event", [
    ("France will lead a coalition which was joined by Italy.", "COOPERATE"),
    ("Turkey will host the leaders who met with Putin on Monday.", "CONSULT"),
    ("Serbia will expel the diplomats who criticized Hungary.", "ACCUSE"),
])
def test_a_relative_clause_keeps_its_own_tense(coder, text, event):
    assert (event, "asserted") in {(t[1], t[3]) for t in coded(coder, text)}


@pytest.mark.parametrize("text,news", [
    ("Egypt has long opposed the Ethiopian dam.", "Egypt opposed the Ethiopian dam on Monday."),
    ("Greece has always rejected Turkish claims to the islands.",
     "Greece rejected Turkish claims to the islands."),
    ("North Korea routinely condemns the joint military drills of South Korea and the United "
     "States.", "North Korea condemned the joint military drills of South Korea and the United "
                "States."),
    ("Since the coup, the African Union has repeatedly called for elections in Niger.",
     "The African Union called for elections in Niger on Monday."),
    ("Since the invasion, Poland has sent weapons to Ukraine.", "Poland sent weapons to Ukraine."),
    ("The United States has designated the Houthis a terrorist group.",
     "The United States designated the Houthis a terrorist group on Monday."),
])
def test_a_long_standing_state_is_not_news(coder, text, news):
    assert _types(coder, news), "the act told as news is coded"
    assert _types(coder, text) == set()


@pytest.mark.parametrize("text,news", [
    ("Turkish forces have shelled Kurdish positions in northern Syria for years.",
     "Turkish forces shelled Kurdish positions in northern Syria on Monday."),
    ("China has threatened Taiwan with force for the past decade.",
     "China threatened Taiwan with force on Monday."),
    ("Russia has supplied weapons to Syria for years.", "Russia supplied weapons to Syria."),
    ("Washington has sanctioned Tehran for decades.", "Washington sanctioned Tehran on Monday."),
])
def test_an_act_told_over_years_is_a_standing_state(coder, text, news):
    assert _types(coder, news), "the act told as news is coded"
    assert _types(coder, text) == set()


@pytest.mark.parametrize("text,event", [
    ("A Russian court has jailed the activist for five years.", "COERCE"),
    ("Washington has sanctioned Tehran for its nuclear programme.", "SANCTION"),
])
def test_a_term_or_a_reason_after_for_is_no_span(coder, text, event):
    assert event in _types(coder, text)


@pytest.mark.parametrize("text,event", [
    ("Iran condemned the US sanctions imposed in 2018.", "ACCUSE"),
    ("The United Nations, which was founded in 1945, condemned the attack on the convoy.",
     "ACCUSE"),
    ("Germany criticised the arrests of journalists who had protested in 2019.", "ACCUSE"),
])
def test_a_date_in_another_clause_does_not_make_the_act_background(coder, text, event):
    assert event in _types(coder, text)


def test_a_date_in_the_acts_own_clause_still_does(coder):
    assert _types(coder, "Iran condemned the US sanctions in 2018.") == set()


@pytest.mark.parametrize("text,event", [
    ("Germany criticised Turkey over its 2016 purge of judges.", "ACCUSE"),
    ("Serbia rejected the 2008 declaration of independence by Kosovo.", "REJECT"),
    ("Armenians protested against the 2020 Azerbaijani offensive.", "PROTEST"),
])
def test_a_date_modifying_a_noun_dates_that_nouns_act(coder, text, event):
    assert event in _types(coder, text)


def test_a_date_modifying_the_trigger_noun_still_dates_the_event(coder):
    assert _types(coder, "The 2004 bombing of the base by Ivorian jets killed nine French "
                         "soldiers.") == set()


@pytest.mark.parametrize("text,news", [
    ("Russian air strikes on Kharkiv usually kill civilians.",
     "Russian air strikes on Kharkiv killed five people on Monday."),
    ("Israeli raids in Jenin typically end with arrests.",
     "Israeli raids in Jenin ended with arrests on Monday."),
    ("Talks between Iran and the UN usually stall.",
     "Talks between Iran and the UN stalled on Monday."),
])
def test_a_habit_told_of_an_act_named_by_a_noun_is_not_news(coder, text, news):
    assert _types(coder, news), "the act told as news is coded"
    assert _types(coder, text) == set()
