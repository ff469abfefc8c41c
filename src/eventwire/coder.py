"""The per-article coder: a pure function of (text, metadata, knowledge)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, CodedArticle
from eventwire.nlp import load_pipeline


@dataclass
class CoderOptions:
    """Switches that change what the coder emits."""

    include_negated: bool = False


def code_doc(doc: Doc, article: Article, knowledge: object, options: CoderOptions) -> CodedArticle:
    """Code one parsed article. (Skeleton: filled in by the events/actors work.)"""
    return CodedArticle(id=article.id, title=article.title, published=article.published,
                        url=article.url, source=article.source)


class Coder:
    """A loaded pipeline plus knowledge, ready to code many articles."""

    def __init__(self, nlp: Language, knowledge: object, options: CoderOptions | None = None):
        self.nlp = nlp
        self.knowledge = knowledge
        self.options = options or CoderOptions()

    @classmethod
    def load(cls, model: str | None = None, actor_files: Iterable[str] = (),
             lexicon_files: Iterable[str] = (), include_negated: bool = False) -> Coder:
        return cls(load_pipeline(model), None, CoderOptions(include_negated=include_negated))

    def code(self, article: Article) -> CodedArticle:
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        """Parse in batches with nlp.pipe and code each article as it comes."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield code_doc(doc, article, self.knowledge, self.options)
