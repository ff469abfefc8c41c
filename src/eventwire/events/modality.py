"""Is an event asserted, negated, hypothetical or in the future? Read off the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.nlp.parsed import coordination_head, sentence_of

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "would", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# Verbs whose complement is not asserted to have happened.
DENIAL_VERBS = {"deny", "refuse", "decline", "reject", "dismiss", "rule", "fail", "stop",
                "avoid", "halt", "cancel", "abandon", "refrain", "forbid", "prevent"}
IRREALIS_VERBS = {"want", "seek", "hope", "wish", "try", "attempt", "consider", "propose",
                  "threaten", "urge", "ask", "call", "demand", "request", "appeal", "allege",
                  "accuse", "warn", "fear", "suggest", "offer",
                  "intend", "aim", "need", "push", "press", "encourage", "invite", "agree",
                  "plead", "beg", "claim", "recommend", "discuss", "mull", "weigh"}
FUTURE_VERBS = {"plan", "schedule", "due", "set", "expect", "prepare", "go", "decide",
                "announce", "arrange",
                # a promise announces the act (codebook v2: AGREE, THREATEN or CONCEDE)
                "vow", "pledge", "promise", "commit",
                # stated readiness is an intent: "is willing to withdraw", "ready to host"
                "willing", "ready", "prepared"}
SPEECH_VERBS = {"say", "state", "announce", "tell", "add", "report", "declare", "stress"}
CLAUSE_DEPS = {"xcomp", "ccomp", "pcomp", "advcl", "conj", "acl", "relcl", "pobj", "prep",
               "dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "npadvmod", "acomp"}


@dataclass(frozen=True)
class Modality:
    """How the text presents an event, and the word that decided it."""

    negated: bool = False
    modality: str = "asserted"  # asserted, future, hypothetical
    cue: str | None = None

    @property
    def emitted(self) -> bool:
        return not self.negated and self.modality != "hypothetical"

    @property
    def drop_reason(self) -> str | None:
        """The candidate decision for an event the text does not assert, else None."""
        if self.negated:
            return f"dropped: negated ({self.cue})"
        if self.modality == "hypothetical":
            return f"dropped: hypothetical ({self.cue})"
        return None


def _negated_here(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in NEGATORS):
            return child.text
        if child.dep_ == "det" and child.lower_ == "no":
            return child.text
    return None


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def assess(trigger: Token) -> Modality:
    """Walk from the trigger up through the verbs that govern it, within its sentence."""
    sent = sentence_of(trigger)
    if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
        return Modality(modality="hypothetical", cue="?")
    future: str | None = None
    node = trigger
    depth = 0
    while True:
        cue = _negated_here(node)
        if cue:
            return Modality(negated=True, cue=cue)
        for aux in _aux(node):
            low = aux.lower_
            if low in FUTURE_AUX:
                future = future or aux.text
            elif low in HYPOTHETICAL_AUX:
                governor = _governing_verb(node)
                if low == "would" and governor is not None and governor.lemma_ in SPEECH_VERBS:
                    future = future or aux.text
                else:
                    return Modality(modality="hypothetical", cue=aux.text)
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return Modality(modality="hypothetical", cue=child.text)
        if node.dep_ in ("ROOT",) or node.head.i == node.i or depth > 6:
            break
        head = coordination_head(node) if node.dep_ == "conj" else node.head
        if node.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "pobj", "prep", "dobj", "acl"):
            lemma = head.lemma_
            if node.i != trigger.i or node.dep_ != "dobj":
                if lemma in DENIAL_VERBS:
                    return Modality(negated=True, cue=head.text)
                if lemma in IRREALIS_VERBS and node.dep_ in ("xcomp", "ccomp", "pcomp", "prep",
                                                              "pobj"):
                    return Modality(modality="hypothetical", cue=head.text)
                if lemma in FUTURE_VERBS and node.dep_ in ("xcomp", "prep", "pobj", "dobj"):
                    future = future or head.text
                elif lemma == "be" and node.dep_ == "xcomp" and _infinitive(node):
                    future = future or head.text  # "Israel is to release 30 prisoners"
        if node.dep_ not in CLAUSE_DEPS:
            break
        if node.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS:
            break  # reported speech: the complement is the speaker's own assertion
        node = head
        depth += 1
    if future is None and trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.lower_ in ("upcoming", "planned", "forthcoming", "proposed", "scheduled"):
                future = child.text
    if future:
        return Modality(modality="future", cue=future)
    return Modality()


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governing_verb(token: Token) -> Token | None:
    """The verb a clause hangs on, past its coordination ("said X had won and Y would go")."""
    node = token
    for _ in range(5):
        if node.dep_ in ("ccomp", "xcomp", "conj") and node.head.i != node.i:
            coordinated = node.dep_ == "conj"
            node = node.head
            if node.pos_ in ("VERB", "AUX") and not coordinated:
                return node
        else:
            return None
    return None
