"""The PLOVER ontology: categories, modes, contexts, quad classes and intensities."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.knowledge.yamlfile import load_yaml

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Category:
    """One PLOVER event category and what the manual says about it."""

    name: str
    quad: int
    intensity: float
    cameo: str
    requires_recipient: bool
    modes: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    """The categories plus the closed vocabularies the coder checks against."""

    categories: dict[str, Category]
    contexts: frozenset[str]
    sectors: frozenset[str]
    igo_codes: frozenset[str]

    def intensity(self, event: str, mode: str | None) -> float:
        cat = self.categories[event]
        return cat.modes.get(mode, cat.intensity) if mode else cat.intensity

    def valid_mode(self, event: str, mode: str | None) -> bool:
        return mode is None or mode in self.categories[event].modes


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Read the packaged ontology once per process."""
    path = resources.files("eventwire.knowledge") / "data" / "ontology.yaml"
    raw = load_yaml(str(path))
    cats = {}
    for name in CATEGORIES:
        c = raw["categories"][name]
        cats[name] = Category(
            name=name,
            quad=int(c["quad"]),
            intensity=float(c["intensity"]),
            cameo=str(c["cameo"]),
            requires_recipient=bool(c["requires_recipient"]),
            modes={str(k): float(v) for k, v in (c.get("modes") or {}).items() if k != "__line__"},
        )
    return Ontology(
        categories=cats,
        contexts=frozenset(raw["contexts"]),
        sectors=frozenset(raw["sectors"]),
        igo_codes=frozenset(raw["igo_codes"]),
    )
