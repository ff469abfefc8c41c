"""`eventwire watch`: poll feeds into a database this process holds (serve --watch: in a server)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import (
    ActorsOpt,
    AllowPrivateOpt,
    IncludeNegatedOpt,
    LexiconOpt,
    MaxArticleOpt,
    MaxSecondsOpt,
    ModelOpt,
    NoCacheOpt,
    err,
    fail,
    limits_from,
    load_coder,
)
from eventwire.cli.store import DbOpt, open_store
from eventwire.cli.terminal import shown
from eventwire.nlp.deadline import DEFAULT_SECONDS
from eventwire.store import DEFAULT_DB

if TYPE_CHECKING:
    from eventwire.batch import pipeline


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(help="Text file: one feed URL or path a line.")],
    db: DbOpt = DEFAULT_DB,
    every: Annotated[str, typer.Option("--every", help="Poll interval: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    include_negated: IncludeNegatedOpt = False,
    max_article_bytes: MaxArticleOpt = None,
    max_seconds: MaxSecondsOpt = DEFAULT_SECONDS,
    allow_private_urls: AllowPrivateOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Poll feeds and ingest new items until interrupted; feed errors are recorded, not fatal.

    This process holds the database while it runs; `eventwire serve --watch FEEDS.txt` polls
    inside the server instead, so the dashboard can run beside it.
    """
    from eventwire.batch.watch import parse_interval
    from eventwire.batch.watch import watch as watch_feeds
    from eventwire.errors import EventwireError
    from eventwire.ingest.fetch import make_client

    try:
        seconds = parse_interval(every)
    except EventwireError as exc:
        fail(str(exc))
    limits = limits_from(max_article_bytes)
    if not feeds.is_file():
        fail(f"{feeds}: no such feed list")
    store = open_store(db, instead=f"restart it with `--watch {feeds}` to poll inside it")
    coder = load_coder(model, actors, lexicon, include_negated, no_cache,
                       max_seconds=max_seconds)

    def report(stats: pipeline.IngestStats | None, problem: str | None) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        if stats is not None:
            err.print(f"[{stamp}] new {stats.stored} ({stats.events} events), known "
                      f"{stats.skipped}, errors {stats.errors}", highlight=False)
        else:
            err.print(f"[{stamp}] [red]{shown(problem or '')}[/red]", highlight=False)

    try:
        with make_client(allow_private=allow_private_urls) as client:
            watch_feeds(store, feeds, seconds, coder, once=once, report=report, client=client,
                        limits=limits)
    except KeyboardInterrupt:
        err.print("stopped")
    finally:
        store.close()
