"""Conditional threats: "X warned Y to withdraw or face sanctions" is X THREATEN Y.

The lexicon's `face` entries find the penalty ("face sanctions / tariffs / consequences"). The
one who faces it is threatened, and whoever sets the condition or announces the penalty
threatens it (the codebook: "...or face sanctions" is THREATEN, a conditional threat is still
a threat): "X told Y to leave or face ..." (Y is the object the order is given to), "X said Y
would face ..." (Y is the subject of "face", X of the saying verb above).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.modality import assess
from eventwire.events.roles import RoleFinder, subject_of
from eventwire.model import Mention
from eventwire.nlp.parsed import coordination_head

FACING = "face"
MAX_CLIMB = 5  # verbs climbed from "face" to the one who speaks


def _parties(face: Token) -> tuple[Token | None, Token | None, Token | None, str]:
    """(verb of the threatener, threatener, the one facing, path) for a "face" verb."""
    clause = coordination_head(face) if face.dep_ == "conj" else face
    order = clause.head
    if clause.dep_ == "xcomp" and order.pos_ in ("VERB", "AUX"):
        told = next((c for c in order.children if c.dep_ in ("dobj", "dative")), None)
        if told is not None:  # "told Manila to withdraw or face retaliation"
            tok, path = subject_of(order)
            return order, tok, told, f"{path}>order"
    own = subject_of(face)[0]
    node = face
    for _ in range(MAX_CLIMB):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        tok, path = subject_of(node)
        if tok is not None and (own is None or tok.i != own.i):
            return node, tok, own, path  # "Washington said Ankara would face consequences"
    return None, None, own, ""


def _coded(roles: RoleFinder, tok: Token | None) -> list[Mention]:
    return [m for m in roles.resolver.resolve(tok) if m.code] if tok is not None else []


def conditional_threats(cands: list, roles: RoleFinder) -> None:
    """Turn each "face a penalty" candidate around: the threatener acts on the one facing."""
    for i, c in enumerate(cands):
        if c.trigger.lemma_ != FACING or c.entry.event != "THREATEN" or c.modality.negated:
            continue  # "will not face sanctions" threatens no one
        verb, tok, faced, path = _parties(c.trigger)
        actors, targets = _coded(roles, tok), _coded(roles, faced)
        if verb is None or not actors or not targets:
            cands[i] = replace(c, decision="dropped: no one named who sets the penalty")
            continue
        modality = assess(verb)
        cands[i] = replace(c, actor=actors[0], recipient=targets[0],
                           actor_path=f"threatener<{path}", recipient_path="faces",
                           modality=modality, decision=modality.drop_reason or "emitted")
