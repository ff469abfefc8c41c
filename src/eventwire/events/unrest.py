"""A place that protests happen to names who protests: "Serbia saw a weekend of protests",
"Mozambique was rocked by protests", "protests gripped Dhaka" (its people, CVL)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.roles import RoleFinder, object_of, subject_of
from eventwire.model import Mention

# Verbs whose subject is the place that had protests: "Serbia saw protests".
WITNESS_VERBS = {"see", "witness", "suffer", "experience"}
# Verbs by which protests shake a place: "protests rocked Mozambique", "was gripped by".
SHAKING_VERBS = {"rock", "grip", "shake", "roil", "paralyze", "paralyse", "engulf", "sweep",
                 "convulse", "hit", "rattle"}
# Spans that hold protests and stand in their place: "a weekend / weeks / a wave of protests".
SPELL_NOUNS = {"day", "week", "month", "night", "weekend", "wave", "series", "round", "spate"}


def spell(noun: Token) -> Token:
    """"weeks of protests": the span that holds the protests stands in their place."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in SPELL_NOUNS:
        return noun.head.head
    return noun


def shaken_place(noun: Token, roles: RoleFinder) -> Mention | None:
    """The place that saw, suffered or was shaken by the protests a noun names."""
    held = spell(noun)
    verb = held.head
    host: Token | None = None
    if held.dep_ == "dobj" and verb.lemma_ in WITNESS_VERBS:
        host = subject_of(verb)[0]
    elif held.dep_ == "nsubj" and verb.lemma_ in SHAKING_VERBS:
        host = object_of(verb)[0]  # "protests rocked Mozambique"
    elif held.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_ in SHAKING_VERBS:
        host = object_of(verb.head)[0]  # "Mozambique was rocked by protests"
    return roles.resolver.resolve_place(host) if host is not None else None


# People named by their protesting: whatever they do as such is part of the protest.
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
# Acts of a crowd that PLOVER counts as the protest itself: demanding (CAMEO 1411-1414
# demonstrate for a change) and denouncing. Their violence stays ASSAULT, as the dev gold
# codes protesters throwing rocks at police.
PROTEST_WORDED_ACTS: dict[str, str | None] = {"REQUEST": None, "ACCUSE": None, "REJECT": None}


def protesters_act(event: str, trigger: Token) -> str | None | bool:
    """"The demonstrators were demanding Ruto's resignation", "protesters denounced the
    junta": what protesters demand or denounce as a clause's subject is their protest (with
    its mode), not a separate request or accusation; False when it is not."""
    if event not in PROTEST_WORDED_ACTS or trigger.pos_ not in ("VERB", "AUX"):
        return False
    subject, _ = subject_of(trigger)
    if subject is None or subject.lemma_.lower() not in PROTESTER_NOUNS:
        return False
    return PROTEST_WORDED_ACTS[event]
