"""Does `confidence` mean what it says? Reliability by decile, ECE, and P/R at thresholds.

Each distinct counted triple a document predicts is one prediction; its confidence is the
highest among the events that carry it (what `--min-confidence` keeps), and it is right when
the gold has the same triple, as in the triple F1 of `eventwire eval`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluate.scoring import PRF, Triple, counted, gold_events, pred_triple

THRESHOLDS = (0.5, 0.7, 0.9)
BINS = 10


@dataclass
class Bin:
    """One confidence decile: how many triples, their mean confidence, how many were right."""

    low: float
    high: float
    count: int = 0
    confidence_sum: float = 0.0
    correct: int = 0

    @property
    def mean_confidence(self) -> float:
        return self.confidence_sum / self.count if self.count else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.count if self.count else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "count": self.count,
                "mean_confidence": round(self.mean_confidence, 4),
                "precision": round(self.precision, 4)}


@dataclass
class Reliability:
    """The calibration section of `eventwire eval`."""

    bins: list[Bin]
    at: dict[float, PRF] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bins)

    @property
    def ece(self) -> float:
        """Expected calibration error: |precision - mean confidence| averaged over bins,
        weighted by their share of the predictions."""
        n = self.total
        return sum(b.count / n * abs(b.precision - b.mean_confidence)
                   for b in self.bins) if n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"predictions": self.total, "ece": round(self.ece, 4),
                "bins": [b.to_dict() for b in self.bins],
                "thresholds": {str(t): prf.to_dict() for t, prf in self.at.items()}}


def decile(conf: float) -> int:
    """The bin a confidence falls in (1.0 belongs to the top bin)."""
    return min(int(conf * BINS), BINS - 1)


def triple_confidences(doc: dict[str, Any]) -> dict[Triple, float]:
    """Each counted triple of a predicted document with its highest event confidence."""
    out: dict[Triple, float] = {}
    for ev in doc.get("events") or []:
        if not isinstance(ev, dict) or "event" not in ev or not counted(ev):
            continue
        value = ev.get("confidence")
        conf = float(value) if isinstance(value, int | float) else 0.0
        triple = pred_triple(ev)
        out[triple] = max(conf, out.get(triple, 0.0))
    return out


def reliability(gold_docs: list[dict[str, Any]], pred_docs: list[dict[str, Any]],
                thresholds: tuple[float, ...] = THRESHOLDS) -> Reliability:
    """Reliability table and thresholded triple P/R of predictions against gold (by id)."""
    preds = {str(d.get("id")): d for d in pred_docs}
    bins = [Bin(k / BINS, (k + 1) / BINS) for k in range(BINS)]
    at = {t: PRF() for t in thresholds}
    for gold_doc in gold_docs:
        gold = set(gold_events(gold_doc))
        confs = triple_confidences(preds.get(str(gold_doc.get("id")), {}))
        for triple, conf in confs.items():
            b = bins[decile(conf)]
            b.count += 1
            b.confidence_sum += conf
            b.correct += int(triple in gold)
        for t, prf in at.items():
            prf.add_sets(gold, {tr for tr, c in confs.items() if c >= t})
    return Reliability(bins, at)
