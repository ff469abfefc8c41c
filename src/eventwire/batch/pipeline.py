"""One ingest run: read sources, skip what is stored, code the rest, write each article alone."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from eventwire.batch.workers import CoderSpec, code_stream
from eventwire.batch.writer import ArticleWriter
from eventwire.coder import Coder
from eventwire.ingest.fetch import make_client
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import RecordError, text_hash
from eventwire.ingest.sources import read_source
from eventwire.model import Article
from eventwire.store.db import Store
from eventwire.store.dedup import StoryIndex


@dataclass
class IngestStats:
    """What a run did, for the summary line and the ingest_runs table."""

    run_id: str = ""
    read: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)


class Progress:
    """Callbacks a front end implements to show progress; the default shows nothing."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...


def read_all(store: Store, sources: Sequence[str], run_id: str, stats: IngestStats,
             client: httpx.Client | None, skip_known: bool = False,
             limits: Limits | None = None) -> list[Article]:
    """Read every source; bad records go to the errors table, duplicates in the input collapse."""
    skip = store.has_id if skip_known else None
    limits = limits or Limits.from_env()
    seen: dict[str, Article] = {}
    for source in sources:
        try:
            for rec in read_source(source, client, skip, limits):
                if isinstance(rec, RecordError):
                    record_error(store, run_id, stats, rec.source, rec.record, rec.reason)
                    continue
                stats.read += 1
                if rec.id in seen:
                    stats.skipped += 1  # the same article twice in the input: store it once
                    continue
                seen[rec.id] = rec
        except Exception as exc:  # noqa: BLE001 - a reader bug must not sink the other sources
            record_error(store, run_id, stats, source, "source", f"reading stopped by an "
                         f"unexpected error (a bug: please report it): {type(exc).__name__}: {exc}")
    return list(seen.values())


def record_error(store: Store, run_id: str, stats: IngestStats, source: str,
                 record: str | None, reason: str) -> None:
    """Store a bad record in ingest_errors and count it, keeping a few for the summary line."""
    store.record_error(run_id, source, record, reason)
    stats.errors += 1
    if len(stats.error_samples) < 5:
        stats.error_samples.append(f"{source} [{record}]: {reason}")


def store_articles(store: Store, articles: Iterable[Article], run_id: str, stats: IngestStats,
                   spec: CoderSpec, *, jobs: int = 1, batch_size: int = 32,
                   coder: Coder | None = None, progress: Progress | None = None) -> None:
    """Code articles not yet stored and write each in its own transaction."""
    progress = progress or Progress()
    articles = list(articles)
    stored = store.stored_hashes(a.id for a in articles)
    todo = [a for a in articles if stored.get(a.id) != text_hash(a.text)]
    stats.skipped += len(articles) - len(todo)
    progress.start(len(todo))
    if not todo:
        return
    index = StoryIndex.load(store.conn)

    def failed(source: str, record: str | None, reason: str) -> None:
        record_error(store, run_id, stats, source, record, reason)
        progress.advance()

    def done(events: int) -> None:
        stats.stored += 1
        stats.events += events
        progress.advance()

    with ArticleWriter(store, run_id, index, failed, done) as writer:
        for out in code_stream(todo, spec, jobs=jobs, batch_size=batch_size, coder=coder):
            writer.put(out)


def ingest(store: Store, sources: Sequence[str], spec: CoderSpec | None = None, *,
           jobs: int = 1, batch_size: int = 32, coder: Coder | None = None,
           progress: Progress | None = None, skip_known: bool = False,
           client: httpx.Client | None = None, limits: Limits | None = None) -> IngestStats:
    """The whole run, recorded in ingest_runs; a crash leaves the run marked 'running'.

    `coder` (jobs=1 only) reuses an already loaded Coder; otherwise `spec` says what to load.
    `limits` (default: the environment's, see docs/limits.md) bound what one record may read.
    """
    spec = spec or CoderSpec()
    started = time.perf_counter()
    stats = IngestStats(run_id=store.start_run(sources, spec.model))
    own_client = client is None
    client = client or make_client()
    status = "failed"
    try:
        articles = read_all(store, sources, stats.run_id, stats, client, skip_known, limits)
        store_articles(store, articles, stats.run_id, stats, spec, jobs=jobs,
                       batch_size=batch_size, coder=coder, progress=progress)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if own_client:
            client.close()
        stats.seconds = time.perf_counter() - started
        store.finish_run(stats.run_id, status, stats.stored, stats.skipped, stats.errors,
                         stats.events)
    return stats
