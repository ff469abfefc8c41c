"""Story domains where country names are not states: sport and entertainment coverage."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from eventwire.knowledge.yamlfile import load_yaml

# A story is sport/entertainment when this share of its words is that vocabulary.
SPORT_DENSITY = 0.025
SPORT_MIN_HITS = 5
POLITICAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "REB", "PTY", "OPP"}
NAMED_KINDS = {"person", "institution", "igo", "group"}


@lru_cache(maxsize=1)
def sport_words() -> frozenset[str]:
    """The packaged sport and entertainment vocabulary."""
    data = load_yaml(str(resources.files("eventwire.knowledge") / "data" / "domains.yaml"))
    return frozenset(str(w).lower() for w in data.get("sport") or [])


def is_sport(doc: Doc) -> bool:
    """Whether a story reads as sport or entertainment coverage."""
    words = sport_words()
    tokens = [t for t in doc if t.is_alpha]
    if not tokens:
        return False
    hits = sum(1 for t in tokens if t.lemma_.lower() in words)
    return hits >= SPORT_MIN_HITS and hits / len(tokens) >= SPORT_DENSITY


def political_actor(kind: str, sector: str | None) -> bool:
    """A named actor with a political role: what still counts in a sports story."""
    return kind in NAMED_KINDS and sector in POLITICAL_SECTORS
