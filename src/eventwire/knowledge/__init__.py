"""The knowledge stage: the package's YAML data (and the user's), loaded and validated once.

Takes: the data files in `knowledge/data/` plus any `--actors`/`--lexicon` files.
Gives: a `Knowledge` bundle (the PLOVER `Ontology`, the actor `Gazetteer`, the trigger
`Lexicon`, the `Calibration` of confidence) and the offline place-name gazetteer
(`resolve_place`), compiled once and kept in the user cache between runs (`cache`, `codec`,
`place_index`). Imports no later stage.
"""

from eventwire import lazy_attributes

__all__ = ["CATEGORIES", "Gazetteer", "Knowledge", "Lexicon", "Ontology", "TriggerEntry",
           "capital_of", "load_knowledge", "resolve_place"]
# Lazy: the CLI reads knowledge.cache for its --help without loading YAML or the gazetteers.
__getattr__ = lazy_attributes(__name__, {
    "Gazetteer": "eventwire.knowledge.gazetteer",
    "Lexicon": "eventwire.knowledge.lexicon",
    "TriggerEntry": "eventwire.knowledge.lexicon",
    "Knowledge": "eventwire.knowledge.loader",
    "load_knowledge": "eventwire.knowledge.loader",
    "CATEGORIES": "eventwire.knowledge.ontology",
    "Ontology": "eventwire.knowledge.ontology",
    "capital_of": "eventwire.knowledge.placenames",
    "resolve_place": "eventwire.knowledge.placenames",
})
