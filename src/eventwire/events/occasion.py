"""Who takes part in a meeting that is not the story's main act: the occasion of another
act ("During a visit to Beijing, Macron said"), a body's own session ("EU ministers met in
Luxembourg"), and who a phone call reaches ("Erdogan called Putin", not "called it X")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.standing import OFFICE_SECTORS
from eventwire.events.roles import RoleFinder, subject_of
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# Prepositions that set an act inside a meeting the actor took part in ("during talks with
# X", "at a meeting with X", "following a call with X", "on a trip to X", "in talks with X").
# "After" and "before" are left out: "after talks between A and B, C said" is anyone's.
OCCASION_PREPS = {"during", "at", "following", "on", "in", "amid"}
# Being or going somewhere *for* a meeting is taking part in it ("was in Moscow for talks
# with", "flew to Riyadh for a summit"); "for" on other verbs is a cause ("thanked X for").
PRESENCE_VERBS = {"be", "arrive", "travel", "fly", "head", "go", "come", "gather", "land",
                  "return", "stay", "converge", "assemble"}
# Nouns that stand for the edge of a meeting: "on the sidelines of the summit".
MEETING_EDGES = {"sideline", "margin", "side", "fringe"}


def occasion_verb(noun: Token) -> Token | None:
    """The verb whose act a meeting noun is the occasion of, if it is one."""
    if noun.pos_ != "NOUN":
        return None
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" and \
            node.head.head.lemma_.lower() in MEETING_EDGES:
        node = node.head.head
    prep = node.head
    if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    if prep.lower_ not in OCCASION_PREPS and not (
            prep.lower_ == "for" and prep.head.lemma_ in PRESENCE_VERBS):
        return None
    return prep.head


def occasion_actor(entry: TriggerEntry, noun: Token, roles: RoleFinder
                   ) -> tuple[list[Mention], str]:
    """The one who speaks or acts during a meeting took part in it, so the meeting's actor
    is the subject of the clause the meeting is the occasion of."""
    verb = occasion_verb(noun) if entry.event == "CONSULT" else None
    if verb is None:
        return [], ""
    tok, path = subject_of(verb)
    found = roles.resolver.resolve(tok) if tok is not None else []
    return (found, f"occasion<{path}") if found else ([], "")


def settle_occasion(entry: TriggerEntry, trigger: Token, roles: RoleFinder,
                    actors: list[Mention], apath: str, recipients: list[Mention]
                    ) -> tuple[list[Mention], str]:
    """The occasion's actor once the recipients are known: "on the sidelines of the G20
    summit" meets the G20, so the speaker is the one who takes part; with no one met, only
    someone speaking for an office takes part ("passengers tested positive on arrival")."""
    if entry.event == "CONSULT" and len(actors) == 1 and {a.start for a in actors} == {
            r.start for r in recipients}:
        actors, apath = occasion_actor(entry, trigger, roles)
    if apath.startswith("occasion<") and not recipients and not any(
            a.sector in OFFICE_SECTORS for a in actors):
        return [], ""
    return actors, apath


def timed_by(trigger: Token, apath: str) -> Token:
    """The word whose clause gives an act its time: the occasion's verb for a meeting named
    as an occasion ("At a meeting with Ruto, X pledged": the meeting is no promise)."""
    verb = occasion_verb(trigger) if apath.startswith("occasion<") else None
    return verb if verb is not None else trigger


def body_in_session(actors: list[Mention], doc: Doc) -> bool:
    """"EU ministers met in Luxembourg", "NATO leaders gathered in Vilnius": a body's own
    members meeting somewhere do not visit its country (one official travelling does)."""
    def members(a: Mention) -> bool:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        return a.sector == "IGO" and span is not None and span.root.tag_ in ("NNS", "NNPS")
    return bool(actors) and all(members(a) for a in actors)


# Who can be called on the phone: a name, a title, a pronoun for a person.
CALLEES = {"counterpart", "president", "minister", "leader", "chancellor", "premier", "king",
           "prince", "secretary", "envoy", "ambassador", "official", "governor", "mayor",
           "emir", "sultan", "pope", "him", "her"}


def no_one_called(entry: TriggerEntry, trigger: Token) -> bool:
    """"Erdogan called Putin" is a phone call; "called its troop moves defensive", "calling it
    an aggression" name a thing, whoever owns it."""
    if entry.mode != "phone" or trigger.lemma_ != "call" or trigger.pos_ != "VERB":
        return False
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    return obj is None or not (obj.pos_ == "PROPN" or obj.lemma_.lower() in CALLEES
                               or obj.lower_ in CALLEES)
