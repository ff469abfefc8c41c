"""Ingest throughput (articles/s into DuckDB) against coding alone, on the BBC corpus.

Usage: python benchmarks/ingest.py [--limit 300] [--batch-size 32] [--corpus PATH]
Both timings reuse one loaded Coder and exclude loading it; ingest includes reading the JSONL,
idempotency checks, MinHash signatures, story assignment and one transaction per article.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from eventwire.batch.pipeline import ingest
from eventwire.coder import Coder
from eventwire.ingest.jsonl import read_jsonl
from eventwire.model import Article
from eventwire.store.db import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / \
    "bbc_fulltext_2225.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: corpus not found (it lives in ../shared/corpus)")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            for n, line in enumerate(src):
                if n >= args.limit:
                    break
                out.write(line)
        articles = [a for a in read_jsonl(sample) if isinstance(a, Article)]
        coder = Coder.load()
        list(coder.code_many(articles[:8]))  # warm-up

        t0 = time.perf_counter()
        coded = list(coder.code_many(articles, batch_size=args.batch_size))
        code_s = time.perf_counter() - t0
        events = sum(len(c.events) for c in coded)

        with Store.open(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            stats = ingest(store, [str(sample)], coder=coder, batch_size=args.batch_size)
            ingest_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = ingest(store, [str(sample)], coder=coder)
            rerun_s = time.perf_counter() - t0

    n = len(articles)
    print(f"articles: {n}, events coded: {events}, stored: {stats.stored} "
          f"(events {stats.events}), errors: {stats.errors}")
    print(f"coding alone : {code_s:7.2f}s  {n / code_s:6.1f} articles/s")
    print(f"ingest to DB : {ingest_s:7.2f}s  {n / ingest_s:6.1f} articles/s  "
          f"({code_s / ingest_s:.2f}x coding speed)")
    print(f"re-ingest    : {rerun_s:7.2f}s  (skipped {again.skipped}, stored {again.stored})")


if __name__ == "__main__":
    main()
