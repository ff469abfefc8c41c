"""Fuzz the trigger lexicon loader: any YAML loads or fails with one KnowledgeFileError."""

from __future__ import annotations

import harness

harness.instrument("yaml")

from eventwire.knowledge.lexicon import load_lexicon  # noqa: E402


def test_one_input(data: bytes) -> None:
    path = harness.scratch_file(data, "lexicon.yaml")
    try:
        load_lexicon([path], packaged=False)
    except harness.DOCUMENTED:
        pass


if __name__ == "__main__":
    harness.run(test_one_input)
