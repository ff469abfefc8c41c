"""Precision on text without political events: how many events the coder finds per article.

Usage: python benchmarks/precision.py CORPUS.jsonl [--category C ...] [--limit N] [--show K]
                                      [--only EVENT ...]

The corpus is JSON Lines with `id` and `text` (optional `title`, `published`, `category`).
`--category sport --category entertainment` keeps only those BBC categories. Every event found
in such text is a false positive or a rare real one, so the report lists the events by PLOVER
category and shows the first K with their evidence for a reader to judge.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.coder import Coder
from eventwire.evaluate.scoring import EvalInputError, load_jsonl
from eventwire.model import Article


def read_articles(path: Path, categories: list[str], limit: int | None) -> list[Article]:
    """The corpus articles of the chosen categories, with the project's JSONL reader."""
    try:
        docs = load_jsonl(path)
    except EvalInputError as exc:
        raise SystemExit(f"error: {exc}") from None
    keep = [d for d in docs if isinstance(d.get("text"), str)
            and (not categories or d.get("category") in categories)]
    articles = [Article(id=str(d.get("id")), text=d["text"], title=d.get("title"),
                        published=d.get("published")) for d in keep][:limit]
    if not articles:
        raise SystemExit(f"error: {path}: no articles with a 'text'"
                         + (f" in categories {', '.join(categories)}" if categories else ""))
    return articles


def main(argv: list[str] | None = None) -> int:
    """Code the corpus, print events per article, per category, and examples."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON Lines file with id and text")
    parser.add_argument("--category", action="append", default=[],
                        help="keep articles whose 'category' is this (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--show", type=int, default=10, help="print the first K events")
    parser.add_argument("--only", action="append", default=[],
                        help="show only events of this PLOVER category (repeatable)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    articles = read_articles(args.corpus, args.category, args.limit)
    coder = Coder.load()
    start = time.perf_counter()
    coded = list(coder.code_many(articles))
    elapsed = time.perf_counter() - start
    events = [(c.id, e) for c in coded for e in c.events]
    by_category = Counter(e.event for _, e in events)
    n = len(articles)
    print(f"corpus: {args.corpus} ({n} articles"
          + (f", categories {', '.join(args.category)}" if args.category else "")
          + f"), coded in {elapsed:.1f}s")
    print(f"events: {len(events)} = {len(events) / n:.3f} per article; "
          f"articles with any event: {sum(1 for c in coded if c.events)}")
    for category, count in by_category.most_common():
        print(f"  {category:<10}{count:6d}")
    shown = [(a, e) for a, e in events if not args.only or e.event in args.only]
    for article_id, e in shown[:args.show]:
        recipient = e.recipient.code if e.recipient else "-"
        print(f"  {article_id}: {e.actor.code} {e.event} {recipient} | {e.evidence.text[:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
