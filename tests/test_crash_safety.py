"""kill -9 of `eventwire ingest` ten times in a row on one database, then a final run.

The work is done by benchmarks/crash_soak.py (run it with --kills N for a longer soak); this
test holds it to the contract: every kill delivered, the file readable after each, and the
final database equal to an uninterrupted run's, with nothing stored twice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[1] / "benchmarks" / "crash_soak.py"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the soak forks its ingest processes")
def test_ten_kills_in_a_row_lose_nothing_and_double_nothing(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    proc = subprocess.run([sys.executable, str(SOAK), "--kills", "10", "--articles", "40",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    res = json.loads(out.read_text())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert res["kills_delivered"] == res["kills_survived"] == 10
    assert res["unreadable"] == []  # every kill left a file DuckDB opens read-only
    counts, total = res["articles_after_each_kill"], res["reference_articles"]
    assert total == 50  # 40 articles and 10 wire copies
    assert any(0 < n < total for n in counts)  # some kills landed mid-ingest
    assert counts == sorted(counts)  # nothing stored was ever lost
    assert res["final_run"] == 0 and res["matches_uninterrupted_run"]
    assert not any(res["duplicates"].values())
