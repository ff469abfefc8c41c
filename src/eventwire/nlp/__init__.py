"""The nlp stage: text to a parsed spaCy `Doc`, and cached views of it.

Takes: article text. Gives: the parsed `Doc` (`load_pipeline`), its sentences and token
texts without spaCy's per-access recomputation (`parsed`), and quoted stretches found by their
marks in the raw text (`quotemarks`). Imports no later stage.
"""

from eventwire.nlp.parsed import sentence_of, sentences, text_of
from eventwire.nlp.pipeline import ModelNotInstalled, load_pipeline

__all__ = ["ModelNotInstalled", "load_pipeline", "sentence_of", "sentences", "text_of"]
