"""Who a quote's speaker is: the cue verb's subject, named from the entities around it."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from eventwire.model import Actor
from eventwire.nlp.parsed import entity_at, sentence_of

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
QUOTING = frozenset("quote cite".split())  # "quoted X as saying"
SUBJECT_CONTROL = frozenset("promise vow pledge threaten".split())  # "promised voters to say"
PRONOUNS = frozenset("he she him her they them i we it you".split())
NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
DOCUMENT_NOUNS = frozenset("""editorial statement report letter communique communiqué post tweet
    column op-ed memo release summary announcement message declaration""".split())
# Nouns by which a text takes up an organisation it named ("the rights group", "the league").
BODY_NOUNS = frozenset("""group organization organisation association league charity committee
    coalition alliance union movement network council commission foundation institute center
    centre watchdog body federation""".split())
# Pronoun owners of a text ("their statement") and modifiers naming its medium, not its issuer.
OWNER_PRONOUNS = frozenset("its their his her".split())
MEDIUM_WORDS = frozenset("""press news media video audio email e-mail radio television tv web
    online internet twitter facebook instagram joint draft policy year""".split())
# Heads of a share of a group ("91 percent of them", "most of them", "half of them").
PARTITIVES = frozenset("""percent % per cent most many some all half third quarter majority
    number none each both few several""".split())
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
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "it would continue to provide": an aspect, not words that go on
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
    quoted_one = _quoted_as(cue)
    if quoted_one is not None and not (quoted is not None and quoted[quoted_one.i]):
        return quoted_one
    own = _own_subject(cue)
    if own is not None and own.lower_ in RELATIVES and cue.dep_ == "relcl":
        return cue.head  # "said Amal Okafor, who added that '...'": the one the clause is about
    if own is not None:
        return _partitive_of(own) or own
    inverted = [c for c in cue.children if c.dep_ in ("dobj", "attr") and c.i > cue.i]
    if inverted and cue.lemma_.lower() in INVERTING:
        return inverted[0]  # "said a protester", "wrote Joshua Wong"
    if cue.dep_ == "amod" and cue.head.i > cue.i and cue.lemma_.lower() in INVERTING and \
            cue.head.pos_ in ("PROPN", "NOUN"):
        return cue.head  # "'...' tweeted Mayor of London X", parsed as a modifier of the title
    controller = _controller(cue, quoted)
    if controller is not None:
        return controller
    participle = cue.tag_ == "VBG"
    tok, first = cue, None
    for _ in range(6):
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        if quoted is not None and quoted[tok.i]:
            continue
        subject = _own_subject(tok) or _acl_speaker(tok)
        if subject is None:
            continue
        if not participle or is_cue(tok) or tok.dep_ == "ROOT":
            return subject
        first = first or subject
    return first or _name_before(cue, quoted)


def _quoted_as(cue: Token) -> Token | None:
    """"'...,' Reuters quoted a central bank official as saying": the one quoted speaks, not
    the paper that quotes them."""
    if cue.lemma_.lower() not in QUOTING or not any(
            c.dep_ == "prep" and c.lower_ == "as" and any(is_cue(g) for g in c.children)
            for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.lower_ not in RELATIVES),
                None)


def _partitive_of(tok: Token) -> Token | None:
    """"91 percent of them reported", "most of those polled said": a share of a group speaks
    as the group, a pronoun among them resolved."""
    if tok.lemma_.lower() not in PARTITIVES and tok.pos_ != "NUM":
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in PRONOUNS:
                return pobj
    return None


def share_of(tok: Token) -> Token | None:
    """The share a partitive pronoun was taken from ("them" in "91 percent of them")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    found = _partitive_of(prep.head)
    return prep.head if found is not None and found.i == tok.i else None


def _acl_speaker(verb: Token) -> Token | None:
    """"An eyewitness described how the attack unfolded, stating '...'" parsed as a verbless
    sentence: the noun a reporting clause hangs on as a modifier is its speaker."""
    if verb.dep_ == "acl" and is_cue(verb) and verb.head.dep_ == "ROOT" and \
            verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "ccomp" for c in verb.children) \
            and not any(c.dep_ == "agent" for c in verb.children):
        return verb.head
    return None


def _controller(cue: Token, quoted: list[bool] | None) -> Token | None:
    """"The paper quoted the minister as saying", "the protests led Senator X to declare": a
    cue with no subject of its own, hung on a verb by 'as' or 'to', is spoken by that verb's
    object, not its subject."""
    head = cue.head
    if cue.dep_ == "pcomp" and head.lower_ == "as" and head.dep_ == "prep":
        head = head.head
        if head.lemma_.lower() not in QUOTING:
            return None
    elif cue.dep_ != "xcomp" or head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None or (quoted is not None and quoted[obj.i]) or obj.lower_ in RELATIVES:
        return None
    return obj


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
    owner = _owner(tok)
    if owner is not None:
        return owner
    for prep in tok.rights:  # "a statement from the Egyptian Foreign Ministry"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in DOCUMENT_NOUNS:
                    return speaker_span(pobj)
    if any(c.lower_ in ("the", "this", "that") for c in tok.lefts):
        issuer = _issued_before(tok)
        return speaker_span(issuer) if issuer is not None else None
    return None


def _owner(tok: Token) -> Span | None:
    """"Their statement read", "the family's statement", "the army statement", "released a
    statement which said": a text with no named issuer is its owner's, its modifying body's,
    or the one who put it out."""
    for child in tok.lefts:
        if child.dep_ == "poss" and child.lower_ in OWNER_PRONOUNS:
            ahead = _subject_ahead(tok)
            return speaker_span(ahead) if ahead is not None else child.doc[child.i : child.i + 1]
        if child.dep_ == "poss":
            return speaker_span(child)
        if child.dep_ == "compound" and child.pos_ == "NOUN" and \
                child.lemma_.lower() not in MEDIUM_WORDS | DOCUMENT_NOUNS:
            return child.doc[child.i : child.i + 1]
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        subject = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() not in DOCUMENT_NOUNS | RELATIVES:
            return speaker_span(subject)
    return None


def _subject_ahead(tok: Token) -> Token | None:
    """"According to its press release, the league was '...'": an owner named only after the
    'according to' phrase is the subject of the clause that follows it."""
    if not any(a.lower_ == "according" for a in tok.ancestors):
        return None
    root = sentence_of(tok).root
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > tok.i
                 and c.lower_ not in PRONOUNS), None)


def text_pronoun_issuer(tok: Token) -> Token | None:
    """"The union issued a statement. It read, '...'": a text's 'it' that reads is the text,
    spoken by whoever issued one in the sentences just before."""
    if tok.lower_ != "it" or tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_.lower() != "read":
        return None
    return _issued_before(tok, DOCUMENT_NOUNS)


def _issued_before(tok: Token, kinds: frozenset[str] | None = None) -> Token | None:
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
        if t.lemma_.lower() not in (kinds or {tok.lemma_.lower()}) or \
                t.dep_ not in ("dobj", "pobj"):
            continue
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lemma_.lower() not in DOCUMENT_NOUNS | PRONOUNS:
            return subject
    return None


def speaker_span(tok: Token) -> Span:
    """The words naming the speaker: a person's name, an entity, or the subject's noun phrase."""
    if tok.lower_ in PRONOUNS:
        issuer = text_pronoun_issuer(tok)
        return speaker_span(issuer) if issuer is not None else tok.doc[tok.i : tok.i + 1]
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
    # "a spokesman for the ministry": the body places the speaker; "Regina Ip from the camp",
    # "Ana Ruiz at the bank": a name ends before them
    preps = ("of", "within", "for", "to") if tok.pos_ == "PROPN" else \
        ("of", "within", "for", "at", "from", "to")
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            right = max(right, max(t.i for t in _phrase(child)))
    return tok.doc[left : right + 1]


def _phrase(tok: Token) -> list[Token]:
    """tok's words without the clauses and asides hung in them: a name is a noun phrase."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in ("relcl", "acl", "advcl", "appos", "parataxis", "punct"):
            out.extend(_phrase(child))
    return out
