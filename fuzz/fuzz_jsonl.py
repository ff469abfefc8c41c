"""Fuzz the JSON Lines reader with whole files: every line ends as an Article or an error."""

from __future__ import annotations

import harness

harness.instrument()

from eventwire.ingest.jsonl import read_jsonl  # noqa: E402
from eventwire.ingest.limits import Limits  # noqa: E402

LIMITS = Limits(max_article_bytes=4096)  # small, so the over-limit path is reached too


def test_one_input(data: bytes) -> None:
    path = harness.scratch_file(data, "input.jsonl")
    n = harness.check_records(read_jsonl(path, LIMITS))
    lines = data.count(b"\n") + 1
    if n > lines:
        raise AssertionError(f"{n} records from {lines} lines")


if __name__ == "__main__":
    harness.run(test_one_input)
