"""Datelines: "NAIROBI —", "KYIV, Ukraine (AP) --" open wire copy; they say where the story
was filed, and the parser takes them for the first sentence's subject."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "eventwire_datelines"
SPLIT_COMPONENT = "eventwire_dateline_split"
# What the parser may make of a dateline's place, that would make it a participant.
ROLE_DEPS = {"nsubj", "nsubjpass", "dobj", "appos", "compound", "nmod", "amod", "npadvmod",
             "poss"}
DASHES = {"—", "–", "--", "-", "―"}
MAX_WORDS = 8  # "WEST PALM BEACH, Fla. (AP) —" and no longer


@Language.component(COMPONENT)
def mark_datelines(doc: Doc) -> Doc:
    """A dateline's words are no subject, object or modifier: relabel them as unclassified
    dependents, so no role or phrase reads "NAIROBI" as who acts (the tree stays the same)."""
    for i in dateline_tokens(doc):
        if doc[i].dep_ in ROLE_DEPS:
            doc[i].dep_ = "dep"
    return doc


@Language.component(SPLIT_COMPONENT)
def split_datelines(doc: Doc) -> Doc:
    """Before the parser: the story starts a sentence of its own after a dateline's dash, so
    "KINSHASA — Congo and Rwanda agreed" is parsed with Congo and Rwanda as the subject."""
    for _, dash in _datelines(doc):
        if dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True
    return doc


def dateline_tokens(doc: Doc) -> set[int]:
    """The token indices of every dateline at the start of a paragraph."""
    return {i for words, _ in _datelines(doc) for i in words}


def _datelines(doc: Doc) -> list[tuple[list[int], int]]:
    """Each dateline's words and the index of the dash that closes it."""
    out: list[tuple[list[int], int]] = []
    for start in _paragraph_starts(doc):
        words: list[int] = []
        for tok in doc[start:start + MAX_WORDS + 1]:
            if tok.text in DASHES:
                if words and doc[words[0]].is_upper and len(doc[words[0]]) > 1:
                    out.append((words, tok.i))  # a place in capitals: "KYIV, Ukraine (AP)"
                break
            if not (tok.is_upper or tok.is_punct or tok.is_title or tok.like_num) \
                    or tok.is_space:
                break
            words.append(tok.i)
    return out


def _paragraph_starts(doc: Doc) -> list[int]:
    """The first word of the text and of every line after a line break."""
    starts = [0] if len(doc) else []
    starts += [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    return starts
