"""Crash soak: `kill -9` `eventwire ingest` at random points; nothing may be lost or doubled.

Usage: python benchmarks/crash_soak.py [--kills 10] [--articles 40] [--seed 7] [--json OUT]

The script loads the coder once, the way `eventwire ingest` does, then forks a child per run
that executes the real CLI (`eventwire ingest CORPUS --db DB`) from that warm state, so a kill
costs the ingest work and not ten seconds of model loading. Each child is SIGKILLed after a
random delay drawn over the time the rest of the work should take (small batches, so kills
land between and inside the per-article transactions); after every kill the database must
open read-only. A final uninterrupted run of
the real `eventwire` executable must then leave the database equal to an uninterrupted run's:
the same articles, events (by id), mentions, quotes, signatures and stories, nothing twice.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

COUNTRIES = ["Iran", "Russia", "Turkey", "Greece", "Egypt", "Israel", "France", "Germany",
             "China", "Japan", "India", "Pakistan", "Brazil", "Mexico", "Kenya", "Ethiopia"]
ACTS = ["signed an energy agreement with", "held talks with", "accused", "imposed sanctions on",
        "sent aid to", "criticised", "met officials from", "threatened"]
TABLES = {  # table -> columns that legitimately differ between runs
    "articles": ("ingested_at", "run_id"), "events": (), "mentions": (), "quotes": (),
    "minhashes": (), "story_events": (),
}


def build_corpus(path: Path, n: int, seed: int) -> None:
    """Short distinct articles, plus wire copies of some (so stories have several articles)."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        act = rng.choice(ACTS)
        text = (f"{a} {act} {b} on Tuesday, officials said. The ministers of {a} and {b} "
                f"spoke in the capital about trade and security (report {k}).")
        rows.append({"id": f"a{k:03d}", "published": f"2022-03-{1 + k % 28:02d}", "text": text})
        if k % 4 == 3:  # a wire copy: same story, a few words changed
            rows.append({"id": f"a{k:03d}-wire", "published": f"2022-03-{1 + k % 28:02d}",
                         "text": text.replace("officials said", "a spokesman said")})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def snapshot(db: Path) -> dict[str, list[str]]:
    """Every row of the tables that must match, minus run bookkeeping, sorted."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, skip in TABLES.items():
            cols = f"* EXCLUDE ({', '.join(skip)})" if skip else "*"
            out[table] = sorted(repr(r) for r in conn.execute(f"SELECT {cols} FROM {table}")
                                .fetchall())
        return out
    finally:
        conn.close()


def duplicates(db: Path) -> dict[str, int]:
    """Rows whose key appears more than once (must be zero everywhere)."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        keys = {"articles": "id", "events": "id", "minhashes": "article_id",
                "mentions": "article_id, idx", "quotes": "article_id, idx"}
        return {t: int(conn.execute(f"SELECT count(*) - count(DISTINCT ({k})) FROM {t}")
                       .fetchone()[0]) for t, k in keys.items()}
    finally:
        conn.close()


def readable(db: Path) -> int:
    """Open the file read-only after a kill; returns the articles stored so far (-1: no schema,
    or no file yet: a run killed before it opened the database has nothing to lose)."""
    if not db.exists():
        return -1
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables")
                  .fetchall()}
        if "articles" not in tables:
            return -1
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def warm_up(work: Path) -> None:
    """Load what `eventwire ingest` loads (the caches are shared with forked children).

    The CLI imports its store, readers, pandas and pyarrow only when a command runs, so the
    warm-up is one real ingest of one article into a throwaway database.
    """
    from eventwire.cli import _register, app

    _register()
    corpus = work / "warm.jsonl"
    corpus.write_text(json.dumps({"id": "warm", "published": "2022-03-01", "text": "Iran and "
                                  "Russia met in Moscow on Tuesday."}) + "\n", encoding="utf-8")
    try:
        app(["ingest", str(corpus), "--db", str(work / "warm.duckdb"), "--quiet"],
            prog_name="eventwire")
    except SystemExit as exc:
        if exc.code:
            raise RuntimeError(f"warm-up ingest failed ({exc.code})") from None


INGEST_OPTIONS = ["--quiet", "--batch-size", "4", "--commit-every", "4"]


def fork_ingest(corpus: Path, db: Path) -> int:
    """Fork a child that runs the real CLI: `eventwire ingest CORPUS --db DB ...`."""
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        from eventwire.cli import app

        app(["ingest", str(corpus), "--db", str(db), *INGEST_OPTIONS], prog_name="eventwire")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os._exit(code)  # never run the parent's exit handlers in the child


def run_to_end(corpus: Path, db: Path) -> float:
    """An uninterrupted forked run; returns its duration."""
    started = time.perf_counter()
    _, status = os.waitpid(fork_ingest(corpus, db), 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"reference ingest into {db} failed ({status})")
    return time.perf_counter() - started


def soak(kills: int, articles: int, seed: int, work: Path) -> dict[str, Any]:
    """The whole experiment; returns the figures and whether the final database matched."""
    rng = random.Random(seed)
    corpus, ref_db, db = work / "corpus.jsonl", work / "reference.duckdb", work / "soak.duckdb"
    build_corpus(corpus, articles, seed)
    started = time.perf_counter()
    warm_up(work)
    ref_seconds = run_to_end(corpus, ref_db)
    total = readable(ref_db)
    delivered, finished_first, unreadable, counts = 0, 0, [], []
    stored, scale, attempts = 0, 1.0, 0
    while delivered < kills and attempts < kills * 5:
        attempts += 1
        before = stored
        pid = fork_ingest(corpus, db)
        left = 1 - max(stored, 0) / total  # kill within what this run still has to do
        time.sleep(rng.uniform(0.0, scale * (0.2 + ref_seconds * left)))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        try:
            stored = readable(db)
            counts.append(stored)
        except duckdb.Error as exc:
            unreadable.append(f"after kill {delivered}: {exc}")
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            delivered += 1
            if stored == before and stored < total:
                scale *= 1.5  # killed before its first write: this machine is slower, wait longer
        else:
            finished_first += 1  # the run ended before the kill: aim earlier next time
            scale /= 2
    exe = Path(sys.executable).with_name("eventwire")
    final = subprocess.run([str(exe), "ingest", str(corpus), "--db", str(db), *INGEST_OPTIONS],
                           capture_output=True, text=True)
    same = final.returncode == 0 and snapshot(db) == snapshot(ref_db)
    return {
        "kills_requested": kills, "kills_survived": delivered if not unreadable and same else 0,
        "kills_delivered": delivered, "runs_finished_before_kill": finished_first,
        "articles_after_each_kill": counts, "unreadable": unreadable,
        "final_run": final.returncode, "final_stderr": final.stderr.strip()[-400:],
        "matches_uninterrupted_run": same, "duplicates": duplicates(db),
        "reference_articles": total, "reference_run_seconds": round(ref_seconds, 2),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    if not hasattr(os, "fork"):
        sys.exit("crash_soak needs os.fork (Linux or macOS)")
    with tempfile.TemporaryDirectory(prefix="eventwire-soak-") as tmp:
        res = soak(args.kills, args.articles, args.seed, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n")
    print(f"survived {res['kills_survived']}/{res['kills_requested']} kills "
          f"({res['runs_finished_before_kill']} runs ended before their kill); "
          f"articles stored after each run: {res['articles_after_each_kill']}; final run == "
          f"uninterrupted run: {res['matches_uninterrupted_run']}; duplicates: "
          f"{sum(res['duplicates'].values())}; {res['seconds']}s")
    if res["unreadable"] or res["final_stderr"] and res["final_run"]:
        print("\n".join(res["unreadable"]) or res["final_stderr"], file=sys.stderr)
    ok = res["matches_uninterrupted_run"] and not res["unreadable"] and \
        res["kills_delivered"] == args.kills and not any(res["duplicates"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
