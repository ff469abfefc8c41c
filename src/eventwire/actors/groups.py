"""Groups of actors: "A and B", two leaders the parser fused, "both sides", "the two countries"."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.coref import Entity
from eventwire.actors.mentions import GazMatch
from eventwire.actors.phrases import PhraseReader, Reading
from eventwire.model import Mention

PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = {"country", "nation", "side", "state", "government", "neighbour", "neighbor",
              "leader", "minister", "president", "counterpart"}
PERSON_PAIR_NOUNS = {"leader", "minister", "president", "counterpart"}
SIDE_NOUNS = PAIR_NOUNS | {"party", "faction"}
# Nouns for the sides of a fight, which may be two armed parties of one country.
WARRING_NOUNS = {"side", "party", "faction"}
# The UN and aid groups help or mediate; they are not one of "the two sides".
NEVER_SIDES = frozenset({"UNO", "NGO"})


def addresses_sides(verb: Token) -> bool:
    """Whether the verb acts on "both sides", "the two countries", "all parties": others than
    the actor's own people, even where the article names no pair to take them from."""
    for child in verb.children:
        for noun in [child, *(c for c in child.children if c.dep_ == "pobj")]:
            if noun.dep_ in ("dobj", "dative", "pobj") and _names_group(
                    noun, SIDE_NOUNS, PAIR_WORDS | {"all", "warring"}):
                return True
    return False


def _names_group(noun: Token, nouns: set[str], words: set[str]) -> bool:
    """"both sides", "the two countries", "all parties": a group noun counted before it."""
    return noun.lemma_ in nouns and any(c.lower_ in words for c in noun.lefts)


class GroupReader(PhraseReader):
    """The group-forming part of ActorResolver (which supplies the state it reads; the
    stubs below are ActorResolver's own methods)."""

    mentions: list[Mention]
    by_head: dict[int, list[int]]
    quoted: list[bool]

    def _mention(self, head: Token, code: str | None, sector: str | None, name: str | None,
                 kind: str, rule: str, antecedent: int | None = None,
                 span: tuple[int, int] | None = None) -> Mention:
        raise NotImplementedError

    def _add(self, mention: Mention, r: Reading, head: Token, key: str | None = None) -> int:
        raise NotImplementedError

    def _sentence(self, token: Token) -> int:
        raise NotImplementedError

    def _group(self, chain: list[Token]) -> None:
        """"A and B" becomes a plural referent that "they" and "the two" can point back to."""
        members = tuple(i for t in chain for i in self.by_head.get(t.i, [])
                        if self.mentions[i].code)
        self._add_group(members, chain[0])

    def _add_group(self, members: tuple[int, ...], first_token: Token) -> None:
        if len({(self.mentions[i].code, self.mentions[i].sector) for i in members}) < 2:
            return  # "Sudan's army and the RSF" are two sides; "Iran and Tehran" are one
        first = self.mentions[members[0]]
        person = any(e.person for m in members for e in self.discourse.by_mention.get(m, []))
        self.discourse.add(Entity(members[0], None, None, None, person, True, first.sentence,
                                  subject=first_token.dep_ in ("nsubj", "nsubjpass"),
                                  quoted=self.quoted[first_token.i], members=members))

    def _joined_people(self, head: Token) -> list[int]:
        """Two known people the parser fused into one name ("French President Emmanuel Macron
        and German Chancellor Olaf Scholz"): one mention each, and their group."""
        tokens = self.doc[head.left_edge.i:head.i + 1]
        people: list[GazMatch] = []
        for t in tokens:
            gm = self.matches.get(t.i)
            if gm and gm.entry.kind == "person" and (not people or people[-1].start != gm.start):
                people.append(gm)
        if len(people) < 2 or not any(
                t.dep_ == "cc" and people[0].end <= t.i < people[-1].start for t in tokens):
            return []
        ids = []
        for gm in people:
            e, office = gm.entry, gm.entry.office_on(self.published)
            code, sector = (office.code, office.sector) if office else (e.code, e.sector)
            last = self.doc[gm.end - 1]
            r = Reading(code=code, sector=sector, name=self._fullest(e.name, gm), kind="person",
                        rule="person-office+split", person=True, actor=True,
                        key=e.name.split()[-1].lower())
            m = self._mention(head, code, sector, r.name, r.kind, r.rule,
                              span=(self.doc[gm.start].idx, last.idx + len(last)))
            ids.append(self._add(m, r, head))
        self._add_group(tuple(i for i in ids if self.mentions[i].code), head)
        return ids

    def _pair(self, head: Token) -> list[int]:
        """"the two countries", "both sides": the last two distinct states mentioned."""
        if not _names_group(head, PAIR_NOUNS, PAIR_WORDS):
            return []
        s = self._sentence(head)
        addresser = self._addresser(head)
        pair = self.discourse.recent(s, lambda e: len(e.members) == 2 and e.subject and not any(
            self.mentions[i].code in addresser for i in e.members))
        if pair is not None and head.lemma_ not in PERSON_PAIR_NOUNS:
            # "A and B signed a deal mediated by C and D. Both sides agreed": the pair that acted
            for i in pair.members:
                m = self.mentions[i]
                self.mentions.append(self._mention(head, m.code, m.sector, m.name, "description",
                                                   "pair-coref", antecedent=i))
            return [len(self.mentions) - 2, len(self.mentions) - 1]
        fighters = self.discourse.last_fighters(2, s, skip=addresser) \
            if head.lemma_ in WARRING_NOUNS else []
        armed = len(fighters) == 2
        states = fighters if armed else self.discourse.last_states(
            2, persons=head.lemma_ in PERSON_PAIR_NOUNS, skip=addresser | NEVER_SIDES)
        if len(states) < 2 and not armed and head.lemma_ not in PERSON_PAIR_NOUNS:
            # "Modi met Ishiba in Tokyo. The two countries signed a pact": leaders named for
            # their states are the states when no two states are named as such
            states = self.discourse.last_states(2, persons=True, skip=addresser | NEVER_SIDES)
        if len(states) < 2:
            return []
        out = []
        for e in states:
            sector = e.sector if armed else "GOV"
            self.mentions.append(self._mention(head, e.code, sector, e.name, "description",
                                               "pair-coref", antecedent=e.mention))
            out.append(len(self.mentions) - 1)
        return out

    def _addresser(self, head: Token) -> set[str]:
        """Whoever speaks to the pair is not one of it: "Egypt urged both sides" (after "Israeli
        jets struck Gaza") are Israel and the Palestinians, not Egypt and Gaza."""
        verb = head
        while verb.dep_ in ("dobj", "pobj", "prep", "dative") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
        return {self.mentions[i].code for c in subjects
                for i in self.by_head.get(c.i, []) if self.mentions[i].code}
