"""Coding on a Dask LocalCluster: the same events and database as one process, a killed worker
retried without loss or duplicates, and the Parquet lake queried in place."""

from __future__ import annotations

import json
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from distributed import Client
from typer.testing import CliRunner

from eventwire.batch.distributed import ALLOWED_FAILURES, ingest_distributed, open_client, plan
from eventwire.batch.lake import connect
from eventwire.batch.pipeline import IngestStats, Progress, ingest
from eventwire.batch.workers import CoderSpec
from eventwire.cli import _register, app
from eventwire.store.db import Store
from eventwire.store.rows import EVENT_SCHEMA
from ingest_support import FIXTURES, build_warc

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
CHUNK = 4  # JSONL lines per partition: several partitions per file on a small corpus

_register()


def _line(aid: str, text: str, published: str = "2024-09-02") -> str:
    return json.dumps({"id": aid, "text": text, "published": published, "source": "test"})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Half the examples, and a folder of wire copies, JSONL with bad lines, a text file, a WARC
    (kept small: the corpus is coded three times)."""
    inbox = tmp_path_factory.mktemp("inbox")
    examples = inbox.parent / "examples.jsonl"
    examples.write_text("".join(EXAMPLES.read_text(encoding="utf-8").splitlines(True)[:8]),
                        encoding="utf-8")
    shutil.copy(FIXTURES / "wire_stories.jsonl", inbox / "a_wire.jsonl")
    (inbox / "b_more.jsonl").write_text("\n".join([
        _line("syn-1", "Turkey and Greece agreed on Monday to resume talks on maritime borders, "
                       "the Turkish foreign ministry said."),
        _line("syn-2", "Police arrested dozens of protesters in Tbilisi on Sunday after a march "
                       "against the government of Georgia."),
        "",
        _line("example-01", "A later, different copy of an id already read: stored once."),
        _line("syn-3", "The United States accused Iran of supplying drones to Russia."),
        "{this line is not json",  # line 6: in the second partition, numbered from the file top
        json.dumps({"id": "syn-4"}),
        _line("syn-1", "Turkey and Greece agreed on Monday to resume talks on maritime borders, "
                       "the Turkish foreign ministry said."),
        _line("syn-5", "China condemned the sanctions imposed by the European Union on Chinese "
                       "firms, calling them unjustified."),
    ]) + "\n", encoding="utf-8")
    (inbox / "c_note.txt").write_text("Envoys meet in Doha\n\nQatar hosted envoys of Israel and "
                                      "Hamas in Doha on Tuesday for talks on a ceasefire.\n")
    build_warc(inbox / "d_crawl.warc.gz")
    return [str(examples), str(inbox)]


def dump(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a run stores, minus what differs by run (timestamps, run ids)."""
    queries = {
        "articles": "SELECT * EXCLUDE (ingested_at, run_id) FROM articles ORDER BY id",
        "events": "SELECT * FROM events ORDER BY id",
        "mentions": "SELECT * FROM mentions ORDER BY article_id, idx",
        "quotes": "SELECT * FROM quotes ORDER BY article_id, idx",
        "minhashes": "SELECT * FROM minhashes ORDER BY article_id",
        "story_events": "SELECT * FROM story_events ORDER BY ALL",
        "ingest_errors": "SELECT source, record, reason FROM ingest_errors ORDER BY ALL",
    }
    return {name: conn.execute(sql).fetchall() for name, sql in queries.items()}


@dataclass
class Run:
    db: Path
    lake: Path | None
    stats: IngestStats
    tables: dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def reference(corpus: list[str], coder: Any, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The corpus ingested by the single-process path."""
    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    with Store.open(db) as store:
        stats = ingest(store, corpus, coder=coder)
        tables = dump(store.conn)
    assert tables["events"], "the coder found no events: the comparison would prove nothing"
    assert len({r[7] for r in tables["articles"]}) < len(tables["articles"]), "no wire copies"
    assert any(r[1] == "line 6" for r in tables["ingest_errors"])
    return Run(db, None, stats, tables)


@pytest.fixture(scope="module")
def client() -> Any:
    """A LocalCluster of two worker processes (one thread each), as `--workers 2` starts."""
    with open_client(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def cluster_run(client: Client, corpus: list[str],
                tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The corpus ingested on the cluster, keeping its lake."""
    where = tmp_path_factory.mktemp("cluster")
    with Store.open(where / "cluster.duckdb") as store:
        stats = ingest_distributed(client, corpus, lake=where / "lake", store=store,
                                   chunk_lines=CHUNK)
        tables = dump(store.conn)
    return Run(where / "cluster.duckdb", where / "lake", stats, tables)


def test_plan_cuts_jsonl_into_stable_line_chunks_and_walks_folders(tmp_path: Path) -> None:
    data = tmp_path / "in" / "a.jsonl"
    data.parent.mkdir()
    data.write_text("".join(_line(f"x{i}", "Iran met Russia.") + "\n" for i in range(10)))
    (tmp_path / "in" / "b.txt").write_text("Iran met Russia.")
    (tmp_path / "in" / ".hidden.jsonl").write_text(_line("h", "hidden") + "\n")
    parts = plan([str(tmp_path / "in")], 4, CoderSpec())
    assert [(Path(p.source).name, p.first_line, p.lines) for p in parts] == [
        ("a.jsonl", 1, 4), ("a.jsonl", 5, 4), ("a.jsonl", 9, 2), ("b.txt", 1, None)]
    assert parts[1].start == parts[0].end and parts[2].end == data.stat().st_size
    again = plan([str(data)], 4, CoderSpec())
    assert [p.name for p in again] == [p.name for p in parts[:3]]  # retries overwrite
    assert [p.fingerprint for p in again] == [p.fingerprint for p in parts[:3]]
    with data.open("a") as handle:
        handle.write(_line("x10", "Iran met Russia.") + "\n")
    grown = plan([str(data)], 4, CoderSpec())
    assert [p.name for p in grown] == [p.name for p in again]
    assert grown[0].fingerprint != again[0].fingerprint  # the file changed: code it again
    assert plan([str(tmp_path / "absent.jsonl")], 4, CoderSpec())[0].end is None


@pytest.mark.slow
def test_cluster_stores_the_same_events_and_database_as_one_process(
        cluster_run: Run, reference: Run, corpus: list[str]) -> None:
    assert cluster_run.tables == reference.tables  # event ids, codes, spans, stories, errors
    got, want = cluster_run.stats, reference.stats
    assert (got.stored, got.skipped, got.errors, got.events) == \
        (want.stored, want.skipped, want.errors, want.events)
    lake = cluster_run.lake
    assert lake is not None
    names = sorted(p.stem for p in (lake / "articles").glob("part-*.parquet"))
    assert names == sorted(p.name for p in plan(corpus, CHUNK, CoderSpec()))
    assert len(names) == 2 + 2 + 3 + 1 + 1  # 8, 6 and 9 JSONL lines by 4; the .txt; the WARC
    conn = connect(lake)  # the lake, read in place, holds the same rows and the same stories
    assert conn.execute("SELECT * FROM events ORDER BY id").fetchall() == \
        reference.tables["events"]
    assert conn.execute("SELECT * FROM story_events ORDER BY ALL").fetchall() == \
        reference.tables["story_events"]
    assert conn.execute("SELECT * EXCLUDE (ingested_at, run_id) FROM articles ORDER BY id"
                        ).fetchall() == reference.tables["articles"]


@pytest.mark.slow
def test_cli_lake_only_and_query_parquet(client: Client, cluster_run: Run, reference: Run,
                                         corpus: list[str], tmp_path: Path) -> None:
    runner = CliRunner()
    lake = tmp_path / "lake"
    assert cluster_run.lake is not None
    shutil.copytree(cluster_run.lake, lake)
    address = client.scheduler.address
    got = runner.invoke(app, ["ingest", *corpus, "--cluster", address, "--lake", str(lake),
                              "--lake-only", "--chunk-lines", str(CHUNK), "-q"])
    assert got.exit_code == 0, got.output
    assert f"stored {reference.stats.stored} articles" in got.output  # reused, not re-coded
    assert not (tmp_path / "eventwire.duckdb").exists()

    got = runner.invoke(app, ["query", "--parquet", str(lake), "--format", "json",
                              "SELECT count(*) AS n, count(DISTINCT story_id) AS stories "
                              "FROM events"])
    assert got.exit_code == 0, got.output
    story = EVENT_SCHEMA.names.index("story_id")  # `SELECT *` keeps the table's column order
    want = (len(reference.tables["events"]),
            len({r[story] for r in reference.tables["events"]}))
    assert tuple(json.loads(got.stdout)[0].values()) == want
    from_lake = runner.invoke(app, ["query", "--parquet", str(lake), "--top-dyads",
                                    "--format", "json"])
    from_db = runner.invoke(app, ["query", "--db", str(reference.db), "--top-dyads",
                                  "--format", "json"])
    assert from_lake.exit_code == 0 and from_lake.stdout == from_db.stdout
    assert json.loads(from_lake.stdout)

    got = runner.invoke(app, ["query", "--parquet", str(tmp_path / "nothing"), "SELECT 1"])
    assert got.exit_code == 2 and "not an eventwire lake" in got.output


def test_cli_refuses_contradictory_cluster_options(tmp_path: Path) -> None:
    runner = CliRunner()
    src = str(EXAMPLES)
    cases = [
        (["--lake-only"], "need --workers N or --cluster"),
        (["--workers", "2", "--cluster", "tcp://127.0.0.1:1"], "choose one"),
        (["--workers", "2", "--lake-only"], "--lake-only needs --lake DIR"),
        (["--cluster", "tcp://127.0.0.1:1"], "--cluster needs --lake DIR"),
        (["--workers", "2", "--jobs", "2"], "--jobs is for one machine"),
        (["--workers", "0"], "at least 1"),
    ]
    for extra, message in cases:
        got = runner.invoke(app, ["ingest", src, "--db", str(tmp_path / "x.duckdb"), *extra])
        assert got.exit_code == 2 and message in got.output, (extra, got.output)


class KillAWorker(Progress):
    """Once a first partition is coded, SIGKILLs a worker process that is running a task."""

    def __init__(self, client: Client):
        self.client = client
        self.killed: tuple[str, int] | None = None
        self.lost: list[str] = []  # the tasks it was running

    def advance(self, n: int = 1) -> None:
        if self.killed is not None:
            return
        busy = [(w, keys) for w, keys in self.client.processing().items() if keys]
        if busy:
            worker, self.lost = busy[0][0], list(busy[0][1])
            pid = self.client.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            self.killed = (worker, pid)


def _times_started(client: Client, key: str) -> int:
    story = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.story(key))
    return sum(1 for step in story if step[2] == "processing")


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
        client: Client, corpus: list[str], reference: Run, tmp_path: Path) -> None:
    assert client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures) \
        == ALLOWED_FAILURES
    killer = KillAWorker(client)
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest_distributed(client, corpus, lake=tmp_path / "lake", store=store,
                                   chunk_lines=CHUNK, progress=killer)
        tables = dump(store.conn)
    assert killer.killed is not None, "no worker was busy after the first partition"
    assert all(_times_started(client, key) >= 2 for key in killer.lost)  # Dask re-ran them
    assert tables == reference.tables
    assert stats.stored == reference.stats.stored
    assert not list((tmp_path / "lake").rglob("*.tmp"))  # half-written files were cleared
    assert killer.killed[1] not in client.run(os.getpid).values()
