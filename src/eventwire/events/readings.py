"""Words that look like an act and are not one here: naming ("what it called an attack"),
force used of business or politics ("fought back a bid"), what a document says, and pressing on
with one's own campaign ("pressed their offensive")."""

from __future__ import annotations

from spacy.tokens import Token

DOCUMENT_NOUNS = {"memorandum", "memoranda", "agreement", "deal", "treaty", "accord", "pact",
                  "resolution", "law", "bill", "decree", "protocol", "charter", "convention"}
# Objects that make a force verb figurative: business, labour, politics, disease.
FIGURATIVE_TARGETS = {
    "bid", "offer", "takeover", "staff", "market", "price", "inflation", "competition",
    "deficit", "recession", "unemployment", "tax", "proposal", "plan", "bill", "law", "measure",
    "decision", "corruption", "poverty", "disease", "virus", "pandemic", "epidemic", "record",
    "deal", "merger", "share", "stock", "rate", "tariff", "lawsuit", "case", "charge", "ban",
}

# Verbs that request by pressing someone; pressing or pushing one of these is carrying it on.
PRESSING = {"press", "push"}
PRESSED_ON = {"offensive", "attack", "assault", "campaign", "advance", "operation",
              "crackdown", "case", "claim", "agenda", "bid", "fight", "war", "push"}
WH_OBJECTS = ("what", "which")


def calls_what(verb: Token) -> bool:
    """"what it called an attack": a verb of calling whose object is "what" or "which"."""
    return verb.lemma_ == "call" and any(c.dep_ == "dobj" and c.lower_ in WH_OBJECTS
                                         for c in verb.children)


def named_as(clause: Token) -> Token | None:
    """"condemned what it called an attack by Greek ships": what is condemned is the attack."""
    if clause.dep_ != "ccomp" or not calls_what(clause):
        return None
    return next((c for c in clause.children if c.dep_ == "oprd" or (
        c.dep_ == "dobj" and c.lower_ not in WH_OBJECTS)), None)


def naming(trigger: Token) -> bool:
    """"what it called a dangerous attack on a vessel", "called the talks a failure": a verb of
    calling with a predicate names; its stray preposition is no "call on"."""
    return calls_what(trigger) or trigger.lemma_ == "call" and any(
        c.dep_ == "oprd" for c in trigger.children)


def figurative_fight(trigger: Token) -> bool:
    """"fought back a bid", "struck the news staffs", "will fight to scrap the tax": force
    words used for business, labour or politics."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    for c in trigger.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in FIGURATIVE_TARGETS:
            return True
        if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children):
            return True  # fighting *to* do something is a campaign
    return False


def describes_document(trigger: Token) -> bool:
    """"the treaty in which Chile and Peru agreed ... and allowed patrols": a
    document's content, not news."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "relcl" and node.head.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        if node.dep_ not in ("conj", "dobj", "xcomp", "relcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


def pressed_on(trigger: Token) -> bool:
    """"pressed their offensive", "pushed its case": carrying one's own campaign on."""
    return trigger.lemma_ in PRESSING and any(
        c.dep_ == "dobj" and c.lemma_ in PRESSED_ON for c in trigger.children)
