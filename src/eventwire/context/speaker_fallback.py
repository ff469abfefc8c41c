"""Speaker resolution without the actor layer: names, titles, 'he', bodies taken up by a noun,
and family names given first."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from eventwire.context.speaker_names import plain
from eventwire.context.speakers import (
    BODY_NOUNS,
    POSSESSIVE,
    PRONOUNS,
    SUBJECT_DEPS,
    person_of,
    proper_name,
    speaker_span,
)
from eventwire.model import Actor
from eventwire.nlp.parsed import entities, sentence_of

MIN_SURNAME = 5  # letters: shorter names one letter apart are as often two people


def _with_of_phrase(ent: Span) -> Span:
    """A body's full name: "Cambodian League" + "for the Promotion ... of Human Rights"."""
    start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
    end = ent.end
    for child in ent.root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == end:
            end = max(t.i for t in child.subtree) + 1
    return ent.doc[start:end]


def _untagged_name(tok: Token) -> Span | None:
    """"Nurse Ana Reyes was first at the scene. '...,' she said": a subject of two or three
    capitalised proper nouns the tagger did not call a person is still someone 'he' or 'she'
    may take up (only when nobody the tagger named is there to take up)."""
    name = proper_name(tok)
    if name is None or not 2 <= len(name) <= 4 or not all(t.is_title for t in name):
        return None
    return name


def family_first(doc: Doc, name: str) -> str | None:
    """A one-word name that is the first word of a longer PERSON name the article gave, and the
    last word of none ("Wang Yi ... Wang said", "Hun Manet ... Hun said"): that fuller name."""
    if len(name.split()) != 1:
        return None
    full = [e.text for e in entities(doc) if e.label_ == "PERSON" and 2 <= len(e) <= 3]
    if any(f.split()[-1] == name for f in full):
        return None
    starting = [f for f in full if f.split()[0] == name]
    return max(starting, key=len) if starting else None


def near_spelling(doc: Doc, name: str) -> str | None:
    """A one-word name one letter off the surname of exactly one PERSON the article gave, and
    the surname of none ("Geir Pedersen ... '...,' Pederson said"): a misspelling of it."""
    if len(name.split()) != 1 or len(name) < MIN_SURNAME or not name.isalpha():
        return None
    full = [e.text for e in entities(doc) if e.label_ == "PERSON" and 2 <= len(e) <= 4]
    if any(f.split()[-1] == name for f in full):
        return None
    near = {f for f in full if f.split()[-1][0] == name[0] and _one_edit(f.split()[-1], name)}
    return max(near, key=len) if len({f.split()[-1] for f in near}) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter replaced, added or dropped (not by an accent or a plural:
    "Erdoğan" is how the text also spells "Erdogan")."""
    if abs(len(a) - len(b)) > 1 or plain(a) == plain(b) or a.rstrip("s") == b.rstrip("s"):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


class FallbackResolver:
    """Simple speaker resolution for when no coreference layer is passed: names, titles, 'he'."""

    def __init__(self, doc: Doc, quoted: list[bool]) -> None:
        self.doc = doc
        self.people: list[Span] = [e for e in entities(doc) if e.label_ == "PERSON"]
        self.titles: dict[str, list[tuple[int, Span]]] = {}
        for ent in self.people:
            for tok in ent.root.subtree:
                if tok.i < ent.start and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ == "":
                    self.titles.setdefault(tok.lemma_.lower(), []).append((ent.start, ent))
            if ent.root.dep_ == "appos":
                head = ent.root.head
                self.titles.setdefault(head.lemma_.lower(), []).append((ent.start, ent))
        self.subjects: list[tuple[int, Span]] = []
        self.untagged: list[tuple[int, Span]] = []  # for "he" and "she", never "I"
        for tok in doc:
            if tok.dep_ in SUBJECT_DEPS and not quoted[tok.i] and tok.lower_ not in PRONOUNS:
                person = person_of(tok) or self.titled(speaker_span(tok))
                if person is not None:
                    self.subjects.append((tok.i, person))
                    self.untagged.append((tok.i, person))
                elif (name := _untagged_name(tok)) is not None:
                    self.untagged.append((tok.i, name))
        self.keys = [i for i, _ in self.subjects]
        self.mentions = [e for e in self.people if not quoted[e.start]]
        self.mention_starts = [e.start for e in self.mentions]
        self.bodies = [e for e in entities(doc) if e.label_ == "ORG" and not quoted[e.start]
                       and e.root.dep_ in SUBJECT_DEPS]
        self.longest: dict[str, str] = {}  # last word -> the first longest name ending so
        for ent in self.people:
            text = POSSESSIVE.sub("", ent.text)  # "Paula Radcliffe's record": her name
            words = text.split()
            if words and len(text) > len(self.longest.get(words[-1].lower(), "")):
                self.longest[words[-1].lower()] = text

    def titled(self, span: Span) -> Span | None:
        """The person a definite description ("the foreign minister") last titled."""
        root = span.root
        if root.ent_type_ or not any(t.lower_ in ("the", "this") for t in span):
            return None
        options = [e for start, e in self.titles.get(root.lemma_.lower(), []) if start < span.start]
        return options[-1] if options else None

    def _body_before(self, span: Span) -> Span | None:
        """"The Cambodian League for ... Human Rights issued a statement. '...,' the rights
        group said": a definite body noun takes up the organisation last named as a subject in
        the sentences just before (one the knowledge does not hold, so nothing else named it)."""
        root = span.root
        if root.lemma_.lower() not in BODY_NOUNS or not any(t.lower_ in ("the", "this")
                                                             for t in span):
            return None
        first = sentence_of(self.doc[span.start])
        for _ in range(3):
            if first.start == 0:
                break
            first = sentence_of(self.doc[first.start - 1])
        for ent in reversed(self.bodies):
            if ent.start < span.start and ent.start >= first.start:
                return _with_of_phrase(ent)
        return None

    def fullest(self, name: Span) -> str:
        """The longest PERSON mention that ends with the same word (the fullest name given)."""
        last = name.text.split()[-1].lower() if name.text.split() else ""
        longest = self.longest.get(last, "")
        return longest if len(longest) > len(name.text) else name.text

    def before(self, position: int, third_person: bool = False) -> Span | None:
        """Who 'he'/'she' at position most likely is: a named subject or person just before."""
        sent = sentence_of(self.doc[position])
        window = sent.start
        if sent.start > 0:
            window = sentence_of(self.doc[sent.start - 1]).start
        if third_person:
            near = [name for i, name in self.untagged if window <= i < position]
            if near and not any(window <= e.start < position for e in self.mentions):
                return near[-1]
        k = bisect.bisect_left(self.keys, position)
        if k and self.keys[k - 1] >= window:
            return self.subjects[k - 1][1]
        recent = self.mentions[bisect.bisect_left(self.mention_starts, window):
                               bisect.bisect_left(self.mention_starts, position)]
        if recent:
            return recent[-1]
        return self.subjects[k - 1][1] if k else None

    def __call__(self, span: Span) -> Actor | None:
        root = span.root
        named: Span | None = None
        if len(span) == 1 and root.lower_ in PRONOUNS:
            if root.lower_ in ("he", "she", "him", "her", "i"):
                named = self.before(span.start, root.lower_ != "i")
        elif span.label_ == "PERSON" or any(span == p for p in self.people):
            named = span
        else:
            named = self.titled(span)
            body = self._body_before(span) if named is None else None
            if body is not None:
                return Actor(code=None, text=span.text, name=body.text)
        if named is not None:
            return Actor(code=None, text=span.text, name=self.fullest(named))
        if len(span) == 1 and root.lower_ in PRONOUNS:
            return Actor(code=None, text=span.text, name=None)
        return Actor(code=None, text=span.text, name=self.expand(span.text))

    def expand(self, name: str) -> str:
        """An acronym spelled out by an entity of the article ("SDF": Syrian Democratic Forces)."""
        if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            return name
        for ent in entities(self.doc):
            initials = "".join(w[0] for w in ent.text.split() if w[:1].isupper())
            if initials == name and len(ent) > 1:
                return ent.text
        return name
