"""`eventwire query` and `export`: asking the event store and writing its events out."""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from eventwire.cli import app
from eventwire.cli.common import (
    IncludeNegatedOpt,
    MinConfidenceOpt,
    err,
    fail,
    threshold_from,
)
from eventwire.cli.store import ApiKeyOpt, ApiOpt, DbOpt, open_store
from eventwire.cli.terminal import shown
from eventwire.store import DEFAULT_DB, FORMATS

# DuckDB and pandas load when a command runs, not for --help.
if TYPE_CHECKING:
    import duckdb
    import pandas as pd

ACTOR_CODE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
WithDupOpt = Annotated[bool, typer.Option(
    "--with-duplicates", help="Count every copy of a story's events, not each story once.")]
QueryMinConfidenceOpt = Annotated[str | None, typer.Option(
    "--min-confidence", metavar="P",
    help="Precision mode: the canned analyses count only events whose confidence is at "
         "least P (0 to 1). SQL is left as written: add `WHERE confidence >= P` yourself.")]


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
    min_confidence: QueryMinConfidenceOpt = None,
) -> None:
    """Ask the store a question: SQL (read-only) or a canned analysis.

    With --api URL, SQL goes to a running `eventwire serve` (POST /v1/query).
    --min-confidence narrows the canned analyses only; SQL runs as written.
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
    p = threshold_from(min_confidence)
    asked = [bool(sql), top_dyads, timeline is not None, top_actors, network, index,
             bool(actor) and not index]
    if sum(asked) != 1:
        fail("ask one thing: SQL, or one of --top-dyads, --timeline A B, --actor X, "
             "--top-actors, --network, --conflict-index")
    refused = refusal(sql) if sql else None
    if refused:
        fail(f"refused: `eventwire query` runs read-only SQL only; {refused}")
    if sql and p is not None:
        fail("--min-confidence narrows the canned analyses; in SQL write "
             f"`WHERE confidence >= {p}` yourself")
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
            df, title = analytics.top_dyads(c, limit, wd, p), "top dyads"
        elif timeline is not None:
            a, b = (x.upper() for x in timeline)
            df, title = analytics.dyad_timeline(c, a, b, by, wd, p), f"{a} -> {b} per {by}"  # type: ignore[arg-type]
        elif top_actors:
            df, title = analytics.top_actors(c, limit, wd, p), "top actors"
        elif network:
            df, title = analytics.network_edges(c, 1, wd, p).head(limit), "actor network"
        elif index:
            df = analytics.coop_conflict_index(c, by, actor=actor.upper() if actor else None,  # type: ignore[arg-type]
                                               with_duplicates=wd, min_confidence=p)
            title = f"cooperation/conflict index per {by}"
        else:
            assert actor is not None
            df, title = analytics.actor_profile(c, actor.upper(), wd, p), f"actor {actor.upper()}"
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
    min_confidence: MinConfidenceOpt = None,
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
                      actor.upper() if actor else None, event, include_negated,
                      threshold_from(min_confidence))
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

