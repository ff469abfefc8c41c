"""The Python API: coded articles and a real store as DataFrames with the export's columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import eventwire
from eventwire.batch.pipeline import ingest
from eventwire.cli.inputs import read_inputs
from eventwire.store.db import Store
from eventwire.store.export import Filters, export

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
CORE = ["id", "article_id", "event", "actor_code", "recipient_code", "evidence_text", "title"]


@pytest.fixture(scope="module")
def stored(coder, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """The example articles coded in memory and ingested into a real DuckDB file."""
    articles, errors = read_inputs([str(EXAMPLES)])
    assert not errors
    coded = list(coder.code_many(articles))
    db = tmp_path_factory.mktemp("frames") / "events.duckdb"
    with Store.open(db) as store:
        stats = ingest(store, [str(EXAMPLES)], coder=coder)
    assert stats.stored == len(articles)
    return db, coded


def test_to_dataframe_has_the_csv_export_columns_and_rows(stored, tmp_path: Path):
    db, coded = stored
    frame = eventwire.to_dataframe(coded)
    out = tmp_path / "events.csv"
    with Store.open(db, read_only=True) as store:
        n = export(store.conn, "csv", out, Filters())
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(frame.columns) == list(rows[0])
    assert len(frame) == n == sum(len(ca.events) for ca in coded)
    exported = sorted(tuple(r[c] for c in CORE) for r in rows)
    shown = sorted(tuple("" if v is None else str(v) for v in row)
                   for row in frame[CORE].astype(object).where(frame[CORE].notna(), None)
                   .itertuples(index=False))
    assert shown == exported


def test_read_store_answers_as_the_cli_does(stored):
    db, coded = stored
    with eventwire.read_store(db) as store:
        events = store.events()
        assert sorted(events["id"]) == sorted(eventwire.to_dataframe(coded)["id"])
        dyads = store.top_dyads(limit=3)
        actor, recipient = dyads.loc[0, "actor"], dyads.loc[0, "recipient"]
        timeline = store.dyad_timeline(actor.lower(), recipient, by="month")
        assert timeline["total"].sum() == dyads.loc[0, "events"]
        assert store.sql("SELECT count(*) AS n FROM articles")["n"][0] == len(coded)
        assert set(store.events(actor=actor)["actor_code"]) | \
            set(store.events(actor=actor)["recipient_code"]) >= {actor}


def test_code_text_and_code_agree_with_the_cli_house_rules(coder):
    text = "Russia's foreign minister Sergei Lavrov met Iranian officials in Tehran on Tuesday."
    by_text = coder.code_text(text, published="2022-03-30", title="Lavrov in Tehran")
    by_dict = coder.code({"id": by_text.id, "text": text, "published": "2022-03-30",
                          "title": "Lavrov in Tehran"})
    assert by_text.to_dict() == by_dict.to_dict()
    assert coder.code_text(text).id == by_text.id  # the id is the text's, like `code -`
    assert {(e.actor.code, e.event, e.recipient.code if e.recipient else None)
            for e in by_text.events} >= {("RUS", "CONSULT", "IRN")}
    assert by_text.events[0].date == "2022-03-29"


def test_an_empty_list_gives_an_empty_frame_with_the_columns():
    frame = eventwire.to_dataframe([])
    assert frame.empty and "actor_code" in frame.columns and "story_copies" in frame.columns
