"""Long commands draw a progress bar on a terminal, and print nothing extra when piped."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from cli_runs import Run, side_by_side

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
BAR_MARKS = ("━", "\x1b[", "coding ")  # the bar, terminal control codes, its label


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three example articles as JSON Lines (also a valid gold file: no gold events)."""
    path = tmp_path_factory.mktemp("progress") / "three.jsonl"
    path.write_text("".join(EXAMPLES.read_text(encoding="utf-8").splitlines(True)[:3]),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def piped(three: Path, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """Each piped command in a folder of its own, all run side by side: (result, folder)."""
    folders = [tmp_path_factory.mktemp("piped") for _ in range(4)]
    runs = {"code to a file": ["code", str(three), "-o", str(folders[0] / "out.jsonl")],
            "code to stdout": ["code", str(three)],
            "ingest": ["ingest", str(three), "--db", str(folders[2] / "x.duckdb")],
            "eval": ["eval", str(three), "--json"]}
    done = side_by_side(*(Run([sys.executable, "-m", "eventwire", *args], cwd=folder)
                          for args, folder in zip(runs.values(), folders, strict=True)),
                        timeout=600)
    return dict(zip(runs, zip(done, folders, strict=True), strict=True))


def test_code_to_a_file_piped_prints_only_its_summary(piped):
    done, folder = piped["code to a file"]
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"coded 3 article(s) to {folder / 'out.jsonl'}\n"
    assert len((folder / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_code_to_stdout_piped_is_pure_json_lines(piped):
    done, _ = piped["code to stdout"]
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert [line[:8] for line in done.stdout.splitlines()] == ['{"id": "'] * 3


def test_ingest_and_eval_piped_print_no_bar(piped):
    (ingest, folder), (scored, _) = piped["ingest"], piped["eval"]
    assert ingest.returncode == 0, ingest.stderr
    assert ingest.stderr.startswith("stored 3 articles")
    assert len(ingest.stderr.splitlines()) == 1
    assert (folder / "x.duckdb").is_file()
    assert scored.returncode == 0, scored.stderr
    assert scored.stderr == "" and scored.stdout.lstrip().startswith("{")
    assert not any(mark in ingest.stderr + scored.stderr for mark in BAR_MARKS)


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stderr (and stdout) on a pseudo-terminal; what the terminal showed."""
    main, secondary = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", *args], stdin=subprocess.DEVNULL,
                            stdout=secondary, stderr=secondary, cwd=cwd, env=env)
    os.close(secondary)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 600)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return proc.wait(timeout=60), shown.decode("utf-8", "replace")


def test_code_on_a_terminal_shows_a_bar(three: Path, tmp_path: Path):
    code, shown = _on_terminal(["code", str(three), "-o", str(tmp_path / "out.jsonl")],
                               tmp_path)
    assert code == 0, shown
    assert "coding" in shown and "3/3" in shown and "━" in shown and "\x1b[" in shown
    assert "coded 3 article(s)" in shown
