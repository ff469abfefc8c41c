"""Queries, analytics and exports over a hand-built store; the CLI end to end."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow.dataset as pads
import pytest
from typer.testing import CliRunner

from eventwire.cli import _register, app
from eventwire.model import Article, Event
from eventwire.store import analytics
from eventwire.store.db import Store
from eventwire.store.export import Filters, export
from ingest_support import FIXTURES, coded

runner = CliRunner()
_register()


def _said(result: object) -> str:
    """The command's output with rich's line wrapping undone."""
    return " ".join(result.output.split())  # type: ignore[attr-defined]


def _art(aid: str, published: str) -> Article:
    return Article(id=aid, text=f"Iran and Russia held talks, officials said ({aid}).",
                   title=aid, published=published, url=f"https://x.org/{aid}", source="wire")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three stories: a1 (two copies), b1, c1 (with a negated event that must never count)."""
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        for aid, story, published, triples in (
                ("a1", "a1", "2022-03-01", [("IRN", "CONSULT", "RUS"), ("RUS", "ACCUSE", "USA")]),
                ("a2", "a1", "2022-03-02", [("IRN", "CONSULT", "RUS"), ("RUS", "ACCUSE", "USA")]),
                ("b1", "b1", "2022-03-15", [("IRN", "CONSULT", "RUS")]),
                ("c1", "c1", "2022-04-02", [("USA", "SANCTION", "IRN")])):
            art = _art(aid, published)
            result = coded(art, triples)
            if aid == "c1":
                result.events += coded(art, [("IRN", "THREATEN", "USA")], negated=True).events
            store.save(result, art, story)
    return path


def test_canned_analytics_count_each_story_once_unless_asked(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        c = store.conn
        dyads = analytics.top_dyads(c).set_index(["actor", "recipient"])["events"].to_dict()
        every = analytics.top_dyads(c, with_duplicates=True).set_index(
            ["actor", "recipient"])["events"].to_dict()
        assert dyads == {("IRN", "RUS"): 2, ("RUS", "USA"): 1, ("USA", "IRN"): 1}
        assert every == {("IRN", "RUS"): 3, ("RUS", "USA"): 2, ("USA", "IRN"): 1}
        weekly = analytics.dyad_timeline(c, "IRN", "RUS", by="week")
        assert weekly["CONSULT"].tolist() == [1, 1] and weekly["total"].sum() == 2
        index = analytics.coop_conflict_index(c, by="month")
        assert index["net"].tolist() == [1.0 + 1.0 - 8.0, -8.0]  # Mar: 2 CONSULT + ACCUSE
        actors = analytics.top_actors(c).set_index("actor")["events"].to_dict()
        assert actors == {"IRN": 3, "RUS": 3, "USA": 2}
        edges = analytics.network_edges(c, min_events=2)
        assert edges[["source", "target", "weight"]].values.tolist() == [["IRN", "RUS", 2]]
        profile = analytics.actor_profile(c, "USA")
        assert set(map(tuple, profile[["role", "counterpart", "event"]].values.tolist())) == {
            ("actor", "IRN", "SANCTION"), ("recipient", "RUS", "ACCUSE")}


def test_sql_passthrough_is_read_only(db: Path) -> None:
    ok = runner.invoke(app, ["query", "SELECT id, story_id FROM articles ORDER BY id",
                             "--db", str(db), "--format", "csv"])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.splitlines() == ["id,story_id", "a1,a1", "a2,a1", "b1,b1", "c1,c1"]
    for sql in ("DELETE FROM articles", "CREATE TABLE t (x INT)",
                "UPDATE events SET event = 'AID'"):
        refused = runner.invoke(app, ["query", sql, "--db", str(db)])
        assert refused.exit_code == 2 and "read-only" in _said(refused)
        assert "Traceback" not in refused.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 4


def test_canned_queries_on_the_command_line(db: Path) -> None:
    top = runner.invoke(app, ["query", "--top-dyads", "--db", str(db), "--format", "json"])
    assert top.exit_code == 0, top.output
    assert (json.loads(top.stdout)[0]["actor"], json.loads(top.stdout)[0]["events"]) == ("IRN", 2)
    dup = runner.invoke(app, ["query", "--top-dyads", "--with-duplicates", "--db", str(db),
                              "--format", "json"])
    assert json.loads(dup.stdout)[0]["events"] == 3
    line = runner.invoke(app, ["query", "--timeline", "irn", "rus", "--by", "month", "--db",
                               str(db), "--format", "csv"])
    assert line.stdout.splitlines() == ["period,CONSULT,total", "2022-03-01,2,2"]
    table = runner.invoke(app, ["query", "--actor", "USA", "--db", str(db)])
    assert table.exit_code == 0 and "SANCTION" in table.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["query"], "ask one thing"),
    (["query", "--top-dyads", "--by", "fortnight"], "--by 'fortnight'"),
    (["query", "--top-dyads", "--format", "xml"], "--format 'xml'"),
    (["query", "SELEC 1"], "query failed"),
    (["export", "-o", "out.x", "--format", "xls"], "--format 'xls'"),
    (["export", "-o", "out.csv", "--format", "csv", "--since", "March"], "YYYY-MM-DD"),
])
def test_bad_requests_are_one_clear_line(db: Path, args: list[str], message: str) -> None:
    got = runner.invoke(app, [*args, "--db", str(db)])
    assert got.exit_code == 2 and message in _said(got) and "Traceback" not in got.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    got = runner.invoke(app, ["query", "--top-dyads", "--db", str(tmp_path / "none.duckdb")])
    assert got.exit_code == 2 and "no such database" in _said(got)


def test_exports_in_every_format_with_filters(db: Path, tmp_path: Path) -> None:
    with Store.open(db, read_only=True) as store:
        c = store.conn
        n = export(c, "plover-jsonl", tmp_path / "e.jsonl", Filters())
        records = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
        assert n == len(records) == 6  # the negated event stays out
        ev = Event.from_dict(records[0])
        assert ev.actor.code and ev.evidence.end > ev.evidence.start
        assert records[0]["article"]["url"].startswith("https://x.org/")
        assert export(c, "csv", tmp_path / "e.csv", Filters(actor="USA")) == 3
        with (tmp_path / "e.csv").open() as handle:
            rows = list(csv.DictReader(handle))
        assert {r["event"] for r in rows} == {"ACCUSE", "SANCTION"}
        assert export(c, "csv", tmp_path / "s.csv", Filters(event="sanction")) == 1
        assert export(c, "csv", tmp_path / "d.csv",
                      Filters(since=date(2022, 3, 2), until=date(2022, 3, 31))) == 3
        assert export(c, "gdelt-tsv", tmp_path / "e.tsv", Filters()) == 6
        lines = [x.split("\t") for x in (tmp_path / "e.tsv").read_text().splitlines()]
        assert {len(x) for x in lines} == {61}
        sanction = next(x for x in lines if x[5] == "USAGOV")
        assert sanction[1] == "20220402" and sanction[15] == "IRN" and sanction[29] == "4"
        assert export(c, "parquet", tmp_path / "pq", Filters()) == 6
    parts = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert parts == ["year_month=2022-03", "year_month=2022-04"]
    table = pads.dataset(tmp_path / "pq", partitioning="hive").to_table()
    assert table.num_rows == 6 and "year_month" in table.column_names


def test_ingest_command_end_to_end(tmp_path: Path, coder) -> None:
    db = tmp_path / "cli.duckdb"
    args = ["ingest", str(FIXTURES / "wire_stories.jsonl"), str(FIXTURES / "site"),
            str(tmp_path / "absent.jsonl"), "--db", str(db), "-q"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "stored 8 articles" in _said(first) and "1 errors" in _said(first)
    again = runner.invoke(app, args)
    assert "stored 0 articles" in _said(again) and "skipped 8" in _said(again)
    only_bad = runner.invoke(app, ["ingest", str(tmp_path / "absent.jsonl"), "--db", str(db)])
    assert only_bad.exit_code == 1 and "no such file" in _said(only_bad)
    stories = runner.invoke(app, ["query", "SELECT count(DISTINCT story_id) AS n FROM articles",
                                  "--db", str(db), "--format", "csv"])
    assert stories.stdout.splitlines() == ["n", "6"]  # 3 wire copies are one story
