"""docs/python.md is run, not just read: its examples are doctests over the real coder."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_python_md_examples_run(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(REPO)  # the examples name examples/articles/ from the repository root
    monkeypatch.setenv("COLUMNS", "100")
    result = doctest.testfile(str(REPO / "docs" / "python.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                              raise_on_error=False, verbose=False)
    assert result.attempted >= 20
    assert result.failed == 0, f"{result.failed} docs/python.md example(s) failed (see above)"
