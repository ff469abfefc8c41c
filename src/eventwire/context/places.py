"""Where events happen: place entities of a parsed article and the place each event names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.placenames import capital_of, resolve_place
from eventwire.model import Place
from eventwire.nlp.parsed import sentence_of

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE_PREPS = frozenset(
    "in at on near outside inside into to across over around toward towards within "
    "throughout upon onto off".split()
)

def _within_of(ent: Span) -> str | None:
    """The larger place written right after a toponym: 'Moscow, Idaho' or 'Vienna in Austria'."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text in (",", "in"):
        for other in doc.ents:
            if other.start == ent.end + 1 and other.label_ in PLACE_LABELS:
                return other.text
    return None


def places_in_doc(doc: Doc, context_countries: Sequence[str] = ()) -> list[tuple[Span, Place]]:
    """Every place entity resolved, countries first so they inform the cities after them."""
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    context = list(context_countries)
    for ent in ents:
        place = resolve_place(ent.text)
        if place is not None and place.kind == "country" and place.country not in context:
            context.append(place.country)
    out: list[tuple[Span, Place]] = []
    for ent in ents:
        place = resolve_place(ent.text, context, _within_of(ent))
        if place is not None:
            out.append((ent, place))
    return out


def _governed(prep: Token, trigger: Token) -> bool:
    """A locative preposition hangs off the trigger (or the verb right above/below it)."""
    attach = prep.head
    return trigger.i in (attach.i, attach.head.i) or trigger.head.i == attach.i


def _demonym_code(child: Token, demonyms: Mapping[str, str]) -> str | None:
    """The country a modifier names as a demonym: "South Korean" whole, else its head word."""
    phrase = child.doc[child.left_edge.i : child.right_edge.i + 1]
    for text in (" ".join(phrase.text.split()).lower(), child.lower_):
        if text in demonyms:
            return demonyms[text]
    return None


def _capital_phrase(tok: Token, demonyms: Mapping[str, str]) -> Place | None:
    """'the Russian capital' -> Moscow; 'the capital' alone says too little."""
    if tok.lemma_.lower() != "capital":
        return None
    for child in tok.children:
        iso3 = _demonym_code(child, demonyms)
        if iso3 is None and child.ent_type_ == "GPE":
            place = resolve_place(child.text)
            iso3 = place.country if place and place.kind == "country" else None
        if iso3:
            return capital_of(iso3)
    return None


def _unlabelled_place(tok: Token) -> Place | None:
    """A proper noun the tagger did not label as a place ("a strike on Kharkiv" as ORG)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "NORP", "DATE", "TIME"):
        return None
    start = tok.i
    while start > sentence_of(tok).start and tok.doc[start - 1].dep_ == "compound":
        start -= 1
    place = resolve_place(tok.doc[start : tok.i + 1].text)
    return place if place is not None and place.kind != "subdivision" else None


def event_location(sentence: Span, trigger_token: Token, places: Sequence[tuple[Span, Place]],
                   demonyms: Mapping[str, str]) -> Place | None:
    """Where the sentence places the event: a locative phrase the trigger governs, else None.

    `demonyms` (the actor gazetteer's, lower-cased demonym -> ISO3) reads "the Russian capital".
    """
    by_token = {span.root.i: place for span, place in places
                if sentence.start <= span.start and span.end <= sentence.end}
    found: list[tuple[int, Place]] = []
    for tok in sentence:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        if not _governed(tok.head, trigger_token):
            continue
        place = (by_token.get(tok.i) or _capital_phrase(tok, demonyms)
                 or _unlabelled_place(tok))
        if place is not None:
            found.append((abs(tok.i - trigger_token.i), place))
    return min(found, key=lambda f: f[0])[1] if found else None
