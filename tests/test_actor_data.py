"""Integrity checks on the shipped actor knowledge files (structure, codes, clashes)."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib.resources import files
from typing import Any

import pycountry
import pytest
import yaml

SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB",
           "CVL", "BUS", "JRN", "EDU", "NGO", "IGO"}
GUIDELINE_IGOS = {"UNO", "EUR", "NATO", "IAEA", "AU", "ARL", "ASN", "OPEC",
                  "WHO", "IMF", "WBK", "ICC", "ICJ"}
NON_STATE_CODES = {"IMG"}  # international militant groups (the gold's code for IS)
ISO3 = {c.alpha_3 for c in pycountry.countries}
# Actors ISO 3166-1 leaves out, under the user-assigned code in common use.
USER_ASSIGNED = {"XKX"}  # Kosovo (EU, IMF, GeoNames)

UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
# Their English demonyms are given to a bigger namesake: "Dominican" -> DOM, "Congolese" -> COD.
DEMONYM_LENT = {"DMA", "COG"}
# Deliberate overrides of a pycountry name, documented in countries.yaml.
PYCOUNTRY_OVERRIDES = {"congo": "COD"}


def _load(name: str) -> Any:
    path = files("eventwire.knowledge") / "data" / "actors" / name
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.CSafeLoader)  # libyaml: the same data, 10x sooner


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    return _load("countries.yaml")


@pytest.fixture(scope="module")
def igos() -> list[dict[str, Any]]:
    return _load("igos.yaml")


@pytest.fixture(scope="module")
def groups() -> list[dict[str, Any]]:
    return _load("groups.yaml")


@pytest.fixture(scope="module")
def sectors() -> list[dict[str, Any]]:
    return _load("sectors.yaml")


def _is_clean_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(s, str) and s and s == s.strip() for s in value
    )


def _country_strings(entry: dict[str, Any]) -> list[str]:
    out = entry["names"] + entry["demonyms"] + entry["metonyms"]
    for inst in entry["institutions"]:
        out += [inst["name"], *inst["aliases"]]
    return out


def _clashes(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = defaultdict(set)
    for text, code in pairs:
        seen[text.casefold()].add(code)
    return {text: codes for text, codes in seen.items() if len(codes) > 1}


def test_all_files_are_lists(countries: list, igos: list, groups: list, sectors: list) -> None:
    for data in (countries, igos, groups, sectors):
        assert isinstance(data, list) and data


def test_country_entries_have_the_schema(countries: list[dict[str, Any]]) -> None:
    keys = {"code", "names", "demonyms", "capital", "metonyms", "institutions"}
    for e in countries:
        assert set(e) == keys, e.get("code")
        assert e["code"] in ISO3 | USER_ASSIGNED, e["code"]
        for field in ("names", "demonyms", "metonyms"):
            assert _is_clean_str_list(e[field]), (e["code"], field)
        assert e["capital"] is None or isinstance(e["capital"], str), e["code"]
        assert isinstance(e["institutions"], list), e["code"]
        for inst in e["institutions"]:
            assert set(inst) == {"name", "sector", "aliases"}, (e["code"], inst)
            assert isinstance(inst["name"], str) and inst["name"].strip() == inst["name"]
            assert inst["sector"] in SECTORS, (e["code"], inst["name"])
            assert _is_clean_str_list(inst["aliases"]), (e["code"], inst["name"])


def test_every_iso_country_has_exactly_one_entry(countries: list[dict[str, Any]]) -> None:
    codes = [e["code"] for e in countries]
    assert len(codes) == len(set(codes))
    assert set(codes) == ISO3 | USER_ASSIGNED


def test_un_members_have_names_demonyms_and_capitals(countries: list[dict[str, Any]]) -> None:
    assert len(UN_MEMBERS) == 193 and UN_MEMBERS <= ISO3
    by_code = {e["code"]: e for e in countries}
    for code in UN_MEMBERS:
        e = by_code[code]
        assert e["names"], code
        assert e["capital"], code
        if code not in DEMONYM_LENT:
            assert e["demonyms"], f"{code} has no demonym"


def test_key_conflict_states_have_institutions(countries: list[dict[str, Any]]) -> None:
    by_code = {e["code"]: e for e in countries}
    for code in ("USA", "RUS", "UKR", "CHN", "GBR", "FRA", "IRN", "ISR", "PSE", "SYR", "IRQ",
                 "TUR", "SAU", "PRK", "KOR", "ETH", "SOM", "SDN", "MLI", "NGA", "IND", "PAK"):
        sectors = {i["sector"] for i in by_code[code]["institutions"]}
        assert len(sectors) >= 2, code


def test_igo_entries_have_the_schema(igos: list[dict[str, Any]]) -> None:
    for e in igos:
        assert set(e) == {"code", "sector", "names"}, e
        assert re.fullmatch(r"[A-Z][A-Z0-9-]*", e["code"]), e["code"]
        assert e["code"] not in ISO3, f"IGO code {e['code']} is an ISO country code"
        assert e["sector"] in SECTORS, e
        assert _is_clean_str_list(e["names"]) and e["names"], e["code"]
    assert GUIDELINE_IGOS <= {e["code"] for e in igos}


def test_group_entries_have_the_schema(
    groups: list[dict[str, Any]], igos: list[dict[str, Any]]
) -> None:
    allowed = ISO3 | {e["code"] for e in igos} | NON_STATE_CODES
    for e in groups:
        assert set(e) == {"code", "sector", "names"}, e
        assert e["code"] in allowed, e["code"]
        assert e["sector"] in SECTORS, e
        assert _is_clean_str_list(e["names"]) and e["names"], e["code"]


def test_sector_nouns_have_the_schema(sectors: list[dict[str, Any]]) -> None:
    nouns = [e["noun"] for e in sectors]
    assert len(nouns) == len(set(nouns)), "duplicate noun"
    assert len(nouns) >= 150
    for e in sectors:
        assert set(e) <= {"noun", "sector", "person"} and {"noun", "sector"} <= set(e), e
        assert isinstance(e["noun"], str) and e["noun"] == e["noun"].strip(), e
        assert e["sector"] in SECTORS, e
        assert isinstance(e.get("person", False), bool), e
    assert set(SECTORS) <= {e["sector"] for e in sectors}


@pytest.mark.parametrize(
    ("noun", "sector", "person"),
    [("foreign minister", "GOV", True), ("government", "GOV", False), ("troops", "MIL", False),
     ("police", "COP", False), ("protesters", "CVL", False), ("rebels", "REB", False),
     ("lawmakers", "LEG", False), ("prosecutor", "JUD", True), ("journalists", "JRN", False)],
)
def test_core_sector_nouns(
    sectors: list[dict[str, Any]], noun: str, sector: str, person: bool
) -> None:
    entry = next(e for e in sectors if e["noun"] == noun)
    assert entry["sector"] == sector
    assert entry.get("person", False) is person


def test_no_string_names_two_codes_within_a_file(
    countries: list[dict[str, Any]], igos: list[dict[str, Any]], groups: list[dict[str, Any]]
) -> None:
    country_pairs = [(s, e["code"]) for e in countries for s in _country_strings(e)]
    assert _clashes(country_pairs) == {}
    assert _clashes([(s, e["code"]) for e in igos for s in e["names"]]) == {}
    assert _clashes([(s, e["code"]) for e in groups for s in e["names"]]) == {}


def test_no_string_names_two_codes_across_files(
    countries: list[dict[str, Any]], igos: list[dict[str, Any]], groups: list[dict[str, Any]]
) -> None:
    pairs = [(s, e["code"]) for e in countries for s in _country_strings(e)]
    pairs += [(s, e["code"]) for e in igos + groups for s in e["names"]]
    assert _clashes(pairs) == {}


def test_file_strings_agree_with_pycountry_names(
    countries: list[dict[str, Any]], igos: list[dict[str, Any]], groups: list[dict[str, Any]]
) -> None:
    official: dict[str, set[str]] = defaultdict(set)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(c, attr, None):
                official[value.casefold()].add(c.alpha_3)
    pairs = [(s, e["code"]) for e in countries for s in _country_strings(e)]
    pairs += [(s, e["code"]) for e in igos + groups for s in e["names"]]
    wrong = {
        (s, code)
        for s, code in pairs
        if official.get(s.casefold()) and code not in official[s.casefold()]
        and PYCOUNTRY_OVERRIDES.get(s.casefold()) != code
    }
    assert wrong == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [("Britain", "GBR"), ("U.S.", "USA"), ("Ivory Coast", "CIV"), ("Burma", "MMR"),
     ("DRC", "COD"), ("Türkiye", "TUR"), ("Holy See", "VAT"), ("Emirati", "ARE"),
     ("Kremlin", "RUS"), ("IRGC", "IRN"), ("Mossad", "ISR"), ("KCNA", "PRK"), ("Xinhua", "CHN")],
)
def test_common_newspaper_forms_resolve(
    countries: list[dict[str, Any]], text: str, code: str
) -> None:
    hits = {e["code"] for e in countries if text in _country_strings(e)}
    assert hits == {code}
