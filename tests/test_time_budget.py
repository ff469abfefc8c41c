"""The per-article time budget (issue 18, part 1): an article past it becomes one error naming
it, and the articles after it are coded and stored as usual."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.batch.pipeline import ingest
from eventwire.coder import Coder
from eventwire.model import Article
from eventwire.nlp.deadline import ArticleTimeout, budget, check
from eventwire.store.db import Store

SHORT = "Iran and Russia signed an energy agreement in Tehran on Thursday."
PROSE = ("Russia accused Ukraine of shelling the border town of Belgorod on Monday. "
         "France and Germany agreed to send aid to Poland. ")
LONG = PROSE * 2_500  # about 300k characters: far more than 3 s of coding


def _batch(path: Path) -> Path:
    lines = [{"id": "short-1", "text": SHORT, "published": "2024-05-01"},
             {"id": "too-long", "text": LONG, "published": "2024-05-01"},
             {"id": "short-2", "text": SHORT, "published": "2024-05-01"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_the_deadline_passes_only_when_its_time_is_up() -> None:
    with budget(None):
        check()
    with budget(60):
        check()
    with budget(0.001):
        time.sleep(0.01)
        with pytest.raises(ArticleTimeout, match="0.001 s"):
            check()
    check()  # no deadline outside a budget


def test_an_article_over_budget_yields_its_timeout_and_the_rest_are_coded(coder: Coder) -> None:
    hurried = Coder(coder.nlp, coder.knowledge, max_seconds=3)
    hurried.warm_up()  # data loaded on first use is not charged to an article
    articles = [Article(id=a, text=t, published="2024-05-01")
                for a, t in [("a", SHORT), ("b", LONG), ("c", SHORT)]]
    started = time.monotonic()
    results = list(hurried.code_each(articles))
    assert time.monotonic() - started < 40
    assert [type(r).__name__ for r in results] == ["CodedArticle", "ArticleTimeout",
                                                   "CodedArticle"]
    assert [r.id for r in (results[0], results[2])] == ["a", "c"]  # type: ignore[union-attr]
    assert results[0].events  # type: ignore[union-attr]


@pytest.mark.slow
def test_code_names_the_article_over_budget_and_prints_the_others(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "batch.jsonl")
    done = subprocess.run([sys.executable, "-m", "eventwire", "code", str(batch),
                           "--max-seconds-per-article", "3"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["short-1", "short-2"]
    assert done.stderr.strip().splitlines() == [
        f"error: {batch} [too-long]: coding stopped after 3 s, the per-article budget "
        "(--max-seconds-per-article); the article is not stored"]


@pytest.mark.slow
def test_ingest_records_the_article_over_budget_and_stores_the_rest(tmp_path: Path,
                                                                    coder: Coder) -> None:
    hurried = Coder(coder.nlp, coder.knowledge, max_seconds=3)
    hurried.warm_up()  # data loaded on first use is not charged to an article
    batch = _batch(tmp_path / "batch.jsonl")
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest(store, [str(batch)], coder=hurried)
        errors = store.conn.execute("SELECT record, reason FROM ingest_errors").fetchall()
        stored = {row[0] for row in store.conn.execute("SELECT id FROM articles").fetchall()}
    assert (stats.stored, stats.errors) == (2, 1)
    assert stored == {"short-1", "short-2"}
    assert errors == [("too-long", "coding stopped after 3 s, the per-article budget "
                                   "(--max-seconds-per-article); the article is not stored")]
