"""Placing events in time and space and attributing quotes, through the actor layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.actors.resolver import ActorResolver
from eventwire.context.speaker_names import speaker_name
from eventwire.model import Actor, Place, Quote
from eventwire.nlp.parsed import entities_in, sentence_index, sentence_of

if TYPE_CHECKING:
    from eventwire.events.candidates import Candidate

# Known names that may stand inside a speaker's phrase and speak for it.
NAMED_SPEAKERS = ("person", "institution", "igo", "group")
BODY_KINDS = ("institution", "igo", "group")  # a body, whose officials speak for it
# Titles of one office-holder: "the Pentagon press secretary", "the AU Commission chairperson".
TITLES = {"spokesperson", "spokesman", "spokeswoman", "secretary", "chairperson", "chairman",
          "chairwoman", "president", "director", "commissioner", "envoy", "ambassador",
          "minister", "commander", "chief", "official"}


@dataclass
class When:
    """An event's date (or interval) and the words it was read from."""

    date: str | None
    date_end: str | None = None
    text: str | None = None


class Situator:
    """Per-document helper: dates, locations and quote speakers for the coder."""

    def __init__(self, doc: Doc, resolver: ActorResolver, published: dt.date | None):
        self.doc = doc
        self.resolver = resolver
        self.published = published
        self._places: dict[int, list] | None = None

    def date(self, cand: Candidate) -> When:
        from eventwire.context.dates import event_date

        res = event_date(sentence_of(cand.trigger), cand.trigger, self.published)
        return When(res.date, res.date_end, res.text)

    def _sentence_places(self, sentence: int) -> list:
        """The document's resolved places that start in a sentence (indexed once per doc)."""
        if self._places is None:
            from eventwire.context.places import places_in_doc

            known = self.resolver.gaz.countries
            countries = [m.code for m in self.resolver.mentions if m.code in known]
            self._places = {}
            for span, place in places_in_doc(self.doc, countries):
                k = sentence_index(self.doc[span.start])
                self._places.setdefault(k, []).append((span, place))
        return self._places.get(sentence, [])

    def location(self, cand: Candidate) -> Place | None:
        from eventwire.context.places import event_location

        return event_location(sentence_of(cand.trigger), cand.trigger,
                              self._sentence_places(sentence_index(cand.trigger)),
                              self.resolver.gaz.demonyms)

    def speaker(self, span: SpacySpan) -> Actor | None:
        """A quote speaker through the coreference chain, named as fully as the text allows."""
        found = self.resolver.resolve(span.root, coded_only=False)
        if not found:
            return self._named_inside(span.root)
        m = found[0]
        name = speaker_name(span.root, found, self.resolver.mentions, self._known)
        if len(found) == 1 and m.rule == "unnamed-speaker" and span.text in (m.name or ""):
            # "A doctor at the hospital where the wounded were taken said": the description, not
            # the clauses the actor layer's phrase runs on into
            name = span.text
        elif len(found) == 1 and m.kind in BODY_KINDS and self._unnamed_title(span.root):
            name = span.text  # "the Pentagon press secretary": an unnamed holder, not the body
        return Actor(code=m.code, sector=m.sector, text=span.text, name=name)

    def _unnamed_title(self, root: Token) -> bool:
        """The speaker's head word is a title for one person ("chairperson", "secretary"),
        outside the body's own name."""
        if root.pos_ != "NOUN":
            return False
        gm = self.resolver.matches.get(root.i)
        return root.lemma_.lower() in TITLES or (
            gm is not None and gm.entry.kind == "sector" and gm.entry.person_noun)

    def _named_inside(self, root: Token) -> Actor | None:
        """"Media watchdog Reporters Without Borders said" (parsed with the name hung on the
        title): an unresolved speaker's phrase that holds a known body or person is it."""
        for tok in root.subtree:
            gm = self.resolver.matches.get(tok.i)
            if gm is not None and gm.entry.kind in NAMED_SPEAKERS \
                    and not gm.start <= root.i < gm.end and not self.resolver.quoted[tok.i]:
                found = self.resolver.resolve(self.doc[gm.end - 1], coded_only=False)
                m = found[0] if found else None
                return Actor(code=m.code if m else None, sector=m.sector if m else None,
                             text=root.text, name=self.doc[gm.start:gm.end].text)
        return None

    def _known_name_end(self, tok: Token) -> int | None:
        """Where the name the gazetteer found at tok ends (exclusive), if any."""
        gm = self.resolver.matches.get(tok.i)
        return gm.end if gm is not None else None

    def _known(self, tok: Token) -> bool:
        """The word lies in a name the knowledge holds (a person, body or place, not a title):
        its reading there is the knowledge's, whatever the spelling."""
        gm = self.resolver.matches.get(tok.i)
        return gm is not None and gm.entry.kind != "sector"

    def _known_person(self, span: SpacySpan) -> SpacySpan | None:
        """A person the knowledge names inside the speaker's words ("President of Ukraine X")."""
        for tok in span:
            gm = self.resolver.matches.get(tok.i)
            if gm is not None and gm.entry.kind == "person" and gm.end <= span.end:
                return self.doc[gm.start : gm.end]
        return None

    def _titled_only(self, got: Actor, span: SpacySpan) -> bool:
        """The actor layer named the speaker by a title word of the span ("President", "First
        Minister")."""
        last = got.name.split()[-1] if got.name and got.name.split() else None
        return last is None or any(
            t.text == last and (gm := self.resolver.matches.get(t.i)) is not None
            and gm.entry.kind == "sector" for t in span)

    def quotes(self) -> list[Quote]:
        """Direct quotes, speakers resolved through coreference, named as fully as possible."""
        from eventwire.context.quotes import extract_quotes
        from eventwire.context.speaker_fallback import (
            FallbackResolver,
            family_first,
            near_spelling,
        )
        from eventwire.context.speaker_names import name_after_title, names_other, own_name, tidy
        from eventwire.context.speakers import share_of, speaker_span

        fallback: FallbackResolver | None = None

        def resolve(span: SpacySpan) -> Actor | None:
            got = tidied(span)
            share = share_of(span.root) if len(span) == 1 else None
            if share is not None and (got is None or not got.name):
                # "Most of them said": the group unresolved, the share of it speaks
                got = Actor(code=None, sector=None, text=span.text, name=speaker_span(share).text)
            if got is not None and got.name:
                got = Actor(code=got.code, sector=got.sector, text=got.text, name=tidy(got.name))
            return got

        def tidied(span: SpacySpan) -> Actor | None:
            got = named(span)
            full = (family_first(self.doc, got.name) or near_spelling(self.doc, got.name)) \
                if got is not None and got.name else None
            if got is None or full is None:
                return got
            # "Foreign Minister Wang Yi ... '...,' Wang said": the family name comes first.
            return Actor(code=got.code, sector=got.sector, text=got.text, name=full)

        def named(span: SpacySpan) -> Actor | None:
            nonlocal fallback
            got = self.speaker(span)
            titled = (self._known_person(span) if got is None or self._titled_only(got, span)
                      or (names_other(got.name, span) and not self._known(span.root))
                      else None) or name_after_title(span, self._known_name_end)
            person = titled.text if titled is not None else next(
                (e.text for e in entities_in(span) if e.label_ == "PERSON"), None)
            if person and (got is None or not got.name or person not in got.name):
                # "Former British Ambassador to the EU Ivan Rogers": name the person in the span.
                return Actor(code=got.code if got else None, sector=got.sector if got else None,
                             text=span.text, name=person)
            own = own_name(span) if got is not None and got.name else None
            if got is not None and own is not None and names_other(got.name, span) \
                    and not self._known(span.root):
                # "Nikki Holland of the UK's National Crime Agency said": the body places her,
                # the name is hers.
                return Actor(code=got.code, sector=got.sector, text=span.text, name=own.text)
            fallback = fallback or FallbackResolver(self.doc, self.resolver.quoted)
            holder = fallback.titled(span) if got is not None and _bare_title(got, span) else None
            if got is not None and holder is not None:
                # "President of Chile Ana Ruiz ... The president called it '...'": her title.
                return Actor(code=got.code, sector=got.sector, text=span.text,
                             name=fallback.fullest(holder))
            if got is not None and got.name:
                return got
            alt = fallback(span)
            if got is None or alt is None:
                return alt or got
            return Actor(code=got.code, sector=got.sector, text=span.text, name=alt.name)

        return extract_quotes(self.doc, resolve_speaker=resolve)


def _bare_title(got: Actor, span: SpacySpan) -> bool:
    """The actor layer named a definite description ("the president") by its own title word."""
    words = (got.name or "").lower().split()
    return span.root.pos_ == "NOUN" and bool(words) and \
        words == [t.lower_ for t in span if t.pos_ != "DET"]
