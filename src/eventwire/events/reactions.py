"""Reactions told after the act they answer: "Spain recognised the state, a move Israel
condemned", "Hungary vetoed the aid, prompting condemnation from Ukraine" are aimed at the one
who made the move, not at whoever the move was about."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import Candidate
from eventwire.events.roles import subject_of

# Judgements of an act that answer it.
REACTIONS = {"ACCUSE", "SUPPORT", "REJECT"}
# "..., a move / step / decision X condemned": a noun standing for the clause's act.
MOVE_NOUNS = {"move", "step", "decision", "action", "act", "measure", "development", "gesture"}
# "..., drawing / prompting criticism from X": a participle that says what the act drew.
DRAWING = {"draw", "prompt", "spark", "trigger", "provoke", "earn", "attract", "win", "receive"}


def names_a_move(noun: Token) -> bool:
    """"..., a move / a decision ...": a noun standing in apposition for the clause's act."""
    return noun.lemma_ in MOVE_NOUNS and noun.dep_ in ("appos", "npadvmod")


def _move_verb(trigger: Token) -> Token | None:
    """The verb of the act a reaction answers, when the reaction is told in an appositive
    ("a move X condemned") or a participle after it ("drawing criticism from X")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.dep_ in ("relcl", "acl") and names_a_move(verb.head):
        node = verb.head
        for _ in range(4):
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        return None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_ in DRAWING \
            and trigger.head.dep_ in ("advcl", "conj") and trigger.head.tag_ == "VBG":
        return trigger.head.head
    return None


def aimed_at_the_move(cands: list[Candidate], resolver: ActorResolver) -> list[Candidate]:
    """Each reaction to a move named by an appositive or a participle takes the mover as its
    recipient."""
    out: list[Candidate] = []
    for c in cands:
        verb = _move_verb(c.trigger) if c.entry.event in REACTIONS else None
        tok = subject_of(verb)[0] if verb is not None else None
        movers = [m for m in resolver.resolve(tok) if m.code] if tok is not None else []
        if movers and c.actor is not None and movers[0].code != c.actor.code:
            c = replace(c, recipient=movers[0], recipient_path=f"move<{tok}")
        out.append(c)
    return out
