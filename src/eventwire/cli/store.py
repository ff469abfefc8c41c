"""`eventwire ingest`: coding sources into the event store, and the --db options every store
command shares (`query` and `export` are in cli/query.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import (
    ActorsOpt,
    AllowPrivateOpt,
    Bar,
    FollowSymlinksOpt,
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
from eventwire.cli.terminal import shown
from eventwire.nlp.deadline import DEFAULT_SECONDS
from eventwire.store import DEFAULT_DB
from eventwire.store.held import BRIEF_BATCH, BRIEF_WAIT_S, Holder

# DuckDB, pandas, httpx, the readers and spaCy load when a command runs, not for --help.
if TYPE_CHECKING:

    from eventwire.batch import pipeline
    from eventwire.batch.workers import CoderSpec
    from eventwire.ingest.limits import Limits
    from eventwire.store.db import Store

DbOpt = Annotated[str, typer.Option("--db", envvar="EVENTWIRE_DB",
                                    help="DuckDB database file.")]
ApiOpt = Annotated[str | None, typer.Option(
    "--api", help="Send the work to a running `eventwire serve` at this URL "
                  "(http://127.0.0.1:8000) instead of opening --db.")]
ApiKeyOpt = Annotated[str | None, typer.Option(
    "--api-key", envvar="EVENTWIRE_API_KEY", show_envvar=True,
    help="With --api: the server's key for writes.")]
INGEST_VIA_API = "eventwire ingest SOURCES --api URL --api-key KEY"
HOLD_GRACE_S = 3.0


def open_store(db: str, read_only: bool = False, instead: str | None = None) -> Store:
    """The store, or one line: which process holds the file and what to do (`instead`).

    A read-only server lets go of the file after a second without requests: wait that long.
    """
    from eventwire.store.db import DatabaseHeld, Store, StoreError
    from eventwire.store.held import advice, retry_while_held

    try:
        store = retry_while_held(lambda: Store.open(db, read_only=read_only), DatabaseHeld,
                                 HOLD_GRACE_S)
        assert isinstance(store, Store)
        return store
    except DatabaseHeld as exc:
        hint = instead.replace("URL", exc.holder.url) if instead else None
        fail(f"{exc}; {advice(exc.holder, hint)}")
    except StoreError as exc:
        fail(str(exc))


def _waiting(db: str) -> Callable[[Holder], None]:
    def say(holder: Holder) -> None:
        err.print(f"waiting for {shown(db)}: process {holder.pid} ({shown(holder.command)}) "
                  f"holds it; the next batch is written when it lets go (up to "
                  f"{BRIEF_WAIT_S:.0f}s)", highlight=False)
    return say


def _summary(stats: pipeline.IngestStats) -> None:

    rate = stats.stored / stats.seconds if stats.seconds else 0.0
    err.print(f"stored {stats.stored} articles ({stats.events} events), skipped "
              f"{stats.skipped} already stored, {stats.errors} errors "
              f"in {stats.seconds:.1f}s ({rate:.1f} articles/s); run {stats.run_id}")
    for sample in stats.error_samples:
        err.print(f"  [yellow]error[/yellow] {shown(sample)}", highlight=False)
    if stats.errors > len(stats.error_samples):
        err.print(f"  ... see: eventwire query \"SELECT * FROM ingest_errors WHERE run_id = "
                  f"'{stats.run_id}'\"")


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(
        help="Files, directories, feed or page URLs (.txt .jsonl .html .rss/.xml .warc[.gz]).")],
    db: DbOpt = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Coding processes.")] = 1,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per spaCy batch.")] = 32,
    include_negated: IncludeNegatedOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_article_bytes: MaxArticleOpt = None,
    max_seconds: MaxSecondsOpt = DEFAULT_SECONDS,
    allow_private_urls: AllowPrivateOpt = False,
    follow_symlinks: FollowSymlinksOpt = False,
    no_cache: NoCacheOpt = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Code on a local Dask cluster of N worker processes.")] = None,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="Code on a running Dask cluster: its scheduler, tcp://HOST:8786.")
    ] = None,
    lake: Annotated[Path | None, typer.Option(
        "--lake", help="Keep the coded Parquet partitions in DIR (with --cluster: a folder "
                       "every worker can write).")] = None,
    lake_only: Annotated[bool, typer.Option(
        "--lake-only", help="Leave the events in the --lake folder; do not load --db.")] = False,
    chunk_lines: Annotated[int, typer.Option(
        "--chunk-lines", help="JSONL lines per cluster partition.")] = 500,
    commit_every: Annotated[int, typer.Option(
        "--commit-every", min=1, help="Articles written per opening of the database file.")
    ] = BRIEF_BATCH,
    api: ApiOpt = None,
    api_key: ApiKeyOpt = None,
) -> None:
    """Read sources, code every article not yet stored, and store it with its events.

    The database file is opened for each batch of articles and closed after, so a read-only
    `eventwire serve` or a `query` can use it between batches. With --api the articles go to
    a running server instead, which codes and stores them.
    """
    from eventwire.batch import pipeline
    from eventwire.batch.workers import CoderSpec
    from eventwire.cli.remote import ingest_via_api
    from eventwire.errors import EventwireError
    from eventwire.ingest.fetch import make_client
    from eventwire.store.access import Brief
    from eventwire.store.db import DatabaseHeld, StoreError

    if jobs < 1 or batch_size < 1:
        fail("--jobs and --batch-size must be at least 1")
    limits = limits_from(max_article_bytes)
    if api:
        if model or actors or lexicon or workers is not None or cluster or lake is not None:
            fail("--api sends articles to the server, which codes them with its own model and "
                 "knowledge: leave out --model, --actors, --lexicon, --workers, --cluster, --lake")
        with make_client(allow_private=allow_private_urls) as client:
            stats = ingest_via_api(api, api_key, sources, client, limits)
        _summary(stats)
        if stats.errors and not (stats.stored or stats.skipped):
            raise typer.Exit(1)
        return
    spec = CoderSpec(model, tuple(actors or ()), tuple(lexicon or ()), include_negated,
                     max_seconds or None)
    if workers is not None or cluster or lake is not None or lake_only:
        if follow_symlinks:
            fail("--follow-symlinks is for one machine; cluster runs never follow symlinks "
                 "out of a directory")
        stats = _ingest_on_cluster(sources, db, spec, workers, cluster, lake, lake_only,
                                   chunk_lines, batch_size, limits, allow_private_urls,
                                   quiet, jobs)
        _summary(stats)
        if stats.errors and not (stats.stored or stats.skipped):
            raise typer.Exit(1)
        return
    open_store(db, instead=INGEST_VIA_API).close()  # a held file: one line now, not after coding
    coder = load_coder(model, actors, lexicon, include_negated, no_cache,
                       max_seconds=max_seconds) if jobs == 1 \
        else None
    access = Brief(db, batch=commit_every, on_wait=_waiting(db))
    try:
        with Bar("coding", not quiet) as bar, \
                make_client(allow_private=allow_private_urls) as client:
            stats = pipeline.ingest(access, sources, spec, jobs=jobs, batch_size=batch_size,
                                    coder=coder, progress=bar, client=client,
                                    limits=limits, follow_symlinks=follow_symlinks)
    except DatabaseHeld as exc:
        fail(f"{exc} for over {BRIEF_WAIT_S:.0f}s; the batches written before are kept "
             f"(run the same command again to add the rest)")
    except (EventwireError, StoreError) as exc:
        fail(str(exc))
    _summary(stats)
    if stats.errors and not (stats.stored or stats.skipped):
        raise typer.Exit(1)


def _ingest_on_cluster(sources: list[str], db: str, spec: CoderSpec, workers: int | None,
                       cluster: str | None, lake: Path | None, lake_only: bool,
                       chunk_lines: int, batch_size: int, limits: Limits,
                       allow_private: bool, quiet: bool, jobs: int) -> pipeline.IngestStats:
    """`ingest --workers/--cluster`: partitions coded by Dask workers (docs/distributed.md)."""
    from eventwire.errors import EventwireError

    if workers is not None and cluster:
        fail("--workers starts a local cluster, --cluster uses a running one: choose one")
    if workers is None and not cluster:
        fail("--lake and --lake-only need --workers N or --cluster tcp://HOST:8786")
    if jobs != 1:
        fail("--jobs is for one machine; with --workers or --cluster leave it out")
    if (workers is not None and workers < 1) or chunk_lines < 1:
        fail("--workers and --chunk-lines must be at least 1")
    if lake is None and (lake_only or cluster):
        fail(f"{'--lake-only' if lake_only else '--cluster'} needs --lake DIR"
             f"{' on storage every worker can write' if cluster else ''}")
    if lake is not None and lake.exists() and not lake.is_dir():
        fail(f"--lake {lake}: is a file, not a folder")
    from eventwire.batch.distributed import ingest_distributed, open_client

    store = None if lake_only else open_store(db, instead=INGEST_VIA_API)
    tmp = None if lake else tempfile.TemporaryDirectory(
        prefix="eventwire-lake-", dir=Path(db).resolve().parent)
    try:
        with Bar("coding", not quiet) as bar, open_client(cluster, workers or 1) as client:
            return ingest_distributed(
                client, sources, spec, lake=lake or Path(tmp.name),  # type: ignore[union-attr]
                store=store, chunk_lines=chunk_lines, batch_size=batch_size, limits=limits,
                allow_private=allow_private, keep_lake=lake is not None,
                progress=bar)
    except EventwireError as exc:
        fail(str(exc))
    finally:
        if store is not None:
            store.close()
        if tmp is not None:
            tmp.cleanup()
