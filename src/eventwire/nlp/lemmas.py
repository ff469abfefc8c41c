"""Lemmas the small English lemmatizer gets wrong where it matters to coding."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "eventwire_lemma_fixes"
# Verb forms the rule lemmatizer sends to the wrong verb: it reads "hopes" and "hoped" as
# forms of "hop", so hoping to act looked like acting.
VERB_FORMS = {"hopes": "hope", "hoped": "hope"}


@Language.component(COMPONENT)
def lemma_fixes(doc: Doc) -> Doc:
    """Set the right lemma on the verb forms above."""
    for token in doc:
        if token.pos_ == "VERB" and token.lower_ in VERB_FORMS:
            token.lemma_ = VERB_FORMS[token.lower_]
    return doc
