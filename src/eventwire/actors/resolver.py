"""Actor resolution: noun phrases to (code, sector, name), through coreference when needed."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from eventwire.actors.acronyms import Defined, defined_after
from eventwire.actors.claims import claim_subjects, nearest_claimant
from eventwire.actors.coref import FIRST_PERSON, Discourse, Entity
from eventwire.actors.descriptions import DescriptionReader, indefinite
from eventwire.actors.groups import GroupReader
from eventwire.actors.mentions import GazMatch, match_gazetteer
from eventwire.actors.phrases import (
    DESCRIPTION_NOUNS,
    Reading,
)
from eventwire.actors.whereabouts import PlaceReader
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.model import Mention
from eventwire.nlp import deadline
from eventwire.nlp.parsed import (
    coordinated,
    examples_of,
    phrase_bounds,
    sentence_index,
    sentence_of,
    text_of,
)
from eventwire.nlp.quotemarks import quoted_mask, scan_quotes

DESCRIPTION_FITS = {
    "state": lambda e: e.sector in ("GOV", None),
    "group": lambda e: e.sector in ("REB", "PTY", "OPP", "NGO", "CVL"),
    "igo": lambda e: e.sector in ("IGO", "JUD"),
}
RELATIVES = {"which", "who", "that"}  # relative pronouns, standing for the noun they modify
HONORIFICS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "madam": "she", "sir": "he"}


class ActorResolver(GroupReader, PlaceReader, DescriptionReader):
    """Resolves the actor noun phrases of one parsed document, in reading order."""

    def __init__(self, doc: Doc, gaz: Gazetteer, published: dt.date | None):
        self.doc = doc
        self.gaz = gaz
        self.published = published
        self.mentions: list[Mention] = []
        self.discourse = Discourse()
        self.by_head: dict[int, list[int]] = {}
        self.quoted = quoted_mask(doc, scan_quotes(text_of(doc)))
        self.speakers: list[tuple[int, int, Mention]] = []
        self.fullest: dict[str, str] = {}
        self.matches: dict[int, GazMatch] = {}
        self.acronyms: dict[str, Defined] = {}
        self._claimants: list[tuple[int, list[Mention]]] | None = None
        for m in match_gazetteer(doc, gaz):
            for i in range(m.start, m.end):
                self.matches[i] = m
        self._resolve_all()

    # -- public -------------------------------------------------------------------------
    def add_speaker(self, start: int, end: int, speaker: Mention) -> None:
        """Declare who speaks in a quotation, so "we" and "I" inside it resolve to them."""
        self.speakers.append((start, end, speaker))

    def resolve(self, token: Token, coded_only: bool = True) -> list[Mention]:
        """The actor mention(s) a role token stands for (conjuncts give several)."""
        out: list[Mention] = []
        for t in dict.fromkeys(coordinated(token) + self._name_conjuncts(token)):
            head = self._head_of(t)
            if head.i not in self.by_head and head.pos_ == "PRON" and head.lower_ in FIRST_PERSON:
                self._first_person(head)
            out.extend(self.mentions[i] for i in self.by_head.get(head.i, []))
        if not any(m.code for m in out):
            for t in examples_of(token):  # "allies such as Germany": the named ones act
                out.extend(self.mentions[i] for i in self.by_head.get(self._head_of(t).i, []))
        seen: set[tuple[str | None, str | None, str | None]] = set()
        unique = []
        for m in out:
            if (m.code or not coded_only) and (m.code, m.sector, m.name) not in seen:
                seen.add((m.code, m.sector, m.name))
                unique.append(m)
        return unique

    def _name_conjuncts(self, token: Token) -> list[Token]:
        """"Barack Obama and Xi Jinping" mis-parsed: a conjunct hung on an inner name word."""
        gm = self.matches.get(token.i)
        if gm is None:
            return []
        return [c for t in self.doc[gm.start:gm.end] if t.i != token.i for c in t.conjuncts
                if not gm.start <= c.i < gm.end]

    def claimed_attacker(self, trigger: Token) -> list[Mention]:
        """Who the article says carried out an attack it names with no attacker."""
        if self._claimants is None:
            self._claimants = [(sentence_index(t), found) for t in claim_subjects(self.doc)
                               if (found := self.resolve(t))]
        return nearest_claimant(trigger, self._claimants)

    def resolve_modifier(self, token: Token) -> list[Mention]:
        """A modifier read as an actor of its own ("US sanctions", "Turkish army deployments")."""
        found = self.resolve(token)
        if found:
            return found
        reading = self._read(token)
        if reading is None or reading.code is None:
            return []
        # A bare "Iranian" or "US" owning an act speaks for the state.
        sector = reading.sector or "GOV"
        return [self._mention(token, code, sector, reading.name, reading.kind,
                              reading.rule + "+modifier")
                for code in [reading.code, *reading.more_codes]]

    # -- the walk through the document ---------------------------------------------------
    def _resolve_all(self) -> None:
        pending: list[list[Token]] = []  # coordinations whose group is formed once read
        for token in self.doc:
            deadline.check()
            while pending and max(c.i for c in pending[0]) < token.i:
                self._group(pending.pop(0))
            gm = self.matches.get(token.i)
            inside = gm is not None and gm.start <= token.head.i < gm.end
            if inside and token.head.i != token.i:
                continue  # inside a multi-word name; its root token speaks for it
            if not (token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or gm is not None):
                continue
            first = token
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ in ("compound", "amod") and first.head.pos_ in ("NOUN", "PROPN") \
                    and first.head.i > first.i:
                continue  # a modifier; resolved as part of its head's phrase
            ids = self._resolve_head(token)
            if ids:
                self.by_head.setdefault(token.i, []).extend(ids)
            if token.dep_ != "conj" and any(c.dep_ == "conj" for c in token.children):
                pending.append([token, *token.conjuncts])
        for chain in pending:
            self._group(chain)

    def _resolve_head(self, head: Token) -> list[int]:
        if head.pos_ == "PRON":
            return self._pronoun(head)
        pair = self._pair(head) or self._joined_people(head)
        if pair:
            return pair
        r = self._read(head)
        if (r is None or r.code is None) and head.text in self.acronyms:
            return self._acronym(head, self.acronyms[head.text])
        if r is None:
            return self._unnamed_speaker(head)
        if r.code is None:
            return self._description(head, r)
        if r.person and r.name is None and not r.more_codes and not indefinite(head):
            e = self.discourse.recent(self._sentence(head), lambda e: (
                e.person and not e.members and e.code == r.code and e.name is not None
                and (r.sector is None or e.sector in (r.sector, None))))
            if e is not None:
                m = self._mention(head, r.code, r.sector or e.sector, e.name, "description",
                                  f"{r.rule}+coref", antecedent=e.mention)
                return [self._add(m, r, head, e.key)]
        ids = [self._add(self._mention(head, code, r.sector, r.name, r.kind, r.rule), r, head)
               for code in [r.code, *r.more_codes]]
        self._define_acronym(head, r)
        return ids

    # -- acronyms the article defines ------------------------------------------------------
    def _define_acronym(self, head: Token, r: Reading) -> None:
        """"the Haitian National Police (HNP)": later "HNP" is the same actor."""
        gm = self.matches.get(head.i)
        acronym = defined_after(self.doc, gm.end if gm is not None else head.i + 1)
        if acronym is not None and r.code is not None and not r.more_codes and not r.person:
            self.acronyms.setdefault(acronym.text, Defined(r.code, r.sector, r.name))

    def _acronym(self, head: Token, d: Defined) -> list[int]:
        m = self._mention(head, d.code, d.sector, d.name, "name", "acronym")
        return [self._add(m, Reading(code=d.code, sector=d.sector, name=d.name, kind="name",
                                     rule="acronym", actor=True), head)]

    # -- coreference --------------------------------------------------------------------
    def _pronoun(self, head: Token) -> list[int]:
        if head.lower_ in ("it", "its") and (self._thing_was_subject(head)
                                             or self._thing_just_acted_on(head)):
            return []
        e = self._teller(head) or self.discourse.pronoun(
            head.lower_, self._sentence(head), self.quoted[head.i],
            head.dep_ in ("nsubj", "nsubjpass"), self._coargument(head))
        if e is None:
            return []
        self.discourse.continued(e, self._sentence(head), head.dep_ in ("nsubj", "nsubjpass"),
                                 head.lower_, self.quoted[head.i], _clause_depth(head))
        return self._point_to(head, e, "pronoun", "pronoun-coref",
                              (head.idx, head.idx + len(head)))

    def _teller(self, head: Token) -> Entity | None:
        """"Hungary, which blocked aid for Ukraine, said it would not ...", "the Israeli army
        said it struck ...": "it" subject of what a state or body says is that teller."""
        if head.lower_ != "it" or head.dep_ not in ("nsubj", "nsubjpass") \
                or head.head.dep_ != "ccomp":
            return None
        for c in head.head.head.children:
            if c.dep_ == "nsubj" and c.i < head.i:
                found = [i for i in self.by_head.get(self._head_of(c).i, [])
                         if self.mentions[i].code and self.mentions[i].kind != "person"]
                ents = self.discourse.by_mention.get(found[0], []) if found else []
                return next((e for e in ents if not e.person and not e.members), None)
        return None

    def _coargument(self, head: Token) -> set[str]:
        """"She urged him": an object pronoun is not its own clause's subject."""
        return {m.name or m.code or "" for m in self._clause_subjects(head)}

    def _clause_subjects(self, head: Token) -> list[Mention]:
        """The subjects of an object's clause; a participle or infinitive with none of its own
        ("imposed sanctions on them, accusing them of ...") shares its head verb's."""
        if head.dep_ not in ("dobj", "dative", "iobj"):
            return []
        return self._subjects_of(head.head)

    def _subjects_of(self, verb: Token) -> list[Mention]:
        """The subjects of a verb's clause, or of the verb a subjectless one hangs on."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        while not subjects and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "the Red Cross, which helped transport them": the relative's noun
        subjects = [verb.head if t.lower_ in RELATIVES and verb.dep_ == "relcl" else t
                    for t in subjects]
        return [m for t in subjects for m in self.resolve(t, False)]

    def _thing_was_subject(self, head: Token) -> bool:
        """"The coast was hit by a typhoon. It destroyed ...": "it" continues a non-actor topic."""
        sent = sentence_of(head)
        prev = sentence_of(self.doc[sent.start - 1]) if sent.start > 0 else None
        if prev is None or any(self.mentions[i].code for t in sent if t.i < head.i
                               for i in self.by_head.get(t.i, [])):
            return False  # "Floods hit X. Japan said it would ...": its own sentence's actor
        subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        return bool(subjects) and all(not self.by_head.get(t.i) for t in subjects) and all(
            t.pos_ == "NOUN" for t in subjects)

    def _thing_just_acted_on(self, head: Token) -> bool:
        """"seized a tanker, accusing its crew", "shot down a drone and recovered its parts":
        "its" of an object in a clause joined to one whose own object is a thing (no actor)
        is that thing's."""
        if head.dep_ != "poss" or head.head.dep_ not in ("dobj", "pobj"):
            return False  # "..., and its army shelled": the subject's owner is an actor
        verb = head.head.head
        if verb.dep_ not in ("advcl", "conj") or verb.pos_ != "VERB":
            return False
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.tag_ == "NN" and c.i < head.i
                   and not self.by_head.get(c.i) for c in verb.head.children)

    def _point_to(self, head: Token, e: Entity, kind: str, rule: str,
                  span: tuple[int, int] | None = None, sector: str | None = None) -> list[int]:
        """Mentions for a phrase that refers back to an entity (or to each member of a group)."""
        out = []
        for ante in e.members or (e.mention,):
            t = self.mentions[ante]
            code, name = (t.code, t.name) if e.members else (e.code, e.name)
            sec = sector or (t.sector if e.members else e.sector)
            self.mentions.append(self._mention(head, code, sec, name, kind, rule, ante, span))
            out.append(len(self.mentions) - 1)
        return out

    def _first_person(self, head: Token) -> None:
        for start, end, sp in self.speakers:
            if start <= head.idx < end and sp.code:
                m = self._mention(head, sp.code, sp.sector, sp.name, "pronoun", "quote-speaker",
                                  span=(head.idx, head.idx + len(head)))
                self.mentions.append(m)
                self.by_head.setdefault(head.i, []).append(len(self.mentions) - 1)
                return


    def _antecedent(self, head: Token, r: Reading) -> tuple[Entity | None, bool]:
        """The referent a definite description points to, and whether it keeps its own sector."""
        s = self._sentence(head)
        recent = self.discourse.recent
        if r.plural:
            # "the foreign ministers" point back to a group of people, "the countries" to states.
            entry = self.gaz.lookup(head.lemma_.lower())
            personal = r.person or bool(entry and entry.person_noun)
            own = {m.code for m in self._clause_subjects(head)}  # "Turkey invited the countries"

            def group(e: Entity) -> bool:
                return bool(e.members) and not own & {self.mentions[i].code for i in e.members}

            # a group that acted (the subject) before one merely named ("mediated by A and B")
            e = recent(s, lambda e: group(e) and e.person == personal and e.subject) or \
                recent(s, lambda e: group(e) and e.person == personal)
            state_noun = DESCRIPTION_NOUNS.get(head.lemma_) == "state"
            if e is None and state_noun:
                e = recent(s, group)  # the states of the ministers named
            if e is not None or state_noun:
                return e, False  # "the countries" are never one state
        if head.lemma_ in DESCRIPTION_NOUNS:
            fits = DESCRIPTION_FITS[DESCRIPTION_NOUNS[head.lemma_]]

            own = {m.code for m in self._object_clause_subjects(head)}

            body = DESCRIPTION_NOUNS[head.lemma_] == "igo"

            def kind(e: Entity) -> bool:
                # "NATO chief Mark Rutte ... the alliance": the body its head speaks for
                return (not e.person or body and e.sector == "IGO") and not e.members \
                    and e.code is not None and fits(e) and e.code not in own
            # "Saudi Arabia restored ties with Iran. The kingdom also agreed ...", "Hamas handed
            # the bodies to the Red Cross. Israel accused the group": the salient referent
            subject = head.dep_ in ("nsubj", "nsubjpass")
            return self.discourse.salient(s, self.quoted[head.i], kind, subject), False
        if r.person:
            # "an Interpol spokesperson ... The spokesperson added": the latest one so called,
            # whatever body they speak for, before anyone else of the title's sector
            lemma = head.lemma_.lower()
            same = recent(s, lambda e: e.person and not e.members and (
                e.head_lemma == lemma or self._titled(e, lemma)))
            return same or recent(s, lambda e: e.person and not e.members and (
                r.sector is None or e.sector == r.sector)), same is None
        lemma = head.lemma_.lower()
        # "the Parliament" is the parliament the article named, however long ago
        named = self.discourse.latest(lemma, lambda e: not e.members and not e.person)
        if named is not None or r.sector is None:
            return named, False  # "the ministry" after "Russia's Defence Ministry"
        same = recent(s, lambda e: e.sector == r.sector and not e.members
                      and not (r.plural and _individual(e)))  # "the leaders" are not one
        if same is not None:
            return same, True
        # "Pakistan ... The army said": the state just named, with the noun's own sector.
        return recent(s, lambda e: not e.person and not e.members and e.code is not None
                      and e.sector == "GOV" and s - e.sentence <= 1), True

    # -- bookkeeping --------------------------------------------------------------------
    def _head_of(self, token: Token) -> Token:
        gm = self.matches.get(token.i)
        if gm is not None and token.head.i in range(gm.start, gm.end):
            return self.doc[gm.end - 1] if token.dep_ == "compound" else token.head
        return token

    def _sentence(self, token: Token) -> int:
        return sentence_index(token)

    def _mention(self, head: Token, code: str | None, sector: str | None, name: str | None,
                 kind: str, rule: str, antecedent: int | None = None,
                 span: tuple[int, int] | None = None) -> Mention:
        start, end = span if span else phrase_bounds(head)
        gm = self.matches.get(head.i)
        if span is None and gm is not None:
            start = min(start, self.doc[gm.start].idx)
            end = max(end, self.doc[gm.end - 1].idx + len(self.doc[gm.end - 1]))
        return Mention(text=text_of(self.doc)[start:end], start=start, end=end,
                       sentence=self._sentence(head), code=code, sector=sector, name=name,
                       kind=kind, rule=rule, antecedent=antecedent)

    def _add(self, mention: Mention, r: Reading, head: Token, key: str | None = None) -> int:
        self.mentions.append(mention)
        idx = len(self.mentions) - 1
        if mention.code or r.person:
            if r.person:
                self._honorific(head, r.key or mention.name or mention.code)
            self.discourse.add(Entity(
                idx, mention.code, mention.sector, mention.name, r.person, r.plural,
                mention.sentence, key or r.key, _subject_like(head),
                self.quoted[head.i], head_lemma=head.lemma_.lower(), depth=_clause_depth(head)))
        return idx


    def _honorific(self, head: Token, ident: str | None) -> None:
        """"Mr. Petrov", "Ms. Alinejad": the title says which pronoun the person takes."""
        before = self.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
        words = [t.lower_.rstrip(".") for t in (*head.lefts, before) if t is not None]
        said = next((HONORIFICS[w] for w in words if w in HONORIFICS), None)
        if ident and said:
            self.discourse.gender.setdefault(ident, said)


def _individual(e: Entity) -> bool:
    """One named person ("William Ruto"), not a group the knowledge calls people ("Houthis")."""
    return e.person and not e.plural and " " in (e.name or "")


def _subject_like(head: Token) -> bool:
    """A clause's subject, or the source of "According to Dr. Reed, the outbreak is ...": the one
    a report is told by is as salient for the next "he said" as a subject."""
    if head.dep_ in ("nsubj", "nsubjpass"):
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0 and \
        prep.doc[prep.i - 1].lower_ == "according"


def _clause_depth(head: Token) -> int:
    """How many clauses down from its sentence's main clause a word stands: the subject of the
    main clause is the center the next pronoun continues."""
    return sum(1 for t in head.ancestors if t.pos_ in ("VERB", "AUX"))
