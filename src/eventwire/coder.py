"""The per-article coder: a pure function of (text, metadata, knowledge)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.actors.resolver import ActorResolver
from eventwire.actors.standing import FORMER_SECTOR
from eventwire.context.situate import Situator
from eventwire.events.candidates import Candidate, find_candidates
from eventwire.events.confidence import calibrated
from eventwire.events.counterpart import SentenceMentions, counterpart, needed_counterpart
from eventwire.events.culprits import with_culprits
from eventwire.events.demands import find_demands
from eventwire.events.directives import with_directives
from eventwire.events.echo import echoed_target
from eventwire.events.evaluations import find_evaluations
from eventwire.events.eventref import claimed_target, joined_meeting, refer_back
from eventwire.events.hosting import with_host_side
from eventwire.events.merge import merge_events
from eventwire.events.reactions import aimed_at_the_move
from eventwire.knowledge.domains import is_sport, political_actor
from eventwire.knowledge.loader import Knowledge, load_knowledge
from eventwire.model import Actor, Article, CodedArticle, Event, Mention, Place, Span, event_id
from eventwire.nlp import deadline
from eventwire.nlp.chunking import CHUNK_CHARS, bound_runs, parse, short_sentences, tokenize
from eventwire.nlp.deadline import ArticleTimeout
from eventwire.nlp.parsed import sentence_of, sentences, text_of
from eventwire.nlp.pipeline import load_pipeline


@dataclass
class CoderOptions:
    """Switches that change what the coder emits."""

    include_negated: bool = False


BACKGROUND_DAYS = 31  # the guideline: history over about a month old is not news


def is_background(event: Event, published: dt.date | None) -> bool:
    """Events the text dates more than a month before publication are history, not news."""
    if published is None or event.date is None or event.date_text is None:
        return False
    last = dt.date.fromisoformat(event.date_end or event.date)
    return (published - last).days > BACKGROUND_DAYS


def sentence_candidates(sent: SpacySpan, knowledge: Knowledge, resolver: ActorResolver
                        ) -> list[Candidate]:
    """Every event candidate of a sentence: lexicon triggers, evaluative criticism, demands."""
    found = with_culprits(find_candidates(sent, knowledge.lexicon, resolver)
                          + find_evaluations(sent, resolver) + find_demands(sent, resolver),
                          sent, resolver)
    return aimed_at_the_move(with_directives(found, sent, resolver), resolver)


def article_candidates(doc: Doc, knowledge: Knowledge, resolver: ActorResolver
                       ) -> list[Candidate]:
    """Every candidate of an article, after the decisions that need the whole article: who
    may be coded at all, the host's side of a visit, and responses to acts reported earlier."""
    found: list[Candidate] = []
    for sent in sentences(doc):
        deadline.check()
        found += sentence_candidates(sent, knowledge, resolver)
    found = with_host_side(found)
    sport = is_sport(doc)
    acting: dict[int, set[str]] = {}
    for c in found:
        if c.actor is not None and c.actor.code:
            acting.setdefault(c.trigger.i, set()).add(c.actor.code)
    out: list[Candidate] = []
    history: list[Candidate] = []
    parties = SentenceMentions(resolver.mentions)
    for cand in found:
        cand = echoed_target(cand, out)  # the acts as coded, targets found
        if cand.actor is not None and cand.actor.sector is None and \
                cand.actor.kind in PERSON_KINDS:
            cand.decision = "dropped: a person placed only by nationality has no political role"
        elif cand.actor is not None and cand.actor.sector == FORMER_SECTOR:
            # codebook v2: commentators, not coded as actors (still as recipients)
            cand.decision = "dropped: a former official speaks for no office (a commentator)"
        elif cand.actor is not None and sport and \
                not political_actor(cand.actor.kind, cand.actor.sector):
            cand.decision = "dropped: sports coverage ('Wales threatened' is a team)"
        cand = needed_counterpart(cand, parties, knowledge.gazetteer.countries,
                                  acting.get(cand.trigger.i, set()))
        if cand.decision != "emitted":
            out.append(cand)
            continue
        cand = claimed_target(cand, found, knowledge.lexicon)
        joined = joined_meeting(cand, history, knowledge.lexicon)
        if joined is not None:
            out.extend(joined)  # a meeting already told: not a new referent
            continue
        out.extend(counterpart(c, parties, knowledge.gazetteer.countries,
                               acting.get(c.trigger.i, set()))
                   for c in refer_back(cand, history, knowledge.lexicon, resolver))
        history.append(cand)
    return out


def parse_published(value: str | None) -> dt.date | None:
    """The publication day from an ISO date or timestamp; None when absent or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# States use force through their armed forces: a country acting in these events is MIL.
MILITARY_EVENTS = {"ASSAULT", "MOBILIZE"}
STATE_KINDS = {"country", "metonym", "description", "pronoun", "place"}
PERSON_KINDS = {"person", "description", "pronoun"}


def _actor(m: Mention, event: str | None = None) -> Actor:
    sector = m.sector
    if event in MILITARY_EVENTS and sector == "GOV" and m.kind in STATE_KINDS:
        sector = "MIL"
    elif event == "PROTEST" and sector == "GOV" and m.kind == "demonym":
        sector = "CVL"  # "Palestinian riots": a people protest, not their government
    return Actor(code=m.code, sector=sector, text=m.text, name=m.name)


STATELESS = "IMG"  # armed groups the knowledge files place in no country


def placed(actor: Actor, place: Place | None, story: str | None) -> Actor:
    """Codebook v2: an armed group without a home state is coded in the country where it
    acts (the event's place, else the state it acts on, else the story's country); IMG
    only when there is none."""
    where = (place.country if place is not None else None) or story
    if actor.code != STATELESS or where is None:
        return actor
    return Actor(code=where, sector=actor.sector, text=actor.text, name=actor.name)


def evidence_span(doc: Doc, cand: Candidate) -> Span:
    """The trigger, its required words and the recipient phrase: the words that justify it."""
    toks = [cand.trigger, *cand.words]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    sent = sentence_of(cand.trigger)
    if cand.recipient is not None and cand.recipient.start >= sent.start_char \
            and cand.recipient.end <= sent.end_char:
        start, end = min(start, cand.recipient.start), max(end, cand.recipient.end)
        if cand.actor is not None and start <= cand.actor.start < end and \
                cand.actor.start < cand.trigger.idx:
            start = min(t.idx for t in toks)
    return Span(text=text_of(doc)[start:end], start=start, end=end)


def to_event(doc: Doc, article: Article, cand: Candidate, knowledge: Knowledge,
             situator: Situator) -> Event:
    """A candidate as an output-contract event, with ontology fields, date and place."""
    entry = cand.entry
    assert cand.actor is not None
    onto = knowledge.ontology
    evidence = evidence_span(doc, cand)
    when = situator.date(cand)
    where = situator.location(cand)
    home = situator.resolver.story_country(cand.trigger, people=False)
    story = home.code if home is not None else None
    if cand.recipient is not None and cand.recipient.code in knowledge.gazetteer.countries:
        story = cand.recipient.code
    confidence = 0.45 + (0.15 if cand.actor.kind != "pronoun" else 0.05) \
        + (0.2 if cand.recipient is not None else 0.0) + (0.1 if entry.with_ else 0.0) \
        + (0.05 if cand.modality.modality == "asserted" else 0.0)
    return Event(
        id=event_id(article.id, entry.event, cand.actor.code,
                    cand.recipient.code if cand.recipient else None, evidence.start),
        event=entry.event,
        mode=entry.mode,
        context=list(entry.context),
        cameo=entry.cameo,
        quad=onto.categories[entry.event].quad,
        intensity=onto.intensity(entry.event, entry.mode),
        actor=placed(_actor(cand.actor, entry.event), where, story),
        recipient=placed(_actor(cand.recipient), where, story) if cand.recipient else None,
        date=when.date,
        date_end=when.date_end,
        date_text=when.text,
        location=where,
        sentence=sentence_of(cand.trigger).text,
        evidence=evidence,
        evidence_all=[evidence],
        negated=cand.modality.negated or cand.modality.modality == "hypothetical",
        modality=cand.modality.modality,
        intent=entry.intent,
        confidence=round(min(confidence, 1.0), 2),
        rule=cand.rule,
    )


def code_doc(doc: Doc, article: Article, knowledge: Knowledge, options: CoderOptions
             ) -> CodedArticle:
    """Code one parsed article: resolve actors, find events, attach quotes, places, dates."""
    published = parse_published(article.published)
    resolver = ActorResolver(doc, knowledge.gazetteer, published)
    situator = Situator(doc, resolver, published)
    deadline.check()
    quotes = situator.quotes()
    deadline.check()
    for q in quotes:
        if q.speaker is not None and q.speaker.code:
            resolver.add_speaker(q.start, q.end, Mention(
                text=q.speaker.text, start=q.start, end=q.start, sentence=0, code=q.speaker.code,
                sector=q.speaker.sector, name=q.speaker.name, kind="speaker"))
    events: list[Event] = []
    for cand in article_candidates(doc, knowledge, resolver):
        deadline.check()
        keep = cand.decision == "emitted" or (
            options.include_negated and cand.decision.startswith(("dropped: negated",
                                                                  "dropped: hypothetical")))
        if keep and cand.actor is not None:
            event = to_event(doc, article, cand, knowledge, situator)
            if not is_background(event, published):
                events.append(event)
    return CodedArticle(
        id=article.id, title=article.title, published=article.published, url=article.url,
        source=article.source,
        events=calibrated(merge_events(events), knowledge.calibration), quotes=quotes,
        mentions=resolver.mentions,
    )


WARM_UP = ('Iranian Foreign Minister Dara Rezaei met Russian officials in Moscow on 12.03.2020. '
           '"We agreed to expand trade," he said. Protesters gathered in Paris on Tuesday.')
# What coding one article gives: its events, or the budget it ran out of.
Coding = CodedArticle | ArticleTimeout


class Coder:
    """A loaded pipeline plus knowledge, ready to code many articles.

    `max_seconds` is the per-article time budget (None: unbounded), see eventwire.nlp.deadline.
    """

    def __init__(self, nlp: Language, knowledge: Knowledge, options: CoderOptions | None = None,
                 max_seconds: float | None = deadline.DEFAULT_SECONDS):
        self.nlp = nlp
        self.knowledge = knowledge
        self.options = options or CoderOptions()
        self.max_seconds = max_seconds

    @classmethod
    def load(cls, model: str | None = None, actor_files: Iterable[str] = (),
             lexicon_files: Iterable[str] = (), include_negated: bool = False,
             max_seconds: float | None = deadline.DEFAULT_SECONDS,
             calibration: str | None = None, calibrated: bool = True) -> Coder:
        """`calibration`: a file from `eventwire calibrate` (default: the packaged fit);
        `calibrated=False` keeps each rule's prior confidence."""
        knowledge = load_knowledge(actor_files, lexicon_files, calibration, calibrated)
        coder = cls(load_pipeline(model), knowledge,
                    CoderOptions(include_negated=include_negated), max_seconds)
        coder.warm_up()
        return coder

    def warm_up(self) -> None:
        """Code a short article outside any budget, so the data loaded on first use (the
        place gazetteer, the date parser) is not charged to the first real article."""
        article = Article(id="warm-up", text=WARM_UP, published="2024-01-02")
        code_doc(parse(self.nlp, article.text), article, self.knowledge, self.options)

    def code(self, article: Article | dict[str, Any]) -> CodedArticle:
        """Code one article (an Article, or a dict with 'id' and 'text'); raises ArticleTimeout
        past the budget."""
        if isinstance(article, dict):
            article = Article.from_dict(article)
        return next(self.code_many([article]))

    def code_text(self, text: str, published: object = None, title: str | None = None,
                  article_id: str | None = None) -> CodedArticle:
        """Code a string as `eventwire code -` would; the id defaults to a hash of the text."""
        from eventwire.ingest.record import make_article

        return self.code(make_article(text, given_id=article_id, title=title,
                                      published=published))

    def code_many(self, articles: Iterable[Article], batch_size: int = 32
                  ) -> Iterator[CodedArticle]:
        """Code articles in order; the first one over its budget raises ArticleTimeout."""
        for result in self.code_each(articles, batch_size):
            if isinstance(result, ArticleTimeout):
                raise result
            yield result

    def code_each(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Coding]:
        """One result per article, in order: short texts are parsed in batches with nlp.pipe,
        long ones alone in chunks; an article over its budget yields its ArticleTimeout."""
        batch: list[Article] = []
        for article in articles:
            if len(article.text) <= CHUNK_CHARS:
                batch.append(article)
                if len(batch) < batch_size:
                    continue
            yield from self._code_batch(batch, batch_size)
            batch = []
            if len(article.text) > CHUNK_CHARS:
                yield self._within_budget(article, None)
        yield from self._code_batch(batch, batch_size)

    def _code_batch(self, batch: list[Article], batch_size: int) -> Iterator[Coding]:
        pairs = ((bound_runs(tokenize(self.nlp, a.text)), a) for a in batch)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._within_budget(article, doc)

    def _within_budget(self, article: Article, doc: Doc | None) -> Coding:
        """Parse (unless parsed in a batch) and code one article under its deadline."""
        with deadline.budget(self.max_seconds):
            try:
                doc = parse(self.nlp, article.text) if doc is None \
                    else short_sentences(self.nlp, doc)
                return code_doc(doc, article, self.knowledge, self.options)
            except ArticleTimeout as exc:
                return exc
