"""Event candidates: trigger words, their argument frames, and who fills each role."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventwire.actors.prosecution import legal_frame
from eventwire.actors.resolver import ActorResolver
from eventwire.actors.standing import STATE_OFFICES
from eventwire.events.arrival import carried_giver, goods_arriving
from eventwire.events.conditional import conditional_threats
from eventwire.events.implied import (
    DOMESTIC_EVENTS,
    actor_from_place,
    aimed_at_itself,
    clause_target,
    domestic,
    left_own_place,
    meeting_host,
    participle_object,
    released_at_home,
    where_it_happens,
)
from eventwire.events.intent import agreed_harms, drop_undertakings, official_protest, recode
from eventwire.events.matching import inside_name, pos_key, required_words
from eventwire.events.missions import picketed
from eventwire.events.modality import PROMISING, Modality, assess, cue_token
from eventwire.events.nominal import (
    aid_destination,
    attendance,
    effort_carrier,
    forces_owner,
    help_carrier,
    helping_deployment,
    lifted_measure,
    nominal_recipient,
    received_help,
    story_crowd,
)
from eventwire.events.occasion import (
    body_in_session,
    no_one_called,
    occasion_actor,
    settle_occasion,
    timed_by,
)
from eventwire.events.readings import describes_document, figurative_fight, naming, pressed_on
from eventwire.events.rescue import rescued_where
from eventwire.events.roles import RoleFinder, subject_of
from eventwire.events.stance import present_stance
from eventwire.knowledge.lexicon import Lexicon, TriggerEntry
from eventwire.model import Mention

# Role paths that make the recipient the host of a meeting: "met in Moscow", "arrived at".
HOST_PATHS = ("host<", "place:")
# Events whose place makes the host state the recipient: visits, and protests in a capital.
HOSTED_EVENTS = {"CONSULT", "PROTEST"}
# Events that two joint subjects do with each other ("A and B agreed" codes both ways).
JOINT_EVENTS = {"AGREE", "CONSULT", "COOPERATE"}
MAX_PAIRWISE = 6  # joint parties coded pair by pair; more act together
# Verbal events whose target may sit in their complement clause.
COMPLEMENT_EVENTS = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "AGREE", "SUPPORT", "CONCEDE"}
EMBEDDED_ROLES = ("obj", "prep:to", "prep:against", "prep:on", "prep:with", "dative")
# What protesters demand or damage in the same breath is part of the protest.
PROTEST_PARTS = {"REQUEST", "ASSAULT", "ACCUSE"}
# Claiming that someone did one of these is accusing them.
WRONGS = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"}
CLAIM_VERBS = {"claim", "allege", "charge", "assert", "insist"}
ACCUSE_BY_CLAIM = TriggerEntry(
    id="accuse-claim", trigger="claim", pos="VERB", with_=(), event="ACCUSE", mode="allege",
    context=(), cameo="112", actor=("subj",), recipient=("claim",), symmetric=False,
    requires_recipient=True, source="events.py")
# Speech acts named by a noun ("a request", "the allegation") that another event may answer.
TOPIC_EVENTS = {"REQUEST", "ACCUSE", "AGREE", "CONCEDE", "REJECT", "THREATEN"}


@dataclass
class Candidate:
    """One possible event and why it would or would not be emitted."""

    entry: TriggerEntry
    trigger: Token
    words: list[Token]
    actor: Mention | None
    recipient: Mention | None
    actor_path: str
    recipient_path: str
    modality: Modality
    decision: str = "emitted"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def rule(self) -> str:
        return f"{self.entry.id} [{self.entry.source}] actor={self.actor_path} " \
               f"recipient={self.recipient_path or '-'}"


def find_candidates(sent: Span, lexicon: Lexicon, resolver: ActorResolver) -> list[Candidate]:
    """Every trigger in a sentence with its best-matching entry and filled roles."""
    roles = RoleFinder(resolver)
    out: list[Candidate] = []
    consumed: set[int] = set()
    for token in sent:
        if token.i in consumed:
            continue
        pos = pos_key(token)
        if pos is None or (pos == "NOUN" and inside_name(token, resolver)):
            continue
        entries = lexicon.candidates(token.lemma_.lower(), pos)
        if not entries and pos == "NOUN":
            entries = lexicon.candidates(token.lower_, pos)
        rejected: list[Candidate] = []
        for entry in entries:
            words = required_words(token, entry)
            if words is None:
                continue
            found = _candidates_for(entry, token, words, roles)
            if entry.actor_sectors:
                found, wrong = _by_actor_sector(found, entry.actor_sectors)
                if not found:
                    rejected = rejected or wrong
                    continue  # "protesters gathered" is a protest; "ministers gathered" is not
            consumed.update(w.i for w in words)
            out.extend(found)
            break
        else:
            out.extend(rejected)
    _drop_topics(out)
    _drop_protest_parts(out)
    conditional_threats(out, roles)
    agreed_harms(out)
    drop_undertakings(out)
    out.extend(_claimed_wrongs(out, roles))
    return out


def _claimed_wrongs(cands: list[Candidate], roles: RoleFinder) -> list[Candidate]:
    """"The US claimed that Hezbollah had attacked Israel": the attack is not asserted, but the
    claim accuses Hezbollah (PLOVER ACCUSE: allege)."""
    out: list[Candidate] = []
    seen: set[tuple[int, str | None]] = set()
    for c in cands:
        cue = c.modality.cue or ""
        if c.actor is None or c.entry.event not in WRONGS or c.modality.modality != \
                "hypothetical" or c.decision != f"dropped: hypothetical ({cue})":
            continue
        verb = cue_token(c.trigger, c.modality)
        if verb is None or verb.lemma_ not in CLAIM_VERBS:
            continue
        tok, path = subject_of(verb)
        for speaker in roles.resolver.resolve(tok) if tok is not None else []:
            if speaker.code == c.actor.code or (verb.i, c.actor.code) in seen:
                continue
            seen.add((verb.i, c.actor.code))
            entry = replace(ACCUSE_BY_CLAIM, trigger=verb.lemma_, id=f"accuse-by-{verb.lemma_}")
            out.append(Candidate(entry, verb, [c.trigger], speaker, c.actor, path,
                                 f"claim>{c.actor_path}", assess(verb)))
            out[-1].decision = out[-1].modality.drop_reason or "emitted"
    return out


def _by_actor_sector(cands: list[Candidate], sectors: tuple[str, ...]
                     ) -> tuple[list[Candidate], list[Candidate]]:
    """Candidates whose actor may do this (a known sector in the list, or none known)."""
    fits: list[Candidate] = []
    wrong: list[Candidate] = []
    for c in cands:
        if c.actor is None:
            wrong.append(c)
        elif c.actor.sector in (*sectors, None):
            fits.append(c)
        else:
            wrong.append(replace(c, decision=f"dropped: actor sector is not {'/'.join(sectors)}"))
    return fits, wrong


def _drop_protest_parts(cands: list[Candidate]) -> None:
    """"demonstrated ... calling for independence", "rioted, setting fire to mattresses": the
    demand or the damage in a protest's own participle or purpose clause is the protest."""
    protests = {c.trigger.i for c in cands if c.decision == "emitted"
                and c.entry.event == "PROTEST" and c.trigger.pos_ == "VERB"}
    for c in cands:
        if c.decision == "emitted" and c.entry.event in PROTEST_PARTS \
                and c.trigger.dep_ in ("advcl", "xcomp", "acl") and c.trigger.head.i in protests:
            c.decision = "dropped: part of the protest"


def _drop_topics(cands: list[Candidate]) -> None:
    """"Yemen rejected a U.S. request": a speech act another event answers is its topic, not
    news of its own (the request was made before, and is reported where it was made)."""
    verbs = {c.trigger.i: c.trigger.lemma_ for c in cands
             if c.decision == "emitted" and c.trigger.pos_ in ("VERB", "AUX")
             and c.trigger.lemma_ not in PROMISING}  # "promised tariffs" is no topic
    for c in cands:
        if c.decision != "emitted" or c.trigger.pos_ != "NOUN" \
                or c.entry.event not in TOPIC_EVENTS or "occasion<" in c.actor_path:
            continue  # "at a meeting with X, Y pledged": the meeting is no topic of the pledge
        head = c.trigger.head
        if c.trigger.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if c.trigger.dep_ in ("dobj", "pobj", "nsubjpass") and head.i in verbs:
            c.decision = f"dropped: the topic of '{verbs[head.i]}'"


def _complement_recipient(trigger: Token, roles: RoleFinder, actors: list[Mention]
                          ) -> tuple[list[Mention], str]:
    """"demanded that Turkey halt", "agreed to provide aid to Poland": the clause's target;
    "reaffirmed its commitment to defend the Philippines": the clause of the object noun's."""
    objects = [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    clauses = [*trigger.children, *(c for o in objects for c in o.children if c.dep_ == "acl")]
    for clause in clauses:
        if clause.dep_ not in ("ccomp", "xcomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own:
            found = roles.resolver.resolve(own[0])
            if found and (not {m.code for m in found} & {m.code for m in actors}
                          or _other_side(found, actors)):
                return found, f"{clause.dep_}>nsubj"
        for role in EMBEDDED_ROLES:
            found, path = roles.fill(role, clause, [])
            if found:
                return found, f"{clause.dep_}>{path}"
    return [], ""


def _other_side(found: list[Mention], actors: list[Mention]) -> bool:
    """"Sudan's army demanded that the RSF withdraw": one country's state and those it faces
    (rebels, opposition, civilians) are two sides; its army is not ("its military had ...")."""
    return all((m.sector in STATE_OFFICES) != (a.sector in STATE_OFFICES)
               for m in found for a in actors if m.code == a.code)


def _manner_actor(noun: Token, roles: RoleFinder) -> tuple[list[Mention], str]:
    """"Jordan struck smugglers in coordination with Syria", "marched in protest against X":
    an act named by a noun of manner (in + noun on a verb) is done by that verb's subject."""
    head = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or head.lower_ != "in" \
            or head.head.pos_ not in ("VERB", "AUX"):
        return [], ""
    tok, path = subject_of(head.head)
    found = roles.resolver.resolve(tok) if tok is not None else []
    return (found, f"in<{path}") if found else ([], "")


def _candidates_for(entry: TriggerEntry, trigger: Token, words: list[Token],
                    roles: RoleFinder) -> list[Candidate]:
    entry = helping_deployment(entry, trigger)
    received = received_help(entry, trigger, roles) or attendance(entry, trigger, roles)
    actors, apath, recipients, rpath = received or ([], "", [], "")
    # "launched a mediation effort", "announced $20 million in assistance for Haiti"
    holder = effort_carrier(trigger) or help_carrier(entry, trigger) or trigger
    for role in () if received else entry.actor:
        actors, apath = roles.fill(role, holder, words)
        if actors:
            break
    if not actors and trigger.pos_ in ("NOUN", "PROPN") and "subj" not in entry.actor:
        actors, apath = roles.fill("subj", holder, words)
    if not actors and "subj" in entry.actor:
        actors, apath = _manner_actor(trigger, roles)
    if not actors:
        actors, apath = occasion_actor(entry, trigger, roles)
    if not actors:
        actors, apath = actor_from_place(entry, trigger, words, roles)
    if not actors and entry.event == "ASSAULT":  # "the BLA claimed responsibility"
        actors, apath = roles.resolver.claimed_attacker(trigger), "claimed-responsibility"
    if not actors:
        actors, apath = forces_owner(entry, trigger, words, roles)
    if not actors:  # "a shipment of Chinese aid"
        actors, apath = carried_giver(entry, trigger, words, roles)
    if not actors:
        actors, apath = story_crowd(entry, trigger, roles)
    if goods_arriving(entry, apath):  # "Saudi aid arrived in Yemen"
        actors, apath = [], ""
    for role in () if received else entry.recipient:
        recipients, rpath = roles.fill(role, trigger, words)
        if not recipients and holder is not trigger:
            recipients, rpath = roles.fill(role, holder, words)
        if recipients:
            break
    if entry.requires_recipient and aimed_at_itself(actors, recipients):  # "its operations"
        recipients, rpath = [], ""
    if (left := left_own_place(entry.event, trigger, actors, rpath, roles)) is not None:
        recipients, rpath = left  # "French troops left their last base in Chad"
    if entry.event == "PROTEST" and (at := picketed(trigger, roles, actors)):
        actors, recipients, rpath = at  # "rallied outside the U.S. embassy in Jakarta"
    if not recipients:
        recipients, rpath = nominal_recipient(entry, trigger, words, roles)
    if not recipients and actors and entry.event == "AID":  # "said it was sending food"
        recipients, rpath = rescued_where(trigger, roles)
        if not recipients:
            recipients, rpath = aid_destination(trigger, words, roles, actors)
    if not recipients and entry.event in HOSTED_EVENTS and \
            not body_in_session(actors, trigger.doc):
        recipients, rpath = meeting_host(trigger, words, roles)
    if not recipients and entry.event in ("ASSAULT", "COERCE"):
        # "a raid targeting rebels", "fired rockets targeting army posts"
        for noun in [t for t in (trigger, *words) if t.pos_ == "NOUN"]:
            recipients, rpath = clause_target(noun, roles)
            if recipients:
                break
    if not recipients:
        recipients, rpath = participle_object(trigger, roles)
    if not recipients and entry.event in COMPLEMENT_EVENTS:
        recipients, rpath = _complement_recipient(trigger, roles, actors)
    if not recipients and actors and (entry.event in DOMESTIC_EVENTS and not
                                      entry.requires_recipient  # a required one is named
                                      or released_at_home(entry, apath, trigger)):
        recipients, rpath = where_it_happens(entry, trigger, words, roles, actors[0])
        if not recipients:
            recipients = domestic(actors[0], entry.event, roles.resolver.gaz.countries)
            rpath = "domestic" if recipients else ""
    actors, apath = settle_occasion(entry, trigger, roles, actors, apath, recipients)
    legal = legal_frame(entry, trigger, roles.resolver, actors)  # "X faces charges"
    if legal is not None:
        actors, apath, recipients, rpath = legal
    modality = assess(timed_by(trigger, apath))
    entry = official_protest(entry, actors)
    entry, modality, recipients, rpath = recode(entry, trigger, modality, recipients, rpath,
                                                roles, actors)
    modality = present_stance(trigger, entry.event, modality, roles.resolver.quoted)
    pairs: list[tuple[Mention | None, Mention | None, str]] = []
    if not actors and _parties_of_passive(entry, trigger, recipients, rpath):
        # "a trade agreement between A and B was signed": its parties signed it with each other
        actors, apath, recipients, rpath = recipients, f"parties<{rpath}", [], ""
    if not actors:
        return [Candidate(entry, trigger, words, None, recipients[0] if recipients else None,
                          "", rpath, modality, decision="dropped: no identifiable actor")]
    # Joint subjects act on each other, pair by pair (codebook v2: meetings, signed deals and
    # joint cooperation of three or more, every pair); past a handful they act together.
    # Mediators ("talks mediated by A and B") do not meet each other by mediating.
    reciprocal = (entry.symmetric or entry.event in JOINT_EVENTS) and entry.mode != "third-party"
    parties = len({(a.code, a.sector) for a in actors})  # "French counterparts, Le Drian"
    joint = [(a, b, "joint-subject") for a in actors for b in actors
             if (a.code, a.sector) != (b.code, b.sector)] \
        if reciprocal and 2 <= parties <= MAX_PAIRWISE else []  # army and rebels of one state
    if not recipients and joint:
        pairs = joint
    else:
        for a in actors:
            for r in recipients or [None]:
                pairs.append((a, r, ""))
                if entry.symmetric and r is not None and not rpath.startswith(
                        ("host<", "xcomp>", "ccomp>", "session<")):
                    pairs.append((r, a, "symmetric"))
        if rpath.startswith("host<"):
            pairs += joint  # "Egypt, Jordan and Iraq met in Baghdad": the visitors meet too
    out = []
    for a, r, how in pairs:
        path = f"{apath}+{how}" if how else apath
        cand = Candidate(entry, trigger, words, a, r, path, rpath, modality)
        if r is not None and a is not None and a.code == r.code and a.sector == r.sector \
                and a.start == r.start and r.kind != "implied":
            cand.decision = "dropped: actor and recipient are the same mention"
        elif r is not None and a is not None and a.code == r.code and entry.event == "CONSULT" \
                and rpath.startswith(HOST_PATHS):
            cand.decision = "dropped: the host meets at home"
        elif entry.event == "CONSULT" and "JRN" in (a and a.sector, r and r.sector):
            cand.decision = "dropped: an interview is not a consultation"
        elif entry.event == "REQUEST" and pressed_on(trigger):
            cand.decision = "dropped: a thing pressed or pushed ('pressed their offensive')"
        elif naming(trigger) or no_one_called(entry, trigger):
            cand.decision = "dropped: naming ('what it called an attack'), not a call"
        elif entry.event == "ASSAULT" and figurative_fight(trigger):
            cand.decision = "dropped: figurative (not force)"
        elif lifted_measure(entry, trigger):
            cand.decision = "dropped: a measure lifted, not imposed"
        elif describes_document(trigger):
            cand.decision = "dropped: background (what a named document says)"
        elif r is None and entry.requires_recipient:
            cand.decision = f"dropped: {entry.event} needs a recipient"
        elif modality.drop_reason:
            cand.decision = modality.drop_reason
        out.append(cand)
    return out


def _parties_of_passive(entry: TriggerEntry, trigger: Token, recipients: list[Mention],
                        rpath: str) -> bool:
    """A joint act done, by no one named, to a thing whose owners are two or more parties."""
    return (entry.symmetric or entry.event in JOINT_EVENTS) and entry.mode != "third-party" \
        and rpath.startswith("nsubjpass") and rpath.endswith(">owner") \
        and len({r.code for r in recipients}) >= 2
