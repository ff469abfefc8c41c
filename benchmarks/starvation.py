"""Starvation: do reads stay fast while `POST /v1/code` is flooded? (issue 18, part 2)

Usage: python benchmarks/starvation.py [--small 45] [--large-chars 50000] [--reads 100]
                                       [--code-per-minute 0]

Starts `eventwire serve` (the real command, read-only, on a free 127.0.0.1 port) over a fresh
empty database, fires one large and --small small `POST /v1/code` requests at once from one
client address, and meanwhile times --reads sequential `GET /v1/stats` requests. Prints the
stats latency p50/p95/max and how the coding requests ended (200, 429 rate-limited, 503 queue
full). --code-per-minute 0 lifts the per-client rate limit so the queue limit is what is
measured (the default server would refuse most of the flood with 429 first).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from eventwire.store.db import Store

EVENTWIRE = Path(sys.executable).with_name("eventwire")
SENTENCES = ["Russia accused Ukraine of shelling the border town on Monday.",
             "France and Germany agreed to send aid to Poland.",
             "Protesters gathered outside the embassy of Turkey in Athens."]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prose(chars: int) -> str:
    words = (SENTENCES * (chars // 50 + 1))
    return " ".join(words)[:chars]


def _serve(db: Path, port: int, per_minute: float) -> subprocess.Popen[bytes]:
    cmd = [str(EVENTWIRE), "serve", "--db", str(db), "--port", str(port),
           "--code-per-minute", str(per_minute)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "NO_COLOR": "1"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("eventwire serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=45)
    parser.add_argument("--large-chars", type=int, default=50_000)
    parser.add_argument("--reads", type=int, default=100)
    parser.add_argument("--code-per-minute", type=float, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "empty.duckdb"
        Store.open(db).close()
        port = _free_port()
        proc = _serve(db, port, args.code_per_minute)
        url = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=url, timeout=300,
                              limits=httpx.Limits(max_connections=args.small + 10)) as client:
                client.post("/v1/code", json={"text": SENTENCES[0]})  # load the coder first
                with ThreadPoolExecutor(args.small + 1) as pool:
                    flood = [pool.submit(client.post, "/v1/code",
                                         json={"text": _prose(args.large_chars)})]
                    flood += [pool.submit(client.post, "/v1/code", json={"text": SENTENCES[1]})
                              for _ in range(args.small)]
                    time.sleep(0.2)
                    latencies = []
                    for _ in range(args.reads):
                        started = time.perf_counter()
                        client.get("/v1/stats").raise_for_status()
                        latencies.append((time.perf_counter() - started) * 1000)
                    outcomes = Counter(f.result().status_code for f in flood)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"GET /v1/stats during 1 large ({args.large_chars:,} chars) + {args.small} small "
          f"POST /v1/code: n={len(latencies)} p50={statistics.median(latencies):.0f} ms "
          f"p95={p95:.0f} ms max={latencies[-1]:.0f} ms")
    print("POST /v1/code outcomes: " + ", ".join(f"{code}: {n}"
                                                 for code, n in sorted(outcomes.items())))


if __name__ == "__main__":
    main()
