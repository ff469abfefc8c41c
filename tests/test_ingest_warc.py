"""WARC.GZ files built with warcio's writer: HTML responses only, truncation reported once."""

from __future__ import annotations

import gzip
from pathlib import Path

from eventwire.batch.pipeline import ingest
from eventwire.ingest import RecordError, read_source
from eventwire.store.db import Store
from ingest_support import build_warc


def test_warc_yields_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path)
    records = list(read_source(str(path)))
    assert all(not isinstance(r, RecordError) for r in records)
    assert [r.url for r in records] == ["https://news.example.org/world/pact",
                                        "https://news.example.org/world/convoy"]
    assert records[0].published == "2022-07-19"


def test_truncated_warc_keeps_records_before_the_cut_and_gives_one_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    ends = build_warc(whole)
    data = whole.read_bytes()
    for cut in (ends[1] + (ends[2] - ends[1]) // 2, ends[3] + 40):  # inside a page, the 404
        cut_file = tmp_path / f"cut{cut}.warc.gz"
        cut_file.write_bytes(data[:cut])
        records = list(read_source(str(cut_file)))
        errors = [r for r in records if isinstance(r, RecordError)]
        kept = [r for r in records if not isinstance(r, RecordError)]
        assert len(errors) == 1 and "truncated" in errors[0].reason
        assert records[-1] is errors[0]
        assert [a.url for a in kept] == ["https://news.example.org/world/pact",
                                         "https://news.example.org/world/convoy"][:len(kept)]
        assert len(kept) == (1 if cut < ends[2] else 2)


def test_warc_ingest_then_reingest_stores_nothing_twice(tmp_path: Path, coder) -> None:
    path = tmp_path / "crawl.warc"  # uncompressed this time, sniffed by suffix
    gz = tmp_path / "crawl.warc.gz"
    build_warc(gz)
    path.write_bytes(gzip.decompress(gz.read_bytes()))
    with Store.open(tmp_path / "db.duckdb") as store:
        a = ingest(store, [str(gz)], coder=coder)
        b = ingest(store, [str(path), str(gz)], coder=coder)
        # 4 skipped: 2 repeated within the input (same ids), 2 already stored
        assert (a.stored, b.stored, b.skipped) == (2, 0, 4)
        assert store.counts()["articles"] == 2
