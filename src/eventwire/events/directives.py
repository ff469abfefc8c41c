"""Orders and deadlines given to another party are demands: "Trump told Hamas to release the
hostages", "gave Kyiv a week to sign", "set a deadline for Hamas to free the captives" are
REQUESTs of the one told, and what they are told to do is not done (codebook v2)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import Candidate
from eventwire.events.modality import assess
from eventwire.events.roles import subject_of
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# "told / ordered / instructed X to do": the object is told.
ORDERING = {"tell", "order", "instruct", "direct", "command"}
# "gave X a week / 48 hours / until Friday to do": time given is a deadline.
TIME_NOUNS = {"hour", "day", "week", "month", "deadline", "ultimatum"}
# "set a deadline for X to do".
DEADLINE_NOUNS = {"deadline", "ultimatum"}
COMPLEMENTS = ("xcomp", "advcl", "acl")


def _entry(verb: str) -> TriggerEntry:
    return TriggerEntry(
        id=f"request-directive-{verb}", trigger=verb, pos="VERB", with_=(), event="REQUEST",
        mode=None, context=(), cameo="100", actor=("subj",), recipient=("told",),
        symmetric=False, requires_recipient=True, source="directives.py")


def _to_clause(head: Token) -> Token | None:
    """The "to" infinitive hanging off a word: what the one told is to do."""
    return next((c for c in head.children if c.dep_ in COMPLEMENTS and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _directive(verb: Token) -> tuple[Token | None, Token | None]:
    """(the one told, what they are told to do) when the verb gives an order or a deadline."""
    kids = list(verb.children)
    if verb.lemma_ in ORDERING:
        told = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
        return told, _to_clause(verb) if told is not None else None
    if verb.lemma_ == "give":
        timed = [c for c in kids if c.dep_ in ("dobj", "npadvmod") and c.lemma_ in TIME_NOUNS
                 or c.dep_ == "prep" and c.lower_ == "until"]
        told = next((c for c in kids if c.dep_ == "dative" or c.dep_ == "dobj"
                     and c.lemma_ not in TIME_NOUNS), None)
        if not timed or told is None:
            return None, None
        return told, _to_clause(verb) or next(
            (t for n in timed if (t := _to_clause(n)) is not None), None)
    if verb.lemma_ == "set":
        noun = next((c for c in kids if c.dep_ == "dobj" and c.lemma_ in DEADLINE_NOUNS), None)
        todo = _to_clause(noun) if noun is not None else None
        told = next((c for c in todo.children if c.dep_ == "nsubj"), None) \
            if todo is not None else None
        return told, todo
    return None, None


def with_directives(cands: list[Candidate], sent: Span, resolver: ActorResolver
                    ) -> list[Candidate]:
    """The sentence's candidates with a REQUEST for each order or deadline given to another
    party; the act ordered (and its conjuncts) is dropped as not done."""
    out = list(cands)
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        told, todo = _directive(verb)
        if told is None or todo is None:
            continue
        tok, path = subject_of(verb)
        actors = [m for m in resolver.resolve(tok) if m.code] if tok is not None else []
        targets: list[Mention] = [m for m in resolver.resolve(told) if m.code]
        pairs = [(a, r) for a in actors for r in targets if a.code != r.code]
        if not pairs:
            continue  # "Putin ordered troops to withdraw": a state's own forces carry it out
        ordered = {todo.i} | {c.i for c in todo.children if c.dep_ == "conj"}
        out = [replace(c, decision="dropped: ordered, not done (directives.py)")
               if c.trigger.i in ordered and c.decision == "emitted"
               and c.entry.event != "THREATEN" else c for c in out]  # "... or face tariffs"
        modality = assess(verb)
        for a, r in pairs:
            cand = Candidate(_entry(verb.lemma_), verb, [todo], a, r, path, "told", modality)
            cand.decision = modality.drop_reason or cand.decision
            out.append(cand)
    return out
