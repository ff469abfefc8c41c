"""Coding articles in this process or in a pool of worker processes that load the Coder once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from eventwire.coder import Coder
from eventwire.errors import EventwireError
from eventwire.model import Article, CodedArticle
from eventwire.nlp.deadline import DEFAULT_SECONDS, ArticleTimeout


@dataclass(frozen=True)
class CoderSpec:
    """What a worker process needs to load the same Coder as the parent would."""

    model: str | None = None
    actor_files: tuple[str, ...] = field(default_factory=tuple)
    lexicon_files: tuple[str, ...] = field(default_factory=tuple)
    include_negated: bool = False
    max_seconds: float | None = DEFAULT_SECONDS  # the per-article budget; None: unbounded

    def load(self) -> Coder:
        return Coder.load(model=self.model, actor_files=self.actor_files,
                          lexicon_files=self.lexicon_files,
                          include_negated=self.include_negated, max_seconds=self.max_seconds)


class WorkerStartError(EventwireError):
    """A worker process could not load the coder (a missing model, a bad knowledge file)."""


@dataclass
class Outcome:
    """One article after coding: its result or the reason coding failed, and its signature."""

    article: Article
    coded: CodedArticle | None
    signature: bytes
    error: str | None = None


_WORKER_CODER: Coder | None = None
_WORKER_FAILURE: str | None = None


def _init_worker(spec: CoderSpec) -> None:
    """Pool initializer: each worker process loads the pipeline once."""
    global _WORKER_CODER, _WORKER_FAILURE
    try:
        _WORKER_CODER = spec.load()
    except Exception as exc:  # noqa: BLE001 - reported to the parent on the first batch
        _WORKER_FAILURE = str(exc)


def _reason(exc: Exception) -> str:
    """One short line for the error row (spaCy's messages run to paragraphs)."""
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"coding failed: {type(exc).__name__}: {first[:300]}"


def _signatures(batch: list[Article]) -> list[bytes]:
    """MinHash signatures; datasketch (and the scipy it pulls in, most of a second) loads only
    for runs that store, so `eventwire code FILE` starts without it."""
    from eventwire.store.dedup import signature_bytes

    return [signature_bytes(a.text) for a in batch]


def code_batch(coder: Coder, batch: list[Article], batch_size: int,
               signed: bool = True) -> list[Outcome]:
    """Code a batch; if the batch fails, code its articles one by one to isolate the bad one.

    `signed` adds each article's MinHash signature (the store groups stories by it).
    """
    sigs = _signatures(batch) if signed else [b""] * len(batch)
    try:
        coded = list(coder.code_each(batch, batch_size=batch_size))
        return [Outcome(a, None, s, str(c)) if isinstance(c, ArticleTimeout) else Outcome(a, c, s)
                for a, c, s in zip(batch, coded, sigs, strict=True)]
    except Exception:  # noqa: BLE001 - one bad article must not sink its batch
        pass
    out = []
    for article, sig in zip(batch, sigs, strict=True):
        try:
            out.append(Outcome(article, coder.code(article), sig))
        except Exception as exc:  # noqa: BLE001
            out.append(Outcome(article, None, sig, _reason(exc)))
    return out


def _pool_batch(args: tuple[list[Article], int]) -> list[Outcome]:
    batch, batch_size = args
    if _WORKER_CODER is None:
        raise WorkerStartError(_WORKER_FAILURE or "worker process not initialised")
    return code_batch(_WORKER_CODER, batch, batch_size)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def code_stream(articles: Iterable[Article], spec: CoderSpec, *, jobs: int = 1,
                batch_size: int = 32, coder: Coder | None = None,
                signed: bool = True) -> Iterator[Outcome]:
    """Yield Outcomes in input order (so story ids come out the same for any --jobs)."""
    if jobs <= 1:
        coder = coder or spec.load()
        for chunk in _chunks(articles, batch_size):
            yield from code_batch(coder, chunk, batch_size, signed)
        return
    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding a DuckDB handle
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(spec,)) as pool:
        work = ((chunk, batch_size) for chunk in _chunks(articles, batch_size))
        for outcomes in pool.imap(_pool_batch, work):
            yield from outcomes
