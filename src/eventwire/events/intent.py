"""How an act is put changes what PLOVER codes: intents, promises, threats and refusals."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.implied import condition_subject
from eventwire.events.modality import NEGATORS, PROMISING, Modality, cue_token
from eventwire.events.roles import RoleFinder
from eventwire.events.unrest import protesters_act
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# PLOVER 3.1 (codebook v2): cooperation announced, scheduled or promised for the future is
# coded as an intent, AGREE, keeping the act meant ("will meet Lavrov": intent CONSULT).
FUTURE_AGREE = {"AID", "COOPERATE", "SUPPORT", "CONSULT"}
# A promised handover ("will free the prisoners", "announced it would withdraw") is a
# concession: PLOVER's RETREAT needs a material consequence. A promised harm is a threat.
PROMISED_HANDOVER = {"RETREAT"}
PROMISED_HARMS = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
PROMISE_AUX = {"will", "shall", "'ll", "wo", "would"}
# Taking up what another offers or asks; done "not" it is a refusal (PLOVER REJECT).
ACCEPTANCE_VERBS = {"accept", "heed", "meet"}
ACCEPTANCES = {"AGREE", "CONCEDE", "AID", "RETREAT"}
GIFTS = {"AID", "SUPPORT", "CONCEDE", "RETREAT"}
INTENT_CUES = {"willing", "ready", "prepared"}
INTENDING = {"seek", "hope", "aim", "intend", "want", "wish"}
CONDITIONAL_MODALS = {"would", "may", "might", "could"}
HARMS = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "PROTEST"}
COOPERATIVE_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"}
CONFLICT_EVENTS = {"ASSAULT", "COERCE", "SANCTION", "REJECT", "PROTEST", "ACCUSE"}
# Announcing a measure is not yet taking it (codebook v2 "Time and intent": announced
# conflictual acts, "measures decided but not yet in force", are THREATEN; an announced
# withdrawal or ceasefire is CONCEDE; announced cooperation is AGREE). Arrests, raids and
# resignations announced are reports of acts already done, so COERCE, ASSAULT and
# resigning keep their category.
ANNOUNCING = {"announce", "unveil"}
ANNOUNCED_HARMS = {"SANCTION", "MOBILIZE", "PROTEST"}
DONE_WHEN_ANNOUNCED = {"resign"}
# Verbs of committing to an act; what is agreed on keeps its own category as the intent.
COMMITTING = {"agree", "decide", "vote", "commit", "resolve"}
AGREED_HARMS = {"ASSAULT", "COERCE", "SANCTION"}
# Who protests by note, not in the street: a government's or a body's protest is an official
# complaint (PLOVER ACCUSE, CAMEO 114), not a demonstration.
OFFICIAL_SECTORS = {"GOV", "IGO"}
PEOPLE_MOVING = {"travel", "traveler", "traveller", "flight", "visitor", "tourist", "passenger",
                 "trip", "visit", "entry"}
LAUNCHING = {"fire", "launch", "test", "test-fire"}
TESTING = {"test", "test-fire"}
MISSILES = {"missile", "rocket", "icbm"}
TEST_WATERS = {"sea", "ocean", "water", "coast"}  # "into the sea", "off its east coast"
PROTEST_WORDS = {"protest"}  # the word itself: a boycott or a strike is a deed, not a note


def recode(entry: TriggerEntry, trigger: Token, modality: Modality, recipients: list[Mention],
           rpath: str, roles: RoleFinder, actors: list[Mention]
           ) -> tuple[TriggerEntry, Modality, list[Mention], str]:
    """The entry, modality and recipients an act is coded with, given how the text puts it."""
    mode = protesters_act(entry.event, trigger)
    if mode is not False:  # "the demonstrators were demanding ...": the protest itself
        entry = replace(recoded(entry, "PROTEST", "protesters"), mode=mode)
    entry = _show_of_force(entry, trigger, recipients)
    entry = _sanction_at_home(entry, actors, recipients)
    entry = _travel_restricted(entry, trigger)
    announcer = _announcer(entry, trigger, modality)
    if announcer is not None:
        modality = Modality(modality="future", cue=announcer.text)
    if entry.event in FUTURE_AGREE and _intending(trigger, modality):
        # "is seeking to finalize a deal with", "hopes to sign a pact with": an intent to
        # cooperate, stated by its holder alone (PLOVER AGREE, CAMEO 03)
        entry = replace(recoded(entry, "AGREE", "intent"), symmetric=False)
        modality = Modality(modality="future", cue=modality.cue)
    if modality.modality == "future" and entry.event in FUTURE_AGREE:
        entry = recoded(entry, "AGREE", "future")
    elif modality.modality == "future" and (modality.cue or "").lower() in INTENT_CUES:
        # "is willing to withdraw", "ready to host talks": a stated intent (PLOVER AGREE);
        # "ready to strike": a threat.
        entry = recoded(entry, "THREATEN" if entry.event in CONFLICT_EVENTS else "AGREE",
                        "intent")
    if _refused(entry, trigger, modality):
        # "will not accept more refugees", "did not meet their demands", "would not provide
        # support": a refusal
        entry = replace(entry, event="REJECT", mode=None, id=f"{entry.id}+refused",
                        requires_recipient=False)
        modality = Modality()
        if rpath == "domestic":
            recipients, rpath = [], ""  # whoever is refused, the text names them
    condition = _condition(trigger)
    if condition is not None and not modality.negated and (
            modality.modality == "future" or (modality.cue or "").lower() in CONDITIONAL_MODALS):
        # "will withdraw its force unless...", "I will destroy ... if Turkey does": a threat
        # (or, for a good turn, a promise) made to whoever must meet the condition.
        if entry.event in COOPERATIVE_EVENTS or entry.event in HARMS:
            entry = recoded(entry, "AGREE" if entry.event in COOPERATIVE_EVENTS else "THREATEN",
                            "conditional")
            modality = Modality(modality="future", cue=condition.text)
            if not recipients or rpath == "domestic":
                recipients, rpath = condition_subject(condition, roles, actors)
    if modality.modality == "future" and entry.event in PROMISED_HARMS | PROMISED_HANDOVER:
        # "will impose tariffs", "plans to deploy troops": a threat; "will free the prisoners",
        # "would be leaving by May": a promised concession (codebook v2)
        entry = recoded(entry, "THREATEN" if entry.event in PROMISED_HARMS else "CONCEDE",
                        "promised")
    return entry, modality, recipients, rpath


def _show_of_force(entry: TriggerEntry, trigger: Token, recipients: list[Mention]
                   ) -> TriggerEntry:
    """"North Korea fired two missiles into the sea", "test-fired a cruise missile": a missile
    fired at no one, as a test, is a show of force (PLOVER MOBILIZE, CAMEO 150); fired with no
    target named ("Russia launched 40 missiles overnight") it stays an attack."""
    if entry.event != "ASSAULT" or recipients or trigger.lemma_.lower() not in LAUNCHING \
            or not any(c.dep_ == "dobj" and c.lemma_.lower() in MISSILES
                       for c in trigger.children):
        return entry
    tested = trigger.lemma_.lower() in TESTING or any(
        p.dep_ == "pobj" and p.lemma_.lower() in TEST_WATERS
        for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("into", "off", "over")
        for p in c.children)
    if not tested:
        return entry
    return replace(entry, event="MOBILIZE", mode=None, cameo="150",
                   id=f"{entry.id}+show-of-force")


def _sanction_at_home(entry: TriggerEntry, actors: list[Mention], recipients: list[Mention]
                      ) -> TriggerEntry:
    """"The Taliban banned women from universities", "suspended the party": a measure a state
    takes against its own people is an administrative sanction (CAMEO 172, PLOVER COERCE);
    SANCTION is between states and bodies."""
    if entry.event != "SANCTION" or not actors or not recipients or any(
            a.sector == "IGO" or a.code != r.code for a in actors for r in recipients):
        return entry
    return replace(entry, event="COERCE", mode="restrict", cameo="172",
                   id=f"{entry.id}+at-home")


def _travel_restricted(entry: TriggerEntry, trigger: Token) -> TriggerEntry:
    """"tightened restrictions on travel from India", "a ban on flights from Britain": keeping
    people from a country out restricts movement (COERCE, CAMEO 191); restricting goods, or
    flights *to* a country ("new restrictions on flights to Cuba"), stays SANCTION."""
    if entry.event != "SANCTION":
        return entry
    held = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    moved = [p for h in held for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
             for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PEOPLE_MOVING]
    inbound = any(f.dep_ == "prep" and f.lower_ == "from" for h in held for f in h.subtree)
    if not moved or not inbound:
        return entry
    return replace(entry, event="COERCE", mode="restrict", cameo="191",
                   id=f"{entry.id}+travel")


def recoded(entry: TriggerEntry, event: str, how: str) -> TriggerEntry:
    """The entry coded as another category, keeping the act it announces as its intent."""
    return replace(entry, event=event, mode=None, id=f"{entry.id}+{how}",
                   intent=entry.intent or entry.event)


def _announcer(entry: TriggerEntry, trigger: Token, modality: Modality) -> Token | None:
    """The verb that puts a measure as announced ("announced new tariffs on"), not taken."""
    if modality.modality != "asserted" or modality.negated or entry.mode in DONE_WHEN_ANNOUNCED:
        return None
    if entry.event not in ANNOUNCED_HARMS | PROMISED_HANDOVER | FUTURE_AGREE:
        return None
    if trigger.pos_ == "VERB" and trigger.lemma_ in ANNOUNCING:
        return trigger  # the trigger is the verb of announcing
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") \
            and trigger.head.lemma_ in ANNOUNCING:
        return trigger.head  # it takes the trigger noun as its object
    return None


def _intending(trigger: Token, modality: Modality) -> bool:
    """Whether the act is one its subject seeks, hopes, aims or wants to do."""
    if modality.modality != "hypothetical" or modality.negated:
        return False
    cue = cue_token(trigger, modality)
    return cue is not None and cue.lemma_ in INTENDING


def _refused(entry: TriggerEntry, trigger: Token, modality: Modality) -> bool:
    """Taking up done "not", or a gift that "will not" be given: PLOVER REJECT."""
    if not modality.negated or (modality.cue or "").lower() not in NEGATORS:
        return False
    if trigger.lemma_ in ACCEPTANCE_VERBS and entry.event in ACCEPTANCES:
        return True
    return entry.event in GIFTS and any(
        c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in trigger.children)


def _condition(trigger: Token) -> Token | None:
    """The "if"/"unless" clause a verb's act depends on."""
    for clause in trigger.children:
        if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
            return clause
    return None


def agreed_harms(cands: list) -> None:
    """"The EU agreed to impose sanctions on Russia", "allies decided to expel its diplomats": a
    harm agreed on but not yet done is a threat to its target (codebook v2: "measures decided
    but not yet in force" are THREATEN), not an AGREE with it; an agreed handover ("agreed to
    free the prisoners") is a promised concession."""
    meant = {c.trigger.i: c.entry.event for c in cands if c.trigger.dep_ == "xcomp"
             and c.modality.modality == "hypothetical"
             and cue_token(c.trigger, c.modality) == c.trigger.head}
    for i, c in enumerate(cands):
        if c.entry.event != "AGREE" or c.trigger.lemma_ not in COMMITTING:
            continue
        act = next((meant[x.i] for x in c.trigger.children
                    if x.dep_ == "xcomp" and x.i in meant), None)
        if act in AGREED_HARMS | PROMISED_HANDOVER:
            event = "THREATEN" if act in AGREED_HARMS else "CONCEDE"
            cands[i] = replace(c, entry=replace(c.entry, event=event, mode=None, intent=act,
                                                id=f"{c.entry.id}+{act.lower()}"))


def official_protest(entry: TriggerEntry, actors: list[Mention]) -> TriggerEntry:
    """"Manila summoned the envoy to protest the attack", "China lodged a protest": a state
    that protests complains officially (ACCUSE, disapprove), it does not demonstrate."""
    if entry.event != "PROTEST" or entry.trigger not in PROTEST_WORDS or not actors or \
            any(a.sector not in OFFICIAL_SECTORS or a.rule.endswith("+modifier")
                for a in actors):
        return entry  # boycotts, strikes and riots are deeds; "Palestinian protests" a people's
    return replace(entry, event="ACCUSE", mode="disapprove", cameo="114",
                   id=f"{entry.id}+official", requires_recipient=False)


# Verbs of undertaking an act of one's own: "pledged / promised / vowed / committed to ...".
UNDERTAKING_VERBS = {"pledge", "promise", "vow", "commit", "undertake", "swear"}


def drop_undertakings(cands: list) -> None:
    """"Iran promised to release the journalist", "Israel pledged to withdraw": when the act
    undertaken is coded as what it promises (a concession CONCEDE, a harm THREATEN), the
    undertaking verb itself is no second AGREE (codebook v2: promised concessions CONCEDE);
    nor is a promise whose object names the act ("promised new tariffs", "pledged aid")."""
    promised = {c.trigger.head.i for c in cands if c.decision == "emitted"
                and c.entry.event in ("CONCEDE", "THREATEN") and c.trigger.dep_ == "xcomp"
                and c.trigger.head.lemma_ in UNDERTAKING_VERBS}
    named = {c.trigger.head.i for c in cands if c.trigger.dep_ == "dobj"
             and c.modality.modality == "future" and c.trigger.head.lemma_ in PROMISING}
    for c in cands:
        if c.entry.event != "AGREE":
            continue
        if c.trigger.i in named:
            c.decision = "dropped: coded as the act it promises"
        elif c.decision == "emitted" and c.trigger.i in promised:
            c.decision = "dropped: the undertaking is coded as the act it promises"
