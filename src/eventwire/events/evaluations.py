"""Criticism by evaluation: "US sanctions are a failed policy" is Iran accusing the US."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.events.candidates import Candidate
from eventwire.events.modality import assess
from eventwire.events.roles import RoleFinder, subject_of
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.knowledge.yamlfile import load_yaml
from eventwire.model import Mention

PREDICATE_DEPS = ("acomp", "attr", "oprd")
# "called X illegal", "described X as a failure": the subject evaluates the object.
NAMING_VERBS = {"call", "label", "describe", "brand", "term", "dub", "deem", "denounce", "name",
                "designate", "list", "classify", "regard", "view", "characterize",
                "characterise", "portray"}
# "said/believes (that) X is a failure": the speaker evaluates.
SPEECH_VERBS = {"say", "tell", "state", "stress", "add", "note", "underline", "insist", "warn",
                "declare", "argue", "claim", "believe", "think", "consider", "tweet", "write",
                "emphasize", "emphasise", "affirm", "assert", "maintain"}


@lru_cache(maxsize=1)
def evaluative_words() -> frozenset[str]:
    """The packaged list of evaluative lemmas."""
    path = resources.files("eventwire.knowledge") / "data" / "evaluations.yaml"
    data = load_yaml(str(path))
    return frozenset(str(w).lower() for w in data.get("accuse") or [])


def _entry(lemma: str) -> TriggerEntry:
    return TriggerEntry(
        id=f"accuse-evaluation-{lemma}", trigger=lemma, pos="ADJ", with_=(), event="ACCUSE",
        mode="disapprove", context=(), cameo="111", actor=("evaluator",),
        recipient=("owner",), symmetric=False, requires_recipient=True,
        source="evaluations.yaml")


def _predicate(token: Token) -> Token | None:
    """The word that carries the evaluation as a predicate ("is a failed policy": policy)."""
    if token.dep_ in PREDICATE_DEPS:
        return token
    if token.dep_ == "amod" and token.head.dep_ in PREDICATE_DEPS:
        return token.head
    if token.dep_ == "amod":
        token = token.head  # "described it as a hostile act": the noun carries it
    if token.dep_ == "pobj" and token.head.lower_ == "as" and \
            token.head.head.lemma_ in NAMING_VERBS:
        return token  # "named the PKK as terrorists"
    return None


def reporting_verb(clause: Token) -> Token | None:
    """The verb of saying a clause is the content of ("said (that) X is ...")."""
    if clause.dep_ == "ccomp" and clause.head.lemma_ in SPEECH_VERBS:
        return clause.head
    return None


def _evaluated_and_evaluator(pred: Token) -> tuple[Token | None, Token | None, str]:
    """What is judged, and who judges (None: the speaker of the surrounding quote)."""
    verb = pred.head.head if pred.dep_ == "pobj" else pred.head
    own_subject = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lemma_ in NAMING_VERBS and verb.dep_ != "auxpass":
        target = own_subject[0] if own_subject else next(
            (c for c in verb.children if c.dep_ == "dobj"), None)
        judge, _ = subject_of(verb)
        return target, judge, "naming"
    target = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    governor = reporting_verb(verb)
    if governor is not None:
        judge, _ = subject_of(governor)
        return target, judge, "reported"
    return target, None, "quoted"


def find_evaluations(sent: Span, resolver: ActorResolver) -> list[Candidate]:
    """ACCUSE candidates from evaluative predicates about an identifiable actor's doing."""
    words = evaluative_words()
    roles = RoleFinder(resolver)
    out: list[Candidate] = []
    for token in sent:
        if token.lemma_.lower() not in words:
            continue
        pred = _predicate(token)
        if pred is None:
            continue
        target, judge, how = _evaluated_and_evaluator(pred)
        if target is None:
            continue
        owners = resolver.resolve(target) or roles.owners(target)
        judges = resolver.resolve(judge) if judge is not None else quote_speaker(resolver, token)
        if not owners or not judges:
            continue
        for a in judges:
            for r in owners:
                if a.code == r.code and a.sector == r.sector:
                    continue
                words = [pred] if pred.i != token.i else []
                cand = Candidate(_entry(token.lemma_.lower()), token, words, a, r, how,
                                 "owner", assess(pred.head))
                cand.decision = cand.modality.drop_reason or cand.decision
                out.append(cand)
    return out


def quote_speaker(resolver: ActorResolver, token: Token) -> list[Mention]:
    """Who speaks the quotation a token stands in, when it is known."""
    for start, end, speaker in resolver.speakers:
        if start <= token.idx < end and speaker.code:
            return [speaker]
    return []
