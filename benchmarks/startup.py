"""Start-up: wall time of `eventwire --help`, `code SEED` and `explain`, cache cold and warm.

Usage: python benchmarks/startup.py [--seed PATH] [--repeat 3] [--json OUT.json]

Each command runs as a new process, as a user types it. "cold" runs with an empty cache
folder (EVENTWIRE_CACHE_DIR set to a fresh temporary directory per command, so the compiled
knowledge is built from the YAML files and written); "warm" runs again with it filled. Warm
figures are the median of --repeat runs. CPU seconds (user + system) are printed beside
the wall time: on a shared machine the wall time includes waiting for a core. The seed
defaults to ../shared/seed/ when present, else the first example article.
Targets (issue 19): help < 0.5 s, warm code/explain < 4 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_SEED = REPO.parent / "shared" / "seed" / "seed-iran-russia.txt"
EVENTWIRE = Path(sys.executable).with_name("eventwire")
SENTENCE = "Russia's foreign minister Sergei Lavrov met Iranian officials in Tehran on Tuesday."


def _seed(explicit: str | None, folder: Path) -> Path:
    """The article to code: --seed, the shared seed, or the first example article."""
    if explicit:
        return Path(explicit)
    if SHARED_SEED.is_file():
        return SHARED_SEED
    first = json.loads((REPO / "examples" / "articles" / "articles.jsonl").read_text(
        encoding="utf-8").splitlines()[0])
    path = folder / "seed.txt"
    path.write_text(first["text"], encoding="utf-8")
    return path


def _time(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from process start to exit, and the CPU seconds it used (user + system:
    on a shared machine the wall time also counts waiting for a core). A failure stops here."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(EVENTWIRE), *args], env=env, capture_output=True, text=True,
                          timeout=600)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"eventwire {' '.join(args)} failed: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="Text file to code (default: the shared seed).")
    parser.add_argument("--repeat", type=int, default=3, help="Warm runs per command.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-startup-") as tmp:
        seed = _seed(opts.seed, Path(tmp))
        commands = {"help": ["--help"], "code --help": ["code", "--help"],
                    "code seed": ["code", str(seed)], "explain": ["explain", SENTENCE]}
        results: dict[str, dict[str, float]] = {}
        for k, (name, args) in enumerate(commands.items()):
            env = {**os.environ, "EVENTWIRE_CACHE_DIR": str(Path(tmp) / f"cache{k}")}
            env.pop("EVENTWIRE_NO_CACHE", None)
            cold = _time(args, env)  # an empty cache folder: the knowledge is built, written
            warm = [_time(args, env) for _ in range(opts.repeat)]
            results[name] = {
                "cold_s": round(cold[0], 2), "cold_cpu_s": round(cold[1], 2),
                "warm_s": round(statistics.median(w for w, _ in warm), 2),
                "warm_cpu_s": round(statistics.median(c for _, c in warm), 2)}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{'command':<14}{'cold s':>8}{'warm s':>8}{'cold cpu':>10}{'warm cpu':>10}   "
          f"(seed {seed.name}, load {load:.1f}, {os.cpu_count()} CPUs)")
    for name, r in results.items():
        print(f"{name:<14}{r['cold_s']:>8.2f}{r['warm_s']:>8.2f}{r['cold_cpu_s']:>10.2f}"
              f"{r['warm_cpu_s']:>10.2f}")
    if opts.json:
        opts.json.write_text(json.dumps({"seed": str(seed), "load": load, "results": results},
                                        indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
