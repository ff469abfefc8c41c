"""`eventwire code` on bad input: one line per bad record, naming file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_code(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire", "code", *args],
                          capture_output=True, text=True, timeout=120)


def test_bad_jsonl_lines_are_named_with_their_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    done = run_code(str(bad))
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert lines == [f"error: {bad} [line 1]: missing field 'text'",
                     f"error: {bad} [line 2]: invalid JSON: Expecting value (column 1)"]
    assert "Traceback" not in done.stderr


def test_missing_file_is_one_line(tmp_path: Path):
    done = run_code(str(tmp_path / "nope.txt"))
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'nope.txt'} [source]: no such file, directory or URL"]
