"""The eventwire command line: one typer app, one module per group of commands."""

from __future__ import annotations

import os
import sys

import typer

app = typer.Typer(
    name="eventwire",
    help="News articles in, PLOVER political event data out, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help panels cost a quarter of a second per `--help`
    # (issue 19 asks for every --help under 0.5 s); progress and tables still use rich.
    rich_markup_mode=None,
)


def _register() -> None:
    """Import the command modules; each adds its commands to `app`."""
    from eventwire.cli import calibrate as _calibrate  # noqa: F401
    from eventwire.cli import code as _code  # noqa: F401
    from eventwire.cli import eval as _eval  # noqa: F401
    from eventwire.cli import query as _query  # noqa: F401
    from eventwire.cli import serve as _serve  # noqa: F401
    from eventwire.cli import store as _store  # noqa: F401
    from eventwire.cli import watch as _watch  # noqa: F401


def main() -> None:
    """Console-script entry point; a bug ends in one line, not a traceback, unless
    EVENTWIRE_DEBUG=1 asks for the traceback."""
    _register()
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - every expected error is handled before here
        if os.environ.get("EVENTWIRE_DEBUG", "").strip() not in ("", "0"):
            raise
        from rich.console import Console

        from eventwire.cli.terminal import shown

        first = (str(exc).strip().splitlines() or [""])[0][:500]
        Console(stderr=True, soft_wrap=True).print(
            f"[red]error:[/red] internal error {shown(type(exc).__name__)}: {shown(first)} "
            "(a bug: please report it; EVENTWIRE_DEBUG=1 shows the traceback)", highlight=False)
        sys.exit(70)
