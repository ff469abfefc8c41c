"""Lexicon coverage: what actors are said to do that the coder does not code.

Usage: python benchmarks/coverage.py CORPUS.jsonl [CORPUS.jsonl ...] [--limit N] [--top K]

Each corpus is JSON Lines with `id` and `text`. The first N articles of each are parsed and
their event candidates found exactly as the coder finds them. A word is *uncovered* when no
candidate (emitted or dropped) has it as trigger or as a required word, and it has a resolved
actor: a verb whose subject is an actor ("Ottawa doubled the levy"), or a noun whose possessor
or modifier is one ("Japan's embargo", "Chinese retaliation"). The report lists the most
frequent uncovered verb lemmas, verb + object pairs and nouns, with one example each, so that
the lexicon grows by what news says most often, not by the misses of one gold set. Decide
each one from the PLOVER manual before adding it (most frequent verbs are not events: say,
have, take).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from eventwire.actors.resolver import ActorResolver
from eventwire.coder import Coder, article_candidates, parse_published
from eventwire.evaluate.scoring import EvalInputError, load_jsonl
from eventwire.model import Article
from eventwire.nlp.chunking import parse

SUBJECTS = ("nsubj", "nsubjpass")
OWNERS = ("poss", "amod", "compound")


def read_articles(path: Path, limit: int) -> list[Article]:
    """The first `limit` articles of a corpus with a text, read with the project's reader."""
    try:
        docs = load_jsonl(path)
    except EvalInputError as exc:
        raise SystemExit(f"error: {exc}") from None
    return [Article(id=str(d.get("id")), text=d["text"], published=d.get("published"))
            for d in docs if isinstance(d.get("text"), str)][:limit]


def _has_actor(token: Token, deps: tuple[str, ...], resolver: ActorResolver) -> bool:
    return any(c.dep_ in deps and any(m.code for m in resolver.resolve(c))
               for c in token.children)


class Tally:
    """Counts of uncovered verbs, verb + object pairs and nouns, each with a first example."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {"verb": Counter(), "verb+obj": Counter(),
                                                "noun": Counter()}
        self.examples: dict[tuple[str, str], str] = {}

    def add(self, kind: str, key: str, token: Token) -> None:
        self.counts[kind][key] += 1
        self.examples.setdefault((kind, key), token.sent.text.strip().replace("\n", " ")[:110])

    def count_doc(self, doc: Doc, article: Article, coder: Coder) -> None:
        """Add the uncovered words of one parsed article."""
        resolver = ActorResolver(doc, coder.knowledge.gazetteer, parse_published(article.published))
        covered: set[int] = set()
        for cand in article_candidates(doc, coder.knowledge, resolver):
            covered.add(cand.trigger.i)
            covered.update(w.i for w in cand.words)
        for token in doc:
            if token.i in covered:
                continue
            if token.pos_ == "VERB" and _has_actor(token, SUBJECTS, resolver):
                lemma = token.lemma_.lower()
                self.add("verb", lemma, token)
                for obj in (c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
                    self.add("verb+obj", f"{lemma} {obj.lemma_.lower()}", token)
            elif token.pos_ == "NOUN" and _has_actor(token, OWNERS, resolver):
                self.add("noun", token.lemma_.lower(), token)

    def report(self, top: int) -> None:
        for kind, counts in self.counts.items():
            print(f"\n== uncovered {kind} with a resolved actor (top {top}) ==")
            for key, n in counts.most_common(top):
                print(f"{n:5d}  {key:<26} | {self.examples[(kind, key)]}")


def main(argv: list[str] | None = None) -> int:
    """Parse the corpora, find candidates, print the most frequent uncovered words."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="JSON Lines files with id and text")
    parser.add_argument("--limit", type=int, default=150, help="articles per corpus")
    parser.add_argument("--top", type=int, default=40, help="rows per table")
    args = parser.parse_args(argv)
    if args.limit < 1 or args.top < 1:
        parser.error("--limit and --top must be at least 1")
    coder = Coder.load(max_seconds=None)
    tally = Tally()
    total = 0
    for path in args.corpus:
        articles = read_articles(path, args.limit)
        for article in articles:
            tally.count_doc(parse(coder.nlp, article.text), article, coder)
        total += len(articles)
        print(f"{path}: {len(articles)} articles", file=sys.stderr)
    print(f"{total} articles from {len(args.corpus)} corpora")
    tally.report(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
