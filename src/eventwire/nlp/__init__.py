"""The nlp stage: text to a parsed spaCy `Doc`, and cached views of it.

Takes: article text. Gives: the parsed `Doc` (`load_pipeline`), its sentences and token
texts without spaCy's per-access recomputation (`parsed`), and quoted stretches found by their
marks in the raw text (`quotemarks`). Imports no later stage.
"""

from eventwire import lazy_attributes

__all__ = ["ModelNotInstalled", "load_pipeline", "sentence_of", "sentences", "text_of"]
# Lazy: the CLI reads nlp.deadline for its --help without loading spaCy.
__getattr__ = lazy_attributes(__name__, {
    "ModelNotInstalled": "eventwire.nlp.pipeline",
    "load_pipeline": "eventwire.nlp.pipeline",
    "sentence_of": "eventwire.nlp.parsed",
    "sentences": "eventwire.nlp.parsed",
    "text_of": "eventwire.nlp.parsed",
})
