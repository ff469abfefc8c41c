"""How a resolved speaker is named: the person's own words over the body or person the
actor layer named them after, joint speakers, titles taken up by pronouns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from eventwire.context.speakers import PRONOUNS, person_of, proper_name
from eventwire.model import Mention
from eventwire.nlp.parsed import entities_in, entity_at

WORD = re.compile(r"\w+")
POSSESSIVE_END = re.compile(r"(?<=\w)['’]s?$")
EDGE_MARKS = " \t\n\"'“”‘’,;:()[]-—–"
TITLE_PREPS = ("of", "to", "for")
BODY_KINDS = ("name", "igo", "group")  # mentions naming a body, not a person or a place
CLAUSE_DEPS = ("relcl", "acl", "advcl", "appos", "parataxis", "punct", "cc", "conj")


def name_after_title(span: Span, name_end: Callable[[Token], int | None]) -> Span | None:
    """'President of Ukraine Volodymyr Zelenskyy', 'Ambassador to the UN Nikki Haley': the name.

    The parser makes the name part of the place the title is of; `name_end` says where a known
    place or body that starts at a token ends, and the proper nouns after it are the person.
    """
    root = span.root
    if root.ent_type_ == "PERSON" or root.pos_ not in ("NOUN", "PROPN"):
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in TITLE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            words = [t for t in pobj.subtree if t.pos_ == "PROPN" and t.i <= pobj.i]
            ends = [end for t in words if (end := name_end(t)) is not None and end < pobj.i]
            rest = [t for t in words if ends and t.i >= max(ends)]
            if len(rest) >= 2 and rest[-1].i == pobj.i and rest[0].i + len(rest) - 1 == pobj.i:
                return span.doc[rest[0].i : pobj.i + 1]
    return None


def speaker_name(root: Token, found: list[Mention], mentions: list[Mention],
                 known: Callable[[Token], bool] = lambda t: False) -> str | None:
    """How a resolved speaker is named: "Tokyo and Washington" for joint speakers, the body a
    pronoun ("it said") took up, else the mention's own name or words (`known` says which
    words the knowledge named, whose reading stands)."""
    named = list(dict.fromkeys(_mention_name(m, mentions, root.doc, known) for m in found))
    if len(named) > 1 and any(c.dep_ == "conj" for c in root.children):
        return " and ".join([", ".join(named[:-1]), named[-1]])
    return named[0]


def _mention_name(m: Mention, mentions: list[Mention], doc: Doc,
                  known: Callable[[Token], bool]) -> str:
    """A mention's name; a pronoun's is its antecedent's, and when the antecedent's own words
    are a person's name that the actor layer named after someone else, those words."""
    if m.kind != "pronoun" or m.antecedent is None:
        return placed_body(m, doc) or m.name or m.text
    ante = mentions[m.antecedent]
    placed = placed_body(ante, doc) if m.name == ante.name else None
    if placed is not None:
        return placed
    span = doc.char_span(ante.start, ante.end, alignment_mode="expand")
    own = own_name(span) if span is not None else None
    if own is not None and span is not None and names_other(ante.name, span) \
            and not known(span.root):
        return own.text
    return m.name or ante.name or _holder(span) or ante.text


def placed_body(m: Mention, doc: Doc) -> str | None:
    """"The Foreign Ministry of Iraq said", "the Autonomous Administration in north and east
    Syria ... it said": a body's fullest name is the text's, with the place it is of or in."""
    base = m.name or m.text
    words = base.split()
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if m.kind not in BODY_KINDS or not words or span is None or span.root.text != words[-1]:
        return None
    for prep in span.root.rights:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and pobj is not None and (
                pobj.ent_type_ in ("GPE", "LOC") or _same_entity(span.root, pobj)):
            tail = [t for t in prep.subtree if t.dep_ not in CLAUSE_DEPS and
                    all(a.dep_ not in CLAUSE_DEPS for a in t.ancestors if a.i > prep.i)]
            end = max(t.i for t in tail)
            return f"{base} {doc[prep.i : end + 1].text}"
    return None


def _same_entity(a: Token, b: Token) -> bool:
    """Both words lie in one named entity ("The Foreign Ministry of Iraq" tagged as one ORG)."""
    ent = entity_at(a) if a.ent_iob_ != "O" else None
    return ent is not None and ent.start <= b.i < ent.end


def _holder(span: Span | None) -> str | None:
    """"Kenya's ambassador to the U.N., Jane Wanjiru, ... she said": a title taken up by a
    pronoun is named by the person its phrase names (an appositive), not by the title."""
    person = person_of(span.root) if span is not None else None
    return person.text if person is not None and span is not None and \
        person.root.i != span.root.i else None


def own_name(span: Span) -> Span | None:
    """The person's name a speaker's own words give: a PERSON entity, or a run of two or more
    proper nouns ending at the head that the tagger took for something else ("Mayor de Blasio",
    "Nikki Holland" read as an ORG)."""
    if len(span) == 1 and span.root.lower_ in PRONOUNS:
        return None
    person = next((e for e in entities_in(span) if e.label_ == "PERSON"), None)
    if person is not None:
        return person
    name = proper_name(span.root)
    return name if name is not None and len(name) >= 2 and \
        all(t.is_title or not t.is_alpha for t in name[-1:]) else None


def names_other(name: str | None, span: Span) -> bool:
    """The resolved name shares no last word with the speaker's own words: it is someone else
    ("Charles Schultze, chairman ... under Jimmy Carter" named Jimmy Carter)."""
    words = WORD.findall(plain(name or ""))
    return bool(words) and words[-1] not in {w for t in span for w in WORD.findall(plain(t.text))}


def tidy(name: str | None) -> str | None:
    """A name as the text gives its bearer: no possessive left on it ("As Mr Kok's report
    noted" is Mr Kok), no quote mark or bracket it was cut out with."""
    if not name:
        return name
    out = POSSESSIVE_END.sub("", name.strip(EDGE_MARKS)).strip(EDGE_MARKS)
    return out or name


def plain(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "Erdogan" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))
