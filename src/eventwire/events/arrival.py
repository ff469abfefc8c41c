"""Help told as goods on the move: "A shipment of Chinese aid arrived in Myanmar", "Turkish aid
reached Syria", "a convoy of Russian relief entered eastern Ukraine" (PLOVER AID). The giver
is named on the help inside its carrier, the receiver is where the goods arrive; and goods
arriving are no visit by their owner."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.roles import RoleFinder
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# Verbs by which goods get to a place named as their object: "reached Gaza", "entered Sudan".
REACHING_VERBS = {"reach", "enter", "cross", "arrive", "land", "get"}
# Prepositions of where goods get to: "landed in Kenya", "crossed into Gaza".
INTO = {"in", "into", "at", "to"}
# Where the giver of help is named on the help word itself: "Chinese aid", "aid from Japan".
GIVER_ROLES = ("poss", "mod", "prep:from", "prep:by")


def carried_giver(entry: TriggerEntry, trigger: Token, words: list[Token],
                  roles: RoleFinder) -> tuple[list[Mention], str]:
    """"a shipment of Chinese aid", "a convoy of relief from Qatar": help named inside the
    noun that carries it is given by whoever the help word names as its giver."""
    if entry.event != "AID" or trigger.pos_ != "NOUN":
        return [], ""
    for word in (w for w in words if w.pos_ == "NOUN" and w.head.head.i == trigger.i):
        for role in GIVER_ROLES:
            found, path = roles.fill(role, word, [])
            if found:
                return found, f"carried<{path}"
    return [], ""


def arrival_place(trigger: Token, roles: RoleFinder, own: frozenset[str]
                  ) -> tuple[Mention | None, str]:
    """"Turkish aid reached Syria", "a shipment of aid entered eastern Ukraine": help (or its
    carrier) that is the subject of a reaching verb goes to the place that is its object or
    that it gets in, into or to."""
    goods = trigger.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    goods = goods.head if goods.dep_ == "prep" else goods
    verb = goods.head
    if goods.dep_ != "nsubj" or verb.lemma_ not in REACHING_VERBS:
        return None, ""
    places = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in INTO
        for p in c.children if p.dep_ == "pobj"]
    for obj in places:
        for tok in (t for t in obj.subtree if t.pos_ == "PROPN"):
            m = roles.resolver.resolve_place(tok, unlabelled=True)
            if m is not None and m.code not in own:
                return replace(m, sector=None), f"reached<{verb.lemma_}"
    return None, ""


def goods_arriving(entry: TriggerEntry, actor_path: str) -> bool:
    """"Saudi aid arrived in Yemen": the owner of a thing that arrives visits no one (a visit
    is made by those who speak for a state or a body, never through what they own)."""
    return entry.mode == "visit" and actor_path.endswith(">owner")
