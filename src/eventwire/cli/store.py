"""`eventwire ingest`, `query` and `export`: the event store from the command line."""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

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
from eventwire.store import DEFAULT_DB, FORMATS
from eventwire.store.held import BRIEF_BATCH, BRIEF_WAIT_S, Holder

# DuckDB, pandas, httpx, the readers and spaCy load when a command runs, not for --help.
if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from eventwire.batch import pipeline
    from eventwire.batch.workers import CoderSpec
    from eventwire.ingest.limits import Limits
    from eventwire.store.db import Store

ACTOR_CODE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
DbOpt = Annotated[str, typer.Option("--db", envvar="EVENTWIRE_DB",
                                    help="DuckDB database file.")]
WithDupOpt = Annotated[bool, typer.Option(
    "--with-duplicates", help="Count every copy of a story's events, not each story once.")]
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


def _emit(df: pd.DataFrame, fmt: str, title: str | None = None) -> None:
    """Print a result as a rich table, CSV or JSON records on stdout."""
    import pandas as pd
    from rich.table import Table

    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", date_format="iso", force_ascii=False))
        sys.stdout.write("\n")
    else:
        table = Table(title=title)
        for col in df.columns:
            table.add_column(str(col), min_width=len(str(col)),
                             justify="right" if pd.api.types.is_numeric_dtype(df[col])
                             else "left")
        for row in df.itertuples(index=False):
            table.add_row(*("" if pd.isna(v) else str(v)[:10] if isinstance(v, pd.Timestamp)
                            else shown(str(v)) for v in row))  # stored text is untrusted
        out = Console()
        if not out.is_terminal:  # piped: never crop columns to a pretend 80-column screen
            out = Console(width=max(80, sum(len(str(c)) + 12 for c in df.columns)))
        out.print(table)


@app.command()
def query(
    sql: Annotated[str | None, typer.Argument(help="SQL to run (read-only).")] = None,
    db: DbOpt = DEFAULT_DB,
    top_dyads: Annotated[bool, typer.Option("--top-dyads", help="Busiest actor pairs.")] = False,
    timeline: Annotated[tuple[str, str] | None, typer.Option(
        "--timeline", help="Events from actor A to recipient B per period: --timeline A B.")
    ] = None,
    by: Annotated[str, typer.Option("--by", help="day, week, month or year.")] = "week",
    actor: Annotated[str | None, typer.Option("--actor", help="One actor's profile.")] = None,
    top_actors: Annotated[bool, typer.Option("--top-actors", help="Busiest actors.")] = False,
    network: Annotated[bool, typer.Option("--network", help="Actor network edges.")] = False,
    index: Annotated[bool, typer.Option(
        "--conflict-index", help="Cooperation/conflict index (PLOVER intensity) per period; "
                                 "--actor narrows it.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows for top lists.")] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    with_duplicates: WithDupOpt = False,
    parquet: Annotated[Path | None, typer.Option(
        "--parquet", help="Ask a Parquet event lake (ingest --lake DIR) instead of --db.")
    ] = None,
    api: ApiOpt = None,
    api_key: ApiKeyOpt = None,
) -> None:
    """Ask the store a question: SQL (read-only) or a canned analysis.

    With --api URL, SQL goes to a running `eventwire serve` (POST /v1/query).
    """
    import duckdb
    import pandas as pd

    from eventwire.cli.remote import query_via_api
    from eventwire.store import analytics
    from eventwire.store.readonly_sql import refusal

    if fmt not in ("table", "csv", "json"):
        fail(f"--format {fmt!r}: use table, csv or json")
    if by not in analytics.PERIODS:
        fail(f"--by {by!r}: use one of {', '.join(analytics.PERIODS)}")
    asked = [bool(sql), top_dyads, timeline is not None, top_actors, network, index,
             bool(actor) and not index]
    if sum(asked) != 1:
        fail("ask one thing: SQL, or one of --top-dyads, --timeline A B, --actor X, "
             "--top-actors, --network, --conflict-index")
    refused = refusal(sql) if sql else None
    if refused:
        fail(f"refused: `eventwire query` runs read-only SQL only; {refused}")
    if api:
        if not sql:
            fail("--api runs SQL on the server: give the question as SQL")
        _emit(query_via_api(api, api_key, sql), fmt)
        return
    c = _open_lake(parquet) if parquet is not None else \
        open_store(db, read_only=True, instead="eventwire query --api URL ...").conn
    wd = with_duplicates
    try:
        if sql:
            rel = c.sql(sql)
            df = rel.df() if rel is not None else pd.DataFrame()
            title = None
        elif top_dyads:
            df, title = analytics.top_dyads(c, limit, wd), "top dyads"
        elif timeline is not None:
            a, b = (x.upper() for x in timeline)
            df, title = analytics.dyad_timeline(c, a, b, by, wd), f"{a} -> {b} per {by}"  # type: ignore[arg-type]
        elif top_actors:
            df, title = analytics.top_actors(c, limit, wd), "top actors"
        elif network:
            df, title = analytics.network_edges(c, 1, wd).head(limit), "actor network"
        elif index:
            df = analytics.coop_conflict_index(c, by, actor=actor.upper() if actor else None,  # type: ignore[arg-type]
                                               with_duplicates=wd)
            title = f"cooperation/conflict index per {by}"
        else:
            assert actor is not None
            df, title = analytics.actor_profile(c, actor.upper(), wd), f"actor {actor.upper()}"
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "read-only" in message.lower():
            fail(f"refused: `eventwire query` opens {db} read-only ({message})")
        fail(f"query failed: {message}")
    finally:
        c.close()
    _emit(df, fmt, title)


def _open_lake(path: Path) -> duckdb.DuckDBPyConnection:
    from eventwire.batch.lake import LakeError, connect

    try:
        return connect(path)
    except LakeError as exc:
        fail(str(exc))


def _date(value: str | None, flag: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        fail(f"{flag} {value!r}: expected a date as YYYY-MM-DD")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--output", "-o", help="File (a directory for parquet).")],
    fmt: Annotated[str, typer.Option("--format", help=", ".join(FORMATS))] = "plover-jsonl",
    db: DbOpt = DEFAULT_DB,
    since: Annotated[str | None, typer.Option("--since", help="From this day (YYYY-MM-DD).")
                     ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this day, inclusive.")
                     ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="As actor or recipient.")] = None,
    event: Annotated[str | None, typer.Option("--event", help="PLOVER category.")] = None,
    include_negated: IncludeNegatedOpt = False,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists (a Parquet "
                                                        "folder is replaced whole).")] = False,
) -> None:
    """Write stored events as PLOVER JSONL, CSV, month-partitioned Parquet or GDELT-style TSV."""
    import duckdb

    from eventwire.knowledge.ontology import CATEGORIES
    from eventwire.store.export import ExportError, Filters
    from eventwire.store.export import export as export_events


    if fmt not in FORMATS:
        fail(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if event is not None and event.upper() not in CATEGORIES:
        fail(f"--event {event!r}: not a PLOVER category; use one of {', '.join(CATEGORIES)}")
    if actor is not None and not ACTOR_CODE.fullmatch(actor):
        fail(f"--actor {actor!r}: not an actor code (letters and digits, like IRN or NATO)")
    s, u = _date(since, "--since"), _date(until, "--until")
    filters = Filters(s.date() if s else None, u.date() if u else None,
                      actor.upper() if actor else None, event, include_negated)
    if not out.parent.exists():
        fail(f"{out.parent}: no such directory")
    store = open_store(db, read_only=True,
                       instead="`eventwire query --api URL` answers SQL through it")
    try:
        n = export_events(store.conn, fmt, out, filters, force=force)
    except ExportError as exc:
        fail(str(exc))
    except (OSError, duckdb.Error) as exc:
        fail(f"export to {out} failed: {exc}")
    finally:
        store.close()
    err.print(f"wrote {n} events to {out} ({fmt})")

