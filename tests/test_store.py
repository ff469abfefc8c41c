"""The DuckDB store: migrations, atomic per-article writes, idempotency, errors, kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.batch.pipeline import ingest
from eventwire.ingest.record import text_hash
from eventwire.model import Article
from eventwire.store.db import Store, StoreError
from eventwire.store.schema import LATEST, MIGRATIONS, current_version, migrate
from ingest_support import FIXTURES, coded


def test_new_database_has_every_table_and_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.duckdb") as store:
        tables = {r[0] for r in store.conn.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        assert current_version(store.conn) == LATEST
    assert {"articles", "events", "mentions", "quotes", "ingest_runs", "ingest_errors",
            "minhashes", "story_events", "schema_version", "places"} <= tables


def test_an_older_file_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    assert migrate(conn, upto=1) == 1  # a file written by the first release
    conn.execute("INSERT INTO articles VALUES ('a1', NULL, 't', 's', DATE '2022-01-02', "
                 "'Iran met Russia.', 'h', 'a1', now(), NULL)")
    conn.execute("INSERT INTO events (id, article_id, event, actor_code, recipient_code, "
                 "negated) VALUES ('e1', 'a1', 'CONSULT', 'IRN', 'RUS', false)")
    conn.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(path, read_only=True)  # cannot upgrade without writing
    with Store.open(path) as store:
        assert current_version(store.conn) == LATEST == len(MIGRATIONS)
        assert store.conn.execute("SELECT story_id, CAST(day AS VARCHAR) FROM events"
                                  ).fetchall() == [("a1", "2022-01-02")]
        assert store.conn.execute("SELECT story_id, event, copies FROM story_events"
                                  ).fetchall() == [("a1", "CONSULT", 1)]
        versions = [r[0] for r in store.conn.execute(
            "SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == list(range(1, LATEST + 1))


def test_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database")
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store.open(junk)
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "absent.duckdb", read_only=True)


def _article(aid: str, text: str = "Iran and Russia met in Moscow on Tuesday to talk trade.",
             published: str | None = "2022-03-29") -> Article:
    return Article(id=aid, text=text, title=f"title {aid}", published=published,
                   url=f"https://x.org/{aid}", source="test")


def test_save_writes_events_quotes_mentions_and_replaces_a_changed_article(
        tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.duckdb") as store:
        art = _article("a1")
        result = coded(art, [("IRN", "CONSULT", "RUS"), ("RUS", "ACCUSE", "USA")])
        result.events.append(result.events[0])
        assert store.save(result, art, "a1") == 2  # the repeated event (same id) is stored once
        row = store.conn.execute(
            "SELECT actor_code, actor_sector, recipient_code, evidence_text, evidence_start, "
            "CAST(evidence_all AS VARCHAR), context, quad, intensity, story_id, "
            "CAST(day AS VARCHAR) FROM events WHERE event = 'CONSULT'").fetchall()
        assert row == [("IRN", "GOV", "RUS", art.text[0:5], 0,
                        '[{"text": "x", "start": 0, "end": 1}]', [], 1, 1.0, "a1",
                        "2022-03-29")]
        assert store.has_article("a1", text_hash(art.text))
        assert not store.has_article("a1", text_hash("other text"))
        changed = _article("a1", text="Iran and Russia met again, in Tehran this time.")
        store.save(coded(changed, [("IRN", "AGREE", "RUS")]), changed, "a1")
        counts = store.counts()
        assert (counts["articles"], counts["events"], counts["quotes"],
                counts["mentions"]) == (1, 1, 1, 1)
        assert store.conn.execute("SELECT event FROM story_events").fetchall() == [("AGREE",)]


def test_a_failing_write_leaves_nothing_of_the_article(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.duckdb") as store:
        art = _article("a1")
        with pytest.raises(duckdb.Error):  # the last insert fails, after the article + events
            store.save(coded(art, [("IRN", "CONSULT", "RUS")]), art, "a1",
                       signature=b"sig", num_perm="not a number")  # type: ignore[arg-type]
        counts = store.counts()
        assert counts["articles"] == counts["events"] == counts["quotes"] == 0
        assert counts["story_events"] == 0
        store.save(coded(art, [("IRN", "CONSULT", "RUS")]), art, "a1")  # the store still works
        assert store.counts()["events"] == 1


def test_bad_records_go_to_the_errors_table_and_the_rest_is_stored(tmp_path: Path,
                                                                    coder) -> None:
    src = tmp_path / "mixed.jsonl"
    good = json.loads((FIXTURES / "wire_stories.jsonl").read_text().splitlines()[3])
    src.write_text("\n".join([json.dumps(good), "{oops", json.dumps({"id": "x", "text": 5}),
                              json.dumps({"id": "y"})]) + "\n")
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest(store, [str(src), str(tmp_path / "missing.txt")], coder=coder)
        assert (stats.stored, stats.errors) == (1, 4)
        errors = store.conn.execute(
            "SELECT source, record, reason FROM ingest_errors ORDER BY record"
        ).fetchall()
        run = store.conn.execute("SELECT status, articles, errors FROM ingest_runs").fetchall()
    assert [e[1] for e in errors] == ["line 2", "line 3", "line 4", "source"]
    assert errors[3][0].endswith("missing.txt") and "no such file" in errors[3][2]
    assert run == [("done", 1, 4)]


def _thirty_articles(path: Path) -> None:
    """30 articles made from the wire fixture: each distinct, some near-copies of others."""
    base = [json.loads(line) for line in (FIXTURES / "wire_stories.jsonl").read_text()
            .splitlines()]
    with path.open("w") as out:
        for i in range(30):
            story = base[i % len(base)]
            extra = "" if i % 7 == 0 else f" Officials gave update number {i} on {i % 28 + 1} May."
            out.write(json.dumps({"id": f"k{i:02d}", "text": story["text"] + extra,
                                  "published": story["published"],
                                  "title": story["title"]}) + "\n")


def _snapshot(path: Path) -> dict[str, object]:
    with Store.open(path, read_only=True) as store:
        c = store.conn
        return {
            "articles": c.execute("SELECT id, story_id, text_hash FROM articles ORDER BY id"
                                  ).fetchall(),
            "events": c.execute("SELECT id, story_id FROM events ORDER BY id").fetchall(),
            "story_events": c.execute("SELECT * FROM story_events ORDER BY ALL").fetchall(),
            "counts": {k: v for k, v in store.counts().items() if k != "ingest_errors"},
        }


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path: Path, coder) -> None:
    data = tmp_path / "thirty.jsonl"
    _thirty_articles(data)
    full, killed = tmp_path / "full.duckdb", tmp_path / "killed.duckdb"
    with Store.open(full) as store:
        ingest(store, [str(data)], coder=coder)
    # How big the log of a database is before its first article: the kill waits for more.
    probe = tmp_path / "probe.duckdb"
    with Store.open(probe) as store:
        store.start_run([str(data)])
        baseline = Path(f"{probe}.wal").stat().st_size
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "ingest", str(data), "--db", str(killed), "-q",
                             "--batch-size", "2"], stderr=subprocess.PIPE)
    wal = Path(f"{killed}.wal")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > baseline + 12_000:  # a few articles in
            break
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before the kill: {proc.stderr.read()!r}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _snapshot(killed)["counts"]["articles"]  # type: ignore[index]
    assert 0 < partial < 30
    with Store.open(killed) as store:
        rerun = ingest(store, [str(data)], coder=coder)
    assert rerun.skipped == partial and rerun.stored == 30 - partial
    assert _snapshot(killed) == _snapshot(full)


def test_story_events_kept_incrementally_equal_a_full_recount(tmp_path: Path) -> None:
    from eventwire.store.schema import STORY_EVENTS_SELECT

    with Store.open(tmp_path / "db.duckdb") as store:
        plan = [("a1", "a1", []), ("a2", "a1", []), ("b1", "b1", []), ("b2", "b1", []),
                ("c1", "a1", ["b1"]), ("d1", "d1", [])]
        for aid, story, merged in plan:
            art = _article(aid, published=None if aid == "b2" else f"2022-03-0{len(aid)}")
            triples = [("IRN", "CONSULT", "RUS"), ("RUS", "ACCUSE", None)]
            if aid == "d1":
                triples = [("USA", "SANCTION", "IRN")]
            store.save(coded(art, triples), art, story, merged=merged)
        changed = _article("a2", text="A changed text: Iran and Russia met once more.")
        store.save(coded(changed, [("IRN", "AGREE", "RUS")]), changed, "a1")
        kept = store.conn.execute("SELECT * FROM story_events ORDER BY ALL").fetchall()
        recount = store.conn.execute(
            f"SELECT * FROM ({STORY_EVENTS_SELECT} GROUP BY ALL) ORDER BY ALL").fetchall()
    assert kept == recount
    assert {(r[0], r[2], r[7]) for r in kept} == {
        ("a1", "CONSULT", 4), ("a1", "ACCUSE", 4), ("a1", "AGREE", 1), ("d1", "SANCTION", 1)}


def test_an_announced_events_intent_is_stored_and_exported(tmp_path: Path, coder) -> None:
    """`code` prints `intent` ("will meet": AGREE, intent CONSULT); the store keeps it too, so
    a query, an export and the API answer the same (schema 3)."""
    from eventwire.store.export import Filters, export

    src = tmp_path / "announced.txt"
    src.write_text("Iran's foreign minister will meet Russian Foreign Minister Sergei Lavrov "
                   "in Moscow next week, the ministry said on Monday.\n", encoding="utf-8")
    with Store.open(tmp_path / "db.duckdb") as store:
        assert ingest(store, [str(src)], coder=coder).stored == 1
        stored = store.conn.execute(
            "SELECT event, modality, intent FROM events WHERE actor_code = 'IRN'").fetchall()
        assert ("AGREE", "future", "CONSULT") in stored
        out = tmp_path / "events.jsonl"
        export(store.conn, "plover-jsonl", out, Filters())
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(e["event"], e["intent"]) for e in exported} >= {("AGREE", "CONSULT")}
