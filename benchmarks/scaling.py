"""Cluster scaling: articles/s coded with 1 and 2 Dask workers on the BBC corpus, and memory.

Usage: python benchmarks/scaling.py [--limit 400] [--workers 1,2] [--chunk-lines N]
                                    [--corpus PATH] [--baseline]
--baseline first codes the same partitions in this process without Dask (Dask's overhead).
Each run starts a LocalCluster (one thread per worker process), loads the coder on every worker
and warms it up, then times a lake-only ingest of the first --limit articles (reading, coding,
Parquet partitions, the driver's story pass). Also printed: each worker's CPU seconds over the
run (below the wall time when the worker waited for a core: on a shared machine the speed-up
is the ratio of cores the workers got times the ratio of CPU seconds per article), the
driver's (it hosts the scheduler), the load average, and each worker's peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from eventwire.batch.distributed import (
    CoderPlugin,
    Job,
    code_partition,
    ingest_distributed,
    open_client,
    plan,
    worker_coder,
)
from eventwire.batch.lake import PartitionSummary, write_partition
from eventwire.batch.workers import CoderSpec, code_batch
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.limits import Limits
from eventwire.model import Article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / \
    "bbc_fulltext_2225.jsonl"


def _cpu_seconds() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _warm(spec: CoderSpec, articles: list[Article], scratch: str) -> int:
    """Code, sign and write a few articles so the timed run pays no lazy start-up cost."""
    outcomes = code_batch(worker_coder(spec), articles, len(articles))
    write_partition(Path(scratch), f"warm-{os.getpid()}", outcomes, [], "warm",
                    PartitionSummary(""))
    return len(outcomes)


@dataclass
class Result:
    """One timed run."""

    workers: int
    articles: int
    events: int
    seconds: float
    worker_cpu: list[float]
    driver_cpu: float
    load: tuple[float, float]
    peak_mb: list[float]

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def cores(self) -> float:
        """CPU the workers actually got, in cores: below `workers` when they waited for one."""
        return sum(self.worker_cpu) / self.seconds

    @property
    def cpu_per_article(self) -> float:
        return sum(self.worker_cpu) / self.articles


def run(workers: int, sample: Path, warm: list[Article], chunk_lines: int,
        tmp: Path) -> Result:
    """One timed lake-only ingest on a fresh LocalCluster of `workers` processes."""
    spec = CoderSpec()
    with open_client(workers=workers) as client:
        client.register_plugin(CoderPlugin(spec), name=CoderPlugin.name)
        client.run(_warm, spec, warm, str(tmp / "scratch"))
        cpu0 = client.run(_cpu_seconds)
        driver0 = _cpu_seconds()
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        stats = ingest_distributed(client, [str(sample)], spec, lake=tmp / f"lake{workers}",
                                   chunk_lines=chunk_lines)
        wall = time.perf_counter() - t0
        cpu = [c - cpu0[w] for w, c in client.run(_cpu_seconds).items()]
        peak = list(client.run(_peak_mb).values())
    return Result(workers, stats.stored, stats.events, wall, sorted(cpu),
                  _cpu_seconds() - driver0, (load0, os.getloadavg()[0]), sorted(peak))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", default="1,2", help="Comma-separated worker counts.")
    parser.add_argument("--chunk-lines", type=int, default=0,
                        help="JSONL lines per partition (default: 20 partitions per worker).")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--baseline", action="store_true",
                        help="Also time the same partitions coded in this process, no Dask.")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: corpus not found (it lives in ../shared/corpus)")
    counts = [int(n) for n in args.workers.split(",")]
    chunk = args.chunk_lines or max(1, args.limit // (20 * max(counts)))
    print(f"{args.limit} articles of {args.corpus.name}, {chunk} lines per partition, "
          f"{os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        sample = tmp / "sample.jsonl"
        with args.corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            out.writelines(islice(src, args.limit))
        articles = [a for a in read_jsonl(sample) if isinstance(a, Article)]
        if args.baseline:  # the tasks' work, without Dask
            spec = CoderSpec()
            _warm(spec, articles[:4], str(tmp / "scratch"))
            job = Job(spec, str(tmp / "lake0"), "baseline", limits=Limits.from_env())
            t0, cpu0 = time.perf_counter(), _cpu_seconds()
            for part in plan([str(sample)], chunk, spec):
                code_partition(part, job)
            base, cpu = time.perf_counter() - t0, _cpu_seconds() - cpu0
            print(f"in-process   : {base:7.1f}s  {len(articles) / base:6.2f} articles/s  "
                  f"(CPU s {cpu:.1f} = {cpu / base:.2f} cores, "
                  f"{cpu / len(articles):.3f} CPU s/article)")
        results = [run(n, sample, articles[:4], chunk, tmp) for n in counts]
    for r in results:
        print(f"{r.workers} worker(s) : {r.seconds:7.1f}s  {r.rate:6.2f} articles/s  "
              f"({r.articles} articles, {r.events} events)")
        print(f"    worker CPU s: {', '.join(f'{c:.1f}' for c in r.worker_cpu)} "
              f"(= {r.cores:.2f} cores, {r.cpu_per_article:.3f} CPU s/article); "
              f"driver+scheduler CPU s: {r.driver_cpu:.1f}; load average "
              f"{r.load[0]:.2f} -> {r.load[1]:.2f}")
        print(f"    peak RSS per worker: {', '.join(f'{m:.0f} MB' for m in r.peak_mb)}")
    if len(results) >= 2:
        first, last = results[0], results[-1]
        print(f"speed-up {first.workers} -> {last.workers} workers: "
              f"{last.rate / first.rate:.2f}x = {last.cores / first.cores:.2f}x the cores "
              f"the workers got x {first.cpu_per_article / last.cpu_per_article:.2f} CPU "
              "efficiency per article")


if __name__ == "__main__":
    main()
