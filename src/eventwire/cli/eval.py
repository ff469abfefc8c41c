"""`eventwire eval`: score the coder (or a predictions file) against gold JSONL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eventwire.cli import app
from eventwire.cli.common import NoCacheOpt, err, progress
from eventwire.cli.terminal import shown

if TYPE_CHECKING:
    from eventwire.model import Article


def _articles(gold_docs: list[dict[str, Any]]) -> list[Article]:
    """The gold documents as coder input; gold `published` may be null."""
    from eventwire.evaluate import EvalInputError
    from eventwire.model import Article

    out = []
    for n, doc in enumerate(gold_docs, start=1):
        if "id" not in doc or not isinstance(doc.get("text"), str):
            raise EvalInputError(f"gold document {n} needs an 'id' and a 'text' string")
        out.append(Article(id=str(doc["id"]), text=doc["text"], title=doc.get("title"),
                           published=doc.get("published")))
    return out


def _code_gold(gold_docs: list[dict[str, Any]], model: str | None, actors: list[str],
               lexicons: list[str]) -> list[dict[str, Any]]:
    """Code the gold texts with the real coder, showing progress on a terminal's stderr."""
    from eventwire.coder import Coder  # spaCy only when we actually code

    articles = _articles(gold_docs)
    coder = Coder.load(model=model, actor_files=actors, lexicon_files=lexicons)
    preds: list[dict[str, Any]] = []
    with progress(len(articles), "coding") as step:
        for coded in coder.code_many(articles):
            preds.append(coded.to_dict())
            step()
    return preds


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file (gold v1 format).")],
    pred: Annotated[Path | None, typer.Option(
        "--pred", help="Predictions JSONL (eventwire output); without it the gold texts "
                       "are coded now.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline package.")] = None,
    actors: Annotated[list[str] | None, typer.Option(
        "--actors", help="Extra actor YAML file (repeatable).")] = None,
    lexicon: Annotated[list[str] | None, typer.Option(
        "--lexicon", help="Extra trigger lexicon YAML file (repeatable).")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="Score only the first N gold documents.")] = None,
    show_errors: Annotated[bool, typer.Option(
        "--show-errors", help="List missed and spurious triples per document.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Score events, triples, sectors, quotes and negation against a gold file."""
    from rich.console import Console

    from eventwire.errors import EventwireError
    from eventwire.evaluate import load_jsonl, print_report, score
    from eventwire.knowledge.cache import disable_cache
    from eventwire.nlp.pipeline import ModelNotInstalled

    if no_cache:
        disable_cache()
    try:
        gold_docs = load_jsonl(gold)
        if limit is not None:
            gold_docs = gold_docs[:limit]
        if pred is not None:
            pred_docs = load_jsonl(pred)
            if limit is not None:
                wanted = {str(d.get("id")) for d in gold_docs}
                pred_docs = [d for d in pred_docs if str(d.get("id")) in wanted]
        else:
            pred_docs = _code_gold(gold_docs, model, actors or [], lexicon or [])
        report = score(gold_docs, pred_docs)
    except (EventwireError, ModelNotInstalled) as exc:
        err.print(f"[red]error: {shown(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(code=2) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(include_docs=show_errors), indent=2))
        return
    print_report(report, Console(), show_errors=show_errors)
