"""Judgements are speech acts: "US sanctions are a failed policy" is Iran accusing the US,
"described the vote as free and fair" the speaker's support of whoever held it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.errors import KnowledgeFileError
from eventwire.events.candidates import Candidate
from eventwire.events.eventref import KIND_NOUNS
from eventwire.events.modality import assess
from eventwire.events.reactions import names_a_move
from eventwire.events.roles import RoleFinder, subject_of
from eventwire.knowledge.lexicon import TriggerEntry
from eventwire.knowledge.yamlfile import LINE_KEY, load_yaml
from eventwire.model import Mention

PREDICATE_DEPS = ("acomp", "attr", "oprd")
# "called X illegal", "described X as a failure": the subject evaluates the object.
NAMING_VERBS = {"call", "label", "describe", "brand", "term", "dub", "deem", "denounce", "name",
                "designate", "list", "classify", "regard", "view", "characterize",
                "characterise", "portray"}
# "said/believes (that) X is a failure": the speaker evaluates.
SPEECH_VERBS = {"say", "tell", "state", "stress", "add", "note", "underline", "insist", "warn",
                "declare", "argue", "claim", "believe", "think", "consider", "tweet", "write",
                "emphasize", "emphasise", "affirm", "assert", "maintain", "contend", "charge",
                "allege", "suggest", "complain", "lament", "acknowledge"}
# "is one of the most hostile regimes", "was among the most repressive": a class judged.
RANKING = {"of", "among"}
# Which list makes which act: judged things (`accuse`, `support`) and stated feelings about
# them (`concern`, `approval`).
JUDGEMENTS = {"accuse": "ACCUSE", "support": "SUPPORT"}
FEELINGS = {"concern": "ACCUSE", "approval": "SUPPORT"}
# What a feeling is about: "concerned about", "alarmed by", "pleased with", "grateful to".
FEELING_PREPS = {"about", "over", "at", "by", "with", "to", "for", "regarding"}
DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Vocabulary:
    """Evaluative lemmas: lemma -> (act, the modifier it needs or None)."""

    judgements: dict[str, tuple[tuple[str, str | None], ...]]
    feelings: dict[str, str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged evaluative vocabulary, checked as it is read."""
    path = str(resources.files("eventwire.knowledge") / "data" / "evaluations.yaml")
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeFileError(path, "expected lists named accuse, support, concern, approval")
    judgements: dict[str, list[tuple[str, str | None]]] = {}
    feelings: dict[str, str] = {}
    for key, words in data.items():
        if key == LINE_KEY:
            continue
        if key not in JUDGEMENTS and key not in FEELINGS:
            raise KnowledgeFileError(path, f"unknown list {key!r} (expected accuse, support, "
                                           "concern or approval)")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            raise KnowledgeFileError(path, f"{key}: expected a list of words")
        for word in words:
            parts = word.lower().split()
            if len(parts) > 2 or (key in FEELINGS and len(parts) != 1):
                raise KnowledgeFileError(path, f"{key}: {word!r} is not a word or a "
                                               "modifier and a word")
            if key in FEELINGS:
                feelings[parts[0]] = FEELINGS[key]
            else:
                judgements.setdefault(parts[-1], []).append(
                    (JUDGEMENTS[key], parts[0] if len(parts) == 2 else None))
    return Vocabulary({k: tuple(v) for k, v in judgements.items()}, feelings)


def _entry(lemma: str, event: str) -> TriggerEntry:
    accuse = event == "ACCUSE"
    return TriggerEntry(
        id=f"{event.lower()}-evaluation-{lemma}", trigger=lemma, pos="ADJ", with_=(),
        event=event, mode="disapprove" if accuse else None, context=(),
        cameo="111" if accuse else "051", actor=("evaluator",), recipient=("owner",),
        symmetric=False, requires_recipient=True, source="evaluations.yaml")


def judged_as(token: Token, vocab: Vocabulary) -> str | None:
    """The act a judging word makes, when its needed modifier is there ("politically
    motivated")."""
    for event, modifier in vocab.judgements.get(token.lemma_.lower(), ()):
        if modifier is None or any(c.lower_ == modifier for c in token.children):
            return event
    return None


def _predicate(token: Token) -> Token | None:
    """The word that carries the evaluation as a predicate ("is a failed policy": policy)."""
    if token.dep_ == "conj":
        token = token.head  # "as free and fair": the first conjunct stands in the clause
    if token.dep_ in PREDICATE_DEPS:
        return token
    if token.dep_ == "amod" and token.head.dep_ in PREDICATE_DEPS:
        return token.head
    ranked = _ranked_among(token)
    if ranked is not None:
        return ranked
    if token.head.lower_ == "as" and token.head.head.lemma_ in NAMING_VERBS:
        return token  # "described the vote as fair", parsed on "as"
    if token.dep_ == "amod":
        token = token.head  # "described it as a hostile act": the noun carries it
    if token.dep_ == "pobj" and token.head.lower_ == "as" and \
            token.head.head.lemma_ in NAMING_VERBS:
        return token  # "named the PKK as terrorists"
    return None


def _ranked_among(token: Token) -> Token | None:
    """"the EU is one of the most hostile authorities", "was among the most repressive
    regimes": the predicate ("one", or "among" itself) whose class the word judges."""
    noun = token.head if token.dep_ in ("amod", "conj") else token
    if noun.dep_ != "pobj" or noun.head.lower_ not in RANKING:
        return None
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ in PREDICATE_DEPS:
        return prep.head
    if prep.lower_ == "among" and prep.head.lemma_ == "be":
        return prep
    return None


def reporting_verb(clause: Token) -> Token | None:
    """The verb of saying a clause is the content of ("said (that) X is ...")."""
    if clause.dep_ == "ccomp" and clause.head.lemma_ in SPEECH_VERBS:
        return clause.head
    return None


def _verb_of(pred: Token) -> Token:
    """The verb that states a judgement ("called X unjust", "described X as fair")."""
    return pred.head.head if pred.head.lower_ == "as" else pred.head


def _evaluated_and_evaluator(pred: Token) -> tuple[Token | None, Token | None, str]:
    """What is judged, and who judges (None: the speaker of the surrounding quote)."""
    verb = _verb_of(pred)
    own_subject = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lemma_ in NAMING_VERBS and verb.dep_ != "auxpass":
        target = own_subject[0] if own_subject else next(
            (c for c in verb.children if c.dep_ == "dobj"),
            verb.head if verb.dep_ == "relcl" else None)  # "the decision London called unjust"
        judge, _ = subject_of(verb)
        return target, judge, "naming"
    target = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    governor = reporting_verb(verb)
    if governor is not None:
        judge, _ = subject_of(governor)
        return target, judge, "reported"
    return target, None, "quoted"


def _felt_about(token: Token) -> tuple[Token | None, Token | None, str]:
    """"The US is deeply concerned about China's actions": what the feeling is about, and
    who feels it (None: the speaker of the surrounding quote)."""
    target = next((p for c in token.children if c.dep_ in ("prep", "agent")
                   and c.lower_ in FEELING_PREPS for p in c.children if p.dep_ == "pobj"), None)
    if token.dep_ == "acomp":
        judge, _ = subject_of(token.head)
        return target, judge, "feeling"
    felt = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if felt is not None:  # "Japan is alarmed by the launches", parsed as a passive
        return target, felt, "feeling"
    return None, None, ""


def _held_in(target: Token, resolver: ActorResolver) -> list[Mention]:
    """"the elections in Georgia", "the crackdown in Belarus": a thing done in a state is
    that state's doing."""
    for prep in target.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for place in prep.children:
                found = [m for m in resolver.resolve(place) if m.sector in ("GOV", None)] \
                    if place.dep_ == "pobj" else []
                if found:
                    return found
    return []


def find_evaluations(sent: Span, resolver: ActorResolver) -> list[Candidate]:
    """ACCUSE or SUPPORT candidates from judgements and feelings about an actor's doing."""
    vocab = vocabulary()
    roles = RoleFinder(resolver)
    out: list[Candidate] = []
    for token in sent:
        event = judged_as(token, vocab)
        pred = _predicate(token) if event else None
        if event and pred is not None:
            target, judge, how = _evaluated_and_evaluator(pred)
            modality = assess(_verb_of(pred))
        elif (feeling := vocab.feelings.get(token.lower_)) is not None:
            event, pred = feeling, token  # the participle itself: "alarmed", not "alarm"
            target, judge, how = _felt_about(token)
            modality = assess(token)
        else:
            continue
        if target is None:
            continue
        owners = resolver.resolve(target) or roles.owners(target) or _held_in(target, resolver)
        judges = resolver.resolve(judge) if judge is not None else quote_speaker(resolver, token)
        # "the verdict", "the charges": an act the article reported, whose doer is judged
        referring = not owners and (target.lower_ in KIND_NOUNS and any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in target.children)
            or names_a_move(target))  # "..., a decision London called unjustified"
        for a in judges:
            for r in owners or ([None] if referring else []):
                if r is not None and a.code == r.code and a.sector == r.sector:
                    continue
                cand = Candidate(_entry(token.lemma_.lower(), event), token,
                                 [pred] if pred.i != token.i else [], a, r, how,
                                 "owner" if r is not None else "", modality)
                if r is None:
                    cand.extra["topic"] = target  # "called the verdict unjust": whose verdict
                cand.decision = modality.drop_reason or cand.decision
                out.append(cand)
    return out


def quote_speaker(resolver: ActorResolver, token: Token) -> list[Mention]:
    """Who speaks the quotation a token stands in, when it is known."""
    for start, end, speaker in resolver.speakers:
        if start <= token.idx < end and speaker.code:
            return [speaker]
    return []
