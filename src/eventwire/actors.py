"""Actor resolution: noun phrases to (code, sector, name), with in-document coreference."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.gazetteer import GazEntry, Gazetteer
from eventwire.mentions import GazMatch, match_gazetteer
from eventwire.model import Mention
from eventwire.quotemarks import scan_quotes

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = {"country", "nation", "side", "state", "government", "neighbour", "neighbor"}
COUNTRY_NOUNS = {"country", "nation", "state", "republic", "kingdom"}
FOLLOW_PREPS = {"of", "on", "for"}
ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
COREF_WINDOW = 4  # sentences a pronoun may reach back


@dataclass
class Entity:
    """A discourse referent that later mentions may point back to."""

    mention: int
    code: str | None
    sector: str | None
    name: str | None
    person: bool
    plural: bool
    sentence: int
    surname: str | None = None
    subject: bool = False
    quoted: bool = False


class ActorResolver:
    """Resolves the actor noun phrases of one parsed document, in reading order."""

    def __init__(self, doc: Doc, gaz: Gazetteer, published: dt.date | None):
        self.doc = doc
        self.gaz = gaz
        self.published = published
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self.by_head: dict[int, list[int]] = {}
        self.sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        self.matches: dict[int, GazMatch] = {}
        self.quoted = quoted_mask(doc)
        self.speakers: list[tuple[int, int, Mention]] = []
        self.fullest: dict[str, str] = {}
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
        for t in [token, *token.conjuncts]:
            head = self._head_of(t)
            if head.i not in self.by_head and head.lower_ in FIRST_PERSON:
                self._first_person(head)
            out.extend(self.mentions[i] for i in self.by_head.get(head.i, []))
        seen: set[tuple[str | None, str | None]] = set()
        unique = []
        for m in out:
            if (m.code or not coded_only) and (m.code, m.sector, m.name) not in seen:
                seen.add((m.code, m.sector, m.name))
                unique.append(m)
        return unique

    def resolve_place(self, token: Token) -> Mention | None:
        """A country a place-like phrase ("Moscow", "the Russian capital") stands in."""
        for m in self.resolve(token):
            return m
        for t in token.subtree:
            gm = self.matches.get(t.i)
            if gm and gm.entry.code and gm.entry.kind in ("demonym", "country", "metonym"):
                return self._mention(token, gm.entry.code, "GOV", None, "place", "place-modifier")
        return None

    # -- resolution ---------------------------------------------------------------------
    def _head_of(self, token: Token) -> Token:
        gm = self.matches.get(token.i)
        if gm is not None and token.head.i in range(gm.start, gm.end):
            return self.doc[gm.end - 1] if token.dep_ == "compound" else token.head
        return token

    def _sentence(self, token: Token) -> int:
        return self.sent_index.get(token.sent.start, 0)

    def _resolve_all(self) -> None:
        for token in self.doc:
            gm = self.matches.get(token.i)
            if gm is not None and gm.start <= token.head.i < gm.end and token.head is not token:
                continue  # inside a multi-word name; its root token speaks for it
            if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or gm is not None:
                if token.dep_ in ("compound", "amod") and token.head.pos_ in (
                        "NOUN", "PROPN") and token.head.i > token.i:
                    continue  # a modifier; resolved as part of its head's phrase
                for m in self._resolve_head(token):
                    self.by_head.setdefault(token.i, []).append(m)

    def _mention(self, head: Token, code: str | None, sector: str | None, name: str | None,
                 kind: str, rule: str, antecedent: int | None = None,
                 span: tuple[int, int] | None = None) -> Mention:
        start, end = span if span else _phrase_bounds(head)
        text = self.doc.text[start:end]
        return Mention(text=text, start=start, end=end, sentence=self._sentence(head), code=code,
                       sector=sector, name=name, kind=kind, rule=rule, antecedent=antecedent)

    def _add(self, mention: Mention, person: bool, plural: bool, surname: str | None = None,
             head: Token | None = None) -> int:
        self.mentions.append(mention)
        idx = len(self.mentions) - 1
        if mention.code or person:
            subject = head is not None and head.dep_ in ("nsubj", "nsubjpass")
            quoted = head is not None and self.quoted[head.i]
            self.entities.append(Entity(idx, mention.code, mention.sector, mention.name, person,
                                        plural, mention.sentence, surname, subject, quoted))
        return idx

    def _resolve_head(self, head: Token) -> list[int]:
        lower = head.lower_
        if head.pos_ == "PRON":
            return self._pronoun(head, lower)
        pair = self._pair(head)
        if pair:
            return pair
        found = self._phrase(head)
        if found is None:
            return []
        code, sector, name, kind, rule, person, plural, surname = found
        if code is None:
            ante = self._description(head, sector, person)
            if ante is None and person and name:
                # A named person we cannot place: kept for quotes and pronouns, not events.
                return [self._add(self._mention(head, None, sector, name, kind, rule), person,
                                  plural, surname, head)]
            if ante is None:
                return []
            e = self.entities[ante]
            mention = self._mention(head, e.code, sector or e.sector, e.name, "description",
                                    f"{rule}+coref", antecedent=e.mention)
            return [self._add(mention, person, plural, head=head)]
        if person and name is None:
            ante = self._same_person(head, code, sector)
            if ante is not None:
                e = self.entities[ante]
                mention = self._mention(head, code, sector or e.sector, e.name, "description",
                                        f"{rule}+coref", antecedent=e.mention)
                return [self._add(mention, person, plural, e.surname, head)]
        mention = self._mention(head, code, sector, name, kind, rule)
        return [self._add(mention, person, plural, surname, head)]

    def _phrase(self, head: Token) -> tuple | None:
        """Combine what the words of a noun phrase say: names, demonyms, titles, possessors."""
        code = sector = name = surname = None
        kind, rule = "name", ""
        person = plural = False
        is_actor = False
        left = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
        tokens = [*[x for t in left for x in t.subtree], head]
        for t in head.children:
            if t.dep_ == "appos":
                tokens.extend(t.subtree)
        seen: set[int] = set()
        for t in tokens:
            gm = self.matches.get(t.i)
            if gm is None or id(gm) in seen:
                continue
            seen.add(id(gm))
            e: GazEntry = gm.entry
            if e.kind == "person":
                office = e.office_on(self.published)
                code, name = (office.code if office else e.code), self._fullest(e.name, gm)
                sector = office.sector if office else e.sector
                kind, rule, person, is_actor = "person", "person-office", True, True
                surname = e.name.split()[-1].lower()
            elif e.kind == "sector":
                if sector is None or kind not in ("person", "institution", "igo", "group"):
                    sector = e.sector
                person = person or e.person_noun
                plural = plural or head.tag_ in ("NNS", "NNPS")
                is_actor = is_actor or gm.end - 1 == head.i or t.dep_ == "appos"
                rule = rule or "sector-noun"
            elif code is None or kind in ("demonym", "country", "metonym", "name"):
                if e.kind in ("institution", "igo", "group"):
                    code, kind, rule, is_actor = e.code, e.kind, e.kind, True
                    sector = e.sector or sector
                    name = self._fullest(e.name, gm)
                elif code is None:
                    code = e.code
                    is_head = gm.end - 1 == head.i
                    kind, rule = e.kind, e.kind
                    if is_head:
                        is_actor = True
                        sector = sector or e.sector
                        plural = e.plural
        if head.ent_type_ == "PERSON" and name is None:
            is_actor, person, kind, rule = True, True, "person", rule or "person-name"
            name = _entity_text(head)
            surname = head.lower_
            known = self._known_surname(head)
            if known is not None and code is None:
                e2 = self.entities[known]
                code, sector, name = e2.code, sector or e2.sector, e2.name
                rule = "surname+coref"
        if not is_actor:
            return None
        if code is None:
            code, sector2 = self._possessor(head)
            sector = sector or sector2
            if code:
                rule += "+possessor"
            else:
                code, sector2 = self._of_phrase(head, 0)
                if code:
                    sector = sector or sector2
                    rule += "+of"
        return code, sector, name, kind, rule, person, plural, surname

    def _fullest(self, key: str, gm: GazMatch) -> str:
        """The fullest form of a known name that this document has used so far."""
        surface = self.doc[gm.start:gm.end].text
        best = self.fullest.get(key)
        if best is None or len(surface) > len(best):
            self.fullest[key] = best = surface
        return best

    def _possessor(self, head: Token) -> tuple[str | None, str | None]:
        for child in head.children:
            if child.dep_ == "poss":
                got = self.resolve(child) if child.pos_ == "PRON" else self._lookup_mod(child)
                if got:
                    m = got[0]
                    return m.code, (m.sector if head.lemma_ == "counterpart" else None)
        return None, None

    def _lookup_mod(self, token: Token) -> list[Mention]:
        gm = self.matches.get(token.i)
        if gm and gm.entry.code:
            return [Mention(text=token.text, start=token.idx, end=token.idx + len(token),
                            sentence=0, code=gm.entry.code, sector=gm.entry.sector)]
        return self.resolve(token)

    def _of_phrase(self, head: Token, depth: int) -> tuple[str | None, str | None]:
        if depth > 2:
            return None, None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in FOLLOW_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    gm = self.matches.get(pobj.i)
                    if gm and gm.entry.code:
                        return gm.entry.code, gm.entry.sector
                    code, sector = self._of_phrase(pobj, depth + 1)
                    if code:
                        return code, sector
        return None, None

    # -- coreference --------------------------------------------------------------------
    def _recent(self, sentence: int, pred) -> int | None:
        for k in range(len(self.entities) - 1, -1, -1):
            e = self.entities[k]
            if sentence - e.sentence > COREF_WINDOW:
                return None
            if pred(e):
                return k
        return None

    def _salient(self, head: Token, pred) -> int | None:
        """The most salient fitting entity: subjects, repeated and recent ones score higher."""
        s = self._sentence(head)
        inside = self.quoted[head.i]
        counts: dict[str | None, int] = {}
        best, best_score = None, float("-inf")
        for k, e in enumerate(self.entities):
            if s - e.sentence > COREF_WINDOW or not pred(e) or (e.quoted and not inside):
                continue
            counts[e.name or e.code] = counts.get(e.name or e.code, 0) + 1
            score = (2.0 if e.subject else 0.0) - (s - e.sentence) \
                + 0.5 * min(counts[e.name or e.code], 4) + 0.001 * k
            if score >= best_score:
                best, best_score = k, score
        return best

    def _pronoun(self, head: Token, lower: str) -> list[int]:
        if lower in PERSON_PRONOUNS:
            k = self._salient(head, lambda e: e.person)
        elif lower in PLURAL_PRONOUNS:
            k = self._salient(head, lambda e: e.plural or not e.person)
        elif lower in THING_PRONOUNS:
            k = self._salient(head, lambda e: not e.person and not e.plural)
        else:
            return []
        if k is None:
            return []
        e = self.entities[k]
        m = self._mention(head, e.code, e.sector, e.name, "pronoun", "pronoun-coref",
                          antecedent=e.mention, span=(head.idx, head.idx + len(head)))
        self.mentions.append(m)
        return [len(self.mentions) - 1]

    def _first_person(self, head: Token) -> None:
        for start, end, sp in self.speakers:
            if start <= head.idx < end and sp.code:
                m = self._mention(head, sp.code, sp.sector, sp.name, "pronoun", "quote-speaker",
                                  span=(head.idx, head.idx + len(head)))
                self.mentions.append(m)
                self.by_head.setdefault(head.i, []).append(len(self.mentions) - 1)
                return

    def _pair(self, head: Token) -> list[int]:
        """"the two countries", "both sides": the last two distinct states mentioned."""
        if head.lemma_ not in PAIR_NOUNS or not any(c.lower_ in PAIR_WORDS for c in head.lefts):
            return []
        codes: list[Entity] = []
        for e in reversed(self.entities):
            if e.code and not e.person and e.code not in {c.code for c in codes}:
                codes.append(e)
            if len(codes) == 2:
                break
        if len(codes) < 2:
            return []
        out = []
        for e in codes:
            m = self._mention(head, e.code, "GOV", e.name, "description", "pair-coref",
                              antecedent=e.mention)
            self.mentions.append(m)
            out.append(len(self.mentions) - 1)
        return out

    def _description(self, head: Token, sector: str | None, person: bool) -> int | None:
        """"the minister", "the country": the latest entity that fits the description."""
        if not any(c.lower_ in ("the", "this", "that") for c in head.lefts):
            return None
        s = self._sentence(head)
        if head.lemma_ in COUNTRY_NOUNS:
            return self._recent(s, lambda e: not e.person and e.sector in ("GOV", None))
        if person:
            return self._recent(s, lambda e: e.person and (sector is None or e.sector == sector))
        return self._recent(s, lambda e: sector is not None and e.sector == sector)

    def _same_person(self, head: Token, code: str, sector: str | None) -> int | None:
        s = self._sentence(head)
        return self._recent(s, lambda e: e.person and e.code == code and e.name is not None
                            and (sector is None or e.sector in (sector, None)))

    def _known_surname(self, head: Token) -> int | None:
        last = head.lower_
        for k in range(len(self.entities) - 1, -1, -1):
            if self.entities[k].surname == last:
                return k
        return None


def quoted_mask(doc: Doc) -> list[bool]:
    """Which tokens sit inside quotation marks: antecedents there rarely bind pronouns outside."""
    mask = [False] * len(doc)
    for q in scan_quotes(doc.text):
        span = doc.char_span(q.open, q.close, alignment_mode="expand")
        if span is not None:
            for t in span:
                mask[t.i] = True
    return mask


def _entity_text(token: Token) -> str:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _phrase_bounds(head: Token) -> tuple[int, int]:
    """Character bounds of a head's noun phrase without clauses and prepositions."""
    keep = [t for t in head.lefts if t.dep_ not in ("punct", "cc", "prep", "relcl")]
    first = min([head.i, *[t.left_edge.i for t in keep]])
    doc = head.doc
    while first < head.i and doc[first].dep_ in ("det", "punct") and doc[first].lower_ in (
            "the", "a", "an", ",", '"'):
        first += 1
    start = doc[first].idx
    return start, head.idx + len(head)
