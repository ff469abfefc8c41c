"""Coding on a Dask cluster: inputs cut into partitions, each coded by a worker into the lake.

Workers run the same per-article coder as `--jobs` (workers.code_batch) and write Parquet
partitions (eventwire.batch.lake). The driver loads finished partitions into the store in input
order through the single-process article writer, so story ids, skips and errors come out as in a
single-process run; or, with no store, it leaves the lake and computes its stories.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from eventwire import __version__
from eventwire.batch.lake import (
    PartitionSummary,
    article_events,
    assign_stories,
    partition_summary,
    prune,
    read_partition,
    write_partition,
)
from eventwire.batch.pipeline import IngestStats, Progress, record_error
from eventwire.batch.workers import CoderSpec, code_batch
from eventwire.batch.writer import ArticleWriter
from eventwire.coder import Coder
from eventwire.errors import EventwireError
from eventwire.ingest.fetch import make_client
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import Record, RecordError, stable_hash, text_hash
from eventwire.ingest.sources import read_source, sniff, suffix_kind
from eventwire.model import Article
from eventwire.store.db import Store
from eventwire.store.dedup import StoryIndex

FORMAT = 1  # bump when what a partition holds changes: partitions of older runs are re-coded
DEFAULT_CHUNK_LINES = 500  # a JSONL partition: about a minute of one core's coding
ALLOWED_FAILURES = 3  # a task on this many dying workers is given up (it may be killing them)
CONNECT_TIMEOUT = "15s"


class DistributedError(EventwireError):
    """The cluster could not be reached, or coding on it failed."""


@dataclass(frozen=True)
class Partition:
    """A unit of work: a whole source, or a run of lines (a byte range) of a JSONL file."""

    source: str
    name: str  # part-<source key>-<first line>: the lake file name, the same on every retry
    start: int = 0
    end: int | None = None  # None: the whole source
    first_line: int = 1
    lines: int | None = None
    fingerprint: str = ""  # input and coder it was made from; empty: never reused


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def source_key(source: str) -> str:
    """The partition-name prefix of one source: a hash of its absolute path, or of its URL."""
    return stable_hash(source if _is_url(source) else str(Path(source).resolve()))[:12]


def _files(source: str) -> list[str]:
    """A source as read_source walks it: a directory becomes its readable files, in order."""
    path = Path(source)
    if _is_url(source) or not path.is_dir():
        return [source]
    return [str(p) for p in sorted(path.rglob("*")) if p.is_file()
            and not p.name.startswith(".") and suffix_kind(p) is not None]


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "?"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _is_jsonl(path: Path) -> bool:
    kind = suffix_kind(path)
    if kind is None:
        try:
            with path.open("rb") as handle:
                kind = sniff(handle.read(4096))
        except OSError:
            return False
    return kind == "jsonl"


def _line_chunks(path: Path, lines: int) -> Iterator[tuple[int, int, int, int]]:
    """(start byte, end byte, first line, line count) of each run of `lines` lines."""
    with path.open("rb") as handle:
        start = pos = count = 0
        first = 1
        for raw in handle:
            pos += len(raw)
            count += 1
            if count == lines:
                yield start, pos, first, count
                start, first, count = pos, first + count, 0
        if count:
            yield start, pos, first, count


def plan(sources: Sequence[str], chunk_lines: int, spec: CoderSpec,
         limits: Limits | None = None) -> list[Partition]:
    """Cut the sources into partitions, in the order a single-process run reads them."""
    knowledge = ",".join(_stamp(f) for f in (*spec.actor_files, *spec.lexicon_files))
    coder_key = f"{FORMAT}|{__version__}|{spec!r}|{knowledge}|{limits!r}"
    parts: list[Partition] = []
    for source in sources:
        for file in _files(source):
            name = f"part-{source_key(file)}-"
            path = Path(file)
            if _is_url(file) or not path.is_file():  # read_source fetches it or says what is wrong
                parts.append(Partition(file, f"{name}{0:09d}"))
                continue
            stamp = f"{coder_key}|{_stamp(file)}"
            chunks: list[tuple[int, int, int, int]] = []
            if _is_jsonl(path):
                try:
                    chunks = list(_line_chunks(path, chunk_lines))
                except OSError:
                    stamp = ""
            if not chunks:
                parts.append(Partition(file, f"{name}{0:09d}", fingerprint=stamp))
                continue
            parts += [Partition(file, f"{name}{first:09d}", start, end, first, count,
                                f"{stamp}|{start}-{end}") for start, end, first, count in chunks]
    return parts


# --- on the workers ------------------------------------------------------------------------------
@lru_cache(maxsize=2)
def worker_coder(spec: CoderSpec) -> Coder:
    """The coder of this worker process, loaded on first use (pipeline and knowledge cached)."""
    return spec.load()


class CoderPlugin(WorkerPlugin):
    """Loads the coder when a worker starts (a restarted one too), before its first task."""

    name = "eventwire-coder"

    def __init__(self, spec: CoderSpec):
        self.spec = spec

    def setup(self, worker: object) -> None:
        worker_coder(self.spec)


def _records(part: Partition, limits: Limits, allow_private: bool | None) -> Iterator[Record]:
    """The records of a partition: a JSONL chunk, or a whole source through read_source."""
    if part.end is not None:  # a JSONL chunk, numbered from the file's top
        yield from read_jsonl(Path(part.source), limits, start=part.start, end=part.end,
                              first_line=part.first_line)
        return
    with make_client(allow_private=allow_private) as client:
        yield from read_source(part.source, client, limits=limits)


def code_partition(part: Partition, job: Job) -> PartitionSummary:
    """The task: read a partition, code it, write its Parquet files (a retry overwrites them)."""
    coder = worker_coder(job.spec)
    summary = PartitionSummary(part.fingerprint)
    articles: dict[str, Article] = {}
    errors: list[RecordError] = []
    for rec in _records(part, job.limits or Limits(), job.allow_private):
        if isinstance(rec, RecordError):
            errors.append(rec)
        elif rec.id in articles:  # the same article twice: code it once, as a single run does
            summary.read += 1
            summary.duplicates += 1
        else:
            summary.read += 1
            articles[rec.id] = rec
    todo = list(articles.values())
    outcomes = []
    for i in range(0, len(todo), job.batch_size):
        outcomes += code_batch(coder, todo[i:i + job.batch_size], job.batch_size)
    return write_partition(Path(job.lake), part.name, outcomes, errors, job.run_id, summary)


# --- on the driver -------------------------------------------------------------------------------
@contextmanager
def open_client(address: str | None = None, workers: int = 1) -> Iterator[Client]:
    """A client of a running scheduler (address), else of a LocalCluster of worker processes
    (their logs silenced: the driver reports what failed, in one line)."""
    if address:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DistributedError(f"{address}: cannot reach a Dask scheduler ({exc})") from None
        with client:
            yield client
        return
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                          "distributed.worker.profile.enabled": False}):  # ~10% of the CPU
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as client:
        yield client


class _StoreLoader:
    """Feeds finished partitions, in input order, to the single-process article writer."""

    def __init__(self, store: Store, lake: Path, stats: IngestStats):
        self.store, self.lake, self.stats = store, lake, stats
        self.seen: set[str] = set()
        self.writer = ArticleWriter(store, stats.run_id, StoryIndex.load(store.conn),
                                    self.failed, self.done)

    def failed(self, source: str, record: str | None, reason: str) -> None:
        record_error(self.store, self.stats.run_id, self.stats, source, record, reason)

    def done(self, events: int) -> None:
        self.stats.stored += 1
        self.stats.events += events

    def load(self, name: str, summary: PartitionSummary) -> None:
        outcomes, errors = read_partition(self.lake, name)
        for err in errors:
            self.failed(err.source, err.record, err.reason)
        fresh = [o for o in outcomes if o.article.id not in self.seen]
        self.seen.update(o.article.id for o in fresh)
        stored = self.store.stored_hashes(o.article.id for o in fresh)
        todo = [o for o in fresh if stored.get(o.article.id) != text_hash(o.article.text)]
        self.stats.skipped += len(outcomes) - len(todo)
        for out in todo:
            self.writer.write(out)  # synchronous: the driver has no coding to overlap with


class _LakeCounter:
    """Counts what a lake-only run adds as the store would: each article id once, first copy."""

    def __init__(self, lake: Path, stats: IngestStats):
        self.lake, self.stats = lake, stats
        self.seen: set[str] = set()

    def load(self, name: str, summary: PartitionSummary) -> None:
        self.stats.errors += summary.errors
        for aid, events in article_events(self.lake, name).items():
            if aid in self.seen:
                self.stats.skipped += 1
                continue
            self.seen.add(aid)
            self.stats.stored += 1
            self.stats.events += events


def _run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:8]


@dataclass(frozen=True)
class Job:
    """What every task of one run is told besides its partition."""

    spec: CoderSpec
    lake: str
    run_id: str
    batch_size: int = 32
    limits: Limits | None = None
    allow_private: bool | None = None


def ingest_distributed(client: Client, sources: Sequence[str], spec: CoderSpec | None = None,
                       *, lake: Path, store: Store | None = None,
                       chunk_lines: int = DEFAULT_CHUNK_LINES, batch_size: int = 32,
                       limits: Limits | None = None, allow_private: bool | None = None,
                       keep_lake: bool = True, progress: Progress | None = None) -> IngestStats:
    """Code the sources on the cluster into `lake`; load them into `store` unless it is None.

    With keep_lake the lake is left complete and queryable: partitions of these sources that
    this run did not produce are removed and stories.parquet is recomputed.
    """
    spec = spec or CoderSpec()
    started = time.perf_counter()
    stats = IngestStats(run_id=store.start_run(sources, spec.model) if store else _run_id())
    job = Job(spec, str(lake), stats.run_id, batch_size, limits or Limits.from_env(),
              allow_private)
    status = "failed"
    try:
        parts = plan(sources, chunk_lines, spec, job.limits)
        _run(client, parts, job, store, stats, progress or Progress())
        if keep_lake:
            _finish_lake(lake, parts)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        stats.seconds = time.perf_counter() - started
        if store is not None:
            store.finish_run(stats.run_id, status, stats.stored, stats.skipped, stats.errors,
                             stats.events)
    return stats


def _run(client: Client, parts: list[Partition], job: Job, store: Store | None,
         stats: IngestStats, progress: Progress) -> None:
    """Submit the partitions not already in the lake; load each, in order, once it is there."""
    lake = Path(job.lake)
    lines = [p.lines for p in parts]
    progress.start(sum(lines) if None not in lines else None)  # type: ignore[arg-type]
    done: dict[str, PartitionSummary] = {}
    todo: list[Partition] = []
    for part in parts:
        got = partition_summary(lake, part.name) if part.fingerprint else None
        if got is not None and got.fingerprint == part.fingerprint:
            done[part.name] = got  # coded by an earlier run from the same input: reuse it
            progress.advance(got.read)
        else:
            todo.append(part)
    try:
        if todo:
            client.register_plugin(CoderPlugin(job.spec), name=CoderPlugin.name)
    except Exception as exc:  # noqa: BLE001 - whatever stopped a worker loading the coder
        raise DistributedError(f"the workers cannot load the coder: {exc}") from None
    loader = _StoreLoader(store, lake, stats) if store is not None else _LakeCounter(lake, stats)
    order = [p.name for p in parts]
    loaded = 0

    def load_ready() -> None:
        nonlocal loaded
        while loaded < len(order) and order[loaded] in done:
            summary = done[order[loaded]]
            stats.read += summary.read
            stats.skipped += summary.duplicates
            loader.load(order[loaded], summary)
            loaded += 1

    futures = {client.submit(code_partition, p, job, key=f"eventwire-{job.run_id}-{p.name}"): p
               for p in todo}
    try:
        load_ready()
        for future in as_completed(futures):
            part = futures[future]
            try:
                done[part.name] = future.result()
            except Exception as exc:  # noqa: BLE001 - a task that failed (or killed workers)
                raise DistributedError(f"{part.source} (partition {part.name}): coding failed "
                                       f"on the cluster: {type(exc).__name__}: {exc}") from None
            progress.advance(done[part.name].read)
            load_ready()
    finally:
        client.cancel(list(futures))


def _finish_lake(lake: Path, parts: list[Partition]) -> None:
    """Drop partitions of these sources this run did not produce; recompute the stories."""
    keep: dict[str, set[str]] = {}
    for part in parts:
        keep.setdefault(part.name.split("-")[1], set()).add(part.name)
    for key, names in keep.items():
        prune(lake, key, names)
    assign_stories(lake, [p.name for p in parts])
