"""The knowledge stage: the package's YAML data (and the user's), loaded and validated once.

Takes: the data files in `knowledge/data/` plus any `--actors`/`--lexicon` files.
Gives: a `Knowledge` bundle (the PLOVER `Ontology`, the actor `Gazetteer`, the trigger
`Lexicon`) and the offline place-name gazetteer (`resolve_place`). Imports no later stage.
"""

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.lexicon import Lexicon, TriggerEntry
from eventwire.knowledge.loader import Knowledge, load_knowledge
from eventwire.knowledge.ontology import CATEGORIES, Ontology
from eventwire.knowledge.placenames import capital_of, resolve_place

__all__ = ["CATEGORIES", "Gazetteer", "Knowledge", "Lexicon", "Ontology", "TriggerEntry",
           "capital_of", "load_knowledge", "resolve_place"]
