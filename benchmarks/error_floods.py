"""Floods of bad records: how long reading them takes, and that the good ones still arrive.

Usage: python benchmarks/error_floods.py [--lines 100000] [--items 20000]

Reads (no coding) the two floods of issue 18 from tests/hostile.py into a fresh DuckDB file:
N malformed JSONL lines followed by good articles, and a feed of N empty items and one real
one. Prints the seconds, the errors counted, the error rows kept and the good articles read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import hostile  # noqa: E402 - the generator lives with the tests
from eventwire.batch.pipeline import IngestStats, read_all  # noqa: E402
from eventwire.store.db import Store  # noqa: E402


def run(source: str, db: Path) -> tuple[float, int, int, int]:
    """Read one source into `db`; (seconds, errors, error rows, good articles)."""
    with Store.open(db) as store:
        stats = IngestStats(run_id=store.start_run([source]))
        started = time.perf_counter()
        articles = read_all(store, [source], stats.run_id, stats, None)
        store.finish_run(stats.run_id, "done", 0, 0, stats.errors, 0)
        seconds = time.perf_counter() - started
        (rows,) = store.conn.execute("SELECT count(*) FROM ingest_errors").fetchone()
    return seconds, stats.errors, int(rows), len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {"malformed JSONL lines": hostile.malformed_flood(folder, args.lines)[0],
                 "empty feed items": hostile.empty_items_feed(folder, args.items)[0]}
        print(f"{'flood':<24}{'seconds':>9}{'errors':>9}{'rows kept':>11}{'good read':>11}")
        for k, (name, source) in enumerate(cases.items()):
            seconds, errors, rows, good = run(source, folder / f"{k}.duckdb")
            print(f"{name:<24}{seconds:>9.2f}{errors:>9,}{rows:>11,}{good:>11}")


if __name__ == "__main__":
    main()
