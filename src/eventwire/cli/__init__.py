"""The eventwire command line: one typer app, one module per group of commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="eventwire",
    help="News articles in, PLOVER political event data out, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    """Import the command modules; each adds its commands to `app`."""
    from eventwire.cli import code as _code  # noqa: F401
    from eventwire.cli import eval as _eval  # noqa: F401
    from eventwire.cli import serve as _serve  # noqa: F401
    from eventwire.cli import store as _store  # noqa: F401
    from eventwire.cli import watch as _watch  # noqa: F401


def main() -> None:
    """Console-script entry point."""
    _register()
    app()
