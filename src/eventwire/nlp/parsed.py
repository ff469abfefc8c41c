"""Cached views of a parsed Doc: spaCy recomputes Doc.text and Token.sent on every access."""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span, Token

_KEY = "eventwire.sentences"
_TEXT = "eventwire.text"
_ENTS = "eventwire.entities"


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


def _entity_table(doc: Doc) -> tuple[list[Span], list[int]]:
    table = doc.user_data.get(_ENTS)
    if table is None:
        ents = list(doc.ents)
        at = [-1] * len(doc)
        for k, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                at[i] = k
        table = doc.user_data[_ENTS] = (ents, at)
    return table


def entities(doc: Doc) -> list[Span]:
    """The named entities of a document, built once (Doc.ents makes new spans on each call)."""
    return _entity_table(doc)[0]


def entity_at(token: Token) -> Span | None:
    """The named entity holding a token, found without scanning the document."""
    ents, at = _entity_table(token.doc)
    return ents[at[token.i]] if at[token.i] >= 0 else None


def entities_in(span: Span) -> list[Span]:
    """The entities inside a span, as Span.ents gives them, in time linear in the span
    (Span.ents scans every entity of the document)."""
    ents, at = _entity_table(span.doc)
    found = dict.fromkeys(at[i] for i in range(span.start, span.end) if at[i] >= 0)
    return [ents[k] for k in found if ents[k].start >= span.start and ents[k].end <= span.end]


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


def stolen_subject(verb: Token) -> Token | None:
    """"Kenyan troops defeated the rebels and Uganda would be moving": the parser joined
    "Uganda" to the object before it, leaving the next clause's verb without its subject."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.left_edge.i == 0 or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    prev = verb.doc[verb.left_edge.i - 1]
    if prev.dep_ == "conj" and prev.pos_ in ("PROPN", "NOUN") and prev.i not in {
            t.i for t in verb.subtree} and any(a.dep_ in ("dobj", "pobj") for a in prev.ancestors):
        return prev
    return None


def _opens_clause(noun: Token) -> bool:
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is None:
        return False
    for verb in nxt.ancestors:
        if verb.left_edge.i == nxt.i:
            stolen = stolen_subject(verb)
            return stolen is not None and stolen.i == noun.i
    return False


def coordinated(token: Token) -> list[Token]:
    """A token and its coordinated partners, also when the parser took a list for apposition
    ("Brazil, India, and South Africa")."""
    if token.dep_ == "conj" and _opens_clause(token):
        return [token]  # a stolen subject stands alone
    out = [token, *[c for c in token.conjuncts if not _opens_clause(c)]]
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            out.extend([child, *child.conjuncts])
    return out


def examples_of(token: Token) -> list[Token]:
    """The named members of a described set: "allies such as Germany and France"."""
    for prep in token.children:
        if prep.dep_ == "prep" and (prep.lower_ == "including" or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
            return [t for p in prep.children if p.dep_ == "pobj" for t in coordinated(p)]
    return []


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a head's noun phrase without clauses and prepositions."""
    keep = [t for t in head.lefts if t.dep_ not in ("punct", "cc", "prep", "relcl")]
    first = min([head.i, *[t.left_edge.i for t in keep]])
    doc = head.doc
    while first < head.i and doc[first].lower_ in ("the", "a", "an", ",", '"'):
        first += 1
    return doc[first].idx, head.idx + len(head)


def dates_only(prep: Token) -> bool:
    """A preposition that only dates or times the clause ("on Saturday", "at noon"); a span
    ("sentenced to ten years", "for two weeks") is the act's own term."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ in ("on", "at", "in") and bool(objects) and \
        all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def own_clause(head: Token, other_clauses: Collection[str],
               leave_out: Callable[[Token], bool] | None = None) -> list[Token]:
    """A head and the words below it, outside the clauses whose dependency labels are given
    (and any word `leave_out` picks, with what hangs on it)."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children
                    if c.dep_ not in other_clauses and not (leave_out and leave_out(c)))
    return out
