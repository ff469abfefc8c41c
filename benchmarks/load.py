"""Load: N concurrent clients against `eventwire serve` on loopback; req/s, p50/p95/p99, errors.

Usage: python benchmarks/load.py [--seconds 60] [--clients 8] [--code-share 0.25]
                                 [--db PATH] [--seed 1] [--json OUT.json]

Without --db it ingests examples/articles/articles.jsonl into a temporary database first. The
server is started read-only (no key) on 127.0.0.1 on a free port, so a --db is never changed.
Each client loops for --seconds: POST /v1/code with a short text from the examples (share
--code-share) or GET /v1/events with a random filter and page. Anything but a 2xx is an error.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
EVENTWIRE = Path(sys.executable).with_name("eventwire")
HOST = "127.0.0.1"  # loopback only, never an argument
CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
SORTS = ["date", "-date", "confidence", "-confidence", "intensity", "event", "actor"]
WORDS = ["talks", "minister", "sanctions", "agreement", "border", "aid", "trade", "troops"]


@dataclass
class Tally:
    """Latencies (ms) and errors of one endpoint, shared by the client threads."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(ms)
            if error is not None:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(error)


def short_texts(path: Path) -> list[str]:
    """One to three sentences from each example article: short texts to code."""
    texts = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            body = json.loads(line)["text"]
            sentences = re.split(r"(?<=[.!?])\s+", body.strip())
            for i in range(0, min(len(sentences), 9), 3):
                texts.append(" ".join(sentences[i:i + 1 + i % 3])[:600])
    return [t for t in texts if t.strip()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def build_db(path: Path) -> None:
    """Ingest the example corpus with the real CLI."""
    done = subprocess.run([str(EVENTWIRE), "ingest", str(EXAMPLES), "--db", str(path), "--quiet"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: eventwire ingest {EXAMPLES} failed: {done.stderr.strip()}")


def start_server(db: Path, port: int) -> subprocess.Popen[str]:
    """`eventwire serve` read-only on loopback; returns once it answers and the coder is warm."""
    env = {**os.environ, "EVENTWIRE_API_KEY": ""}
    proc = subprocess.Popen([str(EVENTWIRE), "serve", "--db", str(db), "--host", HOST,
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://{HOST}:{port}/v1/stats", timeout=2).raise_for_status()
            break
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_server(proc)
                raise SystemExit(f"error: eventwire serve did not start: "
                                 f"{proc.stderr.read()}") from None
            time.sleep(0.2)
    warm = httpx.post(f"http://{HOST}:{port}/v1/code", json={"text": "Chile met Peru."},
                      timeout=120)  # the server loads spaCy on the first coding request
    warm.raise_for_status()
    return proc


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def event_params(rng: random.Random, actors: list[str], total: int) -> dict[str, Any]:
    """A random but valid /v1/events query: some filters, a sort and a page."""
    params: dict[str, Any] = {"limit": rng.choice([10, 20, 50, 100]),
                              "sort": rng.choice(SORTS)}
    if actors and rng.random() < 0.4:
        params["actor"] = rng.choice(actors)
    if actors and rng.random() < 0.2:
        params["recipient"] = rng.choice(actors)
    if rng.random() < 0.3:
        params["event"] = rng.choice(CATEGORIES)
    if rng.random() < 0.2:
        params["q"] = rng.choice(WORDS)
    if rng.random() < 0.2:
        params["date_from"], params["date_to"] = "2024-01-01", "2024-12-31"
    if rng.random() < 0.3:
        params["offset"] = rng.randrange(0, max(total, 1))
    return params


def client_loop(base: str, until: float, rng: random.Random, code_share: float,
                texts: list[str], actors: list[str], total: int,
                tallies: dict[str, Tally]) -> None:
    """One client: requests back to back until the deadline."""
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            coding = rng.random() < code_share
            name = "POST /v1/code" if coding else "GET /v1/events"
            error = None
            start = time.perf_counter()
            try:
                if coding:
                    response = client.post("/v1/code", json={"text": rng.choice(texts)})
                else:
                    response = client.get("/v1/events",
                                          params=event_params(rng, actors, total))
                if not response.is_success:
                    error = f"{name}: {response.status_code} {response.text[:200]}"
            except httpx.HTTPError as exc:
                error = f"{name}: {type(exc).__name__}: {exc}"
            tallies[name].add((time.perf_counter() - start) * 1000, error)


def percentile(sorted_ms: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return float("nan")
    return sorted_ms[min(len(sorted_ms) - 1, max(0, round(p / 100 * len(sorted_ms)) - 1))]


def summary(name: str, tally: Tally, seconds: float) -> dict[str, Any]:
    ms = sorted(tally.latencies)
    return {"endpoint": name, "requests": len(ms), "rps": len(ms) / seconds,
            "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "errors": tally.errors, "error_samples": tally.samples}


def run(db: Path, seconds: float, clients: int, code_share: float, seed: int) -> dict[str, Any]:
    """Serve `db`, load it, stop it; the figures per endpoint and overall."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    proc = start_server(db, port)
    try:
        stats = httpx.get(f"{base}/v1/stats", timeout=10).json()
        top = httpx.get(f"{base}/v1/actors/top", params={"limit": 20}, timeout=10).json()
        actors = [row["actor"] for row in top["items"]]
        texts = short_texts(EXAMPLES)
        tallies = {"POST /v1/code": Tally(), "GET /v1/events": Tally()}
        load_before = os.getloadavg()[0]
        start = time.monotonic()
        until = start + seconds
        threads = [threading.Thread(target=client_loop, daemon=True, args=(
            base, until, random.Random(seed * 1000 + i), code_share, texts, actors,
            int(stats.get("events", 0)), tallies)) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 60)
        elapsed = time.monotonic() - start
    finally:
        stop_server(proc)
    everything = Tally(latencies=[ms for t in tallies.values() for ms in t.latencies],
                       errors=sum(t.errors for t in tallies.values()),
                       samples=[s for t in tallies.values() for s in t.samples][:5])
    rows = [summary(n, t, elapsed) for n, t in tallies.items()]
    rows.append(summary("overall", everything, elapsed))
    return {"seconds": elapsed, "clients": clients, "code_share": code_share,
            "articles": stats.get("articles"), "events": stats.get("events"),
            "cpus": os.cpu_count(), "loadavg_before": load_before,
            "loadavg_after": os.getloadavg()[0], "rows": rows}


def report(result: dict[str, Any]) -> None:
    print(f"{result['clients']} clients for {result['seconds']:.1f} s on {HOST}, "
          f"{result['code_share']:.0%} POST /v1/code, DB of {result['articles']} articles / "
          f"{result['events']} events; {result['cpus']} CPUs, load average "
          f"{result['loadavg_before']:.2f} before, {result['loadavg_after']:.2f} after")
    print(f"{'endpoint':16} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'errors':>7}")
    for row in result["rows"]:
        print(f"{row['endpoint']:16} {row['requests']:9d} {row['rps']:8.1f} "
              f"{row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['p99_ms']:8.1f} "
              f"{row['errors']:7d}")
    for sample in result["rows"][-1]["error_samples"]:
        print(f"  error: {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--code-share", type=float, default=0.25,
                        help="Fraction of requests that are POST /v1/code.")
    parser.add_argument("--db", type=Path, help="Serve this database (read-only) instead.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    if not 0 < args.seconds <= 3600 or not 1 <= args.clients <= 64:
        parser.error("--seconds must be in (0, 3600] and --clients in [1, 64]")
    if not 0 <= args.code_share <= 1:
        parser.error("--code-share must be between 0 and 1")
    if args.db is not None and not args.db.is_file():
        parser.error(f"--db {args.db}: no such database file")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "load.duckdb"
            build_db(db)
        result = run(db, args.seconds, args.clients, args.code_share, args.seed)
    report(result)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2), "utf-8")
    if result["rows"][-1]["errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
