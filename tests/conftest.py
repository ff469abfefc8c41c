"""Shared fixtures: one spaCy pipeline and one coder per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
