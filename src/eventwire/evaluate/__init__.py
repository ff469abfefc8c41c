"""Evaluation: coder output scored against gold JSONL, as the codebook's "Scoring" says.

Takes: gold documents and the coder's output for them. Gives: the figures `eventwire eval`
prints (event type, (actor, event) and triple P/R/F1, sectors, quotes, negation).
"""

from eventwire.evaluate.report import print_report
from eventwire.evaluate.scoring import EvalInputError, load_jsonl, score

__all__ = ["EvalInputError", "load_jsonl", "print_report", "score"]
