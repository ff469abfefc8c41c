"""`eventwire calibrate`: fit `confidence` to gold so that 0.7 means right 7 times in 10."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import NoCacheOpt, err, fail
from eventwire.cli.terminal import shown


@app.command()
def calibrate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files to fit on.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Calibration JSON to write.")],
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline package.")] = None,
    actors: Annotated[list[str] | None, typer.Option(
        "--actors", help="Extra actor YAML file (repeatable).")] = None,
    lexicon: Annotated[list[str] | None, typer.Option(
        "--lexicon", help="Extra trigger lexicon YAML file (repeatable).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")
                     ] = False,
    strength: Annotated[float, typer.Option(
        "--c", min=0.001, max=1000.0,
        help="Inverse L2 regularisation of the logistic regression (smaller: flatter).")
    ] = 0.2,
    no_cache: NoCacheOpt = False,
) -> None:
    """Fit the confidence calibration on gold files and write it as JSON.

    Use it with `--calibration FILE` or EVENTWIRE_CALIBRATION=FILE (docs/coding.md).
    """
    import json

    from eventwire.cli.eval import code_gold
    from eventwire.errors import EventwireError
    from eventwire.evaluate import load_jsonl
    from eventwire.evaluate.fitting import fit, samples
    from eventwire.knowledge.cache import disable_cache
    from eventwire.nlp.pipeline import ModelNotInstalled

    if output.exists() and not force:
        fail(f"{output} exists; pass --force to replace it")
    if not output.parent.is_dir():
        fail(f"{output.parent}: no such directory")
    if no_cache:
        disable_cache()
    data = []
    try:
        for path in gold:
            docs = load_jsonl(path)
            coded = code_gold(docs, model, actors or [], lexicon or [], calibrated=False)
            data += samples(docs, coded)
        fitted = fit(data, {"gold": [p.name for p in gold]}, c=strength)
    except (EventwireError, ModelNotInstalled, ValueError) as exc:
        fail(str(exc))
    try:
        output.write_text(json.dumps(fitted.to_dict(), indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    right = sum(s.right for s in data)
    err.print(f"fitted on {len(data)} events ({right} right) from {len(gold)} gold file(s): "
              f"{len(fitted.weights)} weights written to {shown(str(output))}")
