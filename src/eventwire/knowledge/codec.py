"""The compiled knowledge as plain JSON data and back, exactly: same entries, same order.

An actor entry shared by many names is written once and referred to by position, which keeps
the file small and the reading quick.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from eventwire.knowledge.cache import read_json, write_json
from eventwire.knowledge.gazetteer import GazEntry, Gazetteer, Office
from eventwire.knowledge.lexicon import Lexicon, TriggerEntry
from eventwire.knowledge.loader import Knowledge
from eventwire.knowledge.ontology import Category, Ontology

T = TypeVar("T")


def _row(obj: Any) -> list[Any]:
    """A flat dataclass as the list of its field values."""
    return [getattr(obj, f.name) for f in fields(obj)]


def _from_row(cls: type[T], row: list[Any]) -> T:
    """The inverse of _row; JSON gives lists where the dataclass holds tuples."""
    return cls(*[tuple(v) if isinstance(v, list) else v for v in row])


class _Table:
    """Objects numbered by identity, so each shared one (an actor entry) is written once."""

    def __init__(self) -> None:
        self.index: dict[int, int] = {}
        self.rows: list[Any] = []

    def ref(self, obj: Any, row: Any) -> int:
        key = id(obj)
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(row(obj))
        return self.index[key]


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _read_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)


def _office_row(o: Office) -> list[Any]:
    return [o.code, o.sector, o.title, _day(o.start), _day(o.end)]


def _entry_row(e: GazEntry) -> list[Any]:
    return [e.kind, e.code, e.sector, e.name, e.person_noun, [_office_row(o) for o in e.offices],
            e.plural]


def _read_entry(row: list[Any]) -> GazEntry:
    kind, code, sector, name, person_noun, offices, plural = row
    return GazEntry(kind, code, sector, name, person_noun, tuple(
        Office(c, s, t, _read_day(a), _read_day(b)) for c, s, t, a, b in offices), plural)


def encode_actors(gaz: Gazetteer) -> dict[str, Any]:
    entries = _Table()
    aliases = {key: [[alias, entries.ref(entry, _entry_row)] for alias, entry in bucket]
               for key, bucket in gaz.aliases.items()}
    return {"entries": entries.rows, "aliases": aliases, "capitals": gaz.capitals,
            "names": gaz.names, "countries": sorted(gaz.countries)}


def decode_actors(data: dict[str, Any]) -> Gazetteer:
    entries = [_read_entry(row) for row in data["entries"]]
    gaz = Gazetteer(aliases={key: [(alias, entries[i]) for alias, i in bucket]
                             for key, bucket in data["aliases"].items()},
                    capitals=data["capitals"], names=data["names"],
                    countries=set(data["countries"]))
    return gaz.build()


def encode_lexicon(lex: Lexicon) -> dict[str, Any]:
    return {"entries": [_row(e) for e in lex.entries.values()],
            "index": [[lemma, pos, [e.id for e in lst]] for (lemma, pos), lst in lex.index.items()]}


def decode_lexicon(data: dict[str, Any]) -> Lexicon:
    entries = {e.id: e for e in (_from_row(TriggerEntry, row) for row in data["entries"])}
    return Lexicon(entries=entries, index={(lemma, pos): [entries[i] for i in ids]
                                           for lemma, pos, ids in data["index"]})


def encode_ontology(onto: Ontology) -> dict[str, Any]:
    return {"categories": [_row(c) for c in onto.categories.values()],
            "contexts": sorted(onto.contexts), "sectors": sorted(onto.sectors),
            "igo_codes": sorted(onto.igo_codes)}


def decode_ontology(data: dict[str, Any]) -> Ontology:
    cats = [_from_row(Category, row) for row in data["categories"]]
    return Ontology(categories={c.name: c for c in cats}, contexts=frozenset(data["contexts"]),
                    sectors=frozenset(data["sectors"]), igo_codes=frozenset(data["igo_codes"]))


def encode_knowledge(k: Knowledge) -> dict[str, Any]:
    return {"ontology": encode_ontology(k.ontology), "actors": encode_actors(k.gazetteer),
            "lexicon": encode_lexicon(k.lexicon)}


def decode_knowledge(data: dict[str, Any]) -> Knowledge:
    return Knowledge(ontology=decode_ontology(data["ontology"]),
                     gazetteer=decode_actors(data["actors"]),
                     lexicon=decode_lexicon(data["lexicon"]))


def write_knowledge(k: Knowledge, path: Path) -> None:
    write_json(encode_knowledge(k), path)


def read_knowledge(path: Path) -> Knowledge:
    return decode_knowledge(read_json(path))
