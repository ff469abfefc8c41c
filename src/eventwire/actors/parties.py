"""The parties a thing names: "the deal between Turkey and Libya", "the Turkish-Libyan accord"."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.phrases import MODIFIER_DEPS
from eventwire.actors.resolver import ActorResolver
from eventwire.model import Mention
from eventwire.nlp.parsed import coordinated

PARTY_PREPS = {"between", "with", "among"}


def named_parties(noun: Token, resolver: ActorResolver) -> list[Mention]:
    """Two or more coded parties named in the noun's own phrase, else none.

    One party alone ("the Turkish agreement") does not say with whom, so it counts for
    nothing here; an owner with a partner ("Turkey's deal with Libya") does.
    """
    found: list[Mention] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PARTY_PREPS:
            for p in (p for p in c.children if p.dep_ == "pobj"):
                for t in coordinated(p):
                    found += resolver.resolve(t)
        elif c.dep_ == "poss":
            found += resolver.resolve(c)
    for t in noun.subtree:
        if t.i < noun.i and t.pos_ in ("ADJ", "PROPN") and t.dep_ in MODIFIER_DEPS:
            word = resolver.place_word(t)  # "Turkish-Libyan", "Russia-Ukraine": each its own
            found += [word] if word is not None else resolver.resolve_modifier(t)
    by_code: dict[str, Mention] = {}
    for m in found:
        if m.code:
            by_code.setdefault(m.code, m)
    return list(by_code.values()) if len(by_code) >= 2 else []
