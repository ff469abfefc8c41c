"""Is an event asserted, negated, hypothetical or in the future? Read off the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.nlp.parsed import coordination_head, own_clause, sentence_of

NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
CONTRAST = {"but", "yet"}  # a conjunct after these is asserted on its own
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "would", "must", "ought", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# Verbs whose complement is not asserted to have happened.
DENIAL_VERBS = {"deny", "refuse", "decline", "reject", "dismiss", "rule", "fail", "stop",
                "avoid", "halt", "cancel", "abandon", "refrain", "forbid", "prevent"}
IRREALIS_VERBS = {"want", "seek", "hope", "wish", "try", "attempt", "consider", "propose",
                  "threaten", "urge", "ask", "call", "demand", "request", "appeal", "allege",
                  "accuse", "warn", "fear", "suggest", "offer",
                  "intend", "aim", "need", "push", "press", "encourage", "invite", "agree",
                  "plead", "beg", "claim", "recommend", "discuss", "mull", "weigh",
                  # hedged stances: "is inclined to support", "is likely to attack"
                  "inclined", "likely", "unlikely", "reluctant", "risk",
                  # a plot's aim is not done: "hired a hitman to kill"
                  "hire", "recruit", "plot", "conspire"}
# Nouns whose content is asked for, tried or feared, not done: "its call on Egypt to release
# the activists", "the demand for Israel to withdraw", "at risk of attacks".
IRREALIS_NOUNS = {"call", "demand", "request", "appeal", "plea", "bid", "attempt", "effort",
                  "push", "proposal", "ultimatum", "pressure",
                  "risk", "danger", "threat", "fear", "prospect", "possibility", "verge", "brink"}
# Adverbs that hedge the act itself: "allegedly shelled", "will likely increase".
HEDGE_ADVERBS = {"allegedly", "purportedly", "supposedly", "likely", "probably", "possibly",
                 "perhaps", "maybe"}
HEDGE_MODIFIERS = {"alleged", "purported", "suspected", "possible", "potential", "would-be"}
# Verbs whose object noun is an act promised, not done: "promised new tariffs on China".
PROMISING = {"vow", "pledge", "promise"}
FUTURE_VERBS = {"plan", "schedule", "due", "set", "expect", "prepare", "go", "decide",
                "announce", "arrange",
                # a promise announces the act (codebook v2: AGREE, THREATEN or CONCEDE)
                "vow", "pledge", "promise", "commit",
                # stated readiness is an intent: "is willing to withdraw", "ready to host"
                "willing", "ready", "prepared"}
# What an occasion does when it comes: "talks are set to resume", "expected to take place".
OCCURRING = {"take", "resume", "begin", "start", "happen", "occur", "open", "convene", "be",
             "continue", "go", "proceed"}
SPEECH_VERBS = {"say", "state", "announce", "tell", "add", "report", "declare", "stress"}
# A relative clause has a tense of its own: "will lead a coalition which was joined by Italy"
# does not put the joining in the future, so the walk stops there (no "relcl").
CLAUSE_DEPS = {"xcomp", "ccomp", "pcomp", "advcl", "conj", "acl", "pobj", "prep",
               "dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "npadvmod", "acomp"}


# A stance held, not a new act (codebook v2: long-standing states are not events):
# "has long opposed", "routinely deny", "traditionally backs".
STANDING_ADVERBS = {"long", "routinely", "traditionally", "historically", "habitually",
                    "customarily", "always", "typically", "usually", "generally",
                    # an undated earlier act: "has previously called the claims baseless"
                    "previously", "formerly"}
# Acts that confer a status, which then lasts: "have designated BLA a terrorist group".
STATUS_VERBS = {"designate", "list", "blacklist", "classify", "outlaw", "ban", "recognize",
                "recognise", "proscribe"}
STATE_VERBS = {"remain", "stay", "be", "live", "continue"}
LONG_SPANS = {"year", "decade", "generation", "century"}
SUBCLAUSE_DEPS = {"ccomp", "xcomp", "pcomp", "advcl", "relcl", "acl", "conj", "parataxis"}
PERFECT_AUX = {"has", "have", "'ve", "'s"}


@dataclass(frozen=True)
class Modality:
    """How the text presents an event, and the word that decided it."""

    negated: bool = False
    modality: str = "asserted"  # asserted, future, hypothetical, standing
    cue: str | None = None

    @property
    def emitted(self) -> bool:
        return not self.negated and self.modality not in ("hypothetical", "standing")

    @property
    def drop_reason(self) -> str | None:
        """The candidate decision for an event the text does not assert, else None."""
        if self.negated:
            return f"dropped: negated ({self.cue})"
        if self.modality == "hypothetical":
            return f"dropped: hypothetical ({self.cue})"
        if self.modality == "standing":
            return f"dropped: background (a standing state: {self.cue})"
        return None


# Prepositions whose object the sentence takes as given, whatever its verb asserts.
PRESUPPOSING_PREPS = {"despite", "amid"}


def _negated_here(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and child.lower_ in NEGATORS):
            return child.text
        if child.dep_ == "det" and child.lower_ == "no":
            return child.text
        if child.dep_ == "preconj" and child.lower_ == "neither":
            return child.text  # "neither struck Lebanon nor bombed Syria": both conjuncts
        if child.dep_ == "advmod" and child.lower_ in ("longer", "more") and any(
                g.lower_ == "no" for g in child.children):
            return f"no {child.lower_}"  # "no longer grants visas"
    return None


def _hedged_here(token: Token) -> str | None:
    """"allegedly shelled", "the alleged coup attempt", "will likely increase"."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return child.text
        if child.dep_ == "amod" and child.lower_ in HEDGE_MODIFIERS and token.pos_ == "NOUN":
            return child.text
    return None


def _irrealis_noun(node: Token, head: Token) -> bool:
    """The act is the content of a call, a bid or a danger: "its call on Egypt to release",
    "the demand for Israel to withdraw" (parsed on the verb or on the noun), "at risk of"."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in IRREALIS_NOUNS and node.dep_ in (
            "acl", "prep", "relcl", "xcomp"):
        return node.dep_ != "relcl"
    if node.dep_ == "advcl" and _infinitive(node):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in IRREALIS_NOUNS
                   for c in head.children)
    return False


def _alternative(node: Token, head: Token) -> bool:
    """"instead of sanctioning Iran", "rather than talks": the act not taken."""
    if node.dep_ not in ("pcomp", "pobj") or head.lower_ not in ("of", "than"):
        return False
    return any(w.lower_ in ("instead", "rather") for w in (head.head, *head.children))


def _contrasted(conj: Token, head: Token) -> bool:
    """"did not attack Kyiv but shelled Kharkiv", "did not condemn it, and it accused X": a
    conjunct after "but"/"yet", or with a subject of its own, is not under the first verb's
    "not" (what governs both, "denied that ...", still does)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in CONTRAST and head.i < c.i < conj.i
               for c in head.children)


def _aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("aux", "auxpass")]


def assess(trigger: Token) -> Modality:
    """Walk from the trigger up through the verbs that govern it, within its sentence."""
    sent = sentence_of(trigger)
    if sent.text.rstrip().rstrip('"”’\'').endswith("?"):
        return Modality(modality="hypothetical", cue="?")
    standing = standing_state(trigger)
    if standing:
        return Modality(modality="standing", cue=standing)
    future: str | None = None
    node = trigger
    depth = 0
    own_clause = False  # the node was reached from a conjunct that is a clause of its own
    while True:
        cue = None if own_clause else _negated_here(node)
        if cue:
            return Modality(negated=True, cue=cue)
        hedge = _hedged_here(node)
        if hedge:
            return Modality(modality="hypothetical", cue=hedge)
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
        if node.dep_ == "prep" and node.lower_ in PRESUPPOSING_PREPS:
            break  # "refused to reopen despite protests": the protests took place
        head = coordination_head(node) if node.dep_ == "conj" else node.head
        if _alternative(node, head):
            return Modality(negated=True, cue=f"instead/rather {head.text}")
        if _irrealis_noun(node, head):
            return Modality(modality="hypothetical", cue=head.text)
        if node.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "pobj", "prep", "dobj", "acl"):
            lemma = head.lemma_
            promised = node.i == trigger.i and lemma in PROMISING and trigger.pos_ == "NOUN"
            if node.i != trigger.i or node.dep_ != "dobj" or promised:
                if lemma in DENIAL_VERBS:
                    return Modality(negated=True, cue=head.text)
                if lemma in IRREALIS_VERBS and (node.dep_ in ("xcomp", "ccomp", "pcomp", "prep",
                                                               "pobj")
                                                or node.dep_ == "advcl" and _infinitive(node)):
                    return Modality(modality="hypothetical", cue=head.text)
                if lemma in FUTURE_VERBS and node.dep_ in ("xcomp", "prep", "pobj", "dobj"):
                    future = future or head.text
                elif lemma == "be" and node.dep_ == "xcomp" and _infinitive(node):
                    future = future or head.text  # "Israel is to release 30 prisoners"
        if node.i == trigger.i and _foreseen_occasion(trigger, head):
            future = future or head.text  # "talks are expected to take place", "is scheduled"
        if node.dep_ not in CLAUSE_DEPS:
            break
        if node.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS:
            break  # reported speech: the complement is the speaker's own assertion
        own_clause = node.dep_ == "conj" and _contrasted(node, head)
        node = head
        depth += 1
    if future is None and trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.lower_ in ("upcoming", "planned", "forthcoming", "proposed", "scheduled"):
                future = child.text
    if future:
        return Modality(modality="future", cue=future)
    return Modality()


def standing_state(trigger: Token) -> str | None:
    """The cue that makes an act a long-standing state rather than news: a habitual adverb,
    an open span since an undated event ("since the coup, has repeatedly called for") or
    over years ("has sanctioned Iran for decades"), a
    status conferred in the present perfect with no date ("have designated X a terrorist
    group"), or a state one is "under" ("remains under sanctions")."""
    clause = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in (
        "nsubj", "nsubjpass", "dobj") else trigger  # "G7 meetings usually center on"
    for child in (*trigger.children, *clause.children):
        if child.dep_ == "advmod" and child.lower_ in STANDING_ADVERBS:
            return child.text
    perfect = any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in trigger.children)
    if perfect and _since_undated(trigger):
        return "since"
    span = _long_span(trigger) if perfect else None
    if span:
        return span
    if perfect and trigger.lemma_.lower() in STATUS_VERBS and not _dated(trigger):
        return f"{trigger.text} (present perfect)"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and \
            trigger.head.head.lemma_.lower() in STATE_VERBS:
        return f"{trigger.head.head.text} under"
    return _span_opener(trigger)


def _span_opener(trigger: Token) -> str | None:
    """"Since Russia invaded Ukraine, ...", "The war began when militants attacked ...,
    killing 1,200": an undated act told as what opened a span or a war is its history."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for _ in range(3):
        if verb.dep_ != "advcl" or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
            return None
        mark = next((c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")
                     and c.lower_ in ("since", "when")), None)
        opened = verb.head
        if mark == "since":
            return "since"
        if mark == "when" and opened.lemma_.lower() in OPENING_VERBS and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in SPANS for c in opened.children):
            return f"{opened.text} when"
        verb = opened
    return None


# What began when something happened: "the war began when ...", "the crisis erupted when ...".
OPENING_VERBS = {"begin", "start", "erupt", "break", "ignite", "trigger"}
SPANS = {"war", "conflict", "crisis", "fighting", "violence", "insurgency", "standoff",
         "dispute", "unrest", "protest", "siege", "occupation", "offensive"}


def _since_undated(verb: Token) -> bool:
    """"since the coup": the span began with an event the clause does not date."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "since":
            return not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
    return False


def _long_span(verb: Token) -> str | None:
    """"has sanctioned Iran for decades", "have clashed for the past ten years": an act told
    over years is a lasting state (a count alone, "jailed for five years", is the act's term)."""
    for prep in own_clause(verb, SUBCLAUSE_DEPS):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in LONG_SPANS and (
                    noun.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in noun.children)
                    or any(c.lower_ in ("past", "last", "many", "several") for c in noun.children)):
                return f"for {noun.text}"
    return None


def _dated(verb: Token) -> bool:
    """Whether the verb's own clause holds a date or time expression."""
    return any(t.ent_type_ in ("DATE", "TIME") for c in verb.children
               if c.dep_ not in ("ccomp", "relcl", "advcl") for t in c.subtree)


def _foreseen_occasion(noun: Token, head: Token) -> bool:
    """"Talks are expected to take place", "the meeting is scheduled for Monday": an act named
    as the subject of planning has not happened yet; "was expected to focus on" says what
    it was about, not that it is to come."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass") or \
            head.lemma_ not in FUTURE_VERBS or head.lemma_ in PROMISING:
        return False
    return all(c.lemma_ in OCCURRING for c in head.children if c.dep_ == "xcomp")


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


def cue_token(trigger: Token, modality: Modality) -> Token | None:
    """The word above the trigger that decided its modality ("claimed" in "claimed that X
    attacked"): the nearest governing word with the cue's text."""
    return next((a for a in trigger.ancestors if a.text == modality.cue), None)
