"""Where an actor is: its own phrase ("soldiers in Mali"), its clause, the town it acts on."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.mentions import GazMatch
from eventwire.actors.phrases import PLACE_KINDS, entity_text
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.model import Mention
from eventwire.nlp.parsed import entity_at

# What the tagger calls a place it does not know ("attacked Kharkiv" is a PERSON to it).
MISLABELLED = {"", "PERSON", "ORG"}
# Participles that place a noun: "a newspaper based in Beirut", "troops stationed in Mali".
BASED = {"base", "station", "operate", "headquarter", "locate"}
# Verbs whose object is a subject matter: "discussed the fighting in Sudan" places the fighting,
# not those discussing it.
TOPIC_VERBS = {"discuss", "debate", "review", "examine", "address", "consider", "assess"}
# Nouns naming a stretch of a country: whoever attacks or takes one acts where it is.
SETTLEMENTS = {"part", "city", "town", "village", "district", "neighbourhood", "neighborhood",
               "suburb", "outskirts", "province", "capital", "state", "region", "county",
               "governorate", "prefecture", "municipality"}


class PlaceReader:
    """The placing part of ActorResolver (which supplies the state it reads; the stubs
    below are ActorResolver's own methods)."""

    gaz: Gazetteer
    matches: dict[int, GazMatch]
    mentions: list[Mention]

    def resolve(self, token: Token, coded_only: bool = True) -> list[Mention]:
        raise NotImplementedError

    def _mention(self, head: Token, code: str | None, sector: str | None, name: str | None,
                 kind: str, rule: str, antecedent: int | None = None,
                 span: tuple[int, int] | None = None) -> Mention:
        raise NotImplementedError

    def countries(self) -> list[str]:
        """Countries the article has named so far: context for ambiguous place names."""
        return [m.code for m in self.mentions if m.code in self.gaz.countries]

    def resolve_place(self, token: Token, unlabelled: bool = False) -> Mention | None:
        """A country a place-like phrase ("Moscow", "the Russian capital") stands in; with
        `unlabelled`, also a proper noun the tagger gave no entity type ("the city of Donetsk")
        or took for a person or body ("attacked Kharkiv", "bombed Rafah") that the article
        has not named as someone."""
        for m in self.resolve(token):
            return m
        for t in token.subtree:
            gm = self.matches.get(t.i)
            if gm and gm.entry.code and gm.entry.kind in PLACE_KINDS:
                return self._mention(token, gm.entry.code, "GOV", None, "place", "place-modifier")
        if token.ent_type_ in ("GPE", "LOC", "FAC") or (
                unlabelled and token.pos_ == "PROPN" and token.ent_type_ in MISLABELLED
                and not self._named_before(token)):
            from eventwire.knowledge.placenames import (
                resolve_place,  # the gazetteer loads on first use
            )

            place = resolve_place(entity_text(token), self.countries(), definite=_definite(token))
            if place is not None and place.country:
                return self._mention(token, place.country, "GOV", None, "place", "gazetteer-place")
        return None

    def _named_before(self, token: Token) -> bool:
        """Whether the word takes up someone the article named before ("Ahmed Medina ...
        criticized Medina"), rather than being a first, lone name the tagger guessed at."""
        e = self.discourse.by_key(token.lower_)
        if e is not None and self.mentions[e.mention].start < token.idx:
            return True
        return any(m.antecedent is not None or "coref" in m.rule
                   for m in self.resolve(token, coded_only=False))

    def place_word(self, token: Token) -> Mention | None:
        """The country one word names, whatever hangs on it ("Libyan" in "Turkish-Libyan")."""
        gm = self.matches.get(token.i)
        if gm and gm.entry.code and gm.entry.kind in PLACE_KINDS and gm.end - gm.start == 1:
            return self._mention(token, gm.entry.code, "GOV", None, gm.entry.kind, "place-word")
        return None

    def place_in(self, holders: list[Token]) -> Mention | None:
        """The country of the first place named "in"/"at" under these words."""
        for prep in (c for h in holders for c in h.children):
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (pobj.ent_type_ in ("GPE", "LOC", "FAC")
                                                or pobj.pos_ == "PROPN"):  # "Niger" as PERSON
                        m = self.resolve_place(pobj)
                        if m is not None:
                            return m
        return None

    def _own_place(self, head: Token) -> str | None:
        """"security forces in Guinea", "a newspaper based in Beirut": where the noun is."""
        holders = [head, *(c for c in head.children if c.dep_ == "acl" and c.lemma_ in BASED)]
        return self._place_in(holders)

    def _clause_place(self, head: Token) -> str | None:
        """The country where a subject's or object's clause happens ("... in Minsk")."""
        verb = None
        if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verb = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.dep_ == "dobj":
            verb = head.head.head.head  # "arrested dozens of protesters in Minsk"
        elif head.dep_ == "pobj" and head.head.dep_ == "dative":
            verb = head.head.head  # "sent food to families in Yemen"
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        # "arrested two students in Lagos": the place may hang on the object
        objects = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_ not in TOPIC_VERBS]
        found = self._place_in([verb, *objects])
        if found is None and head.dep_ == "nsubj":
            # "Insurgents shelled Homs", "... the eastern districts of Kabul": the place acted on
            found = next((p for p in map(self._settlement, objects) if p is not None), None)
        return found

    def settlement_place(self, noun: Token) -> Mention | None:
        """The country of "the city of Dnipro", "Nigeria's Zamfara state", as a place mention."""
        if noun.lemma_ not in SETTLEMENTS:
            return None
        code = self._settlement(noun)
        return self._mention(noun, code, "GOV", None, "place", "settlement") if code else None

    def _armed_place(self, head: Token) -> str | None:
        """Where unnamed armed men act, however deep their clause names it ("killed 12
        soldiers in an attack on a post in northern Burkina Faso"): codebook v2 codes armed
        groups in the country where they act."""
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        own = {t.i for t in head.subtree}
        holders = dict.fromkeys(p.head for p in verb.subtree if p.i not in own
                                and p.dep_ == "prep" and p.lower_ in ("in", "at"))
        return next((found for h in holders if (found := self._place_in([h])) is not None), None)

    def _settlement(self, noun: Token, depth: int = 0) -> str | None:
        """The country of a town named as such, not of a thing a country owns ("the US embassy")."""
        if noun.ent_type_ in ("GPE", "LOC") and noun.pos_ == "PROPN" and \
                self.gaz.lookup(entity_text(noun)) is None:
            return self._town_country(noun)
        if noun.lemma_ not in SETTLEMENTS or depth > 2:
            return None
        for c in noun.children:
            if c.dep_ in ("appos", "poss", "compound") and c.pos_ == "PROPN":
                found = self._town_country(c)
            elif c.dep_ == "prep" and c.lower_ == "of":
                found = next((self._town_country(p) if p.pos_ == "PROPN"
                              else self._settlement(p, depth + 1)
                              for p in c.children if p.dep_ == "pobj"), None)
            else:
                continue
            if found is not None:
                return found
        return None

    def _town_country(self, token: Token) -> str | None:
        m = self.resolve_place(token, unlabelled=True)
        return m.code if m is not None and m.code in self.gaz.countries else None

    def _place_in(self, holders: list[Token]) -> str | None:
        m = self.place_in(holders)
        if m is not None:
            return m.code
        # "in Nigeria's Zamfara state", "in the town of Bunia": a named settlement
        return next((found for h in holders for prep in h.children
                     if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
                     for p in prep.children if p.dep_ == "pobj"
                     for found in [self._settlement(p)] if found is not None), None)


def _definite(token: Token) -> bool:
    """Whether "the" opens the name ("in the Gulf"): see placenames.resolve_place."""
    ent = entity_at(token)
    first = ent.start if ent is not None else token.i
    return first > 0 and token.doc[first - 1].lower_ == "the"
