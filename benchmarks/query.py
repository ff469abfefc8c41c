"""Canned analyst queries over N synthetic events in a temporary DuckDB: p50/p95 latency.

Usage: python benchmarks/query.py [--events 1000000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eventwire.store import analytics
from eventwire.store.db import Store
from eventwire.store.schema import STORY_EVENTS_SELECT

CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
              "ASSAULT"]
QUADS = [1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4]
INTENSITY = [4, 1, 3, 2, 5, 6, 3, 1, -3, -2, -5, -4, -6, -5, -7, -9]
ACTORS = ["USA", "CHN", "RUS", "IRN", "ISR", "UKR", "GBR", "FRA", "DEU", "TUR", "IND", "PAK",
          "SAU", "SYR", "IRQ", "AFG", "PRK", "KOR", "JPN", "UNO", "EUR", "NATO", "EGY", "LBN",
          "PSE", "YEM", "VEN", "BRA", "MEX", "NGA", "ETH", "SDN", "QAT", "ARE", "JOR", "AZE",
          "ARM", "GEO", "BLR", "POL"]


def build(path: Path, n_events: int) -> None:
    """Fill a fresh store with n_events over n_events/10 articles in ~0.7 articles per story."""
    n_articles = max(n_events // 10, 1)
    with Store.open(path) as store:
        c = store.conn
        c.execute("SET threads = 2")
        c.execute(f"""
            INSERT INTO articles
            SELECT 'a' || i, NULL, 'title ' || i, 'synthetic',
                   DATE '2021-01-01' + CAST(hash(i) % 1095 AS INTEGER), 'text', 'h' || i,
                   'a' || (i - i % 3 * CAST(hash(i * 7) % 2 AS INTEGER)),
                   now(), 'bench'
            FROM range({n_articles}) t(i)""")
        acts = "[" + ", ".join(f"'{a}'" for a in ACTORS) + "]"
        cats = "[" + ", ".join(f"'{e}'" for e in CATEGORIES) + "]"
        # Zipf-like actor choice: low indexes far more common.
        pick = "{a}[1 + CAST(floor(40 * pow((hash(i * {k}) % 1000) / 1000.0, 2.5)) AS INTEGER)]"
        cat = "1 + CAST(hash(i * 3) % 16 AS INTEGER)"
        c.execute(f"""
            INSERT INTO events (id, article_id, event, quad, intensity, actor_code,
                                recipient_code, negated, confidence, rule, story_id, day)
            SELECT 'e' || i, a.id, {cats}[{cat}], {QUADS}[{cat}], {INTENSITY}[{cat}],
                   {pick.format(a=acts, k=5)}, {pick.format(a=acts, k=11)},
                   hash(i) % 50 = 0, 0.7, 'synthetic', a.story_id, a.published
            FROM range({n_events}) t(i) JOIN articles a ON a.id = 'a' || (i % {n_articles})""")
        c.execute(f"INSERT INTO story_events {STORY_EVENTS_SELECT} GROUP BY ALL")
        c.execute("CHECKPOINT")


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """p50 and p95 wall time in milliseconds (after one warm-up run)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(path, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.1f}s")
        with Store.open(path, read_only=True) as store:
            c = store.conn
            queries: dict[str, Callable[[], object]] = {
                "top_dyads": lambda: analytics.top_dyads(c),
                "timeline USA CHN week": lambda: analytics.dyad_timeline(c, "USA", "CHN", "week"),
                "actor RUS": lambda: analytics.actor_profile(c, "RUS"),
                "coop/conflict month": lambda: analytics.coop_conflict_index(c, "month"),
                "top_actors": lambda: analytics.top_actors(c),
                "network_edges": lambda: analytics.network_edges(c),
                "top_dyads --with-duplicates":
                    lambda: analytics.top_dyads(c, with_duplicates=True),
            }
            print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8}")
            for name, fn in queries.items():
                p50, p95 = timed(fn, args.repeat)
                print(f"{name:32} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
