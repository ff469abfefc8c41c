"""Descriptions without a name ("the government", "the police", "a pilot", "the U.N. envoy
to Haiti, Helen La Lime"): the referent, title or country of the story they stand for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.coref import Discourse, Entity
from eventwire.actors.phrases import DESCRIPTION_NOUNS, Reading
from eventwire.actors.standing import STATE_OFFICES
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.model import Mention

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
DOMESTIC_FORCES = {"security forces", "security services", "riot police"}
# People who by definition come from elsewhere: never the story country's by default.
FROM_ELSEWHERE = {"refugee", "migrant", "exile", "expatriate", "foreigner", "tourist",
                  "pilgrim", "asylum-seeker"}
# One private person's country is where they come from ("Libyan national X" in a story from
# Reading), not where the story's police or crowds are.
PRIVATE_SECTORS = {None, "CVL", "REF", "EDU", "BUS"}
# Verbs of speech whose unnamed subject is someone later pronouns may take up.
SPEECH_VERBS = {"say", "tell", "add", "lament", "explain", "recall", "complain", "confide",
                "insist", "admit", "note", "write", "ask", "reply", "warn", "describe"}
# Things that speak in the news but are no one: "the report said", "a statement added".
NOT_SPEAKERS = {"report", "statement", "study", "survey", "document", "letter", "editorial",
                "post", "tweet", "release", "ruling", "order", "law", "poll", "article", "memo",
                "message", "notice", "text", "filing", "complaint", "court", "government",
                "ministry", "company", "firm", "agency", "group", "newspaper", "paper"}
# Sectors whose people belong where they act: "police in Minsk", "protesters in Baghdad".
LOCAL_SECTORS = {"COP", "JUD", "LEG", "SPY", "GOV", "CVL", "OPP", "EDU", "BUS", "JRN", "NGO",
                 "PTY", "REB"}


class DescriptionReader:
    """The description-reading part of ActorResolver (which supplies the state it reads)."""

    doc: Doc
    gaz: Gazetteer
    mentions: list[Mention]
    by_head: dict[int, list[int]]
    discourse: Discourse
    quoted: list[bool]

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
        if place is None and r.sector == "REB":
            place = self._armed_place(head)
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

    def _object_clause_subjects(self, head: Token) -> list[Mention]:
        """"Washington responded by imposing tariffs on the country": the subjects of the clause
        whose object (or a verb's prepositional object) a description is, which it is not."""
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
            verb = head.head.head
        elif head.dep_ == "dobj":
            verb = head.head
        else:
            return []
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "responded by imposing tariffs on the country"
        return self._subjects_of(verb)

    def _titled(self, e: Entity, lemma: str) -> bool:
        """"Jordan's King Abdullah ... The king": the title word stood in the person's name."""
        return lemma in self.mentions[e.mention].text.lower().replace(".", "").split()

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
                and indefinite(head)):
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
        (a named office-holder's country too, unless `people` is False); with `whole`, named by
        its state or institutions ("33 Russian individuals" do not make a story Russian).

        Not, failing that, the country the article names most: tried, that placed acts
        in the wrong state more often than in the right one."""
        s = self._sentence(token)

        # Named before the token, and not a source ("according to The Guardian").
        def fits(e: Entity) -> bool:
            return e.sentence <= s and e.code is not None and e.code in self.gaz.countries \
                and not e.members and e.sector not in ("IGO", "JRN") and not e.quoted \
                and self.mentions[e.mention].start < token.idx \
                and (people or not e.person) and not self._origin_only(e) \
                and e.code not in other_than \
                and (not whole or e.sector in STATE_OFFICES)

        return self.discourse.recent(s, fits)

    def _origin_only(self, e: Entity) -> bool:
        """"Libyan national X", "a Brazilian student": where a private person comes from."""
        demonym = self.mentions[e.mention].kind == "demonym" and e.sector is None
        return demonym or (e.person and not e.plural and e.sector in PRIVATE_SECTORS)


def _forces_of_order(head: Token) -> bool:
    """"security forces", "the riot police": a state's forces of order act at home."""
    words = [t.lower_ for t in head.lefts if t.dep_ == "compound"] + [head.lower_]
    return " ".join(words[-2:]) in DOMESTIC_FORCES


def indefinite(head: Token) -> bool:
    """'a DHS spokesperson', 'an Interpol official', 'one diplomat': a new referent."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in head.lefts)
