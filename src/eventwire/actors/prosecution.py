"""Legal process: the state that prosecutes when the text names only the accused.

"X faces charges", "X was indicted", "X stands accused of": the state charges X; "X pleaded
not guilty" answers that state.

Codebook v2 and the PLOVER manual: charges, indictments and trials are ACCUSE by the state that
brings them (its courts and prosecutors, JUD) on the accused; pleading not guilty is the
accused's REJECT of that state.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.claims import clause_subject
from eventwire.actors.resolver import ActorResolver
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention
from eventwire.nlp.parsed import sentence_index

# Words that place a prosecution: "a trial in New York", "a Paris court", "U.S. prosecutors".
LEGAL_NOUNS = {"court", "courtroom", "trial", "prosecutor", "prosecution", "judge", "jury",
               "juror", "tribunal"}
# Verbs whose agentless passive is the state's charge: "was charged with", "were indicted".
CHARGE_VERBS = {"charge", "indict", "prosecute"}
# Verbs whose subject is the accused: "faces charges", "stood trial", "stand accused of".
ACCUSED_VERBS = {"face", "stand", "go"}
# "has been in detention", "remain in custody", "was held in custody": held by no one named
CUSTODY_PREPS = {"in", "under"}
CUSTODY_VERBS = {"be", "remain", "stay", "sit", "languish", "spend", "hold", "keep"}
# "pleaded not guilty", "pleads innocent": the accused answers the charges.
PLEA_VERBS = {"plead"}
ACCUSED_DEPS = ("dobj", "acomp", "oprd", "xcomp", "advcl")
# Where an accusation's placed JUD mention may not come from: a bare noun the story placed.
GUESSED = "+story-country"


Frame = tuple[list[Mention], str, list[Mention], str]


def legal_frame(entry: TriggerEntry, trigger: Token, resolver: ActorResolver,
                actors: list[Mention]) -> Frame | None:
    """Actors and recipients of a legal act whose wording names the accused only: the
    prosecuting state charges the accused; the accused's plea answers that state. None when
    the wording is not such a frame."""
    if entry.event == "ACCUSE" and _framed(trigger):
        accused = _accused(trigger)
        state = prosecuting_state(trigger, resolver)
        charged = _people(accused, resolver) if accused is not None else []
        if state is None or not charged:
            return [], "", [], ""  # the accused is no accuser, whoever charged them
        return [state], "legal<prosecuting-state", charged, f"legal<{accused.dep_}"
    if entry.event == "COERCE" and not actors:
        return _in_custody(trigger, resolver)
    if entry.event == "REJECT" and trigger.lemma_ in PLEA_VERBS and actors:
        state = prosecuting_state(trigger, resolver)
        if state is None:
            return None
        return actors, "nsubj", [state], "legal<prosecuting-state"
    return None


def _people(accused: Token, resolver: ActorResolver) -> list[Mention]:
    """Who the accused are: an actor, else people placed by a demonym or a "from" phrase
    ("two Iranian men", "a mercenary from Belarus"), as civilians of that country."""
    found = [m for m in resolver.resolve(accused) if m.code]
    if found:
        return found
    placed = [t for t in accused.children if t.dep_ in ("amod", "compound")] + [
        p for c in accused.children if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children if p.dep_ == "pobj"]
    for t in placed:
        for m in resolver.resolve_modifier(t) if t.dep_ != "pobj" else resolver.resolve(t):
            if m.code:
                return [replace(m, sector="CVL")]
    return []


def _in_custody(trigger: Token, resolver: ActorResolver) -> Frame | None:
    """"The reporter had been in pretrial detention", "two activists remain in custody": people
    held with no holder named are held by the state the story places them in (its police)."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in CUSTODY_PREPS \
            or prep.head.lemma_ not in CUSTODY_VERBS:
        return None
    held = clause_subject(prep.head)
    people = _people(held, resolver) if held is not None else []
    place = resolver.place_in([prep.head, trigger])
    home = resolver.story_country(trigger, people=False, whole=True) if place is None else None
    state = place or (resolver.mentions[home.mention] if home is not None else None)
    if state is None or not people:
        return None
    return ([replace(state, sector="COP", kind="implied", rule="custody-state")],
            "custody<story-state", people, f"custody<{held.dep_}")


def _framed(trigger: Token) -> bool:
    """Whether the words make the accused the subject: "X was charged" (no agent), "X faces
    charges", "X stands accused of", "X stood trial"."""
    if trigger.pos_ == "VERB" and trigger.lemma_ in CHARGE_VERBS:
        return any(c.dep_ == "nsubjpass" for c in trigger.children) and not any(
            c.dep_ == "agent" for c in trigger.children)
    if trigger.pos_ == "VERB" and trigger.lemma_ in ACCUSED_VERBS:
        return True
    return trigger.head.lemma_ in ACCUSED_VERBS and trigger.dep_ in ACCUSED_DEPS


def _accused(trigger: Token) -> Token | None:
    """The accused of a framed legal act: the passive's subject, or the subject of "face",
    "stand", "go" (on trial)."""
    if trigger.lemma_ in CHARGE_VERBS:
        return next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    return clause_subject(trigger if trigger.lemma_ in ACCUSED_VERBS else trigger.head)


def prosecuting_state(trigger: Token, resolver: ActorResolver) -> Mention | None:
    """The state whose courts act: the place or country of the nearest court, trial or
    prosecutor the article names (in the act's sentence, then before it, then after), else
    the country the story is about."""
    doc = trigger.doc
    here = sentence_index(trigger)

    def nearness(t: Token) -> tuple[int, int]:
        s = sentence_index(t)
        return (0 if s == here else 1 if s < here else 2, abs(t.i - trigger.i))

    for noun in sorted((t for t in doc if t.lemma_.lower() in LEGAL_NOUNS), key=nearness):
        # "a trial in New York", "A trial opened in Paris", "stood trial in Kampala": where it
        # is, or where what it does or undergoes happens
        acts = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else []
        found = resolver.place_in([noun, *acts]) or next(
            (m for m in resolver.resolve(noun) if m.code and not m.rule.endswith(GUESSED)), None)
        if found is not None:
            return replace(found, sector="JUD", kind="implied", rule="prosecuting-state")
    home = resolver.story_country(trigger, people=False, whole=True)
    if home is None:
        return None
    return replace(resolver.mentions[home.mention], sector="JUD", kind="implied",
                   rule="prosecuting-state", antecedent=home.mention)
