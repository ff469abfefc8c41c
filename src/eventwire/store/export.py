"""Exporting stored events: PLOVER JSON Lines, CSV, month-partitioned Parquet, GDELT-style TSV.

The GDELT column mapping is documented in docs/export.md; keep the two in step.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as pads

from eventwire.store import FORMATS
from eventwire.store.threshold import at_least

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); such cells
# get a leading apostrophe, which spreadsheets show as text and hide (docs/export.md).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_RE = "^[=+\\-@\t\r]"


class ExportError(RuntimeError):
    """An export refused before anything is written; the message says why and what to do."""


def neutralise(value: str) -> str:
    """One text cell made inert for spreadsheets: a formula-like start gets an apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _neutralise_table(table: pa.Table) -> pa.Table:
    """Every text column of `table` passed through `neutralise` (numbers stay numbers)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            col = table.column(i)
            risky = pc.fill_null(pc.match_substring_regex(col, _FORMULA_RE), False)
            table = table.set_column(i, field, pc.if_else(
                risky, pc.binary_join_element_wise("'", col, ""), col))
    return table

_SELECT = """
    SELECT e.* EXCLUDE (evidence_all), CAST(e.evidence_all AS VARCHAR) AS evidence_all,
           a.url, a.title, a.source, a.published, a.ingested_at,
           coalesce(s.copies, 1) AS story_copies
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN story_events s ON s.story_id = e.story_id AND s.event = e.event
         AND s.actor_code IS NOT DISTINCT FROM e.actor_code
         AND s.recipient_code IS NOT DISTINCT FROM e.recipient_code
"""


@dataclass
class Filters:
    """Which events to export; None means no restriction."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None  # as actor or as recipient
    event: str | None = None
    include_negated: bool = False
    min_confidence: float | None = None  # precision mode: only events at or above it

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters."""
        clauses, params = ["TRUE"], []
        if not self.include_negated:
            clauses.append("NOT e.negated")
        if self.since:
            clauses.append("e.day >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.day <= ?")
            params.append(self.until)
        if self.actor:
            clauses.append("(e.actor_code = ? OR e.recipient_code = ?)")
            params += [self.actor, self.actor]
        if self.event:
            clauses.append("e.event = ?")
            params.append(self.event.upper())
        if self.min_confidence is not None:
            clauses.append(at_least(self.min_confidence, "e.confidence"))
        return " AND ".join(clauses), params


def _relation(conn: duckdb.DuckDBPyConnection, filters: Filters) -> duckdb.DuckDBPyRelation:
    where, params = filters.where()
    return conn.sql(f"{_SELECT} WHERE {where} ORDER BY e.day NULLS LAST, e.id", params=params)


def _rows(conn: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[dict[str, Any]]:
    reader = _relation(conn, filters).to_arrow_reader()
    for batch in reader:
        yield from batch.to_pylist()


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if role == "recipient" and row["recipient_code"] is None and not row["recipient_text"]:
        return None
    return {k: row[f"{role}_{k}"] for k in ("code", "sector", "text", "name")}


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event back in the output contract's shape, plus its article and story."""
    location = None
    if row["location_name"] is not None:
        location = {"name": row["location_name"], "geonameid": row["location_geonameid"],
                    "country": row["location_country"], "lat": row["lat"], "lon": row["lon"],
                    "kind": row["location_kind"], "confidence": row["location_confidence"]}
    iso = (lambda d: d.isoformat() if d else None)  # noqa: E731
    return {
        "id": row["id"], "event": row["event"], "mode": row["mode"],
        "context": row["context"] or [], "cameo": row["cameo"], "quad": row["quad"],
        "intensity": row["intensity"], "actor": _actor(row, "actor"),
        "recipient": _actor(row, "recipient"), "date": iso(row["date"]),
        "date_end": iso(row["date_end"]), "date_text": row["date_text"], "location": location,
        "sentence": row["sentence"],
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "evidence_all": json.loads(row["evidence_all"] or "[]"),
        "negated": row["negated"], "modality": row["modality"], "intent": row["intent"],
        "confidence": row["confidence"], "rule": row["rule"],
        "article": {"id": row["article_id"], "url": row["url"], "title": row["title"],
                    "source": row["source"], "published": iso(row["published"])},
        "story_id": row["story_id"],
    }


def flat_table(conn: duckdb.DuckDBPyConnection, filters: Filters) -> pa.Table:
    """Events as a flat table (lists joined by ';') for CSV and Parquet."""
    rel = _relation(conn, filters)
    rel = conn.sql("SELECT * EXCLUDE (context), array_to_string(context, ';') AS context, "
                   "strftime(day, '%Y-%m') AS year_month FROM rel")
    return rel.to_arrow_table()


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """The 61 GDELT 2.0 event columns, filled as docs/export.md describes."""
    day: date | None = row["day"]

    def actor(role: str) -> list[Any]:
        code, sector = row[f"{role}_code"], row[f"{role}_sector"]
        if code is None and sector is None:
            return [""] * 10
        country = code if code and len(code) == 3 and code.isalpha() else ""
        group = code if code and not country else ""
        name = (row[f"{role}_name"] or row[f"{role}_text"] or code or "").upper()
        return [f"{code or ''}{sector or ''}", name, country, group, "", "", "",
                sector or "", "", ""]

    cameo = row["cameo"] or ""
    has_geo = row["location_name"] is not None
    geo = [4 if row["location_kind"] == "city" else 1 if row["location_kind"] == "country"
           else 2 if row["location_kind"] == "subdivision"
           else 5 if row["location_kind"] == "region" else "",
           row["location_name"], row["location_country"], "", "", row["lat"], row["lon"],
           row["location_geonameid"]] if has_geo else [""] * 8
    added = row["ingested_at"]
    return [
        row["id"],
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actor("actor"), *actor("recipient"),
        1, cameo, cameo[:3], cameo[:2], row["quad"] if row["quad"] is not None else "",
        row["intensity"] if row["intensity"] is not None else "",
        1, 1, row["story_copies"], "",
        *([""] * 8), *([""] * 8), *geo,
        added.strftime("%Y%m%d%H%M%S") if added else "", row["url"] or "",
    ]


def check_target(out: Path, fmt: str, force: bool) -> None:
    """Refuse to overwrite without `force`, and never replace a folder we did not write."""
    if not out.exists() and not out.is_symlink():
        return
    if not force:
        raise ExportError(f"{out}: already exists; pass --force to replace it")
    if fmt == "parquet":
        if not out.is_dir():
            raise ExportError(f"{out}: is a file, not a Parquet folder")
        foreign = [p.name for p in out.iterdir() if not p.name.startswith("year_month=")]
        if foreign:
            raise ExportError(f"{out}: holds {foreign[0]!r}, which is not a year_month= "
                              "partition; refusing to replace a folder eventwire did not write")
    elif out.is_dir():
        raise ExportError(f"{out}: is a directory; give a file name")


def _write_parquet(table: pa.Table, out: Path) -> None:
    """Write the dataset beside `out`, then swap it in whole: no partition of an older, wider
    export survives, and a failed write leaves the old folder as it was."""
    table = table.set_column(table.schema.get_field_index("year_month"), "year_month",
                             pc.fill_null(table["year_month"], "undated"))
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        pads.write_dataset(table, fresh, format="parquet", partitioning=["year_month"],
                           partitioning_flavor="hive", existing_data_behavior="error")
        if out.exists():
            old = fresh.with_name(fresh.name.replace(".new-", ".old-"))
            out.rename(old)
            fresh.rename(out)
            shutil.rmtree(old)
        else:
            fresh.rename(out)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def export(conn: duckdb.DuckDBPyConnection, fmt: str, out: Path, filters: Filters,
           force: bool = False) -> int:
    """Write events in one format; returns how many were written.

    An existing `out` is replaced only with `force` (ExportError otherwise).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    check_target(out, fmt, force)
    if fmt == "plover-jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as handle:
            for row in _rows(conn, filters):
                handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "gdelt-tsv":
        n = 0
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
            for row in _rows(conn, filters):
                writer.writerow(["" if v is None else neutralise(v) if isinstance(v, str) else v
                                 for v in gdelt_row(row)])
                n += 1
        return n
    table = flat_table(conn, filters)
    if fmt == "csv":
        pacsv.write_csv(_neutralise_table(table.drop_columns(["year_month"])), out)
    else:
        _write_parquet(table, out)
    return table.num_rows
