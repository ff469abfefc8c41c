"""Semantic roles from the dependency parse: who acts and who is acted on, and by which path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.readings import named_as
from eventwire.model import Mention
from eventwire.nlp.parsed import coordination_head, stolen_subject

SUBJ_DEPS = ("nsubj", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "pcomp", "acomp")
OWNER_PREPS = {"of", "by", "between", "from"}
# Verbs by which a subject sets up what it leads: "announced/formed/led a coalition".
FOUNDING_VERBS = {"announce", "form", "launch", "lead", "found", "create", "establish",
                  "build", "assemble"}
# Movements whose destination is what a measure on them aims at.
MOVEMENT_NOUNS = {"flight", "travel", "export", "shipment", "trade", "trip", "remittance",
                  "sale", "delivery", "transfer", "visit", "import", "traveler", "traveller"}
# Places named only by their kind: "the region", "the area" are where the story is.
PLACE_NOUNS = {"region", "area", "territory"}
# Texts and processes a city names by where they were made: "the Doha agreement", "the Minsk
# accords", "the Astana process" belong to their signatories, not to the host.
PLACE_NAMED_NOUNS = {"agreement", "accord", "deal", "treaty", "pact", "protocol", "declaration",
                     "convention", "charter", "process", "format", "communique", "framework"}
# Verbs whose object noun names the subject's own act: "launched an attack", "held talks".
SUPPORT_VERBS = {
    "launch", "carry", "conduct", "stage", "hold", "have", "make", "mount", "begin", "start",
    "continue", "resume", "order", "announce", "sign", "pay", "impose", "issue", "deliver",
    "give", "provide", "offer", "send", "express", "lodge", "file", "take", "deploy", "extend",
    "host", "organize", "organise", "lead", "step", "intensify", "escalate", "wage",
    "commit", "perpetrate", "unleash", "execute", "complete", "finalize", "finalise", "reach",
    "strike", "seal", "conclude", "approve", "ratify", "pledge", "promise", "grant", "lift",
    "tighten", "expand", "introduce", "adopt", "declare", "put", "set", "renew", "claim",
    "reimpose", "reinstate", "enforce", "establish", "pursue",
}
# Nouns that carry an act named after "of": "wrote a letter of support", "a show of force".
CARRIER_NOUNS = {"letter", "message", "note", "statement", "expression", "show", "gesture",
                 "sign", "signal", "declaration", "pledge", "offer", "vote", "word", "words",
                 "communique", "resolution"}
# Nouns whose to-infinitive is what their adopter does: "a resolution to expel the troops".
PROPOSAL_NOUNS = {"resolution", "motion", "bill", "law", "decision", "decree", "measure",
                  "order"}
ADOPTING_VERBS = {"vote", "pass", "adopt", "approve", "enact", "sign", "issue", "endorse"}
# Verbs whose prepositional object is the subject's own act: "took part in talks".
PARTAKE_VERBS = {"participate", "engage", "take", "join", "involve", "embark", "enter"}
# Participles whose by-agent did the act their noun names: "strikes launched by Israel", "the
# attack, claimed by Boko Haram", "a summit called by Egypt" (not "a truce brokered by Qatar":
# a broker is not a party).
AGENT_VERBS = SUPPORT_VERBS | {"call", "convene", "organize", "organise", "sponsor", "initiate",
                               "propose", "table", "instigate", "mastermind", "orchestrate"}


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_without_agent(verb: Token) -> bool:
    """"was arrested", "is scheduled to": a passive that names no doer."""
    return _is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, str]:
    """The acting subject of a verb, inheriting through conjunction, control and participles."""
    if depth > 4:
        return None, ""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "sanctions imposed by the US", "troops sent by Russia": the participle's by-agent
        doer = next((p for a in verb.children if a.dep_ == "agent"
                     for p in a.children if p.dep_ == "pobj"), None)
        if doer is not None:
            return doer, "acl>agent"
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
            inner = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if c.tag_ in ("VBG", "VBN") and inner is not None:
                # "[The Red Cross working in Sudan] said": a participle phrase the parser made
                # a clause; its own subject is the one who speaks.
                return inner, "nsubj>participle"
            return c, "nsubj"
    stolen = stolen_subject(verb)
    if stolen is not None:
        return stolen, "conj>stolen-subject"
    for aux in (c for c in verb.children if c.dep_ == "aux"):
        # "Washington has been urging ...": the parser hung the subject on "been"
        subj = next((s for s in aux.children if s.dep_ == "nsubj"), None)
        if subj is not None:
            return subj, "aux>nsubj"
    if verb.dep_ == "relcl":
        return verb.head, "relcl"
    if verb.dep_ == "acl" and verb.tag_ in ("VBG",):
        noun = verb.head
        if noun.dep_ == "dobj" and (noun.lemma_ in CARRIER_NOUNS or noun.lemma_ in
                                    PROPOSAL_NOUNS and noun.head.lemma_ in ADOPTING_VERBS):
            # "issued a statement demanding ...": whoever issued it demands; "signed an order
            # imposing sanctions": whoever adopts a measure does what it does
            tok, path = subject_of(verb.head.head, depth + 1)
            return tok, f"acl<dobj<{path}" if tok is not None else ""
        return verb.head, "acl"
    if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_ in PROPOSAL_NOUNS:
        # "passed a resolution to expel ...", "adopted a motion to suspend ...": whoever
        # adopts the proposal does what it proposes
        noun = verb.head
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in ("dobj", "pobj") and governor.lemma_ in ADOPTING_VERBS:
            tok, path = subject_of(governor, depth + 1)
            return tok, f"acl<{noun.dep_}<{path}" if tok is not None else ""
    if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = coordination_head(verb)
        if verb.dep_ == "pcomp":
            head = head.head
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children) and \
                head.lemma_ in ("call", "urge", "ask", "order", "tell", "force", "persuade"):
            return None, ""
        if verb.dep_ == "xcomp" and passive_without_agent(head):
            # "Modi is scheduled to attend", "troops were ordered to withdraw"
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            return (raised, "xcomp>nsubjpass") if raised is not None else (None, "")
        tok, path = subject_of(head, depth + 1)
        return tok, f"{verb.dep_}>{path}" if tok is not None else ""
    return None, ""


def object_of(verb: Token) -> tuple[Token | None, str]:
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                if verb.dep_ == "relcl" and c.lower_ in ("which", "that") and \
                        verb.head.pos_ == "NOUN":
                    return verb.head, "relcl-passive"  # "a coalition which was joined by"
                return c, "nsubjpass"
        if verb.dep_ == "acl":
            return verb.head, "acl-passive"
        return None, ""
    for c in verb.children:
        if c.dep_ == "dobj":
            return c, "dobj"
    for c in verb.children:
        named = named_as(c)
        if named is not None:
            return named, "what-called"
    for c in verb.children:
        # "found the doctor guilty", "declared the envoy persona non grata": the parser makes
        # the object the subject of a verbless small clause.
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("ADJ", "NOUN", "PROPN"):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None:
                return subj, f"{c.dep_}>nsubj"
    return None, ""


def by_agents(noun: Token, verbs: set[str] | None = None) -> list[Token]:
    """"sanctions imposed by the US", "the raid, claimed by X": the doers a participle on a
    noun names after "by" (of any participle, or only of the verbs given)."""
    return [p for acl in noun.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and (verbs is None or acl.lemma_ in verbs)
            for agent in acl.children if agent.dep_ == "agent"
            for p in agent.children if p.dep_ == "pobj"]


def _persons_own(noun: Token) -> bool:
    """"his critics", "Putin's aides": a person's people are others, not the person."""
    return any(c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.ent_type_ == "PERSON")
               for c in noun.children)


def _owner_preps(noun: Token) -> Iterator[Token]:
    """"the deal between A and B", "facilities belonging to Aramco", "an alliance led by France"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            yield child
        elif child.dep_ == "acl" and child.lemma_ in ("belong", "own", "lead"):
            yield from (c for c in child.children
                        if c.dep_ in ("prep", "agent") and c.lower_ in ("to", "by"))
    named = named_as(noun.head)
    if named is not None and named.i == noun.i:
        # "what it called accusations by Britain": the parser hangs "by" on "called"
        yield from (c for c in noun.head.children if c.dep_ in ("prep", "agent")
                    and c.lower_ == "by")


# Verbs telling that someone was harmed, by or in an attack named by a noun.
HARM_VERBS = {"kill", "wound", "injure", "hurt", "hit", "target", "die", "perish"}


# Prepositions that mean what a role's one does: "airstrikes inside Afghanistan" are "in" it.
SAME_PREPS = {"in": ("inside", "within")}


def _preps(holders: list[Token], word: str) -> list[Token]:
    out = []
    for h in holders:
        for c in h.children:
            if c.dep_ in ("prep", "agent", "dative") and (
                    c.lower_ == word or c.lower_ in SAME_PREPS.get(word, ())):
                # "with the exception of Malta" leaves Malta out
                out.extend(p for p in c.children if p.dep_ == "pobj"
                           and p.lemma_ not in ("exception", "exclusion"))
    return out


def _named_for_place(m: Mention, noun: Token) -> bool:
    """"the Doha agreement": a capital naming a text or process is where it was made."""
    return m.kind == "metonym" and noun.lemma_.lower() in PLACE_NAMED_NOUNS


class RoleFinder:
    """Fills an entry's roles from the parse, naming the path it took."""

    def __init__(self, resolver: ActorResolver):
        self.resolver = resolver

    def _harmed_by(self, trigger: Token) -> tuple[list[Mention], str] | None:
        """"He was killed by a US airstrike in Iraq", "soldiers died in an Israeli strike":
        an attack named as what harmed someone targets them, not the place it happened."""
        prep = trigger.head
        if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in ("by", "in"):
            return None
        verb = prep.head
        if verb.lemma_ not in HARM_VERBS:
            return None
        deps = ("nsubjpass", "nsubj") if verb.lemma_ in ("die", "perish") else ("nsubjpass",)
        for c in verb.children:
            found = self.resolver.resolve(c) if c.dep_ in deps else []
            if found:
                return found, f"harmed<{verb.lemma_}"
        return None

    def fill(self, role: str, trigger: Token, words: list[Token]) -> tuple[list[Mention], str]:
        holders = [trigger, *words] + [c for c in trigger.children if c.dep_ == "dobj"]
        # "walked out of the talks with the US": the with-phrase of a required preposition's noun
        holders += [p for w in words if w.dep_ == "prep" for p in w.children if p.dep_ == "pobj"]
        # "suspended its aid programme for Bosnia": the noun a required word names
        holders += [w.head for w in words if w.dep_ == "compound"]
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
            victims = self._harmed_by(trigger) if kind == "place" else None
            if victims:
                return victims
            if kind == "place":  # "met, this time in Lima": a time noun holds the place
                holders += [c for c in trigger.children if c.dep_ == "npadvmod"]
            tokens = [(t, f"prep:{word}") for t in _preps(holders, word)]
        elif kind == "poss":
            # "Russia's attack", and "cancelled Zambia's debt" (the possessor of a required word)
            tokens = [(c, "poss") for h in (trigger, *words) for c in h.children
                      if c.dep_ == "poss"]
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
                m = self.resolver.resolve_place(tok) or self.resolver.settlement_place(tok) \
                    or self._story_place(tok, trigger)
                if m is not None:
                    return [m], f"place:{word}" + (">story-place" if m.kind == "implied" else "")
                continue
            found = self.resolver.resolve(tok)
            if found:
                return found, path
            if kind == "obj" and (tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.pos_ == "PROPN"):
                # "bombed Aleppo": the country the place is in, not its government.
                m = self.resolver.resolve_place(tok, unlabelled=True)
                if m is not None:
                    return [replace(m, sector=None)], f"{path}>place"
            if kind == "subj" and tok.pos_ == "NOUN" and not _persons_own(tok):
                # "the teachers' union called off", "US drone strikes killed": whose it is
                owners = [m for m in self.owners(tok, 0, preps=False) if m.kind != "person"]
                if owners:
                    return owners, f"{path}>owner"
            if kind in ("obj", "prep") and tok.pos_ in ("NOUN", "PROPN"):
                owners = self.owners(tok, 0)
                if owners:
                    return owners, f"{path}>owner"
                town = self.resolver.settlement_place(tok)  # "a strike on the city of Dnipro"
                if town is not None:
                    return [replace(town, sector=None)], f"{path}>settlement"
            if kind == "prep" and tok.lemma_ in MOVEMENT_NOUNS:
                # "curbs on flights to Venezuela", "a ban on exports to Russia", "restrictions
                # on travel from India": where to or from
                found = [m for w in ("to", "from") for p in _preps([tok], w)
                         for m in self.resolver.resolve(p)]
                if found:
                    return found, f"{path}>to"
            if kind == "obj" and tok.pos_ == "NOUN":
                # "hit oil facilities in Saudi Arabia": the country the thing is in
                m = self.resolver.place_in([tok])
                if m is not None:
                    return [replace(m, sector=None)], f"{path}>in-place"
        return [], ""

    def _story_place(self, noun: Token, trigger: Token) -> Mention | None:
        """"a withdrawal from the region": the country the story is about (not the actor's)."""
        if noun.lemma_ not in PLACE_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        subj, _ = subject_of(trigger)
        doers = [subj] if subj is not None else []
        doers += [c for c in trigger.children if c.dep_ == "poss"]  # "its withdrawal"
        actors = frozenset(m.code or "" for t in doers for m in self.resolver.resolve(t))
        e = self.resolver.story_country(noun, people=False, other_than=actors)
        if e is None:
            return None
        return replace(self.resolver.mentions[e.mention], sector=None, kind="implied",
                       rule="story-place", antecedent=e.mention)

    def owners(self, noun: Token, depth: int = 0, preps: bool = True) -> list[Mention]:
        """Whose thing a non-actor object is: "Macron's statement", "the deal between A and B"."""
        if depth > 2:
            return []
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.resolver.resolve(child)
            elif child.dep_ in ("compound", "amod") and child.i < noun.i:
                found = [m for m in self.resolver.resolve_modifier(child)
                         if not _named_for_place(m, noun)]
            else:
                continue
            if found:
                return found
        if noun.dep_ == "dobj" and noun.head.lemma_ in FOUNDING_VERBS:
            # "the US announced a naval coalition": whoever set a thing up owns it
            founder, _ = subject_of(noun.head)
            found = self.resolver.resolve(founder) if founder is not None else []
            if found:
                return found
        for doer in by_agents(noun, None if preps else AGENT_VERBS):
            # "the sanctions imposed by the US", "strikes launched by Israel hit ...": whoever
            # did a thing to it owns it
            found = self.resolver.resolve(doer) or self.owners(doer, depth + 1)
            if found:
                return found
        for prep in _owner_preps(noun) if preps else ():
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = self.resolver.resolve(pobj) or self.owners(pobj, depth + 1)
                if found:
                    return found
        return []

    def _noun_governor_subject(self, noun: Token) -> tuple[Token | None, str]:
        """A nominal trigger's actor from a support verb it is the object of ("held talks").

        Only verbs that make the noun their subject's own act pass the actor on: whoever
        "condemned the attack" or "blamed X for the attack" did not attack.
        """
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in CARRIER_NOUNS \
                and head.head.i != noun.i:
            tok, path = self._noun_governor_subject(head.head)
            return tok, f"of<{path}" if tok is not None else ""
        doers = by_agents(noun, AGENT_VERBS)
        if doers:  # "strikes launched by Israel", "the bombing, claimed by al-Shabaab"
            return doers[0], "acl>agent"
        if noun.dep_ in ("dobj", "attr", "oprd") and head.lemma_ in SUPPORT_VERBS:
            tok, path = subject_of(head)
            return tok, f"dobj<{path}" if tok is not None else ""
        if noun.dep_ == "nsubjpass" and head.lemma_ in SUPPORT_VERBS:
            # "the bombing was claimed by al-Shabaab", "raids were conducted by X"
            tok, path = subject_of(head)
            return tok, f"nsubjpass<{path}" if tok is not None else ""
        if noun.dep_ == "pobj" and head.lower_ == "in" and noun.lemma_ == "protest":
            # "resigned in protest", "shut their shops in protest": whoever did it protests
            done = head.head.head if head.head.dep_ == "dobj" else head.head
            tok, path = subject_of(done) if done.pos_ in ("VERB", "AUX") else (None, "")
            return tok, f"in-protest<{path}" if tok is not None else ""
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_ in PARTAKE_VERBS:
            tok, path = subject_of(head.head)
            return tok, f"pobj<{path}" if tok is not None else ""
        return None, ""
