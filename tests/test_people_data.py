"""Integrity checks for data/actors/people.yaml: a bad date or shared alias misroutes actors."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from importlib import resources
from typing import Any

import pycountry
import pytest
import yaml

IGO_CODES = {
    "UNO", "EUR", "NATO", "IAEA", "AU", "ARL", "ASN", "OPEC",
    "WHO", "IMF", "WBK", "ICC", "ICJ", "WTO",
}  # fmt: skip
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP",
    "REB", "CVL", "BUS", "JRN", "EDU", "NGO", "IGO",
}  # fmt: skip
PERSON_KEYS = {"name", "aliases", "offices"}
OFFICE_KEYS = {"code", "sector", "title", "from", "to"}

# Offices held by one person at a time in a given country/organisation.
SINGLE_HOLDER_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "emir", "sultan",
    "supreme leader", "pope", "monarch", "emperor", "chief executive", "foreign minister",
    "defence minister", "secretary of state", "secretary of defense", "foreign secretary",
    "defence secretary", "secretary-general", "secretary general", "director general",
    "director-general", "managing director", "prosecutor", "president of the european commission",
    "president of the european council",
    "high representative for foreign affairs and security policy",
    "chairperson of the african union commission", "commander of the revolutionary guards",
    "commander of the quds force", "chief of the general staff", "speaker of the house",
}  # fmt: skip
HEAD_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "emir", "sultan",
    "supreme leader", "pope", "chief executive", "chairman of the sovereignty council",
    "chairman of the presidential leadership council", "transitional president",
    "president of the european commission",
}  # fmt: skip
HEAD_CODES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA EUR "
    "IRN ISR PSE SYR IRQ LBN JOR EGY ARE QAT KWT BHR OMN YEM UKR BLR PRK "
    "ETH ERI SOM DJI SDN SSD KEN MLI BFA NER TCD MRT SEN VEN AFG PAK PHL VAT HKG TWN"
).split()
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA".split()
# National titles where they differ from "foreign minister" / "defence minister".
FOREIGN_TITLE = {"USA": "secretary of state", "GBR": "foreign secretary"}
DEFENCE_TITLE = {"USA": "secretary of defense", "GBR": "defence secretary"}
IGO_HEADS = {
    "UNO": "secretary-general",
    "NATO": "secretary general",
    "IAEA": "director general",
    "WHO": "director-general",
    "IMF": "managing director",
    "WBK": "president",
    "AU": "chairperson of the african union commission",
    "ARL": "secretary-general",
    "OPEC": "secretary general",
    "ICC": "prosecutor",
}
SAMPLE_DATES = [dt.date(2016, 6, 1), dt.date(2020, 1, 15), dt.date(2023, 6, 1), dt.date(2026, 6, 1)]

Person = dict[str, Any]


@pytest.fixture(scope="module")
def people() -> list[Person]:
    """Load the packaged people file once per module."""
    path = resources.files("eventwire.knowledge") / "data" / "actors" / "people.yaml"
    text = path.read_text("utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)  # libyaml: the same data, 10x sooner
    assert isinstance(data, list)
    return data


def _norm(text: str) -> str:
    """Fold case and diacritics so 'Erdoğan' and 'erdogan' count as one spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _valid_code(code: str) -> bool:
    """ISO 3166-1 alpha-3 or a known IGO code."""
    return code in IGO_CODES or pycountry.countries.get(alpha_3=code) is not None


def _holders(people: list[Person], code: str, titles: set[str], day: dt.date) -> list[str]:
    """Names holding an office with one of `titles` at `code` on `day` (half-open [from, to))."""
    found = []
    for person in people:
        for office in person["offices"]:
            if office["code"] != code or office["title"] not in titles:
                continue
            if office["from"] <= day and ("to" not in office or day < office["to"]):
                found.append(person["name"])
    return found


def test_file_is_large_enough(people: list[Person]) -> None:
    assert len(people) >= 500


def test_person_entries_are_well_formed(people: list[Person]) -> None:
    for person in people:
        assert set(person) == PERSON_KEYS, person.get("name")
        assert isinstance(person["name"], str) and person["name"].strip() == person["name"]
        assert isinstance(person["aliases"], list), person["name"]
        assert all(isinstance(a, str) and a.strip() for a in person["aliases"]), person["name"]
        assert isinstance(person["offices"], list) and person["offices"], person["name"]


def test_offices_have_valid_code_sector_and_dates(people: list[Person]) -> None:
    latest = dt.date(2026, 12, 31)
    for person in people:
        for office in person["offices"]:
            where = f"{person['name']}: {office}"
            assert set(office) <= OFFICE_KEYS and OFFICE_KEYS - {"to"} <= set(office), where
            assert _valid_code(office["code"]), where
            assert office["sector"] in SECTORS, where
            assert isinstance(office["title"], str) and office["title"] == office["title"].lower()
            assert type(office["from"]) is dt.date, where
            assert office["from"] <= latest, where
            if "to" in office:
                assert type(office["to"]) is dt.date, where
                assert office["from"] < office["to"], where


def test_names_and_aliases_are_unique_across_people(people: list[Person]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for spelling in [person["name"], *person["aliases"]]:
            owners[_norm(spelling)].add(person["name"])
    shared = {spelling: names for spelling, names in owners.items() if len(names) > 1}
    assert not shared


def test_aliases_do_not_repeat_within_a_person(people: list[Person]) -> None:
    for person in people:
        # Exact spellings only: "Erdoğan" and "Erdogan" are both wanted, as newspapers differ.
        spellings = [s.casefold() for s in [person["name"], *person["aliases"]]]
        assert len(spellings) == len(set(spellings)), person["name"]


def test_single_holder_offices_do_not_overlap(people: list[Person]) -> None:
    by_key: dict[tuple[str, str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in people:
        for office in person["offices"]:
            if office["title"] in SINGLE_HOLDER_TITLES:
                key = (office["code"], office["sector"], office["title"])
                end = office.get("to", dt.date.max)
                by_key[key].append((office["from"], end, person["name"]))
    clashes = []
    for key, spans in by_key.items():
        spans.sort()
        for (_, end_a, name_a), (start_b, _, name_b) in zip(spans, spans[1:], strict=False):
            if start_b < end_a and name_a != name_b:
                clashes.append((key, name_a, name_b, start_b))
    assert not clashes


@pytest.mark.parametrize("day", SAMPLE_DATES, ids=str)
def test_every_covered_state_has_a_leader(people: list[Person], day: dt.date) -> None:
    missing = [code for code in HEAD_CODES if not _holders(people, code, HEAD_TITLES, day)]
    assert not missing


@pytest.mark.parametrize("day", SAMPLE_DATES, ids=str)
def test_g20_foreign_and_defence_ministers_are_covered(people: list[Person], day: dt.date) -> None:
    missing = [
        (code, title)
        for code in G20
        for title in (
            FOREIGN_TITLE.get(code, "foreign minister"),
            DEFENCE_TITLE.get(code, "defence minister"),
        )
        if len(_holders(people, code, {title}, day)) != 1
    ]
    assert not missing


@pytest.mark.parametrize("day", SAMPLE_DATES, ids=str)
def test_igo_heads_are_covered(people: list[Person], day: dt.date) -> None:
    missing = [
        code for code, title in IGO_HEADS.items() if not _holders(people, code, {title}, day)
    ]
    assert not missing


@pytest.mark.parametrize(
    ("day", "code", "title", "expected"),
    [
        (dt.date(2019, 6, 1), "USA", "president", "Donald Trump"),
        (dt.date(2022, 3, 30), "RUS", "foreign minister", "Sergei Lavrov"),
        (dt.date(2022, 3, 30), "IRN", "foreign minister", "Hossein Amir-Abdollahian"),
        (dt.date(2016, 1, 10), "USA", "president", "Barack Obama"),
        (dt.date(2023, 6, 1), "USA", "president", "Joe Biden"),
        (dt.date(2025, 6, 1), "USA", "president", "Donald Trump"),
        (dt.date(2018, 1, 1), "USA", "secretary of state", "Rex Tillerson"),
        (dt.date(2019, 1, 1), "GBR", "prime minister", "Theresa May"),
        (dt.date(2020, 1, 1), "GBR", "prime minister", "Boris Johnson"),
        (dt.date(2022, 10, 1), "GBR", "prime minister", "Liz Truss"),
        (dt.date(2017, 1, 1), "GBR", "foreign secretary", "Boris Johnson"),
        (dt.date(2020, 1, 1), "IRN", "commander of the quds force", "Qasem Soleimani"),
        (dt.date(2020, 1, 10), "IRN", "commander of the quds force", "Esmail Qaani"),
        (dt.date(2024, 1, 1), "UKR", "foreign minister", "Dmytro Kuleba"),
        (dt.date(2017, 6, 1), "UNO", "secretary-general", "António Guterres"),
        (dt.date(2016, 6, 1), "UNO", "secretary-general", "Ban Ki-moon"),
        (dt.date(2022, 1, 1), "DEU", "chancellor", "Olaf Scholz"),
        (dt.date(2023, 1, 1), "ISR", "prime minister", "Benjamin Netanyahu"),
        (dt.date(2022, 1, 1), "ISR", "prime minister", "Naftali Bennett"),
    ],
)
def test_dated_office_holders(
    people: list[Person], day: dt.date, code: str, title: str, expected: str
) -> None:
    assert _holders(people, code, {title}, day) == [expected]


def test_surname_only_aliases_avoid_common_surnames(people: list[Person]) -> None:
    banned = set(
        "lee kim khan ali johnson brown jones singh wang li park sharif abbas aoun barzani "
        "sinwar duterte deby".split()
    )
    offending = [
        (person["name"], alias)
        for person in people
        for alias in person["aliases"]
        if _norm(alias) in banned
    ]
    assert not offending
