"""The wheel as a user gets it: built, installed with Python 3.11's own pip, and used.

pip 23 (as ensurepip ships it) installs only what pyproject.toml declares, so a library the
package imports but does not declare (lxml_html_clean, which trafilatura needs for HTML)
fails here, not on a user's first ingest. Installing the ~1 GB of dependencies takes 1.5-2
minutes, so it is done once per dependency list: stock pip installs the wheel into a fresh
venv kept in the user cache, then eventwire is uninstalled from it, leaving exactly the
declared dependencies and what they pull in. Each run hard-links a copy of that venv and
installs the newly built wheel into it with the same pip (a few seconds). The cache key is
the declared dependency list plus the Python and pip versions, so declaring, dropping or
pinning a dependency rebuilds it from scratch.
"""

from __future__ import annotations

import ast
import hashlib
import os
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
# How the cached venv is filled. --no-compile, as before: compiling every module of ~1 GB of
# dependencies cost a clean clone (CI) more than the few seconds each warm run would save.
TEMPLATE_INSTALL = ("-m", "pip", "install", "-q", "--no-compile")


def _declared() -> set[str]:
    """Distribution names pyproject.toml depends on, normalised."""
    names = set()
    for spec in _declared_specs():
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


def _dependencies_venv(wheel: Path) -> Path:
    """A venv holding what stock pip installs for the wheel's declared dependencies, cached."""
    versions = subprocess.run([PYTHON311, "-c", "import ensurepip, sys; "
                               "print(sys.version, ensurepip.version())"],
                              capture_output=True, text=True, check=True).stdout
    key = hashlib.sha256("\n".join([versions, *TEMPLATE_INSTALL, *sorted(_declared_specs())])
                         .encode())
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire-tests"
    template = cache / f"venv-{key.hexdigest()[:16]}"
    if (template / "pyvenv.cfg").is_file():
        template.touch()  # recently used: _prune keeps it
        return template
    cache.mkdir(parents=True, exist_ok=True)
    building = cache / f".building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    python = building / "bin" / "python"
    subprocess.run([PYTHON311, "-m", "venv", str(building)], check=True, timeout=300)
    installed = subprocess.run([str(python), *TEMPLATE_INSTALL, str(wheel)],
                               capture_output=True, text=True, timeout=1800)
    if installed.returncode != 0:
        shutil.rmtree(building, ignore_errors=True)
        pytest.fail(f"stock pip cannot install the wheel's dependencies:\n"
                    f"{installed.stderr[-3000:]}")
    subprocess.run([str(python), "-m", "pip", "uninstall", "-y", "-q", "eventwire"],
                   check=True, timeout=300)
    try:
        building.rename(template)
    except OSError:  # another run stored the same venv meanwhile
        shutil.rmtree(building, ignore_errors=True)
    _prune(cache, keep=template)
    return template


def _declared_specs() -> list[str]:
    """The dependency specifiers of pyproject.toml, as written."""
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"]


def _prune(cache: Path, keep: Path) -> None:
    """Keep the two most recently used dependency venvs (one per worktree's dependency list)."""
    venvs = sorted((p for p in cache.glob("venv-*") if p != keep),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in venvs[1:]:
        shutil.rmtree(old, ignore_errors=True)


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
    shutil.copytree(_dependencies_venv(wheel), venv, symlinks=True, copy_function=_link)
    pip_version = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                                 capture_output=True, text=True, check=True).stdout
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                                "--no-compile", str(wheel)], capture_output=True, text=True,
                               timeout=1800)
    assert installed.returncode == 0, f"{pip_version}\n{installed.stderr[-3000:]}"
    assert (venv / "bin" / "eventwire").is_file()  # the wheel's entry point, in this venv

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


def _link(source: str, dest: str) -> None:
    """Hard-link a file of the cached venv (installing the wheel only adds files); copy across
    file systems."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)
