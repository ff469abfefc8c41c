"""Event candidates: trigger words, their argument frames, and who fills each role."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.actors import ActorResolver
from eventwire.lexicon import Lexicon, TriggerEntry
from eventwire.modality import Modality, assess
from eventwire.model import Mention

SUBJ_DEPS = ("nsubj", "csubj")
FUNCTION_WORDS = {"on", "off", "in", "out", "up", "down", "to", "for", "with", "against", "at",
                  "over", "from", "into", "back", "away", "about", "by", "under", "of", "through",
                  "forward", "around", "across", "upon", "onto", "toward", "towards", "after"}
INHERIT_DEPS = ("conj", "xcomp", "advcl", "pcomp")
OWNER_PREPS = {"of", "by", "between", "from"}
HOST_ROLES = ("place:in", "place:at")
# Verbs whose object noun names the subject's own act: "launched an attack", "held talks".
SUPPORT_VERBS = {
    "launch", "carry", "conduct", "stage", "hold", "have", "make", "mount", "begin", "start",
    "continue", "resume", "order", "announce", "sign", "pay", "impose", "issue", "deliver",
    "give", "provide", "offer", "send", "express", "lodge", "file", "take", "deploy", "extend",
    "host", "organize", "organise", "lead", "step", "intensify", "escalate", "wage",
    "commit", "perpetrate", "unleash", "execute", "complete", "finalize", "finalise", "reach",
    "strike", "seal", "conclude", "approve", "ratify", "pledge", "promise", "grant", "lift",
    "tighten", "expand", "introduce", "adopt", "declare", "put", "set", "renew",
}
# Verbs whose prepositional object is the subject's own act: "took part in talks".
PARTAKE_VERBS = {"participate", "engage", "take", "join", "involve", "embark", "enter"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "NORP"}


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


def _pos_key(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _with_tokens(trigger: Token, entry: TriggerEntry) -> list[Token] | None:
    """The dependents an entry requires: below the trigger, or below a word already found.

    A preposition or particle must hang directly off the trigger or a found word ("called
    on X"), not anywhere below it ("calling it an aggression on Iraq").
    """
    if not entry.with_:
        return []
    direct = [*trigger.children]
    deeper = [g for c in direct if c.dep_ in ("dobj", "prep", "prt", "attr", "xcomp",
                                              "compound", "amod", "pobj", "acomp")
              for g in c.children]
    found: list[Token] = []
    for lemma in entry.with_:
        pool = direct if lemma in FUNCTION_WORDS else direct + deeper
        hit = next((t for t in pool if t.lemma_.lower() == lemma or t.lower_ == lemma), None)
        if hit is None:
            return None
        found.append(hit)
        direct.extend(hit.children)
    return found


def _inside_name(token: Token, resolver: ActorResolver) -> bool:
    """"Popular Mobilization Forces", "Defense Ministry": words of a name are not events."""
    gm = resolver.matches.get(token.i)
    if gm is not None and gm.entry.kind != "sector":
        return True
    return token.ent_type_ in NAME_ENTS


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The acting subject of a verb, inheriting through conjunction, control and participles."""
    if depth > 4:
        return None, ""
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p, "agent"
        return None, ""
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head, "relcl"
            return c, "nsubj"
    if verb.dep_ == "relcl":
        return verb.head, "relcl"
    if verb.dep_ == "acl" and verb.tag_ in ("VBG",):
        return verb.head, "acl"
    if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children) and \
                head.lemma_ in ("call", "urge", "ask", "order", "tell", "force", "persuade"):
            return None, ""
        tok, path = subject_of(head, depth + 1)
        return tok, f"{verb.dep_}>{path}" if tok is not None else ""
    return None, ""


def object_of(verb: Token) -> tuple[Token | None, str]:
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return c, "nsubjpass"
        if verb.dep_ == "acl":
            return verb.head, "acl-passive"
        return None, ""
    for c in verb.children:
        if c.dep_ == "dobj":
            return c, "dobj"
    return None, ""


def _preps(holders: list[Token], word: str) -> list[Token]:
    out = []
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word:
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


class RoleFinder:
    """Fills an entry's roles from the parse, naming the path it took."""

    def __init__(self, resolver: ActorResolver):
        self.resolver = resolver

    def fill(self, role: str, trigger: Token, words: list[Token]) -> tuple[list[Mention], str]:
        holders = [trigger, *words] + [c for c in trigger.children if c.dep_ == "dobj"]
        kind, _, word = role.partition(":")
        tokens: list[tuple[Token, str]] = []
        if kind == "subj":
            if trigger.pos_ in ("NOUN", "PROPN"):
                tokens = [(t, p) for t, p in [self._noun_governor_subject(trigger)] if t]
            else:
                tok, path = subject_of(trigger)
                if tok is not None:
                    tokens = [(tok, path)]
        elif kind == "obj":
            tok, path = object_of(trigger)
            if tok is not None:
                tokens = [(tok, path)]
        elif kind == "dative":
            tokens = [(c, "dative") for c in trigger.children if c.dep_ == "dative"]
        elif kind in ("prep", "place"):
            tokens = [(t, f"prep:{word}") for t in _preps(holders, word)]
        elif kind == "poss":
            tokens = [(c, "poss") for c in trigger.children if c.dep_ == "poss"]
        elif kind == "mod":
            tokens = [(c, "mod") for c in trigger.children
                      if c.dep_ in ("compound", "amod", "nmod") and c.i < trigger.i]
        for tok, path in tokens:
            if kind == "mod":
                found = self.resolver.resolve_modifier(tok)
                if found:
                    return found, path
                continue
            if kind == "place":
                m = self.resolver.resolve_place(tok)
                if m is not None:
                    return [m], f"place:{word}"
                continue
            found = self.resolver.resolve(tok)
            if found:
                return found, path
            if kind in ("obj", "prep") and tok.pos_ in ("NOUN", "PROPN"):
                owners = self._owners(tok, 0)
                if owners:
                    return owners, f"{path}>owner"
        return [], ""

    def _owners(self, noun: Token, depth: int) -> list[Mention]:
        """Whose thing a non-actor object is: "Macron's statement", "the deal between A and B"."""
        if depth > 2:
            return []
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.resolver.resolve(child)
            elif child.dep_ in ("compound", "amod") and child.i < noun.i:
                found = self.resolver.resolve_modifier(child)
            else:
                continue
            if found:
                return found
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = self.resolver.resolve(pobj) or self._owners(pobj, depth + 1)
                    if found:
                        return found
        return []

    def _noun_governor_subject(self, noun: Token) -> tuple[Token | None, str]:
        """A nominal trigger's actor from a support verb it is the object of ("held talks").

        Only verbs that make the noun their subject's own act pass the actor on: whoever
        "condemned the attack" or "blamed X for the attack" did not attack.
        """
        head = noun.head
        if noun.dep_ in ("dobj", "attr", "oprd") and head.lemma_ in SUPPORT_VERBS:
            tok, path = subject_of(head)
            return tok, f"dobj<{path}" if tok is not None else ""
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in PARTAKE_VERBS:
            tok, path = subject_of(head.head)
            return tok, f"pobj<{path}" if tok is not None else ""
        return None, ""


def find_candidates(sent: Span, lexicon: Lexicon, resolver: ActorResolver) -> list[Candidate]:
    """Every trigger in a sentence with its best-matching entry and filled roles."""
    roles = RoleFinder(resolver)
    out: list[Candidate] = []
    consumed: set[int] = set()
    for token in sent:
        if token.i in consumed:
            continue
        pos = _pos_key(token)
        if pos is None or (pos == "NOUN" and _inside_name(token, resolver)):
            continue
        entries = lexicon.candidates(token.lemma_.lower(), pos)
        if not entries and pos == "NOUN":
            entries = lexicon.candidates(token.lower_, pos)
        for entry in entries:
            words = _with_tokens(token, entry)
            if words is None:
                continue
            consumed.update(w.i for w in words)
            out.extend(_candidates_for(entry, token, words, roles))
            break
    return out


def _candidates_for(entry: TriggerEntry, trigger: Token, words: list[Token],
                    roles: RoleFinder) -> list[Candidate]:
    actors, apath = [], ""
    for role in entry.actor:
        actors, apath = roles.fill(role, trigger, words)
        if actors:
            break
    if not actors and trigger.pos_ in ("NOUN", "PROPN") and "subj" not in entry.actor:
        actors, apath = roles.fill("subj", trigger, words)
    recipients, rpath = [], ""
    for role in entry.recipient:
        recipients, rpath = roles.fill(role, trigger, words)
        if recipients:
            break
    if not recipients and entry.event == "CONSULT":
        # A meeting held somewhere: the host country receives the visitors (PLOVER visit).
        for role in HOST_ROLES:
            recipients, rpath = roles.fill(role, trigger, words)
            if recipients:
                rpath = f"host<{rpath}"
                break
    modality = assess(trigger)
    pairs: list[tuple[Mention | None, Mention | None, str]] = []
    if not actors:
        return [Candidate(entry, trigger, words, None, recipients[0] if recipients else None,
                          "", rpath, modality, decision="dropped: no identifiable actor")]
    if not recipients and len(actors) == 2:
        a, b = actors
        pairs = [(a, b, "joint-subject"), (b, a, "joint-subject")]
    else:
        for a in actors:
            for r in recipients or [None]:
                pairs.append((a, r, ""))
                if entry.symmetric and r is not None and not rpath.startswith("host<"):
                    pairs.append((r, a, "symmetric"))
    out = []
    for a, r, how in pairs:
        path = f"{apath}+{how}" if how else apath
        cand = Candidate(entry, trigger, words, a, r, path, rpath, modality)
        if r is not None and a is not None and a.code == r.code and a.sector == r.sector \
                and a.start == r.start:
            cand.decision = "dropped: actor and recipient are the same mention"
        elif r is not None and a is not None and a.code == r.code and rpath.startswith("host<"):
            cand.decision = "dropped: the host meets at home"
        elif r is None and entry.requires_recipient:
            cand.decision = f"dropped: {entry.event} needs a recipient"
        elif modality.negated:
            cand.decision = f"dropped: negated ({modality.cue})"
        elif modality.modality == "hypothetical":
            cand.decision = f"dropped: hypothetical ({modality.cue})"
        out.append(cand)
    return out
