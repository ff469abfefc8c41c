"""Run every atheris target for a bounded time on generated seeds; print inputs run per target.

    .venv/bin/python fuzz/run_all.py --seconds 60            # all targets, 60 s each
    .venv/bin/python fuzz/run_all.py --runs 20000 jsonl warc  # a fixed number of inputs
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = REPO / "src" / "eventwire" / "knowledge" / "data"
FIXTURES = REPO / "tests" / "fixtures"
ARTIFACTS = Path(tempfile.gettempdir()) / "eventwire-fuzz-artifacts"
TARGETS = ("normalise", "jsonl", "html", "rss", "warc", "actors", "lexicon")


def _warc(html: bytes, compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://news.example.org/a", "response", payload=io.BytesIO(html),
        http_headers=headers, warc_headers_dict={"WARC-Date": "2022-07-25T10:00:00Z"}))
    return out.getvalue()


def _yaml_heads(folder: Path, n: int, sectioned: bool) -> list[bytes]:
    seeds = []
    for path in sorted(folder.glob("*.yaml")):
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or [])[:n]
        data = {path.stem: entries} if sectioned else entries
        seeds.append(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
    return seeds


def seeds(target: str) -> list[bytes]:
    """A small valid corpus per target, generated from the repo's own fixtures and data."""
    page = (FIXTURES / "site" / "iran-russia-talks.html").read_bytes()
    if target == "normalise":
        return [b"Title\n\nIran and Russia met.\x00Tue, 19 Jul 2022 09:30:00 GMT",
                "Ministers\u2019 talks \ud800".encode("utf-8", "surrogatepass")]
    if target == "jsonl":
        lines = (FIXTURES / "wire_stories.jsonl").read_bytes().splitlines(keepends=True)
        return [line[:4000] for line in lines] + [json.dumps({"id": 1, "text": "x"}).encode()]
    if target == "html":
        return [p.read_bytes() for p in sorted((FIXTURES / "site").glob("*.html"))]
    if target == "rss":
        return [(FIXTURES / "feed.rss").read_bytes()]
    if target == "warc":
        return [_warc(page, True), _warc(page, False), gzip.compress(_warc(page, False))[:600]]
    if target == "actors":
        return _yaml_heads(DATA / "actors", 2, sectioned=True)
    if target == "lexicon":
        return _yaml_heads(DATA / "lexicon", 3, sectioned=False)
    raise ValueError(target)


def run_target(target: str, seconds: int | None, runs: int | None, work: Path) -> dict:
    """One libFuzzer session; returns inputs run, seconds, and any crash file."""
    corpus = work / f"corpus-{target}"
    corpus.mkdir(exist_ok=True)
    for k, seed in enumerate(seeds(target)):
        (corpus / f"seed{k}").write_bytes(seed)
    artifacts = ARTIFACTS / target  # kept after the run, to reproduce: fuzz_<target>.py FILE
    artifacts.mkdir(parents=True, exist_ok=True)
    before = set(artifacts.iterdir())
    cmd = [sys.executable, str(HERE / f"fuzz_{target}.py"), str(corpus), "-timeout=20",
           "-rss_limit_mb=3072", "-print_final_stats=1", f"-artifact_prefix={artifacts}/",
           "-max_len=65536"]
    cmd += [f"-max_total_time={seconds}"] if seconds else []
    cmd += [f"-runs={runs}"] if runs else []
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=HERE)
    elapsed = time.perf_counter() - started
    found = re.search(r"stat::number_of_executed_units:\s*(\d+)", proc.stderr)
    done = re.findall(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)", proc.stderr)
    executed = int(found[1]) if found else (int(done[-1]) if done else 0)
    new = sorted(set(artifacts.iterdir()) - before)
    crashes = [str(p) for p in new if not p.name.startswith("slow-unit")]
    slow = [str(p) for p in new if p.name.startswith("slow-unit")]
    if proc.returncode != 0 and not crashes:
        crashes = [f"(exit code {proc.returncode})"]
    tail = "\n".join(proc.stderr.splitlines()[-25:]) if proc.returncode != 0 else ""
    slowest = re.search(r"stat::slowest_unit_time_sec:\s*(\d+)", proc.stderr)
    return {"target": target, "inputs": executed, "seconds": round(elapsed, 1),
            "slowest_input_s": int(slowest[1]) if slowest else None,
            "crashes": crashes, "slow_units": slow, "log_tail": tail}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS), help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=60, help="Time per target.")
    parser.add_argument("--runs", type=int, default=None, help="Inputs per target instead.")
    parser.add_argument("--json", type=Path, default=None, help="Also write results here.")
    args = parser.parse_args()
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; choose from {', '.join(TARGETS)}")
    results = []
    with tempfile.TemporaryDirectory(prefix="eventwire-fuzz-run-") as tmp:
        for target in args.targets:
            res = run_target(target, None if args.runs else args.seconds, args.runs, Path(tmp))
            results.append(res)
            status = "ok" if not res["crashes"] else f"CRASH {res['crashes']}"
            if res["slow_units"]:
                status += f" (inputs over 10 s: {res['slow_units']})"
            print(f"{target:10s} {res['inputs']:>9,d} inputs in {res['seconds']:6.1f}s, slowest "
                  f"input {res['slowest_input_s']}s  {status}", flush=True)
            if res["log_tail"]:
                print(res["log_tail"], flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if any(r["crashes"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
