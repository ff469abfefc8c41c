"""The wheel as a user gets it: built, installed with Python 3.11's own pip, and used.

pip 23 (as ensurepip ships it) installs only what pyproject.toml declares, so a library the
package imports but does not declare (lxml_html_clean, which trafilatura needs for HTML)
fails here, not on a user's first ingest. Slow: the fresh venv installs every dependency
from the configured package index (pip's cache makes a second run quicker).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import duckdb
import pytest

from ingest_support import FIXTURES, http_server

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "eventwire"
PYTHON311 = shutil.which("python3.11")


def _declared() -> set[str]:
    """Distribution names pyproject.toml depends on, normalised."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for spec in project["dependencies"]:
        name = spec.split(";")[0].split("[")[0]
        for stop in "<>=!~ ":
            name = name.split(stop)[0]
        names.add(_norm(name))
    return names


def _norm(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _imported_modules() -> set[str]:
    """Top-level modules that the package's code imports, the standard library left out."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "eventwire"}


def test_every_imported_library_is_declared():
    providers = metadata.packages_distributions()
    declared = _declared()
    missing = {m: providers.get(m) for m in _imported_modules()
               if not declared & {_norm(d) for d in providers.get(m, [m])}}
    assert not missing, f"imported but not in pyproject.toml dependencies: {missing}"
    assert "lxml-html-clean" in declared  # trafilatura's HTML cleaning, pip 23 leaves it out


def _source_copy(dest: Path) -> Path:
    """The project as a clean clone has it (no .venv, caches or build folders)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    shutil.copytree(REPO / "src", dest / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)
    return dest


@pytest.mark.slow
@pytest.mark.skipif(PYTHON311 is None, reason="python3.11 is not on PATH")
def test_wheel_installs_with_stock_pip_and_ingests_html_and_a_feed(tmp_path: Path):
    project = _source_copy(tmp_path / "project")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path / "dist"), str(project)], check=True, timeout=600)
    (wheel,) = (tmp_path / "dist").glob("eventwire-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {f"eventwire/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert not data - names, f"missing from the wheel: {sorted(data - names)}"
    assert any(n.endswith("/data/actors/people.yaml") for n in data)  # the knowledge files
    assert any(n.startswith("eventwire/web/") for n in data)  # and the dashboard

    venv = tmp_path / "venv"
    subprocess.run([PYTHON311, "-m", "venv", str(venv)], check=True, timeout=300)
    pip_version = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                                 capture_output=True, text=True, check=True).stdout
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                                "--no-compile", str(wheel)], capture_output=True, text=True,
                               timeout=1800)
    assert installed.returncode == 0, f"{pip_version}\n{installed.stderr[-3000:]}"

    db = tmp_path / "wire.duckdb"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "EVENTWIRE_ALLOW_PRIVATE_URLS": "1",
           "EVENTWIRE_CACHE_DIR": str(tmp_path / "cache")}
    with http_server() as base:
        done = subprocess.run([str(venv / "bin" / "eventwire"), "ingest",
                               str(FIXTURES / "site" / "un-aid-convoy.html"), f"{base}/feed.rss",
                               "--db", str(db)], capture_output=True, text=True, timeout=600,
                              env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "html-clean" not in done.stderr
    assert done.stderr.startswith("stored 4 articles"), done.stderr
    with duckdb.connect(str(db), read_only=True) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM articles ORDER BY title")
                  .fetchall()]
    assert len(titles) == 4 and sum("convoy" in (t or "").lower() for t in titles) == 2, titles
