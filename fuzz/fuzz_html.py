"""Fuzz HTML extraction (saved pages, fetched pages, WARC payloads share it)."""

from __future__ import annotations

import harness

harness.instrument("trafilatura", "justext", "htmldate", "courlan")

from eventwire.ingest.html import read_html_file  # noqa: E402
from eventwire.ingest.limits import Limits  # noqa: E402

LIMITS = Limits(max_article_bytes=64 * 1024)


def test_one_input(data: bytes) -> None:
    path = harness.scratch_file(data, "page.html")
    if harness.check_records(read_html_file(path, LIMITS)) != 1:
        raise AssertionError("an HTML file must give exactly one record")


if __name__ == "__main__":
    harness.run(test_one_input)
