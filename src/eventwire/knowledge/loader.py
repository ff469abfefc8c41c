"""Everything the coder knows, loaded and validated once: ontology, actors, triggers and the
calibration of its confidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from eventwire.knowledge.calibration import Calibration, load_calibration
from eventwire.knowledge.gazetteer import Gazetteer, load_gazetteer, user_actor_files
from eventwire.knowledge.lexicon import Lexicon, load_lexicon
from eventwire.knowledge.ontology import Ontology, load_ontology


@dataclass
class Knowledge:
    """The third argument of the pure per-article coder."""

    ontology: Ontology
    gazetteer: Gazetteer
    lexicon: Lexicon
    # None keeps each rule's hand-set confidence (what `eventwire calibrate` fits from).
    calibration: Calibration | None = None


def build_knowledge(actor_files: tuple[str, ...], lexicon_files: tuple[str, ...]) -> Knowledge:
    """Parse and validate every knowledge file (seconds: the disk cache spares it)."""
    return Knowledge(
        ontology=load_ontology(),
        gazetteer=load_gazetteer(actor_files),
        lexicon=load_lexicon(lexicon_files),
    )


@lru_cache(maxsize=8)
def _cached(actor_files: tuple[str, ...], lexicon_files: tuple[str, ...]) -> Knowledge:
    from eventwire.knowledge import codec
    from eventwire.knowledge.cache import cached, fingerprint

    key = fingerprint([*user_actor_files(actor_files), *lexicon_files])
    return cached("knowledge", key, lambda: build_knowledge(actor_files, lexicon_files),
                  codec.write_knowledge, codec.read_knowledge)


def load_knowledge(actor_files: Iterable[str | Path] = (),
                   lexicon_files: Iterable[str | Path] = (),
                   calibration: str | Path | None = None, calibrated: bool = True
                   ) -> Knowledge:
    """Packaged knowledge plus user files; cached per process, and on disk between runs.

    `calibration` is a fitted file (default: EVENTWIRE_CALIBRATION, else the packaged one);
    `calibrated=False` leaves every event its rule's prior confidence.
    """
    base = _cached(tuple(str(p) for p in actor_files), tuple(str(p) for p in lexicon_files))
    return replace(base, calibration=load_calibration(calibration) if calibrated else None)
