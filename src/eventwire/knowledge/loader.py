"""Everything the coder knows, loaded and validated once: ontology, actors, triggers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.knowledge.gazetteer import Gazetteer, load_gazetteer
from eventwire.knowledge.lexicon import Lexicon, load_lexicon
from eventwire.knowledge.ontology import Ontology, load_ontology


@dataclass
class Knowledge:
    """The third argument of the pure per-article coder."""

    ontology: Ontology
    gazetteer: Gazetteer
    lexicon: Lexicon


@lru_cache(maxsize=8)
def _cached(actor_files: tuple[str, ...], lexicon_files: tuple[str, ...]) -> Knowledge:
    return Knowledge(
        ontology=load_ontology(),
        gazetteer=load_gazetteer(actor_files),
        lexicon=load_lexicon(lexicon_files),
    )


def load_knowledge(actor_files: Iterable[str | Path] = (),
                   lexicon_files: Iterable[str | Path] = ()) -> Knowledge:
    """Load packaged knowledge plus user files; cached per process for workers."""
    return _cached(tuple(str(p) for p in actor_files), tuple(str(p) for p in lexicon_files))
