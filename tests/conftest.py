"""Shared fixtures: one spaCy pipeline and one coder per test session."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# The tests serve pages from a real HTTP server on 127.0.0.1, which the fetcher refuses by
# default (SSRF guard, see SECURITY.md); tests of the guard itself pass allow_private=False.
os.environ.setdefault("EVENTWIRE_ALLOW_PRIVATE_URLS", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The default English pipeline, loaded once."""
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder(nlp):
    """The coder with the packaged knowledge."""
    from eventwire.coder import Coder
    from eventwire.knowledge.loader import load_knowledge

    return Coder(nlp, load_knowledge())


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared reference folder; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (a user's clone has no shared/ folder)")
    return SHARED


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory, coder) -> Iterator[Any]:
    """The keyed demo server (examples + known articles), one per session for every module."""
    from live_server import demo_server, stop_demo

    yield demo_server(tmp_path_factory.mktemp("demo"), coder)
    stop_demo()


@pytest.fixture(scope="session", autouse=True)
def packaged_yaml_parsed_once() -> Iterator[None]:
    """Each packaged knowledge YAML file is parsed once per test process (pure-Python PyYAML
    spends ~8 s of CPU on the 1 MB every time the knowledge is built with a user file).

    Every later build gets a fresh copy of that real parse (pickled, so no build can change
    another's data) and does all the rest as users run it; a file that changes on disk, and
    every user or test file, is parsed again. Subprocess runs parse as they always do.
    """
    from eventwire.knowledge import yamlfile

    original = yamlfile.load_yaml
    with pytest.MonkeyPatch.context() as patch:
        memo = _packaged_memo(original, Path(yamlfile.__file__).parent)
        patch.setattr(yamlfile, "load_yaml", memo)
        for module in [m for n, m in sys.modules.items() if n.startswith("eventwire.")]:
            if getattr(module, "load_yaml", None) is original:
                patch.setattr(module, "load_yaml", memo)
        yield


def _packaged_memo(load: Callable[[str | Path], Any], package: Path
                   ) -> Callable[[str | Path], Any]:
    """`load`, answering from a per-process memo for the files shipped in `package`."""
    parsed: dict[tuple[Path, int, int], bytes] = {}

    def load_yaml(path: str | Path) -> Any:
        resolved = Path(path).resolve()
        if not resolved.is_relative_to(package):
            return load(path)
        stat = resolved.stat()
        key = (resolved, stat.st_mtime_ns, stat.st_size)
        if key not in parsed:
            parsed[key] = pickle.dumps(load(path))
        return pickle.loads(parsed[key])

    return load_yaml
