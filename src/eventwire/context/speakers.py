"""Who a quote's speaker is: the cue verb's subject, named from the entities around it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor
from eventwire.nlp.parsed import entities, entity_at, sentence_of

CUE_LEMMAS = frozenset(
    """say tell stress underline note cite add warn insist state declare write tweet post ask
    explain argue claim announce emphasise emphasize continue remark reply urge affirm conclude
    allege assert acknowledge admit confirm deny comment observe respond reiterate repeat recall
    caution complain predict promise vow pledge threaten demand maintain contend estimate report
    mention testify exclaim shout whisper concede counter retort characterize characterise
    describe call dub label term brand criticize criticise condemn praise welcome hail lament
    indicate suggest charge accuse blame agree highlight underscore stipulate recount inform
    announce quote proclaim reaffirm signal opine wonder muse joke quip add confide plead scoff
    boast grumble sigh lament recall""".split()
)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "dobj", "relcl", "prep", "pobj", "ccomp",
              "parataxis")
INVERTING = frozenset("""say write tweet add ask continue reply explain insist argue note confide
    recall lament plead boast remark read""".split())
RELATIVES = frozenset("who which that".split())
PRONOUNS = frozenset("he she him her they them i we it you".split())
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
DOCUMENT_NOUNS = frozenset("""editorial statement report letter communique communiqué post tweet
    column op-ed memo release""".split())
# Nouns by which a text takes up an organisation it named ("the rights group", "the league").
BODY_NOUNS = frozenset("""group organization organisation association league charity committee
    coalition alliance union movement network council commission foundation institute center
    centre watchdog body federation""".split())
ISSUER_REACH = 6  # sentences (a quoted statement counts its own) back to the one who issued it
CUT_DEPS = ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep")

Resolver = Callable[[Span], Actor | None]
POSSESSIVE = re.compile(r"['’]s?$")


def is_cue(tok: Token) -> bool:
    """A word that introduces reported speech (including 'pointed out' and 'according to')."""
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if lemma == "read":  # "the statement read", "read a statement from the ministry"
        return tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "dobj") and c.lemma_.lower()
                                          in DOCUMENT_NOUNS for c in tok.children)
    return lemma in CUE_LEMMAS and tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN")


def _own_subject(tok: Token) -> Token | None:
    """tok's subject child (a named one first), or the object of its 'by' agent."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    for child in subjects:
        if person_of(child) is not None:
            return child
    if subjects:
        return subjects[0]
    for child in tok.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def cue_subject(cue: Token, quoted: list[bool] | None = None) -> Token | None:
    """The cue's speaker token: its subject, its 'by' agent, or the subject of a clause above."""
    if cue.lower_ == "according":
        for tok in cue.doc[cue.i + 1 : cue.i + 3]:
            for child in tok.children:
                if child.dep_ == "pobj":
                    return child
        return None
    own = _own_subject(cue)
    if own is not None and own.lower_ in RELATIVES and cue.dep_ == "relcl":
        return cue.head  # "said Amal Okafor, who added that '...'": the one the clause is about
    if own is not None:
        return own
    inverted = [c for c in cue.children if c.dep_ in ("dobj", "attr") and c.i > cue.i]
    if inverted and cue.lemma_.lower() in INVERTING:
        return inverted[0]  # "said a protester", "wrote Joshua Wong"
    participle = cue.tag_ == "VBG"
    tok, first = cue, None
    for _ in range(6):
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        if quoted is not None and quoted[tok.i]:
            continue
        subject = _own_subject(tok)
        if subject is None:
            continue
        if not participle or is_cue(tok) or tok.dep_ == "ROOT":
            return subject
        first = first or subject
    return first or _name_before(cue, quoted)


def _name_before(cue: Token, quoted: list[bool] | None) -> Token | None:
    """"Speaking to AFP, the league's president, Jamel Msallem, said": the parser lost the
    subject; a name standing right before the cue (a comma at most between) is it."""
    if cue.pos_ not in ("VERB", "AUX"):
        return None  # "The OECD report notes": a noun cue names its own speaker
    i = cue.i - 1
    while i >= 0 and cue.i - i <= 2 and cue.doc[i].text == ",":
        i -= 1
    tok = cue.doc[i] if i >= 0 else None
    if tok is None or (quoted is not None and quoted[tok.i]) or \
            _ent_of(tok, ("PERSON", "ORG")) is None:
        return None
    return tok


def _ent_of(tok: Token, labels: tuple[str, ...]) -> Span | None:
    """The named entity holding tok, if its label is one of labels."""
    if tok.ent_iob_ == "O" or tok.ent_type_ not in labels:
        return None
    return entity_at(tok)


def proper_name(tok: Token) -> Span | None:
    """A run of proper nouns ending at tok (a name the tagger missed as PERSON)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP", "LOC", "DATE"):
        return None
    start = tok.i
    doc = tok.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return tok.doc[start : tok.i + 1]


def person_of(tok: Token) -> Span | None:
    """The PERSON a subject token names: itself, an appositive, or a name inside its phrase."""
    own = _ent_of(tok, ("PERSON",))
    if own is not None:
        return own
    for child in tok.children:
        if child.dep_ in ("appos", "compound"):
            for sub in child.subtree:
                ent = _ent_of(sub, ("PERSON",))
                if ent is not None:
                    return ent
    for child in tok.children:
        if child.dep_ in ("poss", "relcl", "cc", "conj", "punct", "appos", "compound"):
            continue
        for sub in child.subtree:
            ent = _ent_of(sub, ("PERSON",))
            if ent is not None:
                return ent
    for child in tok.children:
        if child.dep_ == "appos" and child.i > tok.i:
            name = proper_name(child)
            if name is not None:
                return name
    return _titled_conjunct(tok)


def _titled_conjunct(tok: Token) -> Span | None:
    """'social worker and activist Ryan Febrianto': a name closing coordinated titles is theirs.

    Only when the title word names no one itself and the name carries a title of its own, so
    "the minister and Lavrov" stays two people.
    """
    if tok.ent_type_ or tok.pos_ != "NOUN":
        return None
    for child in tok.children:
        if child.dep_ != "conj" or child.i < tok.i:
            continue
        titled = any(c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_
                     for c in child.children)
        name = _ent_of(child, ("PERSON",)) or proper_name(child)
        if titled and name is not None:
            return name
    return None


def _issuer(tok: Token) -> Span | None:
    """"A Journal editorial said", "the ministry's statement said": a text speaks for whoever
    issued it, named by its modifier or owner."""
    if tok.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for child in tok.lefts:
        if child.dep_ in ("compound", "poss"):
            ent = _ent_of(child, ("ORG", "PERSON", "GPE"))
            if ent is not None:
                return ent
    for prep in tok.rights:  # "a statement from the Egyptian Foreign Ministry"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in DOCUMENT_NOUNS:
                    return speaker_span(pobj)
    if any(c.lower_ in ("the", "this", "that") for c in tok.lefts):
        issuer = _issued_before(tok)
        return speaker_span(issuer) if issuer is not None else None
    return None


def _issued_before(tok: Token) -> Token | None:
    """"The army issued a statement ... '...,' the statement said": the one who issued a text
    of that kind (or spoke in it) in the sentences just before takes it up."""
    doc = tok.doc
    first = sentence_of(tok)
    for _ in range(ISSUER_REACH):
        if first.start == 0:
            break
        first = sentence_of(doc[first.start - 1])
    for i in range(tok.i - 1, first.start - 1, -1):
        t = doc[i]
        if t.lemma_.lower() != tok.lemma_.lower() or t.dep_ not in ("dobj", "pobj"):
            continue
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() not in DOCUMENT_NOUNS | PRONOUNS:
            return subject
    return None


def speaker_span(tok: Token) -> Span:
    """The words naming the speaker: a person's name, an entity, or the subject's noun phrase."""
    if tok.lower_ in PRONOUNS:
        return tok.doc[tok.i : tok.i + 1]
    person = person_of(tok)
    if person is not None:
        return person
    issuer = _issuer(tok)
    if issuer is not None:
        return issuer
    own = _ent_of(tok, NAME_LABELS)
    if own is not None:
        return own
    left = min([tok.i] + [t.i for c in tok.lefts if c.dep_ not in CUT_DEPS for t in c.subtree])
    right = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "within", "for", "at", "from", "to"):
            right = max(right, max(t.i for t in child.subtree))
    return tok.doc[left : right + 1]


def _with_of_phrase(ent: Span) -> Span:
    """A body's full name: "Cambodian League" + "for the Promotion ... of Human Rights"."""
    start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
    end = ent.end
    for child in ent.root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and child.i == end:
            end = max(t.i for t in child.subtree) + 1
    return ent.doc[start:end]


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
        for tok in doc:
            if tok.dep_ in SUBJECT_DEPS and not quoted[tok.i] and tok.lower_ not in PRONOUNS:
                person = person_of(tok) or self._titled(speaker_span(tok))
                if person is not None:
                    self.subjects.append((tok.i, person))
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

    def _titled(self, span: Span) -> Span | None:
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

    def before(self, position: int) -> Span | None:
        """Who 'he'/'she' at position most likely is: a named subject or person just before."""
        sent = sentence_of(self.doc[position])
        window = sent.start
        if sent.start > 0:
            window = sentence_of(self.doc[sent.start - 1]).start
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
                named = self.before(span.start)
        elif span.label_ == "PERSON" or any(span == p for p in self.people):
            named = span
        else:
            named = self._titled(span)
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
