"""Parsing a text of any length in bounded pieces, so no stage's cost outgrows the text.

Three bounds keep coding linear in article length:
- a text over CHUNK_CHARS is parsed in chunks cut at paragraph or sentence ends, then joined
  into one Doc, so spaCy's `max_length` is never reached and the deadline is checked between
  chunks;
- no sentence is longer than MAX_SENTENCE_TOKENS: a longer run (a 100 KB sentence, 20,000
  emoji) is parsed again with sentence starts forced every MAX_SENTENCE_TOKENS tokens, since
  several stages look at the whole sentence for each event in it;
- no run of characters without a space is tokenized as one piece longer than MAX_WORD_CHARS.
Texts under both bounds (every real news article we have seen) are parsed exactly as before.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp import deadline

CHUNK_CHARS = 50_000  # texts up to this are parsed whole
MAX_SENTENCE_TOKENS = 200  # the longest sentence in 500 news articles has 106 tokens
MAX_WORD_CHARS = 250  # longer runs without a space (emoji, junk) are tokenized in pieces
LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def _cut(text: str, start: int, size: int) -> int:
    """Where the chunk that begins at `start` ends: after a paragraph, a sentence, a space."""
    end = start + size
    if end >= len(text):
        return len(text)
    floor = start + size // 2
    newline = text.rfind("\n", floor, end)
    if newline >= 0:
        return newline + 1
    ends = [m.end() for m in SENTENCE_END.finditer(text, floor, end)]
    if ends:
        return ends[-1]
    for k in range(end - 1, floor - 1, -1):
        if text[k].isspace():
            return k + 1
    return end  # no space at all (a run of emoji): any place is as good


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) slices covering the text, each at most `size` characters."""
    bounds = []
    start = 0
    while start < len(text):
        end = _cut(text, start, size)
        bounds.append((start, end))
        start = end
    return bounds or [(0, 0)]


def tokenize(nlp: Language, text: str) -> Doc:
    """nlp.make_doc, but a run of more than MAX_WORD_CHARS non-space characters is tokenized in
    pieces: spaCy's affix splitting is quadratic in the length of one word."""
    cuts = [k for m in LONG_WORD.finditer(text)
            for k in range(m.start() + MAX_WORD_CHARS, m.end(), MAX_WORD_CHARS)]
    if not cuts:
        return nlp.make_doc(text)
    pieces = zip([0, *cuts], [*cuts, len(text)], strict=True)
    return Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in pieces], ensure_whitespace=False)


def bound_runs(doc: Doc) -> Doc:
    """Force a sentence start after MAX_SENTENCE_TOKENS tokens with no end mark (. ! ? or a
    line break), so a run of emoji or a sentence-long list is parsed once, already cut."""
    run = 0
    for token in doc:
        run += 1
        if run > MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 1
        if token.text in ("." , "!", "?") or "\n" in token.text:
            run = 0
    return doc


def annotate(nlp: Language, doc: Doc) -> Doc:
    """Run the pipeline's components over a tokenized doc, checking the deadline between them."""
    for _, component in nlp.pipeline:
        deadline.check()
        doc = component(doc)
    return doc


def short_sentences(nlp: Language, doc: Doc) -> Doc:
    """The doc itself when every sentence is short; else a fresh parse with long ones cut."""
    spans = list(doc.sents)
    if all(len(s) <= MAX_SENTENCE_TOKENS for s in spans):
        return doc
    fresh = tokenize(nlp, doc.text)
    for span in spans:
        for i in range(span.start, span.end, MAX_SENTENCE_TOKENS):
            fresh[i].is_sent_start = True  # the parser keeps sentence starts set before it
    return annotate(nlp, fresh)


def parse(nlp: Language, text: str) -> Doc:
    """One Doc for a text of any length, parsed chunk by chunk under the current deadline."""
    docs = []
    for start, end in chunk_bounds(text):
        deadline.check()
        doc = bound_runs(tokenize(nlp, text[start:end]))
        docs.append(short_sentences(nlp, annotate(nlp, doc)))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
