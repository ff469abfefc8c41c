"""Actor resolution: noun phrases to (code, sector, name), through coreference when needed."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from eventwire.actors.acronyms import Defined, defined_after
from eventwire.actors.claims import claim_subjects, nearest_claimant
from eventwire.actors.coref import FIRST_PERSON, Discourse, Entity
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
DEFINITE = {"the", "this", "that", "these", "those"}
# "a spokesperson", "one official": someone new, never the person the article named before.
INDEFINITE = {"a", "an", "another", "one"}
# Sectors whose bare definite mention ("the police", "the protesters") belongs to the story's
# country when nothing nearer places it.
HOME_SECTORS = {"COP", "CVL", "OPP", "LEG", "JUD"}
# State nouns that, left without an antecedent near, are the state the story is about
# ("the government", "the authorities", "the ministry"), as are a state's forces of order
# ("security forces": they act at home, unlike "troops" or "forces").
HOME_STATE_SECTORS = {"GOV"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
DOMESTIC_FORCES = {"security forces", "security services", "riot police"}
# People who by definition come from elsewhere: never the story country's by default.
FROM_ELSEWHERE = {"refugee", "migrant", "exile", "expatriate", "foreigner", "tourist",
                  "pilgrim", "asylum-seeker"}
# Sectors whose people belong where they act: "police in Minsk", "protesters in Baghdad".
HONORIFICS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "madam": "she", "sir": "he"}
# Verbs of speech whose unnamed subject is someone later pronouns may take up.
SPEECH_VERBS = {"say", "tell", "add", "lament", "explain", "recall", "complain", "confide",
                "insist", "admit", "note", "write", "ask", "reply", "warn", "describe"}
# Things that speak in the news but are no one: "the report said", "a statement added".
NOT_SPEAKERS = {"report", "statement", "study", "survey", "document", "letter", "editorial",
                "post", "tweet", "release", "ruling", "order", "law", "poll", "article", "memo",
                "message", "notice", "text", "filing", "complaint", "court", "government",
                "ministry", "company", "firm", "agency", "group", "newspaper", "paper"}
LOCAL_SECTORS = {"COP", "JUD", "LEG", "SPY", "GOV", "CVL", "OPP", "EDU", "BUS", "JRN", "NGO",
                 "PTY", "REB"}


class ActorResolver(GroupReader, PlaceReader):
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
        if r.person and r.name is None and not r.more_codes and not _indefinite(head):
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
        if head.lower_ in ("it", "its") and self._thing_was_subject(head):
            return []
        e = self.discourse.pronoun(head.lower_, self._sentence(head), self.quoted[head.i],
                                   head.dep_ in ("nsubj", "nsubjpass"), self._coargument(head))
        if e is None:
            return []
        self.discourse.continued(e, self._sentence(head), head.dep_ in ("nsubj", "nsubjpass"),
                                 head.lower_, self.quoted[head.i])
        return self._point_to(head, e, "pronoun", "pronoun-coref",
                              (head.idx, head.idx + len(head)))

    def _coargument(self, head: Token) -> set[str]:
        """"She urged him": an object pronoun is not its own clause's subject."""
        return {m.name or m.code or "" for m in self._clause_subjects(head)}

    def _clause_subjects(self, head: Token) -> list[Mention]:
        if head.dep_ not in ("dobj", "dative", "iobj"):
            return []
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [m for t in subjects for m in self.resolve(t, False)]

    def _thing_was_subject(self, head: Token) -> bool:
        """"The coast was hit by a typhoon. It destroyed ...": "it" continues a non-actor topic."""
        sent = sentence_of(head)
        prev = sentence_of(self.doc[sent.start - 1]) if sent.start > 0 else None
        if prev is None:
            return False
        subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        return bool(subjects) and all(not self.by_head.get(t.i) for t in subjects) and all(
            t.pos_ == "NOUN" for t in subjects)

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

    def _description(self, head: Token, r: Reading) -> list[int]:
        """"the minister", "the kingdom", "the foreign ministers": the latest referent that fits."""
        definite = any(c.lower_ in DEFINITE for c in head.lefts)
        e, own = self._antecedent(head, r) if definite else (None, False)
        if e is not None:
            # A title or "the army" after a state keeps its own sector; "the ministry" its
            # antecedent's.
            sector = None if e.members else (r.sector if own and r.sector else e.sector)
            return self._point_to(head, e, "description", f"{r.rule}+coref", sector=sector)
        order = _forces_of_order(head)
        place = self._own_place(head) if r.sector in LOCAL_SECTORS | {"MIL"} else None
        if place is None and (r.sector in LOCAL_SECTORS or order):
            place = self._clause_place(head)
        if place is not None:
            # "Police arrested protesters in Minsk": the state where it happens acts.
            return [self._add(self._mention(head, place, r.sector, r.name, "description",
                                            f"{r.rule}+clause-place"), r, head)]
        # "the police", and a bare plural ("protesters clashed", "locals helped"), but not
        # counted people ("killing twenty people") nor those from elsewhere ("refugees")
        unmarked = not any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in head.lefts)
        bare = head.tag_ == "NNS" and head.lemma_ not in FROM_ELSEWHERE and unmarked
        state = r.sector in HOME_STATE_SECTORS and not r.person and (
            head.lemma_ not in DESCRIPTION_NOUNS or head.lemma_ == "government") or order
        # "'illegal' government is confiscating": a bare singular state noun is definite
        definite = definite or (state and unmarked and head.tag_ == "NN")
        home = self.story_country(head, whole=state) \
            if (r.sector in HOME_SECTORS or state) and (definite or bare) else None
        if home is not None:
            # "... Serbia ... The protesters clashed with the police": the story's own.
            return [self._add(self._mention(head, home.code, r.sector, None, "description",
                                            f"{r.rule}+story-country", home.mention), r, head)]
        titled = self._titled_by(head) if r.person and r.name else None
        if titled is not None:
            # "The U.N. envoy to Haiti, Helen La Lime": the name holds the title's place.
            title = self.mentions[titled]
            # a title names an office: the body's own (IGO), else its state's
            r.code, r.sector = title.code, r.sector or title.sector or (
                "GOV" if title.code in self.gaz.countries else "IGO")
            return [self._add(self._mention(head, r.code, r.sector, r.name, r.kind,
                                            f"{r.rule}+appos-title", titled), r, head)]
        if r.person and r.name:
            # A named person we cannot place: kept for quotes and pronouns, not for events.
            return [self._add(self._mention(head, None, r.sector, r.name, r.kind, r.rule), r,
                              head)]
        return self._unnamed_speaker(head) if r.person else []

    def _titled_by(self, head: Token) -> int | None:
        """The coded title a name stands in apposition to ("the U.N. envoy for Sudan, X",
        "Kenya's ambassador, X"), when the title names no other person; a name the parser
        hung on the title's place ("envoy for Sudan, X") belongs to the title."""
        if head.dep_ != "appos":
            return None
        title = head.head
        if title.dep_ == "pobj" and self._only_places(title):
            title = title.head.head
        # "the head of the U.N. mission in Somalia, X": a title without its own code has its
        # body's
        holders = [title, *(p for c in title.children if c.dep_ == "prep" and c.lower_ in (
            "of", "for", "at") for p in c.children if p.dep_ == "pobj")]
        return next((i for t in holders for i in self.by_head.get(t.i, [])
                     if self.mentions[i].code and self.mentions[i].kind != "person"), None)

    def _only_places(self, token: Token) -> bool:
        found = [self.mentions[i] for i in self.by_head.get(token.i, [])]
        return bool(found) and all(m.kind in ("country", "metonym", "place") for m in found)

    def _unnamed_speaker(self, head: Token) -> list[int]:
        """"a pilot lamented", "one farmer told us": someone new and unnamed who speaks is a
        referent for the "he" or "she" that follows (named by the description, never coded)."""
        verb = head.head
        if not (head.dep_ == "nsubj" and head.tag_ == "NN" and verb.lemma_ in SPEECH_VERBS
                and not self.quoted[head.i] and head.lemma_ not in NOT_SPEAKERS
                and _indefinite(head)):
            return []
        left = min([head.i] + [t.i for c in head.lefts for t in c.subtree])
        right = max([head.i] + [t.i for c in head.rights if c.dep_ == "prep"
                                and c.lower_ in ("of", "within", "from", "at") for t in c.subtree])
        r = Reading(person=True, kind="description", rule="unnamed-speaker",
                    name=self.doc[left : right + 1].text)
        return [self._add(self._mention(head, None, None, r.name, r.kind, r.rule), r, head)]

    def story_country(self, token: Token, people: bool = True,
                      other_than: frozenset[str] = frozenset(), whole: bool = False
                      ) -> Entity | None:
        """The country the last few sentences before a token are about, if one was named
        (a named person's country too, unless `people` is False); with `whole`, named by
        its state or institutions ("33 Russian individuals" do not make a story Russian).

        Not, failing that, the country the article names most: tried, that placed acts
        in the wrong state more often than in the right one."""
        s = self._sentence(token)

        # Named before the token, and not a source ("according to The Guardian").
        def fits(e: Entity) -> bool:
            return e.sentence <= s and e.code is not None and e.code in self.gaz.countries \
                and not e.members and e.sector not in ("IGO", "JRN") and not e.quoted \
                and self.mentions[e.mention].start < token.idx \
                and (people or not e.person) and e.code not in other_than \
                and (not whole or e.sector in STATE_SECTORS)

        return self.discourse.recent(s, fits)

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
            return recent(s, lambda e: not e.person and not e.members and e.code is not None
                          and fits(e)), False
        if r.person:
            # "an Interpol spokesperson ... The spokesperson added": the latest one so called,
            # whatever body they speak for, before anyone else of the title's sector
            lemma = head.lemma_.lower()
            same = recent(s, lambda e: e.person and not e.members and e.head_lemma == lemma)
            return same or recent(s, lambda e: e.person and not e.members and (
                r.sector is None or e.sector == r.sector)), same is None
        lemma = head.lemma_.lower()
        # "the Parliament" is the parliament the article named, however long ago
        named = self.discourse.latest(lemma, lambda e: not e.members and not e.person)
        if named is not None or r.sector is None:
            return named, False  # "the ministry" after "Russia's Defence Ministry"
        same = recent(s, lambda e: e.sector == r.sector and not e.members)
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
                mention.sentence, key or r.key, head.dep_ in ("nsubj", "nsubjpass"),
                self.quoted[head.i], head_lemma=head.lemma_.lower()))
        return idx


    def _honorific(self, head: Token, ident: str | None) -> None:
        """"Mr. Petrov", "Ms. Alinejad": the title says which pronoun the person takes."""
        before = self.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
        words = [t.lower_.rstrip(".") for t in (*head.lefts, before) if t is not None]
        said = next((HONORIFICS[w] for w in words if w in HONORIFICS), None)
        if ident and said:
            self.discourse.gender.setdefault(ident, said)


def _forces_of_order(head: Token) -> bool:
    """"security forces", "the riot police": a state's forces of order act at home."""
    words = [t.lower_ for t in head.lefts if t.dep_ == "compound"] + [head.lower_]
    return " ".join(words[-2:]) in DOMESTIC_FORCES


def _indefinite(head: Token) -> bool:
    """'a DHS spokesperson', 'an Interpol official', 'one diplomat': a new referent."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in head.lefts)
