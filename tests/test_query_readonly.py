"""`eventwire query SQL` may read the database but never change it or write any file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import _register, app
from eventwire.model import Article
from eventwire.store.db import Store
from ingest_support import coded

runner = CliRunner()
_register()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two stored articles with events, in a folder of their own."""
    path = tmp_path / "db" / "events.duckdb"
    path.parent.mkdir()
    with Store.open(path) as store:
        for aid, day in (("a1", "2022-03-01"), ("b1", "2022-03-15")):
            art = Article(id=aid, text=f"Iran and Russia held talks ({aid}).", title=aid,
                          published=day, source="wire")
            store.save(coded(art, [("IRN", "CONSULT", "RUS")]), art, aid)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Each writes to the database, to another file, or changes what later statements may do.
WRITES = [
    "DROP TABLE events",
    "DELETE FROM articles",
    "INSERT INTO articles (id, text) VALUES ('x', 'y')",
    "UPDATE events SET event = 'AID'",
    "CREATE TABLE t AS SELECT 1 AS x",
    "COPY articles TO '{out}/articles.csv'",
    "COPY (SELECT * FROM events) TO '{out}/events.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{out}/dump'",
    "ATTACH '{out}/other.duckdb' AS other",
    "ATTACH '{out}/other.duckdb' AS other; CREATE TABLE other.t AS SELECT 1 AS x",
    "SELECT count(*) FROM events; DROP TABLE events",
    "EXPLAIN ANALYZE COPY articles TO '{out}/explained.csv'",
    "PRAGMA enable_profiling; PRAGMA profiling_output='{out}/profile.txt'; SELECT 1",
    "SET threads = 1",
    "INSTALL httpfs",
    "LOAD httpfs",
    "CHECKPOINT",
]


@pytest.mark.parametrize("sql", WRITES)
def test_writes_are_refused_and_nothing_changes(db: Path, tmp_path: Path, sql: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = _digest(db)
    got = runner.invoke(app, ["query", sql.format(out=out), "--db", str(db)])
    said = " ".join(got.output.split())
    assert got.exit_code == 2, got.output
    assert "refused" in said and "read-only" in said, said
    assert "Traceback" not in got.output and len(got.output.strip().splitlines()) <= 2
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in db.parent.iterdir()) == ["events.duckdb"]
    assert _digest(db) == before
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 2


@pytest.mark.parametrize("sql", [
    "SELECT id FROM articles ORDER BY id",
    "WITH a AS (SELECT id FROM articles) SELECT * FROM a ORDER BY id",
    "FROM articles SELECT id ORDER BY id",
    "DESCRIBE articles",
    "SHOW TABLES",
    "EXPLAIN SELECT id FROM articles",
    "EXPLAIN ANALYZE SELECT id FROM articles",
    "SELECT 1 AS x; SELECT id FROM articles ORDER BY id",
])
def test_reads_still_work(db: Path, sql: str) -> None:
    got = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "csv"])
    assert got.exit_code == 0, got.output
    assert got.stdout.strip()


def test_the_refusal_names_the_statement(db: Path, tmp_path: Path) -> None:
    got = runner.invoke(app, ["query", f"COPY articles TO '{tmp_path}/a.csv'", "--db", str(db)])
    said = " ".join(got.output.split())
    assert got.exit_code == 2 and "COPY" in said and "SELECT" in said, said
