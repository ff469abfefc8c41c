"""The recipient an article names elsewhere: codebook v2 leaves it null only when none is named."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.groups import addresses_sides
from eventwire.events.candidates import Candidate
from eventwire.model import Mention
from eventwire.nlp.parsed import own_clause

# Acts aimed at someone: a speech act or a measure with no target in its own clause is aimed at
# the party the story is dealing with. Force, mobilisation and protest may have none.
AIMED_EVENTS = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "CONCEDE", "THREATEN", "SANCTION",
                "AGREE", "RETREAT", "AID", "COOPERATE"}
WINDOW = 2  # sentences before the act that may name its counterpart
# Offers, praise, concessions and help answer no one in particular: with no partner in their
# own sentence they keep none ("Modi is expected to discuss ..." is no offer to the country
# named two sentences before).
OWN_SENTENCE_EVENTS = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
STORY_WINDOW = 10  # sentences before that may name the country a story is about
# A source quoted is not a party ("according to Reuters"), nor are private people, firms or
# schools named near a speech act ("a Turkish national", "two million Syrian refugees").
NOT_PARTIES = {"JRN", "CVL", "BUS", "EDU", "REF"}


class SentenceMentions:
    """The resolver's mentions by sentence, so each act looks only at its window: the list
    only grows while acts are read, and is indexed as it grows."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.indexed = 0
        self.by_sentence: dict[int, list[tuple[int, Mention]]] = {}

    def within(self, first: int, last: int) -> list[Mention]:
        """Mentions of sentences first..last, in the resolver's order."""
        for k in range(self.indexed, len(self.mentions)):
            m = self.mentions[k]
            self.by_sentence.setdefault(m.sentence, []).append((k, m))
        self.indexed = len(self.mentions)
        found = [km for s in range(first, last + 1) for km in self.by_sentence.get(s, ())]
        return [m for _, m in sorted(found, key=lambda km: km[0])]


def counterpart(cand: Candidate, mentions: SentenceMentions, countries: set[str],
                coactors: set[str]) -> Candidate:
    """A recipient-less aimed act takes the latest other party named in its sentence or the
    two before it (a state, an international body, an NGO), never a source nor one who acts
    with it ("France and Germany backed the plan")."""
    if _own_possessive(cand):
        cand = replace(cand, recipient=None, recipient_path="")
    if cand.decision != "emitted" or cand.recipient is not None or cand.actor is None \
            or cand.entry.event not in AIMED_EVENTS:
        return cand
    at = cand.trigger.idx
    sent = cand.actor.sentence
    own_only = cand.entry.event in OWN_SENTENCE_EVENTS or _names_own_target(cand.trigger)
    first = sent if own_only else sent - WINDOW
    window = mentions.within(first, sent)
    victims = _victims(cand)
    tellers = reporters(cand.trigger) | victims
    near = [m for m in window
            if m.code and m.code != cand.actor.code and m.code not in coactors
            and m.start not in tellers
            and (m.code in countries or m.sector in ("IGO", "NGO"))
            and m.sector not in NOT_PARTIES and m.kind != "speaker"]
    own = _own_clause_starts(cand.trigger)
    apart = _other_statements(cand.trigger) | {  # "with the exception of Malta"
        t.idx for tok in cand.trigger.sent if _left_out(tok) for t in tok.subtree}
    after = [m for m in near if m.start > at and m.sentence == sent and m.start not in apart]
    later = [m for m in after if m.start in own]
    near = [m for m in near if m.start < at]
    if later and not any(m.sentence == sent for m in near):
        # "pulled its troops back from the border with Sudan": a party named later in the
        # act's own sentence before one named sentences ago
        near = later[:1]
    if not near and cand.actor.sector in ("IGO", "NGO") and cand.entry.event in HOME_EVENTS:
        # "Amnesty called for an investigation": a body with no home speaks to the country
        # the story is about
        near = [m for m in mentions.within(sent - STORY_WINDOW, sent)
                if m.code in countries and m.sector not in NOT_PARTIES | {"IGO", "NGO"}
                and m.kind != "speaker" and m.start < at]
    if not near and after and cand.entry.event in HOME_EVENTS and not own_only:
        # "made a plea to Sweden", "threatened to close the strait if the US attacked": a
        # party named later in the act's sentence, if in another clause, before home
        near = after[:1]
    if not near:  # a judged harm done to others is not aimed at home either
        return cand if victims else _at_home(cand, countries)
    target = near[-1]
    return replace(cand, recipient=replace(target, kind="implied", rule="counterpart"),
                   recipient_path=f"counterpart<{target.text}")


# Clauses that say something else: "criticised the statement and said it was sharing
# intelligence with Seoul".
STATEMENT_DEPS = {"conj", "parataxis", "ccomp"}


def _other_statements(trigger: Token) -> set[int]:
    """Where the words of the sentence's other statements start: verbs joined to the act's
    clause, or reported in it, that do not hold the act itself."""
    return {t.idx for v in trigger.sent if v.dep_ in STATEMENT_DEPS and v.pos_ in ("VERB", "AUX")
            and not (v.left_edge.i <= trigger.i <= v.right_edge.i) for t in v.subtree}


# Measures whose target the article names outside their phrase: "US sanctions have crippled
# the economy" in a story about Iran (codebook v2: recipients from the whole article).
TARGET_ELSEWHERE = {"SANCTION"}


def needed_counterpart(cand: Candidate, mentions: SentenceMentions, countries: set[str],
                       coactors: set[str]) -> Candidate:
    """A measure dropped only for want of a named target takes the counterpart an aimed act
    would take, and is kept if it finds one; not one owned by a pronoun ("condemned the US
    for its sanctions": whose they are is the target itself), nor one talked about."""
    if cand.entry.event not in TARGET_ELSEWHERE or cand.actor is None \
            or cand.actor.kind == "pronoun" or _a_topic(cand.trigger) \
            or cand.decision != f"dropped: {cand.entry.event} needs a recipient" \
            or cand.modality.drop_reason:
        return cand
    found = counterpart(replace(cand, decision="emitted"), mentions, countries, coactors)
    return found if found.recipient is not None else cand


def _a_topic(trigger: Token) -> bool:
    """"touched upon the US sanctions", "US sanctions are considered a failed policy": what
    is talked about or judged."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ in TOPIC_PREPS \
        or trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_ in JUDGING_VERBS


TOPIC_PREPS = {"about", "upon", "over", "against", "regarding", "concerning"}
JUDGING_VERBS = {"be", "consider", "deem", "call", "regard", "see", "view", "describe",
                 "label", "brand", "remain"}


def _names_own_target(trigger: Token) -> bool:
    """"assailed the event", "threatened the network's licence": an act whose object is a
    definite thing of its own names its target there, even if no actor is known for it; a
    party from sentences before is not it."""
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and any(
        d.dep_ == "poss" and d.pos_ != "PRON" for d in c.children) for c in trigger.children)


# Judging an act done to someone ("condemned the attack on Israel") is not aimed at them.
JUDGING_EVENTS = {"ACCUSE", "REJECT"}


def _victims(cand: Candidate) -> set[int]:
    """Where the words of those an act judged was done to start: the object's "on"/"against"
    phrase ("the attack on Israel", "strikes against Gaza")."""
    if cand.entry.event not in JUDGING_EVENTS:
        return set()
    objects = [c for c in cand.trigger.children if c.dep_ == "dobj"]
    return {t.idx for o in objects for p in o.children
            if p.dep_ == "prep" and p.lower_ in ("on", "against") for t in p.subtree}


def reporters(trigger: Token) -> set[int]:
    """Where the words of whoever reports the act start ("the Greek minister said that Libya
    had rejected the deal"): the teller of an act, and its country, are its source, not its
    counterpart."""
    starts: set[int] = set()
    node = trigger
    for _ in range(6):
        if node.head.i == node.i:
            break
        edge, node = node.dep_, node.head
        if edge in ("ccomp", "parataxis"):
            starts |= {t.idx for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                       for t in c.subtree}
    # "..., according to the Red Cross": the source the sentence cites
    for tok in trigger.sent:
        if tok.lower_ == "according":
            starts |= {t.idx for to in tok.children if to.lower_ == "to" for t in to.subtree}
    return starts


# Acts aimed at someone else: the actor's own thing is not their target.
OUTWARD_EVENTS = {"THREATEN", "REJECT", "ACCUSE", "REQUEST"}


def _own_possessive(cand: Candidate) -> bool:
    """"The Taliban threatened to break their ceasefire", "Belarus threatened to cut its gas
    deliveries": the owner of what a threat, charge, demand or refusal is about, when it is
    the actor's own, is not the one it is aimed at (the counterpart rule finds that one); nor
    are its own people ("demanded the release of its citizens detained in Myanmar")."""
    r, a = cand.recipient, cand.actor
    return r is not None and a is not None and cand.entry.event in OUTWARD_EVENTS \
        and r.code == a.code and (r.kind == "pronoun" and cand.recipient_path.endswith("owner")
                                  or r.rule.endswith("+possessor")
                                  and r.text.split()[0].lower() in OWN_WORDS)


OWN_WORDS = {"its", "their", "his", "her", "our"}


# Clauses of their own inside an act's sentence: "criticised the statement and said it was
# sharing intelligence with Seoul" does not aim the criticism at Seoul.
OTHER_CLAUSES = {"conj", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj"}


def _own_clause_starts(trigger: Token) -> set[int]:
    """Where the words of the trigger's own clause start, by character."""
    return {t.idx for t in own_clause(trigger, OTHER_CLAUSES, _left_out)}


def _left_out(tok: Token) -> bool:
    """"with the exception of Malta", "except Cyprus": a party named only to be left out."""
    return tok.dep_ == "prep" and (tok.lower_ in ("except", "excluding") or any(
        p.lemma_ in ("exception", "exclusion") for p in tok.children))


# Acts that, with no other party anywhere near, are aimed at the actor's own country.
HOME_EVENTS = {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "CONCEDE"}


# Nouns for other states or their people: "urged Western allies", "called on donors".
OTHER_PARTIES = {"ally", "partner", "donor", "country", "nation", "power", "neighbour",
                 "neighbor", "creditor", "lender", "community", "backer"}


def _others_addressed(trigger: Token) -> bool:
    """"Zelenskyy urged Western allies to ...", "called on donor countries": the act is aimed
    at others the text names but no code fits; not at home."""
    nouns = [c for c in trigger.children if c.dep_ in ("dobj", "dative")] + [
        p for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
        for p in c.children if p.dep_ == "pobj"]
    return any(n.lemma_ in OTHER_PARTIES for n in nouns)


def _at_home(cand: Candidate, countries: set[str]) -> Candidate:
    """"the minister called for a paradigm shift", "a court alleged ...": with no other
    party named in the sentence or the two before, a state's demand, charge or warning is
    aimed at home (codebook v2: domestic events have the same country on both sides)."""
    assert cand.actor is not None
    if cand.entry.event not in HOME_EVENTS or cand.actor.code not in countries \
            or cand.actor.sector in ("IGO", "NGO") or cand.entry.id.endswith("+refused") \
            or addresses_sides(cand.trigger) or _others_addressed(cand.trigger):
        return cand  # "will not accept more refugees", "urged both sides": the text names them
    home = replace(cand.actor, sector=None, name=None, kind="implied", rule="home")
    return replace(cand, recipient=home, recipient_path="counterpart<home")
