"""Offline toponyms: ambiguity ranking, 'X in Y', countries, and where an event happened."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from event_support import triples
from eventwire.context.places import event_location, places_in_doc
from eventwire.knowledge.gazetteer import load_gazetteer
from eventwire.knowledge.loader import load_knowledge
from eventwire.knowledge.placenames import capital_of, resolve_place


@pytest.fixture(scope="module")
def demonyms() -> Mapping[str, str]:
    """The packaged actor gazetteer's demonyms, as the coder passes them."""
    return load_knowledge().gazetteer.demonyms


def test_moscow_with_russia_in_context():
    place = resolve_place("Moscow", ["RUS"])
    assert place.geonameid == 524901 and place.country == "RUS" and place.kind == "city"
    assert place.lat == pytest.approx(55.75, abs=0.01)


def test_ambiguous_moscow_picks_russia_but_is_not_certain():
    place = resolve_place("Moscow")
    assert place.geonameid == 524901
    assert 0.5 < place.confidence < 1.0


def test_within_picks_moscow_idaho():
    place = resolve_place("Moscow", within="Idaho")
    assert place.country == "USA" and place.geonameid != 524901


def test_context_country_changes_the_pick():
    assert resolve_place("Georgia").country == "GEO"
    state = resolve_place("Georgia", ["USA"])
    assert state.country == "USA" and state.kind == "subdivision" and state.confidence < 1.0



def test_context_does_not_turn_a_world_city_into_a_small_town():
    # Almost every story names the US; "Geneva" still is not Geneva, Illinois.
    assert resolve_place("Geneva", ["USA"]).country == "CHE"
    assert resolve_place("Tripoli", ["LBN"]).country == "LBN"  # a city, not a town


def test_countries_and_aliases():
    assert resolve_place("Russia").kind == "country"
    assert resolve_place("Russia").geonameid == 2017370
    assert resolve_place("the United States").country == "USA"
    assert resolve_place("U.S.").country == "USA"


def test_unknown_and_empty_names():
    assert resolve_place("Qwzxland") is None
    assert resolve_place("") is None


def test_capital_of_russia():
    assert capital_of("RUS").geonameid == 524901


def test_places_in_doc_uses_article_countries(nlp):
    doc = nlp("Officials in Moscow, Idaho met farmers. Later, Russia and Iran signed a deal.")
    found = {span.text: place for span, place in places_in_doc(doc)}
    assert found["Moscow"].country == "USA"
    assert found["Iran"].kind == "country"


def sentence_and_trigger(nlp, text: str, lemma: str):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    trigger = next(t for t in sent if t.lemma_ == lemma)
    return doc, sent, trigger


def test_event_location_arrived_in(nlp, demonyms):
    doc, sent, trig = sentence_and_trigger(
        nlp, "The Iranian foreign minister arrived in Moscow on Tuesday.", "arrive")
    assert event_location(sent, trig, places_in_doc(doc), demonyms).geonameid == 524901


def test_event_location_russian_capital(nlp, demonyms):
    doc, sent, trig = sentence_and_trigger(
        nlp, "The minister arrived at the Russian capital on Tuesday night.", "arrive")
    assert event_location(sent, trig, places_in_doc(doc), demonyms).geonameid == 524901


def test_event_location_strike_on_city(nlp, demonyms):
    doc, sent, trig = sentence_and_trigger(nlp, "Russia launched a strike on Kharkiv.", "strike")
    place = event_location(sent, trig, places_in_doc(doc), demonyms)
    assert place.name == "Kharkiv" and place.country == "UKR"


def test_event_location_talks_in_vienna(nlp, demonyms):
    doc, sent, trig = sentence_and_trigger(nlp, "The talks in Vienna ended without a deal.", "talk")
    assert event_location(sent, trig, places_in_doc(doc), demonyms).country == "AUT"


def test_no_location_when_the_trigger_does_not_govern_it(nlp, demonyms):
    doc, sent, trig = sentence_and_trigger(
        nlp, "Iran condemned the sanctions, a spokesman in Tehran said.", "condemn")
    assert event_location(sent, trig, places_in_doc(doc), demonyms) is None


def test_seed_arrival_located_in_moscow(nlp, shared, demonyms):
    path = shared / "seed" / "seed-iran-russia.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    doc = nlp(path.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n"))
    places = places_in_doc(doc)
    moscow = [p for span, p in places if span.text == "Moscow"]
    assert moscow and all(p.geonameid == 524901 and p.country == "RUS" for p in moscow)
    sent = next(s for s in doc.sents if "arrived at" in s.text)
    trig = next(t for t in sent if t.lemma_ == "arrive")
    place = event_location(sent, trig, places, demonyms)
    assert place.geonameid == 524901 and place.country == "RUS"


@pytest.mark.parametrize(("text", "capital"), [
    ("The envoy arrived in the Bhutanese capital on Monday.", "Thimphu"),
    ("The envoy arrived in the Eritrean capital on Monday.", "Asmara"),
    ("The envoy arrived in the South Korean capital on Monday.", "Seoul"),
    ("The envoy arrived in the North Korean capital on Monday.", "Pyongyang"),
    # the country table spells these without accents, the city table with them
    ("The envoy arrived in the Brazilian capital on Monday.", "Brasília"),
    ("The envoy arrived in the Paraguayan capital on Monday.", "Asunción"),
])
def test_event_location_any_gazetteer_demonym(nlp, demonyms, text: str, capital: str):
    doc, sent, trig = sentence_and_trigger(nlp, text, "arrive")
    assert event_location(sent, trig, places_in_doc(doc), demonyms).name == capital


def test_event_location_user_actor_file_demonym(nlp, tmp_path: Path):
    actors = tmp_path / "actors.yaml"
    actors.write_text("countries:\n  - code: KGZ\n    demonyms: [Kirghiz]\n", encoding="utf-8")
    demonyms = load_gazetteer([actors]).demonyms
    doc, sent, trig = sentence_and_trigger(
        nlp, "The envoy arrived in the Kirghiz capital on Monday.", "arrive")
    assert event_location(sent, trig, places_in_doc(doc), demonyms).name == "Bishkek"


@pytest.mark.parametrize("name,country", [("Darfur", "SDN"), ("Gaza", "PSE"),
                                          ("Donbass", "UKR"), ("Nagorno-Karabakh", "AZE")])
def test_regions_the_city_tables_miss(name: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None and (place.country, place.kind) == (country, "region")


@pytest.mark.parametrize("name", ["the Gulf", "the Red Sea", "the Sahel", "the Midlands"])
def test_a_province_named_with_the_is_a_landform_unless_its_country_is_in_the_story(name: str):
    assert resolve_place(name) is None or resolve_place(name).kind != "subdivision"
    bare = resolve_place(name.removeprefix("the "))
    assert bare is not None and bare.kind == "subdivision"  # the province exists
    assert resolve_place(name, [bare.country]).country == bare.country


def test_a_province_name_shared_by_several_countries_needs_its_country_in_the_story():
    assert resolve_place("Northern") is None
    assert resolve_place("Northern", ["GHA"]).country == "GHA"
    assert resolve_place("Northern", within="Ghana").country == "GHA"
    assert resolve_place("Central", ["UGA"]).country == "UGA"


@pytest.mark.parametrize("text,province", [
    ("Iranian gunboats have repeatedly harassed tankers in the Gulf.", "PNG"),
    ("Iran's Revolutionary Guards captured two ships in the Gulf.", "PNG"),
    ("Saudi jets bombed rebel boats in the Red Sea.", "SDN"),
    ("Yemen's rebels struck merchant ships in the Red Sea.", "SDN"),
])
def test_no_recipient_from_a_far_province_named_like_a_landform(coder, text: str,
                                                                province: str):
    assert province not in {r for _a, _e, r in triples(coder, text)}
