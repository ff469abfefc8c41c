"""`eventwire code`, `explain` and `actors`: coding articles and showing why."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import (
    ActorsOpt,
    AllowPrivateOpt,
    DateOpt,
    FollowSymlinksOpt,
    IncludeNegatedOpt,
    LexiconOpt,
    MaxArticleOpt,
    MaxSecondsOpt,
    MinConfidenceOpt,
    ModelOpt,
    NoCacheOpt,
    err,
    fail,
    limits_from,
    load_coder,
    progress,
    threshold_from,
)
from eventwire.cli.terminal import shown
from eventwire.nlp.deadline import DEFAULT_SECONDS

# Only what --help needs is imported here; spaCy, the readers and rich tables load when a
# command runs (`eventwire --help` stays well under half a second).
if TYPE_CHECKING:
    from rich.console import Console

    from eventwire.model import CodedArticle


def _error_line(message: str) -> None:
    """One red line per bad input on stderr, whatever bytes its name holds."""
    err.print(f"[red]error:[/red] {shown(message)}", highlight=False, soft_wrap=True)


def render_table(coded: list[CodedArticle], console: Console) -> None:
    """The demo's readable table: who did what to whom, and the words that say so."""
    from rich.table import Table

    table = Table(title="eventwire: coded events", show_lines=False, expand=True)
    table.add_column("article", style="cyan", max_width=28, overflow="fold")
    table.add_column("actor -> event/mode -> recipient", style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("evidence", style="green", overflow="fold")
    for ca in coded:
        if not ca.events:
            table.add_row(shown(ca.title or ca.id), "[dim](no events)[/dim]", "", "")
        for k, ev in enumerate(ca.events):
            actor = f"{ev.actor.code}" + (f" {ev.actor.sector}" if ev.actor.sector else "")
            rec = "-"
            if ev.recipient:
                rec = ev.recipient.code + (f" {ev.recipient.sector}" if ev.recipient.sector
                                           else "")
            what = ev.event + (f"/{ev.mode}" if ev.mode else "")
            flag = "" if ev.modality == "asserted" else f" ({ev.modality})"
            label = shown(ca.title or ca.id) if k == 0 else ""  # titles come from the web
            table.add_row(label, f"{actor} -> {what} -> {rec}{flag}", ev.date or "",
                          f'"{shown(ev.evidence.text)}"')
    console.print(table)


@app.command("code")
def code_command(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .html, .warc.gz, "
                                                "feeds), directories, URLs, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write JSON Lines "
                                                "here instead of stdout.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (default) or table.")] = "jsonl",
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    include_negated: IncludeNegatedOpt = False,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD for inputs that carry none "
                            "(plain-text files, stdin).")] = None,
    max_article_bytes: MaxArticleOpt = None,
    allow_private_urls: AllowPrivateOpt = False,
    follow_symlinks: FollowSymlinksOpt = False,
    max_seconds: MaxSecondsOpt = DEFAULT_SECONDS,
    no_cache: NoCacheOpt = False,
    min_confidence: MinConfidenceOpt = None,
) -> None:
    """Code articles into PLOVER events: one JSON object per article."""
    from rich.console import Console

    from eventwire.batch.workers import CoderSpec, code_stream
    from eventwire.cli.inputs import read_inputs
    from eventwire.coder import parse_published
    from eventwire.store.threshold import keep_confident

    if fmt not in ("jsonl", "table"):
        fail(f"--format must be jsonl or table, not {fmt!r}")
    threshold = threshold_from(min_confidence)
    if published is not None and parse_published(published) is None:
        fail(f"--published must be a date like 2022-03-30, not {published!r}")
    articles, errors = read_inputs(inputs, limits_from(max_article_bytes),
                                   allow_private=allow_private_urls,
                                   follow_symlinks=follow_symlinks)
    for article in articles:
        article.published = article.published or published
    for e in errors:
        _error_line(str(e))
    if not articles:
        raise typer.Exit(1 if errors else 0)
    coder = load_coder(model, actors, lexicon, include_negated, no_cache,
                       max_seconds=max_seconds)
    coded: list[CodedArticle] = []
    failures = 0
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        # The bar shares the terminal with stdout only when stdout is not the JSON itself.
        show = output is not None or fmt == "table" or not sys.stdout.isatty()
        with progress(len(articles), "coding", enabled=show) as step:
            for outcome in code_stream(articles, CoderSpec(), batch_size=batch_size, coder=coder,
                                       signed=False):
                step()
                if outcome.coded is None:  # one article the coder could not handle
                    failures += 1
                    _error_line(f"{outcome.article.source or '?'} [{outcome.article.id}]: "
                                f"{outcome.error or 'coding failed'}")
                elif fmt == "jsonl":
                    out.write(keep_confident(outcome.coded, threshold).to_json() + "\n")
                else:
                    coded.append(keep_confident(outcome.coded, threshold))
    finally:
        if output:
            out.close()
    if fmt == "table":
        render_table(coded, Console())
    if output:
        n_events = "" if fmt == "table" else f" to {output}"
        err.print(f"coded {len(articles) - failures} article(s){n_events}", highlight=False)
    if errors or failures:
        raise typer.Exit(1)


@app.command("explain")
def explain_command(
    sentence: Annotated[str, typer.Argument(help="A sentence or short text to explain.")],
    date: DateOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show the parse, mentions, triggers, role paths and the decision for each candidate."""
    from rich.console import Console

    from eventwire.explain import explain

    coder = load_coder(model, actors, lexicon, False, no_cache)
    explain(coder, sentence, date, Console())


def _names_a_file(text: str) -> bool:
    """A one-line argument naming an existing file; anything else is text to code."""
    if "\n" in text or len(text) > 1024 or not Path(text).suffix:
        return False
    try:
        return Path(text).is_file()
    except OSError:  # "File name too long" and the like: it is text
        return False


@app.command("actors")
def actors_command(
    text: Annotated[str, typer.Argument(help="Text, or a path to a text file.")],
    date: DateOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Print each actor mention, its resolution, its antecedent and the rule used."""
    from rich.console import Console

    from eventwire.cli.inputs import read_inputs
    from eventwire.explain import show_actors
    from eventwire.model import Article

    if _names_a_file(text):
        articles, errors = read_inputs([text])
        if errors:
            fail(str(errors[0]))
        article = articles[0]
        if date:
            article.published = date
    else:
        article = Article(id="text", text=text, published=date)
    coder = load_coder(model, actors, None, False, no_cache)
    show_actors(coder, article, Console())
