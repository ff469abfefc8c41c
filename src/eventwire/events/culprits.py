"""Naming the guilty is accusing them: "Iraq said Turkey was responsible for the strike",
"Kyiv said Moscow was to blame", "Serbia said Kosovo had violated the deal"."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import Candidate
from eventwire.events.demands import spoken_of
from eventwire.events.roles import RoleFinder
from eventwire.knowledge.lexicon import TriggerEntry

# "X was responsible for", "X is guilty of": the predicate and the preposition it needs.
GUILT_PREDICATES = {"responsible": "for", "guilty": "of", "culpable": "for"}
# "X was behind the sabotage": a preposition of the verb "be" that names the doer.
GUILT_PREPS = {"behind"}
# Wrongs a state is said to have done that no event category of its own holds.
BREACH_VERBS = {"violate", "breach", "flout", "contravene", "undermine"}
# "X had committed genocide / war crimes": the wrongs "commit" makes an accusation.
CRIMES = {"genocide", "crime", "atrocity", "massacre", "abuse", "violation", "aggression",
          "crimes", "atrocities", "abuses", "violations"}


def _entry(word: str) -> TriggerEntry:
    return TriggerEntry(
        id=f"accuse-culprit-{word}", trigger=word, pos="VERB", with_=(), event="ACCUSE",
        mode="allege", context=(), cameo="112", actor=("speaker",), recipient=("culprit",),
        symmetric=False, requires_recipient=True, source="culprits.py")


def _guilt(verb: Token) -> Token | None:
    """The word that names the clause's subject guilty, if it does."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if verb.lemma_ == "be":
        for c in verb.children:
            needed = GUILT_PREDICATES.get(c.lower_)
            if c.dep_ == "acomp" and needed and any(
                    p.dep_ == "prep" and p.lower_ == needed for p in c.children):
                return c
            if c.dep_ == "xcomp" and c.lemma_ == "blame" and any(
                    a.lower_ == "to" for a in c.children):
                return c  # "Moscow was to blame"
            if c.dep_ == "prep" and c.lower_ in GUILT_PREPS and any(
                    p.dep_ == "pobj" for p in c.children):
                return c
        return None
    wrongs = [c for c in verb.children if c.dep_ == "dobj" and not any(
        d.lower_ in ("no", "nothing") for d in c.subtree)]  # "had violated no rules"
    if verb.lemma_ in BREACH_VERBS and wrongs or verb.lemma_ == "commit" and any(
            c.lemma_.lower() in CRIMES for c in wrongs):
        return verb
    return None


def to_blame(cand: Candidate) -> bool:
    """"Moscow was to blame": the lexicon's "blame" with the blamed as its subject."""
    t = cand.trigger
    return t.lemma_ == "blame" and t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(
        a.lower_ == "to" for a in t.children)


def with_culprits(cands: list[Candidate], sent: Span, resolver: ActorResolver
                  ) -> list[Candidate]:
    """The sentence's candidates, with the speaker's ACCUSE of whoever a reported or quoted
    clause names guilty; the lexicon's reading of "X was to blame" as X blaming is dropped."""
    out = [replace(c, decision="dropped: the blamed are the subject (culprits.py)")
           if to_blame(c) and c.decision == "emitted" else c for c in cands]
    roles = RoleFinder(resolver)
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        guilt = _guilt(verb)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if guilt is None or subject is None:
            continue
        culprits = resolver.resolve(subject) or roles.owners(subject)
        if not culprits:
            continue
        out += spoken_of(_entry(guilt.lemma_.lower()), verb, guilt, culprits, resolver)
    return out
