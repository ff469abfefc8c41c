"""HTML pages and saved sites: trafilatura's text, title, date and url become the Article."""

from __future__ import annotations

from pathlib import Path

from eventwire.batch.pipeline import ingest
from eventwire.ingest import RecordError, read_source
from eventwire.ingest.html import article_from_html
from eventwire.ingest.record import article_id
from eventwire.store.db import Store
from ingest_support import FIXTURES

SITE = FIXTURES / "site"


def test_page_gives_text_title_date_and_canonical_url() -> None:
    (art,) = list(read_source(str(SITE / "iran-russia-talks.html")))
    assert not isinstance(art, RecordError)
    assert art.title == "Iran and Russia sign energy pact in Moscow"
    assert art.published == "2022-07-19"
    assert art.url == "https://news.example.org/world/iran-russia-energy-pact"
    assert art.id == article_id(None, art.url, "")
    assert "Owji told reporters" in art.text
    assert "Cookie settings" not in art.text and "Home" not in art.text.split("\n")[0]


def test_page_without_article_text_is_a_record_error() -> None:
    got = article_from_html(b"<html><body><nav>Home</nav></body></html>", source="s",
                            record="r")
    assert isinstance(got, RecordError) and "no article text" in got.reason


def test_saved_site_ingests_and_reingests_without_duplicates(tmp_path: Path, coder) -> None:
    with Store.open(tmp_path / "db.duckdb") as store:
        first = ingest(store, [str(SITE)], coder=coder)
        counts = store.counts()
        second = ingest(store, [str(SITE)], coder=coder)
        assert (first.stored, first.errors) == (2, 0)
        assert (second.stored, second.skipped) == (0, 2)
        assert store.counts() == counts
        rows = store.conn.execute(
            "SELECT title, CAST(published AS VARCHAR) FROM articles ORDER BY title").fetchall()
    assert rows == [("Iran and Russia sign energy pact in Moscow", "2022-07-19"),
                    ("UN aid convoy reaches northern Syria", "2022-07-21")]
