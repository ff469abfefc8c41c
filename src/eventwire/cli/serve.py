"""`eventwire serve`: the HTTP API and dashboard over one database file."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import MaxArticleOpt, MaxSecondsOpt, fail, limits_from, load_coder
from eventwire.errors import EventwireError
from eventwire.ingest.urlguard import ALLOW_PRIVATE_ENV
from eventwire.nlp.deadline import DEFAULT_SECONDS
from eventwire.store import DEFAULT_DB

if TYPE_CHECKING:
    from eventwire.api.watcher import WatchPlan

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")  # also the default --allowed-hosts


def _check_port(host: str, port: int) -> None:
    """Fail with one line when the address is taken, before uvicorn logs a traceback-ish one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            fail(f"cannot listen on {host}:{port}: {exc.strerror or exc} (use --port)")


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file written by `eventwire "
                                     "ingest`.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind; the default is this machine "
                                      "only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    api_key: Annotated[str | None, typer.Option(
        "--api-key", envvar="EVENTWIRE_API_KEY", show_envvar=True,
        help="Key that write endpoints (POST /v1/articles) require in X-API-Key.")] = None,
    allow_anonymous_writes: Annotated[bool, typer.Option(
        "--allow-anonymous-writes", help="Accept writes without a key (only when no key is "
        "set).")] = False,
    max_body_bytes: Annotated[int, typer.Option(
        min=1024, help="Largest request body accepted, in bytes.")] = 1_000_000,
    watch: Annotated[Path | None, typer.Option(
        "--watch", help="Also poll the feeds listed in this file (one URL or path a line) "
                        "and store new items, inside this server.")] = None,
    every: Annotated[str, typer.Option("--every", help="With --watch: poll interval (30s, "
                                                       "15m, 1h).")] = "15m",
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", envvar=ALLOW_PRIVATE_ENV,
        help="With --watch: fetch from loopback/private addresses (see SECURITY.md).")] = False,
    max_article_bytes: MaxArticleOpt = None,
    allowed_hosts: Annotated[list[str] | None, typer.Option(
        "--allowed-hosts", help="Host names clients may use to reach the server (repeatable or "
        "comma-separated; '*' for any). Default: localhost, 127.0.0.1, ::1 and --host.")] = None,
    code_per_minute: Annotated[float | None, typer.Option(
        min=0, help="POST /v1/code requests each client address may start a minute, in bursts "
        "of up to 20 (default 60; 0: no limit).")] = None,
    code_queue: Annotated[int | None, typer.Option(
        min=0, help="Coding requests that may wait for the coder before 503 (default 8).")
    ] = None,
    max_code_chars: Annotated[int | None, typer.Option(
        min=1, help="Largest text POST /v1/code accepts, in characters (default 100,000).")
    ] = None,
    max_seconds: MaxSecondsOpt = DEFAULT_SECONDS,
) -> None:
    """Serve the API (/v1, docs at /docs) and the dashboard (/) over a database.

    With an API key, anonymous writes or --watch, the server holds the DuckDB file for writing
    (DuckDB allows one writing process): add articles through it (`eventwire ingest SOURCES
    --api URL`) or let --watch poll feeds inside it. Otherwise it opens the file read-only
    while requests come and lets go after a second of quiet, so a batch `eventwire ingest`
    can write between requests (docs/deploy.md).
    """
    import uvicorn

    from eventwire.api import create_app
    from eventwire.api.coding import CodingLimits
    from eventwire.api.database import READ_WAIT_S
    from eventwire.api.serving import server_config
    from eventwire.store.db import DatabaseHeld, StoreError
    from eventwire.store.held import Holder, advice

    if not db.is_file() and watch is None:
        fail(f"{db}: no such database file (create it with `eventwire ingest`, or serve with "
             "--watch FEEDS.txt, which creates it)")
    if allow_anonymous_writes and api_key:
        fail("--allow-anonymous-writes and an API key contradict each other: choose one")
    _check_port(host, port)
    plan = (_watch_plan(watch, every, allow_private_urls, max_article_bytes, max_seconds)
            if watch else None)
    hosts = [h for item in allowed_hosts or [] for h in item.split(",") if h.strip()] or \
        list(dict.fromkeys([*LOCAL_HOSTS, host]))
    given = {"queue": code_queue, "per_minute": code_per_minute, "max_chars": max_code_chars}
    limits = CodingLimits(max_seconds=max_seconds or None,
                          **{k: v for k, v in given.items() if v is not None})

    def waiting(holder: Holder) -> None:
        typer.echo(f"eventwire: {db} is held by process {holder.pid} ({holder.command}); "
                   f"waiting up to {READ_WAIT_S:.0f}s for it to let go", err=True)

    try:
        api = create_app(db, api_key=api_key, allow_anonymous_writes=allow_anonymous_writes,
                         max_body_bytes=max_body_bytes, allowed_hosts=hosts, coding=limits,
                         watch=plan, on_wait=waiting)
    except DatabaseHeld as exc:
        fail(f"{exc}; {advice(exc.holder, None)}, then start the server again")
    except StoreError as exc:
        fail(str(exc))
    if host not in LOCAL_HOSTS:
        typer.secho(f"warning: listening on {host}: other machines can reach this server, "
                    f"by the names {', '.join(hosts)} (--allowed-hosts)", fg="yellow", err=True)
    mode = ("writes need the API key" if api_key else
            "anonymous writes allowed" if allow_anonymous_writes else "read-only")
    if plan is not None:
        mode += f"; polling {watch} every {every}"
    typer.echo(f"eventwire: serving {db} on http://{host}:{port}/ ({mode}); Ctrl-C stops",
               err=True)
    uvicorn.Server(server_config(api, host=host, port=port)).run()


def _watch_plan(feeds: Path, every: str, allow_private: bool,
                max_article_bytes: str | None, max_seconds: float) -> WatchPlan:
    """Check the --watch options and load the watcher's coder before the server starts."""
    from eventwire.api.watcher import WatchPlan
    from eventwire.batch.watch import parse_interval, read_feed_list

    try:
        seconds = parse_interval(every)
        read_feed_list(feeds)
    except EventwireError as exc:
        fail(str(exc))
    limits = limits_from(max_article_bytes)
    coder = load_coder(None, None, None, False, max_seconds=max_seconds)
    return WatchPlan(feeds, seconds, coder, allow_private, limits)
