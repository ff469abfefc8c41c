"""`eventwire serve`: the HTTP API and dashboard over one database file."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import fail
from eventwire.store import DEFAULT_DB

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


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
) -> None:
    """Serve the API (/v1, docs at /docs) and the dashboard (/) over a database.

    While it runs, the server holds the DuckDB file: DuckDB allows one writing process, so stop
    it before `eventwire ingest` into the same file (with no key and no anonymous writes it
    opens the file read-only, and other readers may share it).
    """
    import uvicorn

    from eventwire.api import create_app
    from eventwire.store.db import StoreError

    if not db.is_file():
        fail(f"{db}: no such database file (create it with `eventwire ingest`)")
    if allow_anonymous_writes and api_key:
        fail("--allow-anonymous-writes and an API key contradict each other: choose one")
    _check_port(host, port)
    try:
        api = create_app(db, api_key=api_key, allow_anonymous_writes=allow_anonymous_writes,
                         max_body_bytes=max_body_bytes)
    except StoreError as exc:
        fail(str(exc))
    if host not in LOCAL_HOSTS:
        typer.secho(f"warning: listening on {host}: other machines can reach this server",
                    fg="yellow", err=True)
    mode = ("writes need the API key" if api_key else
            "anonymous writes allowed" if allow_anonymous_writes else "read-only")
    typer.echo(f"eventwire: serving {db} on http://{host}:{port}/ ({mode}); Ctrl-C stops",
               err=True)
    uvicorn.run(api, host=host, port=port, log_level="warning", server_header=False)
