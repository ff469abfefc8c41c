"""Throughput: how much the eventwire coder costs on top of the bare spaCy parse.

Usage: python benchmarks/throughput.py CORPUS.jsonl [--limit N] [--model M] [--batch-size B]

The corpus is JSON Lines with `id` and `text` (optional `title`, `published`). The pipeline is
loaded once. Each measurement runs twice (alternating parse/code), and the best time is kept.
On a small shared machine the parse time alone swings by a quarter from run to run, so the
speed ratio is also measured within one pass: the time spent inside `nlp.pipe` and the time
spent in the coder are summed separately while the same articles stream through, and the
coding speed is parse / (parse + coder) of the parse-all speed.
A last, instrumented coding pass times actor resolution (gazetteer matching, phrase reading,
coreference and every role lookup) to report what resolution adds to the rest of coding.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eventwire.actors.resolver import ActorResolver
from eventwire.coder import Coder, code_doc
from eventwire.errors import EventwireError
from eventwire.evaluate.scoring import EvalInputError, load_jsonl
from eventwire.model import Article
from eventwire.nlp.pipeline import ModelNotInstalled


def read_articles(path: Path, limit: int | None) -> list[Article]:
    """Read the corpus with the project's JSONL reader, naming the file and line of bad input."""
    try:
        docs = load_jsonl(path)
    except EvalInputError as exc:
        raise SystemExit(f"error: {exc}") from None
    articles = [Article(id=str(d.get("id")), text=d["text"], title=d.get("title"),
                        published=d.get("published"))
                for d in docs if isinstance(d.get("text"), str)][:limit]
    if not articles:
        raise SystemExit(f"error: {path}: no articles with a 'text'")
    return articles


def time_parse(coder: Coder, texts: list[str], batch_size: int) -> tuple[float, int]:
    """Seconds to parse every text with the bare pipeline, and the token count."""
    start = time.perf_counter()
    docs = list(coder.nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    return elapsed, sum(len(d) for d in docs)


def time_code(coder: Coder, articles: list[Article], batch_size: int) -> tuple[float, int]:
    """Seconds to code every article end to end, and the number of events found."""
    start = time.perf_counter()
    coded = list(coder.code_many(articles, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    return elapsed, sum(len(c.events) for c in coded)


def time_split(coder: Coder, articles: list[Article], batch_size: int) -> tuple[float, float]:
    """Seconds inside the parser and inside the coder, measured in the same streaming pass."""
    stream = coder.nlp.pipe(((a.text, a) for a in articles), as_tuples=True,
                            batch_size=batch_size)
    parse = code = 0.0
    while True:
        start = time.perf_counter()
        item = next(stream, None)
        parse += time.perf_counter() - start
        if item is None:
            return parse, code
        start = time.perf_counter()
        code_doc(item[0], item[1], coder.knowledge, coder.options)
        code += time.perf_counter() - start


RESOLVER_ENTRY_POINTS = ("__init__", "resolve", "resolve_modifier", "resolve_place")


@contextmanager
def timed_resolution() -> Iterator[list[float]]:
    """Time every outermost call into the actor resolver while the block runs."""
    total = [0.0]
    depth = [0]
    originals = {name: getattr(ActorResolver, name) for name in RESOLVER_ENTRY_POINTS}

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            depth[0] += 1
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    total[0] += time.perf_counter() - start
        return wrapper

    for name, fn in originals.items():
        setattr(ActorResolver, name, timed(fn))
    try:
        yield total
    finally:
        for name, fn in originals.items():
            setattr(ActorResolver, name, fn)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run both measurements twice, print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON Lines file with id and text")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--model", default=None, help="spaCy pipeline package")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")

    articles = read_articles(args.corpus, args.limit)
    texts = [a.text for a in articles]
    try:
        load_start = time.perf_counter()
        coder = Coder.load(model=args.model)
        load_time = time.perf_counter() - load_start
    except (ModelNotInstalled, EventwireError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    parse_best = code_best = split_parse = split_code = float("inf")
    tokens = events = 0
    for _ in range(2):
        parse_t, tokens = time_parse(coder, texts, args.batch_size)
        code_t, events = time_code(coder, articles, args.batch_size)
        parse_best, code_best = min(parse_best, parse_t), min(code_best, code_t)
        in_parser, in_coder = time_split(coder, articles, args.batch_size)
        split_parse, split_code = min(split_parse, in_parser), min(split_code, in_coder)

    n = len(articles)
    meta = coder.nlp.meta
    print(f"corpus: {args.corpus} ({n} articles, {tokens} tokens), model "
          f"{meta.get('lang')}_{meta.get('name')}, batch size {args.batch_size}, "
          f"load {load_time:.1f}s")
    print(f"{'':12}{'seconds':>10}{'articles/s':>12}{'tokens/s':>12}")
    for name, secs in (("spaCy parse", parse_best), ("eventwire", code_best)):
        print(f"{name:12}{secs:10.2f}{n / secs:12.1f}{tokens / secs:12.0f}")
    print(f"coding/parse time ratio: {code_best / parse_best:.2f} ({events} events coded)")
    speed = split_parse / (split_parse + split_code)
    print(f"same pass: {split_parse:.2f}s in the parser, {split_code:.2f}s in the coder; "
          f"coding speed = {speed:.2f}x the parse-all speed")

    with timed_resolution() as resolution:
        code_t, _ = time_code(coder, articles, args.batch_size)
    rest = code_t - resolution[0]
    print(f"actor resolution: {resolution[0]:.2f}s of {code_t:.2f}s coding "
          f"({resolution[0] / code_t:.1%}); coding without it {rest:.2f}s, "
          f"so resolution adds {resolution[0] / rest:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
