"""The DuckDB event store: one transaction per article, so a crash never leaves half of one."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from eventwire.ingest.record import normalise_date, text_hash
from eventwire.model import Article, CodedArticle
from eventwire.store import DEFAULT_DB
from eventwire.store.held import Holder, holder_of
from eventwire.store.rows import (
    events_table,
    mentions_table,
    quotes_table,
    story_events_table,
)
from eventwire.store.schema import (
    LATEST,
    STORY_EVENTS_SELECT,
    SchemaError,
    current_version,
    migrate,
)

ERRORS_PER_SOURCE = 100  # error rows kept in full per source and run; the rest are counted
ERROR_BATCH = 1000  # error rows buffered before one bulk insert (one INSERT each costs ~3 ms)
_ERROR_SCHEMA = pa.schema([("run_id", pa.string()), ("source", pa.string()),
                           ("record", pa.string()), ("reason", pa.string()),
                           ("failed_at", pa.timestamp("us"))])
_LIVE_RUNS: set[str] = set()  # runs this process has open; DuckDB lets one process write


class StoreError(RuntimeError):
    """The database could not be opened or used; the message names the file and the problem."""


class DatabaseHeld(StoreError):
    """Another process holds the file (DuckDB allows one writer, or many readers)."""

    def __init__(self, path: str, holder: Holder):
        super().__init__(f"{path} is held by process {holder.pid} ({holder.command})")
        self.path = path
        self.holder = holder


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _mark_stale_runs(conn: duckdb.DuckDBPyConnection) -> None:
    """Runs left 'running' by a killed process: only one process opens a file read-write, so
    any such run not open in this process can never finish."""
    conn.execute("UPDATE ingest_runs SET status = 'stale' WHERE status = 'running' AND run_id "
                 "NOT IN (SELECT unnest(?::VARCHAR[]))", [sorted(_LIVE_RUNS)])


class Store:
    """An open eventwire database: writes are per-article transactions, reads are plain SQL."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, read_only: bool = False):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._errors: list[tuple[Any, ...]] = []
        self._error_counts: dict[tuple[str | None, str], int] = {}
        self._error_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
        """Open (creating and upgrading as needed) a database file."""
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"{path}: no such database (run `eventwire ingest` first)")
        try:
            conn = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            holder = holder_of(exc)
            if holder is not None:
                raise DatabaseHeld(path, holder) from None
            raise StoreError(f"{path}: cannot open as a DuckDB database: {exc}") from None
        try:
            if read_only:
                version = current_version(conn)
                if version != LATEST:
                    raise SchemaError(f"schema version {version}, this eventwire needs {LATEST}; "
                                      "open it once read-write (eventwire ingest) to upgrade")
            else:
                migrate(conn)
                _mark_stale_runs(conn)
        except (SchemaError, duckdb.Error) as exc:
            conn.close()
            raise StoreError(f"{path}: {exc}") from None
        return cls(conn, path, read_only)

    def close(self) -> None:
        if not self.read_only:
            self.flush_errors(None)
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reads used by ingestion -------------------------------------------------------------
    def has_article(self, article_id: str, hash_: str) -> bool:
        """True when this exact article (same id, same text) is already stored."""
        rows = self.conn.execute("SELECT 1 FROM articles WHERE id = ? AND text_hash = ?",
                                 [article_id, hash_]).fetchall()
        return bool(rows)

    def stored_hashes(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """id -> text hash for stored articles, in one query (the idempotency check in bulk)."""
        if ids is None:
            rows = self.conn.execute("SELECT id, text_hash FROM articles").fetchall()
        else:
            wanted = list(dict.fromkeys(ids))
            rows = self.conn.execute("SELECT id, text_hash FROM articles WHERE id IN "
                                     "(SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()
        return dict(rows)

    def has_id(self, article_id: str) -> bool:
        """True when any version of this article is stored (feed polling skips it unfetched)."""
        return bool(self.conn.execute("SELECT 1 FROM articles WHERE id = ?",
                                      [article_id]).fetchall())

    # --- ingest runs and errors --------------------------------------------------------------
    def start_run(self, sources: Sequence[str], model: str | None = None) -> str:
        """Open an ingest run record; its id tags the articles and errors it produces."""
        run_id = _now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:8]
        self.conn.execute("INSERT INTO ingest_runs (run_id, started_at, status, sources, model) "
                          "VALUES (?, ?, 'running', ?, ?)", [run_id, _now(), list(sources), model])
        _LIVE_RUNS.add(run_id)
        return run_id

    def finish_run(self, run_id: str, status: str, articles: int, skipped: int, errors: int,
                   events: int) -> None:
        """Close an ingest run with its counts (a killed run is marked 'stale' on the next
        read-write open)."""
        self.flush_errors(run_id)
        self.conn.execute("UPDATE ingest_runs SET finished_at = ?, status = ?, articles = ?, "
                          "skipped = ?, errors = ?, events = ? WHERE run_id = ?",
                          [_now(), status, articles, skipped, errors, events, run_id])
        _LIVE_RUNS.discard(run_id)

    def record_error(self, run_id: str | None, source: str, record: str | None,
                     reason: str) -> None:
        """Keep one per-record failure, so the batch can go on and a human can look later.

        Rows are buffered and inserted in bulk; past ERRORS_PER_SOURCE rows from one source in
        one run they are only counted, and flush_errors stores one row saying how many more.
        """
        with self._error_lock:
            key = (run_id, source)
            seen = self._error_counts[key] = self._error_counts.get(key, 0) + 1
            if seen <= ERRORS_PER_SOURCE:
                self._errors.append((run_id, source, record, reason, _now()))
            if len(self._errors) >= ERROR_BATCH:
                self._insert_errors()

    def flush_errors(self, run_id: str | None) -> None:
        """Write buffered error rows, and a count row per source over the cap of `run_id`'s
        run (of every run when None)."""
        with self._error_lock:
            for key in [k for k in self._error_counts if run_id is None or k[0] == run_id]:
                extra = self._error_counts.pop(key) - ERRORS_PER_SOURCE
                if extra > 0:
                    self._errors.append((*key, "more", f"{extra:,} more errors from this source "
                                         f"were counted but not stored one by one (the first "
                                         f"{ERRORS_PER_SOURCE} are)", _now()))
            self._insert_errors()

    def _insert_errors(self) -> None:
        if not self._errors:
            return
        columns = list(zip(*self._errors, strict=True))
        table = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in
                                      zip(columns, _ERROR_SCHEMA, strict=True)],
                                     schema=_ERROR_SCHEMA)
        self.conn.from_arrow(table).insert_into("ingest_errors")
        self._errors.clear()

    # --- the per-article write ---------------------------------------------------------------
    def save(self, coded: CodedArticle, article: Article, story_id: str, *,
             run_id: str | None = None, signature: bytes | None = None, num_perm: int = 0,
             merged: Sequence[str] = ()) -> int:
        """Write an article with all its events, quotes, mentions and signature atomically.

        A stored article with the same id is replaced (its text changed). `merged` names stories
        whose articles move to `story_id` (the new article joined them or is their earliest).
        Returns the number of events stored.
        """
        c = self.conn
        aid = article.id
        published = normalise_date(article.published)
        events = events_table(aid, coded.events, story_id, published) if coded.events else None
        n_events = events.num_rows if events is not None else 0
        found = c.execute("SELECT story_id FROM articles WHERE id = ?", [aid]).fetchall()
        before = found[0] if found else None
        c.execute("BEGIN TRANSACTION")
        try:
            if before is not None:  # a new version of a stored article replaces it whole
                for table, key in (("events", "article_id"), ("mentions", "article_id"),
                                   ("quotes", "article_id"), ("minhashes", "article_id"),
                                   ("articles", "id")):
                    c.execute(f"DELETE FROM {table} WHERE {key} = ?", [aid])
            c.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [aid, article.url, article.title, article.source, published,
                       article.text, text_hash(article.text), story_id, _now(), run_id])
            if events is not None:
                c.from_arrow(events).insert_into("events")
            if coded.mentions:
                c.from_arrow(mentions_table(aid, coded.mentions)).insert_into("mentions")
            if coded.quotes:
                c.from_arrow(quotes_table(aid, coded.quotes)).insert_into("quotes")
            if signature is not None:
                c.execute("INSERT INTO minhashes VALUES (?, ?, ?)", [aid, num_perm, signature])
            stale = sorted({old for old in merged if old != story_id})
            for old in stale:
                c.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [story_id, old])
                c.execute("UPDATE events SET story_id = ? WHERE story_id = ?", [story_id, old])
            if before is not None:  # rare: recount the stories a changed article touches
                for sid in {story_id, before[0], *stale}:
                    self._refresh_story(sid)
            elif events is not None or stale:
                self._add_to_story(story_id, stale, events)
            c.execute("COMMIT")
        except Exception:
            c.execute("ROLLBACK")
            raise
        return n_events

    def _add_to_story(self, story_id: str, merged: list[str], events: pa.Table | None) -> None:
        """Fold a new article's events, and any merged stories, into story_events.

        Incremental (one story's rows, not a scan of every event); gives the same rows as
        STORY_EVENTS_SELECT over the events would.
        """
        keys = [story_id, *merged]
        which = ("story_id = ?", story_id) if not merged else \
            ("story_id IN (SELECT unnest(?::VARCHAR[]))", keys)
        rows = self.conn.execute(
            "SELECT actor_code, event, recipient_code, day, intensity, quad, copies, id "
            f"FROM story_events WHERE {which[0]}", [which[1]]).fetchall()
        had_rows = bool(rows)
        if events is not None:
            fresh = events.filter(pc.invert(events["negated"]))
            rows += [(e["actor_code"], e["event"], e["recipient_code"], e["day"],
                      e["intensity"], e["quad"], 1, e["id"]) for e in fresh.select(
                ["actor_code", "event", "recipient_code", "day", "intensity", "quad", "id"]
            ).to_pylist()]
        folded: dict[tuple[Any, ...], list[Any]] = {}
        for actor, event, recipient, day, intensity, quad, copies, eid in rows:
            cur = folded.get((actor, event, recipient))
            if cur is None:
                folded[(actor, event, recipient)] = [day, intensity, quad, copies, eid]
                continue
            if day is not None and (cur[0] is None or day < cur[0]):
                cur[0] = day
            if eid < cur[4]:
                cur[1], cur[2], cur[4] = intensity, quad, eid
            cur[3] += copies
        if had_rows:
            self.conn.execute(f"DELETE FROM story_events WHERE {which[0]}", [which[1]])
        if folded:
            self.conn.from_arrow(story_events_table(story_id, folded)).insert_into(
                "story_events")

    def _refresh_story(self, story_id: str) -> None:
        """Recount one story's rows in story_events from its events."""
        self.conn.execute("DELETE FROM story_events WHERE story_id = ?", [story_id])
        self.conn.execute(f"INSERT INTO story_events {STORY_EVENTS_SELECT} "
                          "AND story_id = ? GROUP BY ALL", [story_id])

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (summaries and tests)."""
        out = {}
        for table in ("articles", "events", "mentions", "quotes", "ingest_errors", "minhashes",
                      "story_events"):
            out[table] = int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
        out["stories"] = int(self.conn.execute(
            "SELECT count(DISTINCT story_id) FROM articles").fetchall()[0][0])
        return out
