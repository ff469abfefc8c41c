"""Fuzz the WARC reader with damaged, truncated and invented archives (plain and gzip)."""

from __future__ import annotations

import harness

harness.instrument("warcio")

from eventwire.ingest.limits import Limits  # noqa: E402
from eventwire.ingest.warc import read_warc  # noqa: E402

LIMITS = Limits(max_article_bytes=64 * 1024)


def test_one_input(data: bytes) -> None:
    name = "input.warc.gz" if data[:2] == b"\x1f\x8b" else "input.warc"
    harness.check_records(read_warc(harness.scratch_file(data, name), LIMITS))


if __name__ == "__main__":
    harness.run(test_one_input)
