"""RSS feeds by file and by URL over a real local HTTP server, with bounded fetching."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch.pipeline import ingest
from eventwire.batch.watch import parse_interval, read_feed_list, watch
from eventwire.ingest import RecordError, read_source
from eventwire.ingest.fetch import FetchError, fetch, make_client
from eventwire.store.db import Store
from ingest_support import FIXTURES, http_server


def test_feed_by_url_fetches_linked_pages_and_falls_back_to_summaries() -> None:
    with http_server() as base, make_client() as client:
        records = list(read_source(f"{base}/feed.rss", client))
    arts = [r for r in records if not isinstance(r, RecordError)]
    errs = [r for r in records if isinstance(r, RecordError)]
    assert [a.title for a in arts] == ["Iran and Russia sign energy pact in Moscow",
                                       "UN aid convoy reaches northern Syria",
                                       "Turkey and Greece hold talks on maritime dispute"]
    assert "Owji told reporters" in arts[0].text  # the full page, not the one-line summary
    assert "Bab al-Hawa" in arts[1].text
    assert arts[2].text.startswith("Turkish and Greek officials")  # 404: the summary
    assert arts[0].url == f"{base}/site/iran-russia-talks.html"
    assert [a.published for a in arts] == ["2022-07-19", "2022-07-21", "2022-07-22"]
    assert len(errs) == 1 and "HTTP 404" in errs[0].reason and "no summary" in errs[0].reason


def test_feed_file_uses_summaries_when_links_cannot_be_fetched() -> None:
    with make_client() as client:
        records = list(read_source(str(FIXTURES / "feed.rss"), client))
    arts = [r for r in records if not isinstance(r, RecordError)]
    assert len(arts) == 3 and arts[0].text.startswith("Iran and Russia signed an agreement")


def test_fetch_limits_redirects_size_and_time() -> None:
    with http_server() as base, make_client(timeout=2.0) as client:
        with pytest.raises(FetchError, match="redirects"):
            fetch(client, f"{base}/loop")
        with pytest.raises(FetchError, match="too large"):
            fetch(client, f"{base}/big", max_bytes=100_000)
        with pytest.raises(FetchError, match="HTTP 404"):
            fetch(client, f"{base}/nothing-here")
    with make_client(timeout=1.0) as client, pytest.raises(FetchError):
        fetch(client, "http://127.0.0.1:9/refused")


def test_not_a_feed_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rss"
    bad.write_text("<rss><channel><title>broken")
    (err,) = list(read_source(str(bad)))
    assert isinstance(err, RecordError) and "not a readable RSS/Atom feed" in err.reason


def test_feed_ingest_and_watch_store_only_new_items(tmp_path: Path, coder) -> None:
    feeds = tmp_path / "feeds.txt"
    with http_server() as base:
        feeds.write_text(f"# my feeds\n{base}/feed.rss\n{base}/missing-feed.rss\n\n")
        assert read_feed_list(feeds) == [f"{base}/feed.rss", f"{base}/missing-feed.rss"]
        reports: list[tuple[object, object]] = []
        with Store.open(tmp_path / "db.duckdb") as store:
            polls = watch(store, feeds, 0.01, coder, once=True,
                          report=lambda s, p: reports.append((s, p)))
            first = reports[0][0]
            assert polls == 1 and first is not None
            assert (first.stored, first.errors) == (3, 2)  # empty item + unreachable feed
            again = ingest(store, [f"{base}/feed.rss"], coder=coder, skip_known=True)
            assert (again.stored, again.skipped) == (0, 0)  # known items: not even fetched
            assert store.counts()["articles"] == 3
            reasons = [r[0] for r in store.conn.execute(
                "SELECT reason FROM ingest_errors ORDER BY reason").fetchall()]
    assert any("cannot fetch" in r or "cannot read feed" in r for r in reasons)


def test_watch_survives_a_failing_poll(tmp_path: Path, coder) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(str(FIXTURES / "feed.rss") + "\n")
    calls: list[str | None] = []
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        if len(slept) == 1:
            feeds.write_text("")  # the next poll finds an empty list: reported, not fatal
        else:
            raise KeyboardInterrupt

    with Store.open(tmp_path / "db.duckdb") as store, pytest.raises(KeyboardInterrupt):
        watch(store, feeds, 5.0, coder, report=lambda s, p: calls.append(p), sleep=sleep)
    assert calls[0] is None and "no feeds listed" in (calls[1] or "")
    assert slept == [5.0, 5.0]


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600),
                                               ("2", 2), ("1.5m", 90)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


def test_bad_interval_names_the_input() -> None:
    with pytest.raises(Exception, match="--every 'soon'"):
        parse_interval("soon")
