"""Cached views of a parsed Doc: spaCy recomputes Doc.text and Token.sent on every access."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "eventwire.sentences"
_TEXT = "eventwire.text"


def _table(doc: Doc) -> tuple[list[Span], list[int]]:
    table = doc.user_data.get(_KEY)
    if table is None:
        spans = list(doc.sents)
        index = [0] * len(doc)
        for k, span in enumerate(spans):
            for i in range(span.start, span.end):
                index[i] = k
        table = doc.user_data[_KEY] = (spans, index)
    return table


def sentence_of(token: Token) -> Span:
    """The sentence holding a token."""
    spans, index = _table(token.doc)
    return spans[index[token.i]]


def sentence_index(token: Token) -> int:
    """The 0-based number of the sentence holding a token."""
    return _table(token.doc)[1][token.i]


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a document, computed once."""
    return _table(doc)[0]


def text_of(doc: Doc) -> str:
    """The document text, joined once (Doc.text joins every token on each call)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


FINITE = {"VBD", "VBZ", "VBP"}


def coordination_head(verb: Token) -> Token:
    """The verb a conjoined verb really shares its subject with.

    The parser often hangs a finite verb on an infinitive before it: in "urged the embassy to
    reconsider and spoke with Pompeo", "spoke" is parsed as a conjunct of "reconsider" but is
    Raab's own act. A finite conjunct of a non-finite verb belongs to the first finite verb
    above it.
    """
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or verb.head.tag_ in FINITE:
        return verb.head
    node = verb.head
    for _ in range(4):
        if node.tag_ in FINITE or node.head.i == node.i:
            return node
        node = node.head
    return verb.head
