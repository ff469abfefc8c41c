"""Demands by modal verbs: "Straw said Sudan must reach an agreement" is Britain asking Sudan."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import Candidate
from eventwire.events.evaluations import quote_speaker, reporting_verb
from eventwire.events.modality import Modality, assess
from eventwire.events.roles import subject_of
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.model import Mention

# Modals that put an obligation on the clause's subject.
DEONTIC = {"must", "should"}


def _entry(modal: str) -> TriggerEntry:
    return TriggerEntry(
        id=f"request-deontic-{modal}", trigger=modal, pos="AUX", with_=(), event="REQUEST",
        mode=None, context=(), cameo="100", actor=("speaker",), recipient=("obliged",),
        symmetric=False, requires_recipient=True, source="demands.py")


def speaker_of(clause: Token, resolver: ActorResolver) -> tuple[list[Mention], Modality, str]:
    """Who lays the obligation down: the subject of the verb reporting it, or the quote's
    speaker when the clause stands in a quotation of its own."""
    governor = reporting_verb(clause)
    if governor is not None:
        judge, _ = subject_of(governor)
        return (resolver.resolve(judge) if judge is not None else []), assess(governor), \
            "reported"
    if clause.dep_ == "ROOT" and resolver.quoted[clause.i]:
        return quote_speaker(resolver, clause), Modality(), "quoted"
    return [], Modality(), ""


def _obligations(sent: Span) -> dict[int, tuple[Token, Token]]:
    """Verb index -> (verb, the word that obliges): "must"/"should" on the verb, or the verb
    "need"/"have" itself before a "to" complement ("They need to back our bid").

    Found from the obliging words themselves, so the sentence is read once without walking
    every token's children.
    """
    found: dict[int, tuple[Token, Token]] = {}
    for tok in sent:
        if tok.dep_ == "aux" and tok.lower_ in DEONTIC:
            found.setdefault(tok.head.i, (tok.head, tok))
        elif tok.lemma_ in ("need", "have") and tok.pos_ == "VERB" and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in tok.children):
            found.setdefault(tok.i, (tok, tok))
    return found


def find_demands(sent: Span, resolver: ActorResolver) -> list[Candidate]:
    """REQUEST candidates from obligations a speaker puts on another actor."""
    out: list[Candidate] = []
    for verb, modal in _obligations(sent).values():
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obliged = resolver.resolve(subject) if subject is not None else []
        if not obliged:
            continue
        out += spoken_of(_entry(modal.lemma_.lower()), verb, modal, obliged, resolver)
    return out


def spoken_of(entry: TriggerEntry, verb: Token, word: Token, subjects: list[Mention],
              resolver: ActorResolver) -> list[Candidate]:
    """The speaker's act on each subject of a clause they report or quote; never on
    themselves ("we must act" is a resolution, "we are responsible" owning up)."""
    speakers, modality, how = speaker_of(verb, resolver)
    out: list[Candidate] = []
    for a in speakers:
        for r in subjects:
            if a.code == r.code:
                continue
            cand = Candidate(entry, verb, [word] if word.i != verb.i else [], a, r, how,
                             "nsubj", modality)
            cand.decision = modality.drop_reason or cand.decision
            out.append(cand)
    return out
