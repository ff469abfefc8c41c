"""A stance held, told in the present ("the group opposes Chinese investment"), is not news."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.coref import FIRST_PERSON
from eventwire.events.modality import Modality

# Speech acts reported in the journalistic present are news ("Washington also alleges ...",
# "Moscow demands ..."), and so may be a deed ("Hungary supplies weapons"); opposing is a
# position held ("the group opposes"), and so is anything a relative clause says its noun
# does ("militias which support the PKK").
NEWS_PRESENT = {"ACCUSE", "REQUEST", "THREATEN"}
POSITIONS = {"REJECT"}


def present_stance(trigger: Token, event: str, modality: Modality, quoted: list[bool]
                   ) -> Modality:
    """"The group opposes Chinese investment", "both reject the claims", "militias which
    support the PKK": a third party's position, or what a relative clause says its noun does,
    told in the simple present outside quotation marks and outside what someone is reported
    to say, is a standing state (codebook v2)."""
    if modality.modality != "asserted" or modality.negated or event in NEWS_PRESENT \
            or (event not in POSITIONS and trigger.dep_ != "relcl") \
            or trigger.tag_ not in ("VBZ", "VBP") or _reported(trigger) or quoted[trigger.i]:
        return modality
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return modality  # "is expected to", "does not": not a plain present
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in FIRST_PERSON:
        return modality  # "we reject the verdict": the speaker's own act, said now
    return Modality(modality="standing", cue=f"{trigger.text} (present)")


def _reported(verb: Token) -> bool:
    """"said it condemns any violence": what someone is reported to say, in their tense."""
    node = verb
    while node.dep_ in ("conj", "ccomp", "xcomp", "advcl", "parataxis") and node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            return True
        node = node.head
    return False

