"""Precision mode: --min-confidence on code, export and query, and min_confidence in Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import eventwire
from eventwire.cli import _register, app
from eventwire.model import Article
from eventwire.store import analytics
from eventwire.store.db import Store
from eventwire.store.threshold import ThresholdError, parse_threshold
from ingest_support import coded

runner = CliRunner()
_register()
REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"

# (article, story, day, [(actor, event, recipient, confidence)]): story a1 has two copies.
STORED = [
    ("a1", "a1", "2022-03-01", [("IRN", "CONSULT", "RUS", 0.95), ("RUS", "ACCUSE", "USA", 0.4)]),
    ("a2", "a1", "2022-03-02", [("IRN", "CONSULT", "RUS", 0.5), ("RUS", "ACCUSE", "USA", 0.6)]),
    ("b1", "b1", "2022-03-15", [("IRN", "CONSULT", "RUS", 0.3)]),
    ("c1", "c1", "2022-04-02", [("USA", "SANCTION", "IRN", 0.8)]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB store whose events sit at several confidences."""
    path = tmp_path_factory.mktemp("precision") / "events.duckdb"
    with Store.open(path) as store:
        for aid, story, day, specs in STORED:
            art = Article(id=aid, text=f"Iran and Russia held talks, officials said ({aid}).",
                          title=aid, published=day, url=f"https://x.org/{aid}", source="wire")
            result = coded(art, [(a, e, r) for a, e, r, _ in specs])
            for event, spec in zip(result.events, specs, strict=True):
                event.confidence = spec[3]
            store.save(result, art, story)
    return path


def _dyads(conn, p: float | None, with_duplicates: bool = False) -> dict:
    df = analytics.top_dyads(conn, with_duplicates=with_duplicates, min_confidence=p)
    return df.set_index(["actor", "recipient"])["events"].to_dict()


def test_analytics_count_only_events_at_or_above_the_threshold(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        c = store.conn
        assert _dyads(c, None) == {("IRN", "RUS"): 2, ("RUS", "USA"): 1, ("USA", "IRN"): 1}
        assert _dyads(c, 0.0) == _dyads(c, None)
        # 0.5 is kept (at or above): story a1 counts once, b1 (0.3) is gone.
        assert _dyads(c, 0.5) == {("IRN", "RUS"): 1, ("RUS", "USA"): 1, ("USA", "IRN"): 1}
        assert _dyads(c, 0.5, True) == {("IRN", "RUS"): 2, ("RUS", "USA"): 1, ("USA", "IRN"): 1}
        assert _dyads(c, 0.7) == {("IRN", "RUS"): 1, ("USA", "IRN"): 1}
        assert _dyads(c, 0.7, True) == {("IRN", "RUS"): 1, ("USA", "IRN"): 1}
        assert _dyads(c, 0.99) == {}
        actors = analytics.top_actors(c, min_confidence=0.7).set_index("actor")["events"]
        assert actors.to_dict() == {"IRN": 2, "RUS": 1, "USA": 1}
        weekly = analytics.dyad_timeline(c, "IRN", "RUS", by="week", min_confidence=0.7)
        assert weekly["total"].tolist() == [1]
        edges = analytics.network_edges(c, min_confidence=0.7)
        assert sorted(edges["source"]) == ["IRN", "USA"]
        index = analytics.coop_conflict_index(c, by="month", min_confidence=0.7)
        assert index["net"].tolist() == [1.0, -8.0]  # March keeps one CONSULT, no ACCUSE
        profile = analytics.actor_profile(c, "USA", min_confidence=0.7)
        assert profile[["role", "counterpart"]].values.tolist() == [["actor", "IRN"]]


def test_export_drops_events_below_the_threshold(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.jsonl"
    done = runner.invoke(app, ["export", "-o", str(out), "--db", str(db),
                               "--min-confidence", "0.6"])
    assert done.exit_code == 0, done.output
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["confidence"] for r in kept) == [0.6, 0.8, 0.95]
    every = tmp_path / "all.csv"
    done = runner.invoke(app, ["export", "-o", str(every), "--db", str(db), "--format", "csv"])
    assert done.exit_code == 0, done.output
    assert len(every.read_text(encoding="utf-8").splitlines()) == 1 + 6  # header + all events


def test_query_canned_analyses_honour_the_threshold(db: Path) -> None:
    def dyads(*extra: str) -> set[tuple[str, str, int]]:
        done = runner.invoke(app, ["query", "--top-dyads", "--db", str(db), "--format", "json",
                                   *extra])
        assert done.exit_code == 0, done.output
        return {(r["actor"], r["recipient"], r["events"]) for r in json.loads(done.stdout)}

    assert dyads() == {("IRN", "RUS", 2), ("RUS", "USA", 1), ("USA", "IRN", 1)}
    assert dyads("--min-confidence", "0.7") == {("IRN", "RUS", 1), ("USA", "IRN", 1)}
    assert dyads("--min-confidence", "0.7", "--with-duplicates") == {
        ("IRN", "RUS", 1), ("USA", "IRN", 1)}
    sql = runner.invoke(app, ["query", "SELECT count(*) AS n FROM events", "--db", str(db),
                              "--min-confidence", "0.7"])
    assert sql.exit_code == 2
    assert "WHERE confidence >= 0.7" in " ".join(sql.output.split())


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.1", "nan", "inf", ""])
@pytest.mark.parametrize("command", [["code", "-"], ["export", "-o", "x.jsonl"],
                                     ["query", "--top-dyads"]])
def test_a_bad_threshold_is_one_line_naming_flag_and_value(command: list[str], value: str,
                                                          db: Path) -> None:
    args = [*command, "--min-confidence", value]
    if command[0] != "code":
        args += ["--db", str(db)]
    done = runner.invoke(app, args, input="Iran met Russia.")
    assert done.exit_code == 2
    lines = done.output.strip().splitlines()
    assert lines == [f"error: --min-confidence {value!r}: give a confidence from 0 to 1, "
                     "like 0.7"]


def test_code_prints_only_events_at_or_above_the_threshold(coder, tmp_path: Path) -> None:
    some = tmp_path / "some.jsonl"  # a few example articles keep the test quick
    some.write_text("".join(EXAMPLES.read_text(encoding="utf-8").splitlines(True)[:6]),
                    encoding="utf-8")

    def events(*extra: str) -> list[dict]:
        done = runner.invoke(app, ["code", str(some), *extra])
        assert done.exit_code == 0, done.output
        return [e for line in done.stdout.splitlines() for e in json.loads(line)["events"]]

    every = events()
    levels = sorted({e["confidence"] for e in every})
    assert len(levels) >= 2, f"the examples need events at two confidences at least: {levels}"
    p = levels[len(levels) // 2]
    kept = events("--min-confidence", str(p))
    assert kept == [e for e in every if e["confidence"] >= p]
    assert 0 < len(kept) < len(every)


def test_python_api_takes_min_confidence(db: Path, coder) -> None:
    with eventwire.read_store(db) as store:
        assert len(store.events()) == 6
        assert sorted(store.events(min_confidence=0.6)["confidence"]) == [0.6, 0.8, 0.95]
        assert store.top_dyads(min_confidence=0.7)["events"].tolist() == [1, 1]
        with pytest.raises(ValueError, match="min_confidence 2"):
            store.top_actors(min_confidence=2)
    article = coder.code_text("Iran and Russia signed an agreement. Russia accused the United "
                              "States.", published="2022-03-30")
    confidences = [e.confidence for e in article.events]
    frame = eventwire.to_dataframe([article], min_confidence=max(confidences))
    assert len(frame) == confidences.count(max(confidences))


def test_parse_threshold_accepts_only_zero_to_one() -> None:
    assert parse_threshold("0") == 0.0 and parse_threshold(1) == 1.0
    assert parse_threshold(None) is None
    for bad in ("x", 1.01, -1e-9, float("nan"), "1e3", 10**400):
        with pytest.raises(ThresholdError):
            parse_threshold(bad)


@given(st.one_of(st.text(max_size=20), st.floats(), st.integers()))
def test_parse_threshold_never_fails_another_way(value: object) -> None:
    """Untrusted text or numbers: a float in [0, 1], or a ThresholdError naming the value."""
    try:
        number = parse_threshold(value)  # type: ignore[arg-type]
    except ThresholdError as exc:
        assert str(exc).startswith(f"--min-confidence {value!r}:")
    else:
        assert number is not None and 0.0 <= number <= 1.0
