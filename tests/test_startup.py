"""Start-up stays light: `--help` and `import eventwire` load no heavy library (docs/python.md).

Timings are measured by benchmarks/startup.py; this checks the cause, which a slow machine
cannot make flaky: what gets imported.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "duckdb", "pandas", "pyarrow", "httpx", "trafilatura", "dask", "fastapi",
         "uvicorn", "feedparser", "warcio", "datasketch", "dateparser", "yaml", "plotly")
COMMANDS = ["code", "explain", "actors", "eval", "calibrate", "serve", "ingest", "query",
            "export", "watch"]


def _imported_after(code: str) -> list[str]:
    probe = f"""
import sys
{code}
print(__import__("json").dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_imports_no_heavy_library(command: str | None):
    args = [command] if command else []
    run_help = f"""
import contextlib, io
from eventwire.cli import main
sys.argv = ["eventwire", *{args!r}, "--help"]
with contextlib.redirect_stdout(io.StringIO()) as shown:
    try:
        main()
    except SystemExit:
        pass
assert "Usage" in shown.getvalue(), shown.getvalue()
"""
    assert _imported_after(run_help) == []


def test_every_command_is_checked():
    from eventwire.cli import _register, app

    _register()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert sorted(names) == sorted(COMMANDS)


def test_import_eventwire_is_light_and_its_api_loads_on_use():
    assert _imported_after("import eventwire\nassert eventwire.__version__") == []
    assert "spacy" in _imported_after("import eventwire\neventwire.Coder")


def test_coding_a_text_file_loads_only_what_text_needs(tmp_path):
    """`eventwire code notes.txt` needs spaCy, not the HTML, feed, WARC or dedup stacks
    (together most of a second of a warm start, issue 19). httpx is not checked: spaCy's own
    CLI imports it."""
    article = tmp_path / "notes.txt"
    article.write_text("Iran's foreign minister arrived in Moscow on Monday.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_code = f"""
from eventwire.cli import main
sys.argv = ["eventwire", "code", {str(article)!r}, "-o", {str(out)!r}]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
"""
    loaded = _imported_after(run_code)
    assert "spacy" in loaded
    assert not {"trafilatura", "feedparser", "warcio", "datasketch"} & set(loaded)
    assert out.read_text(encoding="utf-8").strip()
