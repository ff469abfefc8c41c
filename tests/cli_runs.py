"""`eventwire` commands run as real subprocesses, side by side.

Each start spends seconds importing and loading spaCy on one core; commands that do not
depend on each other overlap, so a test waits for the slowest instead of the sum.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One command line and what it runs with (None: the test process's)."""

    args: Sequence[str]
    env: Mapping[str, str] | None = None
    input: str | None = None
    cwd: Path | None = None


def side_by_side(*runs: Run, timeout: float = 300) -> list[subprocess.CompletedProcess[str]]:
    """Start every run at once; their results, in order, once all have ended."""
    def one(run: Run) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(run.args), input=run.input, capture_output=True, text=True,
                              env=None if run.env is None else dict(run.env), cwd=run.cwd,
                              timeout=timeout)

    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        return list(pool.map(one, runs))
