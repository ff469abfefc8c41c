"""Event reference: "condemned the attack" answers an attack the article already reported."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors import DEFINITE
from eventwire.events import Candidate
from eventwire.lexicon import Lexicon
from eventwire.roles import object_of

# Events that respond to another event: their target is whoever did the thing responded to.
RESPONSE_EVENTS = {"ACCUSE", "REJECT", "SUPPORT"}
# Nouns that name an earlier act by its kind; nominal lexicon triggers count as well.
KIND_NOUNS = {
    "agreement": "AGREE", "deal": "AGREE", "accord": "AGREE", "pact": "AGREE",
    "treaty": "AGREE", "memorandum": "AGREE", "memoranda": "AGREE",
    "operation": "ASSAULT", "attack": "ASSAULT", "strike": "ASSAULT", "offensive": "ASSAULT",
    "assault": "ASSAULT", "bombing": "ASSAULT", "incursion": "ASSAULT", "invasion": "ASSAULT",
    "sanctions": "SANCTION", "sanction": "SANCTION", "expulsion": "SANCTION",
    "talks": "CONSULT", "visit": "CONSULT", "meeting": "CONSULT",
    "crackdown": "COERCE", "arrest": "COERCE", "arrests": "COERCE", "detention": "COERCE",
    "withdrawal": "RETREAT", "pullout": "RETREAT",
    "call": "REQUEST", "appeal": "REQUEST", "plea": "REQUEST", "request": "REQUEST",
    "demand": "REQUEST", "demands": "REQUEST",
}
TOPIC_PREPS = {"against", "of", "over", "about", "on"}
# Harms whose doer a later sentence may name: "The shelling was claimed by Boko Haram".
CLAIMABLE = {"ASSAULT"}


def _referring_noun(cand: Candidate) -> Token | None:
    """The definite, ownerless noun a response is about: "condemned the attack"."""
    obj, _ = object_of(cand.trigger)
    nouns = [obj] if obj is not None else []
    for holder in (cand.trigger, *cand.words):
        nouns += [p for c in holder.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                  for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        if noun.pos_ != "NOUN":
            continue
        dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
        owned = any(c.dep_ == "poss" for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ in ("by", "between", "with") for c in noun.children)
        if dets & DEFINITE and not owned:
            return noun
    return None


def _kinds(noun: Token, lexicon: Lexicon) -> set[str]:
    word = noun.lemma_.lower()
    kinds = {e.event for e in lexicon.candidates(word, "NOUN") if not e.with_}
    if noun.lower_ in KIND_NOUNS:
        kinds.add(KIND_NOUNS[noun.lower_])
    if word in KIND_NOUNS:
        kinds.add(KIND_NOUNS[word])
    return kinds


def refer_back(cand: Candidate, history: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """A recipient-less response aimed at the doers of the event its object refers back to.

    History holds the article's emitted candidates so far, in text order. The latest one of
    the named kind, done by someone else, is the referent; all its doers (both parties of
    an agreement) become recipients. Without a referent the candidate stands as it was.
    """
    if cand.recipient is not None or cand.actor is None or cand.entry.event not in RESPONSE_EVENTS:
        return [cand]
    noun = _referring_noun(cand)
    if noun is None:
        return [cand]
    kinds = _kinds(noun, lexicon)
    earlier = [h for h in history if h.entry.event in kinds and h.actor is not None
               and h.trigger.i < cand.trigger.i and h.actor.code != cand.actor.code]
    if not earlier:
        return [cand]
    latest = earlier[-1].trigger.i
    doers: dict[str, Candidate] = {}
    for h in earlier:
        if h.trigger.i == latest and h.actor is not None:
            doers.setdefault(h.actor.code or "", h)
    return [replace(cand, recipient=h.actor, recipient_path=f"refers<{noun.text}<{h.entry.id}")
            for h in doers.values() if h.actor is not None]


def _definite(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE
                                       for c in noun.children)


def _named_act(cand: Candidate) -> Token | None:
    """The definite noun by which an act names an earlier one: the trigger itself ("the
    shelling was claimed by"), or what it is about ("said it carried out the raid")."""
    if _definite(cand.trigger):
        return cand.trigger
    nouns = [p for h in (cand.trigger, *cand.words) for c in h.children
             if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"for"}
             for p in c.children if p.dep_ == "pobj"]
    return next((n for n in nouns if _definite(n)), None)


def claimed_target(cand: Candidate, found: list[Candidate], lexicon: Lexicon) -> Candidate:
    """A doer named for an act reported earlier takes that act's target.

    "An army base in Niger was shelled ... Boko Haram claimed the shelling": the
    earlier report had a target but no doer, the later one a doer but no target. The
    latest earlier candidate of the kind with a target lends it, emitted or not.
    """
    if cand.actor is None or cand.entry.event not in CLAIMABLE or not (
            cand.recipient is None or cand.recipient_path == "domestic"):
        return cand
    noun = _named_act(cand)
    if noun is None or cand.entry.event not in _kinds(noun, lexicon):
        return cand
    earlier = [h for h in found if h.entry.event == cand.entry.event
               and h.trigger.i < cand.trigger.i and h.recipient is not None
               and h.recipient_path != "domestic" and h.recipient.code != cand.actor.code]
    if not earlier:
        return cand
    h = earlier[-1]
    return replace(cand, recipient=h.recipient,
                   recipient_path=f"refers<{noun.text}<{h.entry.id}")
