"""Acts that echo an earlier one: "Japan and Australia also expressed concern" is aimed
where the act it echoes was."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.candidates import Candidate

# Adverbs that say an act repeats one just reported by someone else.
ECHO_WORDS = {"also", "too", "likewise", "similarly"}
REACH = 3  # sentences back an echoed act may lie


def echoed_target(cand: Candidate, coded: list[Candidate]) -> Candidate:
    """An act with no target of its own that "also" repeats an earlier one of its kind, by
    someone else, takes that one's target (the ACCUSE of China that Japan "also" joins)."""
    needs = f"dropped: {cand.entry.event} needs a recipient"
    if cand.decision not in ("emitted", needs) or cand.recipient is not None \
            or cand.actor is None or not _echoes(cand.trigger):
        return cand
    sent = cand.actor.sentence
    earlier = [h for h in coded if h.decision == "emitted" and h.entry.event ==
               cand.entry.event and h.recipient
               and h.actor is not None and h.actor.code != cand.actor.code
               and h.recipient.code != cand.actor.code and sent - REACH <= h.actor.sentence]
    if not earlier:
        return cand
    h = earlier[-1]
    assert h.recipient is not None
    return replace(cand, recipient=replace(h.recipient, kind="implied", rule="echo"),
                   recipient_path=f"echoes<{h.entry.id}", decision="emitted")


def _echoes(trigger: Token) -> bool:
    """'also', 'too', 'likewise' on the act's own verb or the verb that carries it, or on
    its subject ("Sweden too denounced")."""
    verbs = [trigger, trigger.head] if trigger.pos_ == "NOUN" else [trigger]
    words = [*verbs, *(c for v in verbs for c in v.children if c.dep_ == "nsubj")]
    return any(c.dep_ == "advmod" and c.lower_ in ECHO_WORDS for w in words for c in w.children)
