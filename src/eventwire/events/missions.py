"""Protests at a foreign mission: "protesters gathered outside the U.S. embassy in Jakarta",
"activists rallied in front of the Chinese consulate in Istanbul" are the people of the place
(IDN, TUR CVL) protesting against the state or body the mission belongs to (codebook v2)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.roles import RoleFinder
from eventwire.model import Mention

# Buildings that stand for a foreign state or an international body where they are.
MISSION_NOUNS = {"embassy", "consulate", "mission", "office", "headquarters", "compound",
                 "chancery"}
# Prepositions that put a crowd at a building: "outside", "at", "in front of", "near".
AT_BUILDING = {"outside", "at", "near", "in", "before", "to", "toward", "towards", "around",
               "opposite", "by"}
# Where the owner of a mission is named on it: "the U.S. embassy", "Russia's embassy",
# "the embassy of Israel".
OWNER_ROLES = ("mod", "poss", "prep:of")


def picketed(trigger: Token, roles: RoleFinder, actors: list[Mention]
             ) -> tuple[list[Mention], list[Mention], str] | None:
    """A foreign mission a protest is held at: (the crowd, placed where the mission stands
    when its owner had been taken for the crowd's country; the mission's owner; the path)."""
    verb = trigger.head if trigger.dep_ == "dobj" else trigger  # "staged a protest outside"
    for mission in _missions(verb):
        for role in OWNER_ROLES:
            owners, path = roles.fill(role, mission, [])
            owners = [m for m in owners if m.kind != "person"]
            if owners:
                break
        if not owners:
            continue
        codes = {m.code for m in owners}
        host, _ = roles.fill("place:in", mission, [])
        if host and host[0].code not in codes and any(a.code in codes for a in actors):
            sector = next((a.sector for a in actors if a.sector), "CVL")
            actors = [replace(host[0], sector=sector)]
        if any(a.code in codes for a in actors):
            return None  # "Americans rallied outside the U.S. embassy": at their own mission
        return actors, [replace(m, sector=m.sector or "GOV") for m in owners], \
            f"mission<{path}"
    return None


def _missions(verb: Token) -> list[Token]:
    """Mission nouns under a preposition of where on the verb or on its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    found = []
    for prep in (c for h in heads for c in h.children
                 if c.dep_ == "prep" and c.lower_ in AT_BUILDING):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if pobj.lemma_ == "front":  # "in front of the embassy"
                pobj = next((q for p in pobj.children if p.lower_ == "of"
                             for q in p.children if q.dep_ == "pobj"), pobj)
            if pobj.lemma_.lower() in MISSION_NOUNS:
                found.append(pobj)
    return found
