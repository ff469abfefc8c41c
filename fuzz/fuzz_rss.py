"""Fuzz RSS/Atom parsing from a file (no network: items fall back to their summaries)."""

from __future__ import annotations

import harness

harness.instrument("feedparser")

from eventwire.ingest.limits import Limits  # noqa: E402
from eventwire.ingest.rss import read_feed  # noqa: E402

LIMITS = Limits(max_article_bytes=64 * 1024, max_feed_bytes=256 * 1024)


def test_one_input(data: bytes) -> None:
    path = harness.scratch_file(data, "feed.rss")
    if harness.check_records(read_feed(str(path), None, None, LIMITS)) < 1:
        raise AssertionError("a feed gives at least one record (an error if nothing else)")


if __name__ == "__main__":
    harness.run(test_one_input)
