"""`eventwire eval`: score the coder (or a predictions file) against gold JSONL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eventwire.cli import app
from eventwire.cli.common import NoCacheOpt, err, progress
from eventwire.cli.terminal import shown
from eventwire.knowledge.calibration import CALIBRATION_ENV

if TYPE_CHECKING:
    from eventwire.model import Article, CodedArticle

CalibrationOpt = Annotated[str | None, typer.Option(
    "--calibration", envvar=CALIBRATION_ENV, show_envvar=True,
    help="Confidence calibration JSON from `eventwire calibrate` (default: the packaged fit).")]


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


def code_gold(gold_docs: list[dict[str, Any]], model: str | None, actors: list[str],
              lexicons: list[str], calibration: str | None = None, calibrated: bool = True
              ) -> list[CodedArticle]:
    """Code the gold texts with the real coder, showing progress on a terminal's stderr."""
    from eventwire.coder import Coder  # spaCy only when we actually code

    articles = _articles(gold_docs)
    coder = Coder.load(model=model, actor_files=actors, lexicon_files=lexicons,
                       calibration=calibration, calibrated=calibrated)
    coded: list[CodedArticle] = []
    with progress(len(articles), "coding") as step:
        for article in coder.code_many(articles):
            coded.append(article)
            step()
    return coded


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
    calibration: CalibrationOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Score events, triples, sectors, quotes and negation against a gold file, and how well
    `confidence` predicts a right triple (reliability by decile, ECE, P/R at thresholds)."""
    from rich.console import Console

    from eventwire.errors import EventwireError
    from eventwire.evaluate import load_jsonl, print_report, score
    from eventwire.evaluate.reliability import reliability
    from eventwire.evaluate.report import print_reliability
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
            pred_docs = [c.to_dict() for c in code_gold(gold_docs, model, actors or [],
                                                        lexicon or [], calibration)]
        report = score(gold_docs, pred_docs)
        calib = reliability(gold_docs, pred_docs)
    except (EventwireError, ModelNotInstalled) as exc:
        err.print(f"[red]error: {shown(str(exc))}[/red]", soft_wrap=True)
        raise typer.Exit(code=2) from None
    if as_json:
        typer.echo(json.dumps({**report.to_dict(include_docs=show_errors),
                               "calibration": calib.to_dict()}, indent=2))
        return
    out = Console()
    print_report(report, out, show_errors=show_errors)
    print_reliability(calib, out)
