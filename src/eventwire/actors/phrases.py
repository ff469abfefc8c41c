"""Reading a noun phrase: what its names, demonyms, titles and possessors say about an actor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.coref import Discourse
from eventwire.actors.mentions import GazMatch
from eventwire.actors.standing import (
    FOLLOWER_HEADS,
    FORMER_SECTOR,
    OFFICE_SECTORS,
    followers_sector,
    past_title,
)
from eventwire.model import Mention
from eventwire.nlp.parsed import entity_at

# Nouns that refer back to an organisation already named: "the kingdom", "the bloc".
DESCRIPTION_NOUNS = {
    "country": "state", "nation": "state", "state": "state", "republic": "state",
    "kingdom": "state", "emirate": "state", "side": "state", "government": "state",
    "group": "group", "movement": "group", "militia": "group", "organisation": "group",
    "organization": "group", "faction": "group",
    "bloc": "igo", "alliance": "igo", "agency": "igo", "body": "igo",
}
FOLLOW_PREPS = {"of", "on", "for", "from"}
# "protesters in Baghdad" are Iraqi; "troops in Iraq" need not be.
LOCAL_PREPS = {"in", "throughout", "across"}
FOREIGN_SECTORS = {"MIL", "IGO", None}
# "pro-Russian separatists", "anti-American protesters": a stance toward a country.
STANCE_PREFIXES = {"pro", "anti"}
# "thousands of Iraqi Kurds", "hundreds of protesters": people counted.
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "score", "million", "ten", "number", "majority",
                  "handful"}  # "a number of Philippine senators condemned"
# Weapons act for whoever wields them: "Israeli army bulldozers demolished", "Russian jets".
WEAPON_HEADS = {"warplane", "jet", "fighter", "aircraft", "drone", "tank", "helicopter",
                "warship", "gunboat", "bulldozer", "artillery", "missile", "rocket", "bomber"}
# What a body issues speaks for it: "the Polish statement urged", "Iran's statement".
VOICE_NOUNS = {"statement", "communique", "communiqué", "declaration"}
# Heads that take their sector from a modifier: "opposition groups", "army leaders".
COLLECTIVE_HEADS = {"group", "member", "leader", "supporter", "figure", "representative",
                    "delegation", "official", "activist", "unit", "faction", "wing", "source",
                    "department", "spokesman", "spokeswoman", "spokesperson", "chief", "head",
                    "sympathizer", "sympathiser", "loyalist", "follower", "politician",
                    *VOICE_NOUNS, *QUANTITY_HEADS, *WEAPON_HEADS}
MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
NAMED_KINDS = ("person", "institution", "igo", "group")
PLACE_KINDS = ("demonym", "country", "metonym")
# Participles by which a noun names who leads it: "the government led by", "forces commanded by".
LEADING_VERBS = {"lead", "head", "run", "chair", "command", "dominate"}


# Titles of people the knowledge does not hold as sectors: an appositive so headed names a person.
PERSON_TITLES = frozenset("""director head chief chairman chairwoman chair founder co-founder
    coordinator researcher lawyer attorney activist professor editor member organizer
    organiser campaigner manager""".split())


@dataclass
class Reading:
    """What the words of one noun phrase say about an actor."""

    code: str | None = None
    sector: str | None = None
    name: str | None = None
    kind: str = "name"
    rule: str = ""
    person: bool = False
    plural: bool = False
    key: str | None = None
    actor: bool = False  # the phrase names an actor (not just a thing with a modifier)
    former: bool = False  # a title its holder has left ("former minister")
    serving: bool = False  # a known person in office on the publication day
    more_codes: list[str] = field(default_factory=list)  # "Greek, Cypriot and French ministers"


class PhraseReader:
    """The phrase-reading half of ActorResolver (which supplies the state it reads)."""

    doc: Doc
    published: dt.date | None
    matches: dict[int, GazMatch]
    discourse: Discourse
    fullest: dict[str, str]

    def resolve(self, token: Token, coded_only: bool = True) -> list[Mention]:
        raise NotImplementedError

    def resolve_modifier(self, token: Token) -> list[Mention]:
        raise NotImplementedError

    def _read(self, head: Token) -> Reading | None:
        """Combine what the words of a noun phrase say: names, demonyms, titles, possessors."""
        r = Reading()
        core = [x for t in head.lefts if t.dep_ in MODIFIER_DEPS for x in t.subtree] + [head]
        self._read_tokens(head, core, r)
        if r.code is None and not any(c.dep_ == "poss" for c in head.children):
            # (an owner decides first: "Macron's statement: '... at the G-7 ...'")
            appos = [x for t in head.children if t.dep_ == "appos" for x in t.subtree
                     if x.dep_ not in ("conj", "cc") or x.head.i == t.i]
            self._read_tokens(head, appos, r, appos=True)
        elif r.person and r.kind != "person":
            # "a State Department spokesperson, Morgan Ortagus": the title's holder is named;
            # the body's name is not the person's.
            r.name = None
            for t in head.children:
                if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"):
                    r.name, r.key, r.kind = entity_text(t), t.lower_, "person"
        # "Chad said": a lone country name the tagger took for a first name is the country.
        named_person = r.kind == "person" or (r.kind == "country" and self._lone_name(head)
                                              and not self._surname_before(head))
        if not named_person and (head.ent_type_ == "PERSON" or self._conjunct_of_person(head) or (
                r.name is None and head.pos_ == "PROPN"
                and self.discourse.by_key(head.lower_) is not None)
                or self._surname_as_noun(head, r)
                or self._titled_by_appositive(head, r)):
            # "State Department spokesperson Morgan Ortagus": the body places her, the name
            # is hers.
            self._read_person_name(head, r)
        if head.lemma_ in DESCRIPTION_NOUNS and not r.actor:
            r.actor, r.rule = True, r.rule or "description"
            r.plural = r.plural or head.tag_ in ("NNS", "NNPS")
            r.sector = r.sector or ("GOV" if DESCRIPTION_NOUNS[head.lemma_] == "state" else None)
        if r.former and r.person and not r.serving and r.sector in OFFICE_SECTORS:
            r.sector = FORMER_SECTOR
        collective = head.lemma_ in COLLECTIVE_HEADS
        if not r.actor and not collective:
            return None
        if r.code is None:
            r.code, sector = self._possessor(head)
            r.rule += "+possessor" if r.code else ""
            if r.code is None:
                local = r.sector not in FOREIGN_SECTORS or self._counts_locals(head)
                preps = FOLLOW_PREPS | (LOCAL_PREPS if local else set())
                r.code, sector = self._of_phrase(head, 0, preps)
                r.rule += "+of" if r.code else ""
                if r.code and head.tag_ == "NNS":  # "the foreign ministers of Egypt and Greece"
                    r.more_codes = self._of_conjunct_codes(head, r.code)
            if r.code is None:
                r.code = self._place_modifier(head)  # "Darfur rebels", "Tigray forces"
                r.rule += "+place" if r.code else ""
            if r.code is None:
                r.code = self._leader(head)  # "the coalition government led by Mario Draghi"
                r.rule += "+led-by" if r.code else ""
            # "a spokesman for the Pentagon", "members of the Duma": the body's sector.
            r.sector = (sector or r.sector) if collective else (r.sector or sector)
            if head.lemma_ in QUANTITY_HEADS and r.code is not None:
                # "thousands of Iraqi Kurds", "thousands throughout Kenya": people, not the state
                r.sector = self._counted_sector(head) or \
                    (r.sector if r.sector != "GOV" else None) or "CVL"
            r.actor = r.actor or (collective and r.code is not None)
        elif head.lemma_ in VOICE_NOUNS and r.kind in PLACE_KINDS:
            r.actor, r.sector = True, r.sector or "GOV"
        elif head.lemma_ in WEAPON_HEADS:
            r.actor, r.sector = True, r.sector or "MIL"
        if head.lemma_ in FOLLOWER_HEADS and r.actor:
            # "Trump supporters": people of the leader's country, never the leader
            r.name, r.key, r.person, r.plural = None, None, False, True
            r.kind = "description" if r.kind == "person" else r.kind
            r.sector = followers_sector(r.sector)
        return r if r.actor else None

    def _place_modifier(self, head: Token) -> str | None:
        """The country of a place named before a sector noun: "Darfur rebels" are Sudan's."""
        from eventwire.knowledge.placenames import resolve_place  # the gazetteer loads on first use

        for child in head.lefts:
            if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" \
                    and child.ent_type_ in ("GPE", "LOC", "") and child.i not in self.matches:
                # "Thames Valley Police": the place is the whole name, not "Valley"
                parts = [t for t in child.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
                place = resolve_place(" ".join(t.text for t in [*parts, child]),
                                      self.countries())
                if place is not None and place.country:
                    return place.country
        return None

    def _leader(self, head: Token) -> str | None:
        """The country of whoever a noun's own phrase says leads it ("the government led by
        Mario Draghi", "forces commanded by General Ruiz of Peru"): it names the noun's state,
        before any country named in earlier sentences."""
        for acl in head.children:
            if acl.dep_ != "acl" or acl.lemma_ not in LEADING_VERBS:
                continue
            for p in (p for a in acl.children if a.dep_ == "agent" for p in a.children
                      if p.dep_ == "pobj"):
                leader = self._read(p)
                if leader is not None and leader.code is not None:
                    return leader.code
        return None

    def _lone_name(self, head: Token) -> bool:
        """A place name with no name parts around it ("Chad", "Sri Lanka's", not "Chad Johnson")."""
        gm = self.matches.get(head.i)
        return gm is not None and not any(
            t.ent_type_ == "PERSON" for t in (self.doc[gm.start - 1:gm.start] if gm.start else [])
        ) and not any(t.dep_ in ("compound", "flat") and not gm.start <= t.i < gm.end
                      for t in head.children)

    def _surname_before(self, head: Token) -> bool:
        """"Tom Jordan ... Jordan told reporters": the surname of someone named before."""
        known = self.discourse.by_key(head.lower_)
        return known is not None and known.person

    def _surname_as_noun(self, head: Token, r: Reading) -> bool:
        """"Ben Radmall ... Radmall conceded": a capitalised word the tagger took for a common
        noun is the person named before whose surname it is."""
        return r.name is None and head.pos_ == "NOUN" and head.is_title \
            and not head.ent_type_ and self._surname_before(head)

    def _titled_by_appositive(self, head: Token, r: Reading) -> bool:
        """"Nop Vy, the association's executive director, told VOA": a proper noun whose
        appositive is a person's title is that person's name, whatever the tagger made of it."""
        return r.name is None and head.pos_ == "PROPN" and not head.ent_type_ \
            and head.is_title and any(t.dep_ == "appos" and t.pos_ == "NOUN" and (
                t.lemma_.lower() in PERSON_TITLES or bool(
                    (e := self.gaz.lookup(t.lemma_.lower())) and e.person_noun))
                for t in head.children)

    def _conjunct_of_person(self, head: Token) -> bool:
        """"Presidents Ruto of Kenya and Museveni of Uganda": a name joined to a person
        is a person, whatever label the tagger gave it."""
        if head.dep_ != "conj" or head.pos_ != "PROPN":
            return False
        first = head.head
        if first.dep_ == "pobj" and first.head.lower_ == "of":
            first = first.head.head  # attached to the first person's country instead
        return any(m.kind == "person" for m in self.resolve(first, coded_only=False))

    def _read_person_name(self, head: Token, r: Reading) -> None:
        """A person's name the knowledge does not hold; a known surname links it back."""
        own = self.matches.get(head.i)
        was_place = r.kind in PLACE_KINDS and own is not None and own.entry.kind in PLACE_KINDS
        r.actor, r.person, r.kind = True, True, "person"
        r.rule = r.rule + "+person-name" if r.rule else "person-name"
        r.name, r.key = entity_text(head), head.lower_
        known = self.discourse.by_key(head.lower_)
        # "Sudesh Amman ... Amman, who": a place's name that is the surname of someone named
        # before is that person, not the place
        placed = was_place and known is not None and known.person
        if known is not None and (r.code is None or placed):
            sector = known.sector if placed else r.sector or known.sector
            r.code, r.sector, r.name = known.code, sector, known.name
            r.rule = "surname+coref"

    def _read_tokens(self, head: Token, tokens: list[Token], r: Reading, appos: bool = False
                     ) -> None:
        seen: set[int] = set()
        for t in tokens:
            gm = self.matches.get(t.i)
            if gm is None or gm.start in seen:
                continue
            seen.add(gm.start)
            e = gm.entry
            if e.kind == "none" or self._stance_prefix(gm.start):
                continue  # "pro-Russian separatists", "anti-American protesters" are neither
            is_head = gm.start <= head.i < gm.end or appos
            if e.kind == "person":
                office = e.office_on(self.published)
                r.code = office.code if office else e.code
                r.sector = office.sector if office else e.sector
                r.name, r.key = self._fullest(e.name, gm), e.name.split()[-1].lower()
                r.kind, r.rule, r.person, r.actor = "person", "person-office", True, True
                r.serving = e.in_office_on(self.published)
            elif e.kind == "sector":
                generic = self.doc[gm.end - 1].lemma_ in COLLECTIVE_HEADS and r.sector is not None
                if not generic and (r.sector is None or r.kind not in NAMED_KINDS):
                    r.sector = e.sector
                r.person = r.person or e.person_noun
                r.former = r.former or past_title(self.doc, gm.start)
                r.plural = r.plural or head.tag_ in ("NNS", "NNPS")
                r.actor = r.actor or is_head or head.lemma_ in COLLECTIVE_HEADS
                r.rule = r.rule or "sector-noun"
            elif e.kind in ("institution", "igo", "group"):
                # "Israeli and Hamas negotiators": a name coordinated with the demonym before it
                # is one more party, not the phrase's only owner
                if r.kind not in NAMED_KINDS and e.code not in r.more_codes:
                    r.code, r.kind, r.rule, r.actor = e.code, e.kind, e.kind, True
                    r.sector, r.name = e.sector or r.sector, self._fullest(e.name, gm)
            elif r.code is None:
                r.code, r.kind, r.rule = e.code, e.kind, e.kind
                if not is_head:
                    r.more_codes = self._coordinated_codes(self.doc[gm.start])
                if is_head:
                    r.actor, r.plural = True, e.plural
                    r.sector = r.sector or e.sector

    def _stance_prefix(self, start: int) -> bool:
        """"pro-" or "anti-" before a name: a stance toward it, not membership."""
        return start >= 2 and self.doc[start - 1].text == "-" \
            and self.doc[start - 2].lower_ in STANCE_PREFIXES

    def _coordinated_codes(self, token: Token) -> list[str]:
        """Codes of demonyms coordinated with this one ("Greek, Cypriot and French")."""
        codes = []
        for c in token.conjuncts:
            gm = self.matches.get(c.i)
            if gm and gm.entry.code and gm.entry.kind in (*PLACE_KINDS, "group"):
                codes.append(gm.entry.code)
        return codes

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
                got = self.resolve(child) if child.pos_ == "PRON" else \
                    self.resolve_modifier(child)
                if got:
                    m = got[0]
                    keeps = head.lemma_ == "counterpart" or head.lemma_ in VOICE_NOUNS
                    return m.code, (m.sector if keeps else None)
        return None, None

    def _counted_sector(self, head: Token) -> str | None:
        """The sector of the people a quantity counts: "thousands of students" -> EDU."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    gm = self.matches.get(p.i)
                    if p.dep_ == "pobj" and gm is not None and gm.entry.kind == "sector":
                        return gm.entry.sector
        return None

    def _counts_locals(self, head: Token) -> bool:
        """"thousands (of students) throughout Kenya" are Kenyan; thousands of troops may not be."""
        return head.lemma_ in QUANTITY_HEADS and \
            self._counted_sector(head) not in FOREIGN_SECTORS - {None}

    def _of_phrase(self, head: Token, depth: int, preps: set[str]
                   ) -> tuple[str | None, str | None]:
        """"members of the State Duma", "protesters in Baghdad": whose the people are."""
        if depth > 2:
            return None, None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    code, sector = self._coded_words(pobj)
                    if code:
                        return code, sector
                    # "thousands of students throughout Indonesia": the counted people's own
                    # place phrase places them unless they may be abroad (troops, envoys).
                    own = self.matches.get(pobj.i)
                    local = own is not None and own.entry.sector not in FOREIGN_SECTORS
                    code, sector = self._of_phrase(
                        pobj, depth + 1, FOLLOW_PREPS | (LOCAL_PREPS if local else set()))
                    if code:
                        return code, (own.entry.sector if local and own else sector)
        return None, None

    def _of_conjunct_codes(self, head: Token, first: str) -> list[str]:
        """The other countries of "the ministers of A, B and C", "officials from A and B"."""
        codes: list[str] = []
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                for conj in pobj.conjuncts:
                    code, _ = self._coded_words(conj)
                    if code and code != first and code not in codes:
                        codes.append(code)
        return codes

    def _coded_words(self, noun: Token) -> tuple[str | None, str | None]:
        """A noun's own code, or its modifier's ("for the German government" -> DEU GOV)."""
        own = self.matches.get(noun.i)
        if own and own.entry.code:
            return own.entry.code, own.entry.sector
        for t in noun.lefts:
            gm = self.matches.get(t.i)
            if t.dep_ in (*MODIFIER_DEPS, "poss") and gm and gm.entry.code \
                    and gm.entry.kind in PLACE_KINDS:  # "the Kenyan president", "Rwanda's Senate"
                return gm.entry.code, (own.entry.sector if own else None) or gm.entry.sector
        return None, None


def entity_text(token: Token) -> str:
    ent = entity_at(token)
    return token.text if ent is None else ent.text
