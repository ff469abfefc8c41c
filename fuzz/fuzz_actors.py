"""Fuzz the actor file loader: any YAML loads or fails with one KnowledgeFileError."""

from __future__ import annotations

import harness

harness.instrument("yaml")

from eventwire.knowledge.gazetteer import Gazetteer, load_actor_file  # noqa: E402


def test_one_input(data: bytes) -> None:
    path = harness.scratch_file(data, "actors.yaml")
    try:
        load_actor_file(Gazetteer(), path)
    except harness.DOCUMENTED:
        pass


if __name__ == "__main__":
    harness.run(test_one_input)
