"""Event reference: "condemned the attack" answers an attack the article already reported."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.descriptions import DEFINITE
from eventwire.actors.parties import named_parties
from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import HOST_PATHS, Candidate
from eventwire.events.roles import object_of
from eventwire.knowledge.lexicon import Lexicon
from eventwire.model import Mention

# Events that respond to another event: their target is whoever did the thing responded to.
RESPONSE_EVENTS = {"ACCUSE", "REJECT", "SUPPORT"}
# Nouns that name an earlier act by its kind; nominal lexicon triggers count as well. An
# agreement is reached or signed (SUPPORT) or agreed to (AGREE); a withdrawal is carried out
# (RETREAT) or announced (CONCEDE).
DEAL = ("SUPPORT", "AGREE")
# A decision, a move, a step is a deed, not words: it names the latest measure, concession,
# aid or use of force ("the EU imposed sanctions ... Poland welcomed the decision").
DEED = ("SANCTION", "COERCE", "CONCEDE", "RETREAT", "AID", "COOPERATE", "MOBILIZE", "ASSAULT")
# A proposal or a plan is an offer or a call ("Germany proposed a truce ... France backed
# the plan"); allegations and charges are accusations.
PROPOSAL = ("AGREE", "REQUEST")
KIND_NOUNS: dict[str, tuple[str, ...]] = {
    "agreement": DEAL, "deal": DEAL, "accord": DEAL, "pact": DEAL,
    "treaty": DEAL, "memorandum": DEAL, "memoranda": DEAL,
    "operation": ("ASSAULT",), "attack": ("ASSAULT",), "strike": ("ASSAULT",),
    "offensive": ("ASSAULT",), "assault": ("ASSAULT",), "bombing": ("ASSAULT",),
    "incursion": ("ASSAULT",), "invasion": ("ASSAULT",),
    "sanctions": ("SANCTION",), "sanction": ("SANCTION",), "expulsion": ("SANCTION",),
    "talks": ("CONSULT",), "visit": ("CONSULT",), "meeting": ("CONSULT",),
    "summit": ("CONSULT",), "conference": ("CONSULT",),
    "crackdown": ("COERCE",), "arrest": ("COERCE",), "arrests": ("COERCE",),
    "detention": ("COERCE",),
    "withdrawal": ("RETREAT", "CONCEDE"), "pullout": ("RETREAT", "CONCEDE"),
    "call": ("REQUEST",), "appeal": ("REQUEST",), "plea": ("REQUEST",),
    "request": ("REQUEST",), "demand": ("REQUEST",), "demands": ("REQUEST",),
    # what a court or a prosecutor did, judged later: "called the verdict unjust"
    "verdict": ("COERCE", "ACCUSE"), "sentence": ("COERCE",), "ruling": ("COERCE", "ACCUSE"),
    "conviction": ("COERCE",), "charges": ("ACCUSE",), "indictment": ("ACCUSE",),
    "release": ("RETREAT", "CONCEDE"),
    "decision": DEED, "move": DEED, "step": DEED, "steps": DEED, "measure": DEED,
    "measures": DEED, "action": DEED, "actions": DEED,
    "proposal": PROPOSAL, "proposals": PROPOSAL, "plan": PROPOSAL, "initiative": PROPOSAL,
    "offer": PROPOSAL,
    "allegation": ("ACCUSE",), "allegations": ("ACCUSE",), "accusations": ("ACCUSE",),
}
TOPIC_PREPS = {"against", "of", "over", "about", "on"}
# How far back a response may find what it refers to: the last 100 acts, or nouns naming
# one. A news article has far fewer; the bound keeps a huge text linear.
LOOKBACK = 100
_KIND_NOUNS = "eventwire.kind_nouns"
_PARTIES = "eventwire.named_parties"
# Harms whose doer a later sentence may name: "The shelling was claimed by Boko Haram".
CLAIMABLE = {"ASSAULT"}


def _topic_nouns(cand: Candidate) -> list[Token]:
    """What a response is about: its object, or what it is "against", "over", "about"."""
    obj, _ = object_of(cand.trigger)
    nouns = [obj] if obj is not None else []
    topic = cand.extra.get("topic")  # what a judgement is about (events/evaluations.py)
    if isinstance(topic, Token):
        nouns.insert(0, topic)
    for holder in (cand.trigger, *cand.words):
        nouns += [p for c in holder.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                  for p in c.children if p.dep_ == "pobj"]
    return [n for n in nouns if n.pos_ == "NOUN"]


def _referring_noun(noun: Token, lexicon: Lexicon) -> Token | None:
    """A definite, ownerless noun naming an earlier act: "the attack"; "the outcome of the
    summit" names the summit."""
    if not _kinds(noun, lexicon):
        noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), noun)
    owned = any(c.dep_ == "poss" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in ("by", "between", "with") for c in noun.children)
    return noun if _definite(noun) and not owned else None


def _kinds(noun: Token, lexicon: Lexicon) -> set[str]:
    word = noun.lemma_.lower()
    kinds = {e.event for e in lexicon.candidates(word, "NOUN") if not e.with_}
    kinds.update(KIND_NOUNS.get(noun.lower_, ()))
    kinds.update(KIND_NOUNS.get(word, ()))
    return kinds


def refer_back(cand: Candidate, history: list[Candidate], lexicon: Lexicon,
               resolver: ActorResolver) -> list[Candidate]:
    """A recipient-less response aimed at the parties of the thing it is about.

    The thing may name its parties ("denounced the deal between Turkey and Libya"), or
    refer back by its kind ("condemned the attack") to the latest act of that kind that
    someone else did (history holds the article's emitted candidates so far, in text
    order) or to the latest thing of that kind named with its parties. All its parties
    become recipients (both sides of an agreement, everyone at a summit). Without a
    referent the candidate stands as it was.
    """
    if cand.recipient is not None or cand.actor is None or cand.entry.event not in RESPONSE_EVENTS:
        return [cand]
    for noun in _topic_nouns(cand):
        parties = named_parties(noun, resolver)
        if parties:
            return _aimed(cand, noun, parties, f"parties<{noun.text}")
        ref = _referring_noun(noun, lexicon)
        if ref is not None:
            found = _referent(cand, ref, _kinds(ref, lexicon), history, lexicon, resolver)
            return _aimed(cand, noun, found[1], f"refers<{ref.text}<{found[0]}") if found \
                else [cand]
    return [cand]


def _referent(cand: Candidate, ref: Token, kinds: set[str], history: list[Candidate],
              lexicon: Lexicon, resolver: ActorResolver) -> tuple[str, list[Mention]] | None:
    """The parties of the latest earlier act, or thing named with its parties, of a kind."""
    assert cand.actor is not None
    earlier = [h for h in history[-LOOKBACK:] if h.entry.event in kinds and h.actor is not None
               and h.trigger.i < cand.trigger.i and _other_party(h.actor, cand.actor)]
    if kinds == {"CONSULT"}:
        earlier = [h for h in earlier if h.recipient is not None]  # a meeting, not a word
    # "X rejected the accusations", "Y welcomed the move": an act aimed at the responder is
    # the one it answers, when there is one
    aimed = [h for h in earlier if h.recipient is not None and h.recipient.code == cand.actor.code]
    earlier = aimed or earlier
    acted = None
    if earlier:
        same = _latest(earlier)
        people = [h.actor for h in same if h.actor is not None]
        if kinds == {"CONSULT"}:  # everyone at the meeting, its host too
            people += [h.recipient for h in same if h.recipient is not None]
        acted = (same[0].trigger.i, same[0].entry.id, people)
    named = next(((n.i, n.text, parties) for n, of_kinds in _kind_nouns_before(ref, lexicon)
                  if of_kinds & kinds and (parties := _parties(n, resolver))), None)
    best = max((x for x in (acted, named) if x is not None), key=lambda x: x[0], default=None)
    return (best[1], best[2]) if best is not None else None


def _kind_nouns_before(ref: Token, lexicon: Lexicon) -> Iterator[tuple[Token, set[str]]]:
    """The last LOOKBACK nouns naming a kind of act before ref, latest first, with their
    kinds (indexed once per document: scanning every earlier word for each reference made
    coding quadratic)."""
    doc = ref.doc
    index = doc.user_data.get(_KIND_NOUNS)
    if index is None:
        index = doc.user_data[_KIND_NOUNS] = [
            (t.i, kinds) for t in doc if t.pos_ == "NOUN" and (kinds := _kinds(t, lexicon))]
    end = bisect_left(index, (ref.i,))
    for k in range(end - 1, max(end - LOOKBACK, 0) - 1, -1):
        yield doc[index[k][0]], index[k][1]


def _parties(noun: Token, resolver: ActorResolver) -> list[Mention]:
    """named_parties, computed once per noun and document."""
    memo = noun.doc.user_data.setdefault(_PARTIES, {})
    if noun.i not in memo:
        memo[noun.i] = named_parties(noun, resolver)
    return memo[noun.i]


def _latest(acts: list[Candidate]) -> list[Candidate]:
    """The candidates of the last trigger among acts: one act told with all its parties."""
    return [h for h in acts if h.trigger.i == acts[-1].trigger.i]


def _aimed(cand: Candidate, noun: Token, targets: list[Mention], path: str
           ) -> list[Candidate]:
    """One candidate per target; the noun joins the evidence ("denounced the deal")."""
    assert cand.actor is not None
    seen: dict[str, Mention] = {}
    for m in targets:
        if m.code and _other_party(m, cand.actor):
            seen.setdefault(m.code, m)
    if not seen:
        return [cand]
    words = [*cand.words, noun]
    return [replace(cand, recipient=m, recipient_path=path, words=words) for m in seen.values()]


def _other_party(m: Mention, actor: Mention) -> bool:
    """Someone else: another state, or another sector of the same one (codebook v2: domestic
    events, "the opposition said the charges were politically motivated")."""
    return m.code != actor.code or (m.sector is not None and actor.sector is not None
                                    and m.sector != actor.sector)


def _definite(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE
                                       for c in noun.children)


def _named_act(cand: Candidate) -> Token | None:
    """The definite noun by which an act names an earlier one: the trigger itself ("the
    shelling was claimed by"), what it is about ("claimed responsibility for the raid"), or
    its own words ("said it carried out the attack")."""
    if _definite(cand.trigger):
        return cand.trigger
    nouns = [p for h in (cand.trigger, *cand.words) for c in h.children
             if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"for"}
             for p in c.children if p.dep_ == "pobj"]
    nouns += cand.words  # "said it carried out the attack": the act its own words name
    return next((n for n in nouns if _definite(n)), None)


def _bare_responsibility(cand: Candidate) -> Token | None:
    """"Boko Haram later claimed responsibility": with nothing named after it, the claim is
    for the latest act of its kind the article reported."""
    word = next((w for w in cand.words if w.lemma_ == "responsibility"), None)
    if word is None or any(c.dep_ == "prep" for c in word.children):
        return None
    return word


def claimed_target(cand: Candidate, found: list[Candidate], lexicon: Lexicon) -> Candidate:
    """A doer named for an act reported earlier takes that act's target.

    "An army base in Niger was shelled ... Boko Haram claimed the shelling": the
    earlier report had a target but no doer, the later one a doer but no target. The
    latest earlier candidate of the kind with a target lends it, emitted or not.
    """
    if cand.actor is None or cand.entry.event not in CLAIMABLE or not (
            cand.recipient is None or cand.recipient_path == "domestic"):
        return cand
    noun = _named_act(cand) or _bare_responsibility(cand)
    if noun is None or noun.lemma_ != "responsibility" and \
            cand.entry.event not in _kinds(noun, lexicon):
        return cand
    earlier = [h for h in found if h.entry.event == cand.entry.event
               and h.trigger.i < cand.trigger.i and h.recipient is not None
               and h.recipient_path != "domestic" and h.recipient.code != cand.actor.code]
    if not earlier:
        return cand
    h = earlier[-1]
    return replace(cand, recipient=h.recipient,
                   recipient_path=f"refers<{noun.text}<{h.entry.id}")


def joined_meeting(cand: Candidate, history: list[Candidate], lexicon: Lexicon
                   ) -> list[Candidate] | None:
    """Whoever joins or attends "the talks" meets those who held them: the host when they
    were a visit (joining talks held in Lima is a visit to Peru).

    None when the candidate names no earlier meeting; else its re-aimed candidates (the
    host attending at home is dropped, as for any visit).
    """
    if cand.entry.event != "CONSULT" or cand.actor is None:
        return None
    ref = next((r for n in _topic_nouns(cand)
                if (r := _referring_noun(n, lexicon)) is not None), None)
    if ref is None or "CONSULT" not in _kinds(ref, lexicon):
        return None
    earlier = [h for h in history[-LOOKBACK:] if h.entry.event == "CONSULT"
               and h.recipient is not None and h.trigger.i < cand.trigger.i
               and not h.actor_path.startswith("host<")]
    if not earlier:
        return None
    same = _latest(earlier)
    hosted = all(h.recipient_path.startswith(HOST_PATHS) for h in same)
    people = [h.recipient for h in same]
    if not hosted:
        people += [h.actor for h in same]
    targets = {m.code: m for m in people if m is not None and m.code}
    if hosted and cand.actor.code in targets:
        return [replace(cand, decision="dropped: the host meets at home")]
    path = f"joins<{ref.text}<{same[0].entry.id}"
    joined = [replace(cand, recipient=m, recipient_path=path)
              for code, m in targets.items() if code != cand.actor.code]
    if hosted:  # the host receives whoever joins (codebook v2: a visit goes both ways)
        joined += [replace(c, actor=c.recipient, recipient=cand.actor, actor_path=f"host<{path}",
                           recipient_path=f"visitor<{cand.actor_path}") for c in list(joined)]
    return joined or None
