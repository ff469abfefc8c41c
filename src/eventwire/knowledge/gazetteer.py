"""Actor knowledge: every name, demonym, title and office the coder can recognise."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from eventwire.errors import KnowledgeFileError
from eventwire.knowledge.ontology import load_ontology
from eventwire.knowledge.yamlfile import entry_line, load_yaml

# Kinds, strongest first when two entries share one alias.
KIND_RANK = {"person": 0, "institution": 1, "igo": 2, "group": 3, "country": 4,
             "metonym": 5, "demonym": 6, "sector": 7, "none": 8}


@dataclass(frozen=True)
class Office:
    """A dated office: who a person acts for, between two dates."""

    code: str
    sector: str | None
    title: str | None
    start: dt.date | None
    end: dt.date | None

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the office is held on `day` (`end` is the successor's first day)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class GazEntry:
    """What one alias means."""

    kind: str
    code: str | None
    sector: str | None
    name: str
    person_noun: bool = False  # a sector noun naming one person ("minister")
    offices: tuple[Office, ...] = ()
    plural: bool = False

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office in force on `day` (`to` is the successor's first day); else the nearest."""
        if not self.offices:
            return None
        if day is None:
            return max(self.offices, key=lambda o: o.start or dt.date.min)

        def distance(o: Office) -> int:
            if o.in_force_on(day):
                return 0
            if o.start and day < o.start:
                return (o.start - day).days
            return (day - o.end).days + 1 if o.end else 0

        return min(self.offices, key=distance)

    def in_office_on(self, day: dt.date | None) -> bool:
        """Whether the person holds one of their offices on `day` ("former President X" of a
        sitting president is the text's slip, not a commentator)."""
        return day is not None and any(o.in_force_on(day) for o in self.offices)


@dataclass
class Gazetteer:
    """Aliases (lower-cased) to entries, plus an Aho-Corasick automaton over them."""

    aliases: dict[str, list[tuple[str, GazEntry]]] = field(default_factory=dict)
    automaton: Any = None
    capitals: dict[str, str] = field(default_factory=dict)  # ISO3 -> capital name
    names: dict[str, str] = field(default_factory=dict)  # code -> display name
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-cased demonym -> code
    countries: set[str] = field(default_factory=set)  # codes that have a home territory

    def add(self, alias: str, entry: GazEntry) -> None:
        alias = " ".join(str(alias).split())
        if not alias:
            return
        bucket = self.aliases.setdefault(alias.lower(), [])
        bucket[:] = [(a, e) for a, e in bucket if not (a == alias and e.kind == entry.kind)]
        bucket.append((alias, entry))
        bucket.sort(key=lambda ae: KIND_RANK.get(ae[1].kind, 9))

    def build(self) -> Gazetteer:
        for alias, entry in [ae for bucket in list(self.aliases.values()) for ae in bucket]:
            dotted = dotted_acronym(alias)
            if dotted and dotted.lower() not in self.aliases:
                self.add(dotted, entry)  # "DRC" is also written "D.R.C."
        auto = ahocorasick.Automaton()
        for key in self.aliases:
            auto.add_word(key, key)
        if len(auto):
            auto.make_automaton()
        self.automaton = auto
        self.demonyms = demonym_codes(self.aliases)
        return self

    def lookup(self, text: str) -> GazEntry | None:
        """The entry an exact alias means (case rules applied), if any."""
        for alias, entry in self.aliases.get(text.lower(), []):
            if accepts_case(alias, text):
                return entry
        return None


def demonym_codes(aliases: dict[str, list[tuple[str, GazEntry]]]) -> dict[str, str]:
    """Demonym -> country code, so places read "the Bhutanese capital" from the same files."""
    out: dict[str, str] = {}
    for key, bucket in aliases.items():
        codes = [e.code for _, e in bucket if e.kind == "demonym" and e.code]
        if codes:
            out[key] = codes[-1]  # the last file's entry wins, as it does for actors
    return out


def dotted_acronym(alias: str) -> str | None:
    """"D.R.C." for "DRC", "U.A.E." for "UAE": the dotted spelling of a short acronym."""
    if not (2 <= len(alias) <= 5 and alias.isalpha() and alias.isupper()):
        return None
    return "".join(f"{c}." for c in alias)


def accepts_case(alias: str, text: str) -> bool:
    """Acronyms must match exactly ("US" is not "us"); proper names need their capital."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return text == alias
    if alias[:1].isupper():
        return text[:1].isupper()
    return True


def _date(value: Any, path: str, line: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeFileError(path, f"invalid date {value!r} (use YYYY-MM-DD)", line) from None


class _Validator:
    """Checks codes and sectors against the ontology with file/line context."""

    def __init__(self) -> None:
        onto = load_ontology()
        self.sectors = onto.sectors
        self.igo = onto.igo_codes

    def code(self, value: Any, path: str, line: int | None) -> str:
        code = value.strip() if isinstance(value, str) else ""
        if not code or not (code.isupper() or "-" in code):
            raise KnowledgeFileError(path, f"invalid actor code {value!r} (ISO3 or IGO acronym)",
                                     line)
        return code

    def sector(self, value: Any, path: str, line: int | None) -> str | None:
        if value in (None, ""):
            return None
        if not isinstance(value, str) or value not in self.sectors:
            raise KnowledgeFileError(
                path, f"unknown sector {value!r} (one of {', '.join(sorted(self.sectors))})", line)
        return str(value)


def _names(raw: dict[str, Any], key: str, path: str, line: int | None) -> list[str]:
    value = raw.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(_is_name(v) for v in value):
        raise KnowledgeFileError(path, f"'{key}' must be a list of strings", line)
    return [str(v) for v in value]


def _is_name(value: Any) -> bool:
    """A name is text (a number, like a year in a group's name, is read as text too)."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _mappings(value: Any, what: str, path: str, line: int | None) -> list[dict[str, Any]]:
    """A list of mappings (offices, institutions, a section's entries) or one clear error."""
    value = value or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise KnowledgeFileError(path, f"'{what}' must be a list of mappings", line)
    return value


def _add_official_names(gaz: Gazetteer, code: str) -> None:
    """pycountry's names for a country; added first so that the file's own names win."""
    import pycountry  # only when building: a cached gazetteer never needs it

    country = pycountry.countries.get(alpha_3=code)
    official = [getattr(country, a, None) for a in ("name", "common_name", "official_name")]
    names = [n for n in official if n]
    if names:
        gaz.names.setdefault(code, names[0])
    for n in names:
        gaz.add(n, GazEntry("country", code, "GOV", gaz.names[code]))


def _add_country(gaz: Gazetteer, raw: dict[str, Any], path: str, v: _Validator) -> None:
    line = entry_line(raw)
    code = v.code(raw.get("code"), path, line)
    names = _names(raw, "names", path, line)
    display = names[0] if names else gaz.names.get(code, code)
    gaz.names[code] = display
    gaz.countries.add(code)
    for n in names:
        gaz.add(n, GazEntry("country", code, "GOV", display))
    for n in _names(raw, "demonyms", path, line):
        plural = n.endswith("s") and not n.endswith("ss")
        gaz.add(n, GazEntry("demonym", code, "CVL" if plural else None, display, plural=plural))
    if raw.get("capital"):
        gaz.capitals[code] = str(raw["capital"])
    for n in _names(raw, "metonyms", path, line):
        gaz.add(n, GazEntry("metonym", code, "GOV", display))
    for inst in _mappings(raw.get("institutions"), "institutions", path, line):
        iline = entry_line(inst) or line
        if not _is_name(inst.get("name")) or not str(inst["name"]).strip():
            raise KnowledgeFileError(path, "institution needs a 'name'", iline)
        sector = v.sector(inst.get("sector"), path, iline)
        entry = GazEntry("institution", code, sector, str(inst["name"]))
        for n in [inst["name"], *_names(inst, "aliases", path, iline)]:
            gaz.add(n, entry)


def _add_org(gaz: Gazetteer, raw: dict[str, Any], path: str, v: _Validator, kind: str) -> None:
    line = entry_line(raw)
    code = v.code(raw.get("code"), path, line)
    names = _names(raw, "names", path, line)
    if not names:
        raise KnowledgeFileError(path, "entry needs 'names'", line)
    entry = GazEntry(kind, code, v.sector(raw.get("sector"), path, line), names[0])
    if kind == "igo":
        gaz.names.setdefault(code, names[0])
    for n in names:
        gaz.add(n, entry)


def _add_sector(gaz: Gazetteer, raw: dict[str, Any], path: str, v: _Validator) -> None:
    line = entry_line(raw)
    noun = raw.get("noun")
    if not noun or not _is_name(noun):
        raise KnowledgeFileError(path, "sector entry needs a 'noun'", line)
    sector = v.sector(raw.get("sector"), path, line)
    gaz.add(str(noun), GazEntry("sector", None, sector, str(noun),
                                person_noun=bool(raw.get("person", False))))


def _add_person(gaz: Gazetteer, raw: dict[str, Any], path: str, v: _Validator) -> None:
    line = entry_line(raw)
    name = raw.get("name")
    if not name or not _is_name(name):
        raise KnowledgeFileError(path, "person entry needs a 'name'", line)
    offices = []
    for o in _mappings(raw.get("offices"), "offices", path, line):
        oline = entry_line(o) or line
        start, end = _date(o.get("from"), path, oline), _date(o.get("to"), path, oline)
        if start and end and end < start:
            raise KnowledgeFileError(path, f"office of {name} ends before it starts", oline)
        offices.append(Office(v.code(o.get("code"), path, oline),
                              v.sector(o.get("sector"), path, oline), o.get("title"), start, end))
    if not offices and raw.get("code"):
        offices.append(Office(v.code(raw["code"], path, line),
                              v.sector(raw.get("sector"), path, line), None, None, None))
    if not offices:
        raise KnowledgeFileError(path, f"person {name} needs 'offices' or a 'code'", line)
    entry = GazEntry("person", offices[0].code, offices[0].sector, str(name),
                     offices=tuple(offices))
    for n in [name, *_names(raw, "aliases", path, line)]:
        gaz.add(n, entry)


def _add_nonactor(gaz: Gazetteer, raw: dict[str, Any], path: str, v: _Validator) -> None:
    """Names that mean no actor but contain one ("New Mexico", "Latin America")."""
    line = entry_line(raw)
    names = _names(raw, "names", path, line)
    if not names:
        raise KnowledgeFileError(path, "entry needs 'names'", line)
    for n in names:
        gaz.add(n, GazEntry("none", None, None, n))


SECTIONS = {
    "countries": lambda g, r, p, v: _add_country(g, r, p, v),
    "igos": lambda g, r, p, v: _add_org(g, r, p, v, "igo"),
    "groups": lambda g, r, p, v: _add_org(g, r, p, v, "group"),
    "sectors": lambda g, r, p, v: _add_sector(g, r, p, v),
    "people": lambda g, r, p, v: _add_person(g, r, p, v),
    "nonactors": lambda g, r, p, v: _add_nonactor(g, r, p, v),
}


def _guess_section(raw: dict[str, Any]) -> str:
    if "noun" in raw:
        return "sectors"
    if "offices" in raw or "name" in raw:
        return "people"
    if "demonyms" in raw or "capital" in raw or "institutions" in raw:
        return "countries"
    return "igos" if raw.get("sector") == "IGO" else "groups"


def load_actor_file(gaz: Gazetteer, path: str | Path, section: str | None = None) -> None:
    """Add one actor file: a packaged section file, or a user file mixing sections."""
    path = str(path)
    data = load_yaml(path)
    v = _Validator()
    if data is None:
        return
    if isinstance(data, dict):
        unknown = [k for k in data if k not in SECTIONS and k != "__line__"]
        if unknown:
            raise KnowledgeFileError(path, f"unknown section {unknown[0]!r} (one of "
                                     f"{', '.join(SECTIONS)})", entry_line(data))
        items = [(k, r) for k in SECTIONS
                 for r in _mappings(data.get(k), k, path, entry_line(data))]
    elif isinstance(data, list):
        items = [(section or (_guess_section(r) if isinstance(r, dict) else "?"), r)
                 for r in data]
    else:
        raise KnowledgeFileError(path, "expected a list of entries or a mapping of sections")
    for sec, raw in items:
        if not isinstance(raw, dict):
            raise KnowledgeFileError(path, f"expected a mapping, got {raw!r}")
        if sec == "countries" and raw.get("code"):
            _add_official_names(gaz, str(raw["code"]))
    for sec, raw in items:
        SECTIONS[sec](gaz, raw, path, v)


def packaged_actor_files() -> list[tuple[Path, str]]:
    """Packaged actor files with their section, weakest first so stronger ones win ties."""
    folder = Path(str(resources.files("eventwire.knowledge") / "data" / "actors"))
    order = ["nonactors", "sectors", "countries", "groups", "igos", "people"]
    return [(folder / f"{name}.yaml", name) for name in order if (folder / f"{name}.yaml").exists()]


def user_actor_files(explicit: Iterable[str | Path] = ()) -> list[str]:
    """--actors files plus EVENTWIRE_ACTORS (path-separated list)."""
    env = [p for p in os.environ.get("EVENTWIRE_ACTORS", "").split(os.pathsep) if p]
    return [str(p) for p in explicit] + env


def load_gazetteer(extra_files: Iterable[str | Path] = ()) -> Gazetteer:
    """Build the gazetteer from the packaged files then the user's, later ones overriding."""
    gaz = Gazetteer()
    for path, section in packaged_actor_files():
        load_actor_file(gaz, path, section)
    for path in user_actor_files(extra_files):
        load_actor_file(gaz, path)
    return gaz.build()
