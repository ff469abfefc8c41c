"""The Parquet event lake: coded partitions as files, loaded into the store or queried in place.

Layout: `<lake>/<table>/part-<source hash>-<first line>.parquet` for every table in TABLES (the
same columns as the DuckDB tables), plus `<lake>/stories.parquet`, which the driver computes over
the whole lake: one row per distinct article id with its story and the partition whose copy
counts. A partition's name depends only on where its records come from, so a retried or re-run
task overwrites its files instead of adding copies; each file is written under a hidden
temporary name and renamed into place, and `articles` is written last as the commit mark.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.batch.workers import Outcome
from eventwire.errors import EventwireError
from eventwire.ingest.record import RecordError, normalise_date, text_hash
from eventwire.model import Actor, Article, CodedArticle, Event, Mention, Place, Quote, Span
from eventwire.store.dedup import StoryIndex, from_bytes
from eventwire.store.rows import (
    EVENT_SCHEMA,
    MENTION_SCHEMA,
    QUOTE_SCHEMA,
    events_table,
    mentions_table,
    quotes_table,
)
from eventwire.store.schema import STORY_EVENTS_SELECT

_S, _TS = pa.string(), pa.timestamp("us")
ARTICLE_SCHEMA = pa.schema([
    ("id", _S), ("url", _S), ("title", _S), ("source", _S), ("published", pa.date32()),
    ("text", _S), ("text_hash", _S), ("story_id", _S), ("ingested_at", _TS), ("run_id", _S),
])
MINHASH_SCHEMA = pa.schema([("article_id", _S), ("num_perm", pa.int32()),
                            ("signature", pa.binary())])
ERROR_SCHEMA = pa.schema([("run_id", _S), ("source", _S), ("record", _S), ("reason", _S),
                          ("failed_at", _TS)])
STORY_SCHEMA = pa.schema([("article_id", _S), ("story_id", _S), ("part", _S)])
SCHEMAS = {"ingest_errors": ERROR_SCHEMA, "events": EVENT_SCHEMA, "mentions": MENTION_SCHEMA,
           "quotes": QUOTE_SCHEMA, "minhashes": MINHASH_SCHEMA, "articles": ARTICLE_SCHEMA}
TABLES = tuple(SCHEMAS)  # in writing order: articles last
_SUMMARY = b"eventwire.partition"


class LakeError(EventwireError):
    """A folder is not an eventwire lake, or a partition in it cannot be read."""


@dataclass
class PartitionSummary:
    """What one partition held; kept in its articles file so a reused partition still reports."""

    fingerprint: str
    read: int = 0  # articles read, duplicates within the partition included
    duplicates: int = 0
    coded: int = 0
    errors: int = 0
    events: int = 0


def part_path(lake: Path, table: str, name: str) -> Path:
    return lake / table / f"{name}.parquet"


def _write(table: pa.Table, path: Path) -> None:
    """Write to a hidden temporary name, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def _table(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist([dict(zip(schema.names, r, strict=True)) for r in rows],
                                schema=schema)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def write_partition(lake: Path, name: str, outcomes: list[Outcome], errors: list[RecordError],
                    run_id: str, summary: PartitionSummary) -> PartitionSummary:
    """Flatten a coded partition with the store's row builders and write its six files."""
    now = _now()
    parts: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
    articles, minhashes, failures = [], [], [(e.source, e.record, e.reason) for e in errors]
    for out in outcomes:
        a, coded = out.article, out.coded
        if coded is None:
            failures.append((a.source or "?", a.id, out.error or "coding failed"))
            continue
        published = _day(a.published)
        articles.append((a.id, a.url, a.title, a.source, published, a.text, text_hash(a.text),
                         None, now, run_id))
        minhashes.append((a.id, len(out.signature) // 4, out.signature))  # uint32 hash values
        if coded.events:
            parts["events"].append(events_table(a.id, coded.events, None,  # type: ignore[arg-type]
                                                a.published))
        parts["mentions"].append(mentions_table(a.id, coded.mentions))
        parts["quotes"].append(quotes_table(a.id, coded.quotes))
    parts["articles"] = [_table(articles, ARTICLE_SCHEMA)]
    parts["minhashes"] = [_table(minhashes, MINHASH_SCHEMA)]
    parts["ingest_errors"] = [_table([(run_id, s, r, why, now) for s, r, why in failures],
                                     ERROR_SCHEMA)]
    summary.coded, summary.errors = len(articles), len(failures)
    summary.events = sum(t.num_rows for t in parts["events"])
    for table in TABLES:
        got = pa.concat_tables([SCHEMAS[table].empty_table(), *parts[table]])
        if table == "articles":
            got = got.replace_schema_metadata({_SUMMARY: json.dumps(asdict(summary))})
        _write(got, part_path(lake, table, name))
    return summary


def _day(value: str | None) -> date | None:
    iso = normalise_date(value)  # as Store.save stores it
    return date.fromisoformat(iso) if iso else None


def partition_summary(lake: Path, name: str) -> PartitionSummary | None:
    """The summary of a complete partition, None when it is absent or unreadable."""
    try:
        meta = pq.read_schema(part_path(lake, "articles", name)).metadata or {}
        return PartitionSummary(**json.loads(meta[_SUMMARY]))
    except (OSError, KeyError, TypeError, ValueError, pa.ArrowException):
        return None


def article_events(lake: Path, name: str) -> dict[str, int]:
    """Article id -> events coded for it, in the partition's order (counts without loading)."""
    try:
        ids = pq.read_table(part_path(lake, "articles", name), columns=["id"])["id"]
        owners = pq.read_table(part_path(lake, "events", name), columns=["article_id"])
    except (OSError, pa.ArrowException) as exc:
        raise LakeError(f"{lake}: cannot read partition {name}: {exc}") from None
    counts = Counter(owners["article_id"].to_pylist())
    return {aid: counts[aid] for aid in ids.to_pylist()}


def _rows(lake: Path, table: str, name: str) -> list[dict[str, Any]]:
    try:
        return pq.read_table(part_path(lake, table, name)).to_pylist()
    except (OSError, pa.ArrowException) as exc:
        raise LakeError(f"{part_path(lake, table, name)}: cannot read: {exc}") from None


def _actor(row: dict[str, Any], role: str) -> Actor | None:
    values = [row[f"{role}_{k}"] for k in ("code", "sector", "text", "name")]
    return None if all(v is None for v in values) else Actor(*values)


def _event(row: dict[str, Any]) -> Event:
    """The inverse of rows.event_row: one events row back into an Event."""
    when = row["date"]
    loc = None if row["location_name"] is None else Place(
        row["location_name"], row["location_geonameid"], row["location_country"], row["lat"],
        row["lon"], row["location_confidence"], row["location_kind"])
    return Event(
        event=row["event"], actor=_actor(row, "actor") or Actor(None), evidence=Span(
            row["evidence_text"], row["evidence_start"], row["evidence_end"]),
        recipient=_actor(row, "recipient"), sentence=row["sentence"], mode=row["mode"],
        context=list(row["context"] or []), cameo=row["cameo"], quad=row["quad"],
        intensity=row["intensity"], date=when.isoformat() if when else None,
        date_end=row["date_end"].isoformat() if row["date_end"] else None,
        date_text=row["date_text"], location=loc, negated=row["negated"],
        modality=row["modality"], intent=row.get("intent"), confidence=row["confidence"],
        rule=row["rule"],
        evidence_all=[Span(**s) for s in json.loads(row["evidence_all"] or "[]")], id=row["id"])


def read_partition(lake: Path, name: str) -> tuple[list[Outcome], list[RecordError]]:
    """A partition back as the Outcomes the single-process writer takes, in input order."""
    by_article: dict[str, dict[str, list[Any]]] = {}
    for table, build in (("events", _event), ("mentions", lambda r: Mention(
            r["text"], r["start"], r["end"], r["sentence"], r["code"], r["sector"], r["name"],
            r["kind"], r["rule"], r["antecedent"])), ("quotes", lambda r: Quote(
            r["text"], r["start"], r["end"], _actor(r, "speaker"), r["cue"], r["kind"]))):
        for row in _rows(lake, table, name):
            by_article.setdefault(row["article_id"], {}).setdefault(table, []).append(build(row))
    signatures = {r["article_id"]: r["signature"] for r in _rows(lake, "minhashes", name)}
    outcomes = []
    for row in _rows(lake, "articles", name):
        aid, published = row["id"], row["published"]
        article = Article(aid, row["text"], row["title"],
                          published.isoformat() if published else None, row["url"], row["source"])
        got = by_article.get(aid, {})
        coded = CodedArticle(aid, article.title, article.published, got.get("events", []),
                             got.get("quotes", []), got.get("mentions", []), article.url,
                             article.source)
        outcomes.append(Outcome(article, coded, signatures[aid]))
    errors = [RecordError(r["source"], r["record"], r["reason"])
              for r in _rows(lake, "ingest_errors", name)]
    return outcomes, errors


def prune(lake: Path, prefix: str, keep: set[str]) -> None:
    """Drop a source's partitions this run did not produce (the file shrank or was re-chunked)
    and temporary files left by workers killed mid-write."""
    for table in TABLES:
        for path in (lake / table).glob(f"part-{prefix}-*.parquet"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
        for path in (lake / table).glob(f".part-{prefix}-*.tmp"):
            path.unlink(missing_ok=True)


def _glob(lake: Path, table: str) -> str:
    return str(lake / table / "part-*.parquet").replace("'", "''")


def assign_stories(lake: Path, order: list[str]) -> int:
    """Write stories.parquet: each article id once and its near-duplicate story, with the same
    MinHash index the store uses. The copy that counts is the first in `order` (the last run's
    partitions, in input order), else in the first partition by name. Returns the article count.
    """
    conn = duckdb.connect()
    ranks = list(dict.fromkeys(order))
    conn.register("run_order", pa.table({"part": ranks, "rank": range(len(ranks))},
                                        schema=pa.schema([("part", _S), ("rank", pa.int64())])))
    try:
        rows = conn.execute(
            "SELECT a.id, CAST(a.published AS VARCHAR), m.signature, "
            "parse_filename(a.filename, true) AS part "
            f"FROM read_parquet('{_glob(lake, 'articles')}', filename = true) a "
            f"JOIN read_parquet('{_glob(lake, 'minhashes')}', filename = true) m "
            "ON m.article_id = a.id AND parse_filename(m.filename, true) = "
            "parse_filename(a.filename, true) "
            "LEFT JOIN run_order r ON r.part = parse_filename(a.filename, true) "
            "QUALIFY row_number() OVER (PARTITION BY a.id ORDER BY coalesce(r.rank, "
            f"{len(ranks)}), part) = 1 ORDER BY a.id").fetchall()
    except duckdb.Error as exc:
        raise LakeError(f"{lake}: cannot read the lake's articles: {exc}") from None
    finally:
        conn.close()
    index, part_of = StoryIndex(), {}
    for aid, published, signature, part in rows:
        mh = from_bytes(signature)
        index.add(aid, published, mh, index.assign(aid, published, mh))
        part_of[aid] = part
    table = pa.table({"article_id": list(part_of),
                      "story_id": [index.story_of[a] for a in part_of],
                      "part": list(part_of.values())}, schema=STORY_SCHEMA)
    _write(table, lake / "stories.parquet")
    return len(part_of)


def connect(lake: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose views read the lake with the store's table names."""
    stories = lake / "stories.parquet"
    if not (lake / "articles").is_dir():
        raise LakeError(f"{lake}: not an eventwire lake (no articles/ folder); write one with "
                        "`eventwire ingest ... --workers N --lake DIR --lake-only`")
    if not stories.is_file():
        raise LakeError(f"{lake}: no stories.parquet (the ingest run that wrote this lake did "
                        "not finish); run it again to complete the lake")
    conn = duckdb.connect()
    s = str(stories).replace("'", "''")
    conn.execute(f"CREATE VIEW stories AS SELECT * FROM read_parquet('{s}')")
    for table in TABLES:
        src = f"read_parquet('{_glob(lake, table)}', filename = true)"
        if table == "ingest_errors":
            conn.execute(f"CREATE VIEW {table} AS SELECT * EXCLUDE (filename) FROM {src}")
            continue
        key = "id" if table == "articles" else "article_id"
        story = " REPLACE (s.story_id AS story_id)" if table in ("articles", "events") else ""
        conn.execute(f"CREATE VIEW {table} AS SELECT t.* EXCLUDE (filename){story} FROM {src} t "
                     f"JOIN stories s ON s.article_id = t.{key} "
                     "AND s.part = parse_filename(t.filename, true)")
    conn.execute("CREATE VIEW story_events (story_id, actor_code, event, recipient_code, day, "
                 f"intensity, quad, copies, id) AS {STORY_EVENTS_SELECT} GROUP BY ALL")
    return conn
