"""Shared fixtures: one spaCy pipeline and one coder per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The default English pipeline, loaded once."""
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder(nlp):
    """The coder with the packaged knowledge."""
    from eventwire.coder import Coder
    from eventwire.knowledge import load_knowledge

    return Coder(nlp, load_knowledge())


@pytest.fixture(scope="session")
def shared() -> Path:
    """The project's shared reference folder; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (a user's clone has no shared/ folder)")
    return SHARED
