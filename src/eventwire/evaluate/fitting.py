"""Fitting the confidence calibration on gold: `eventwire calibrate`.

The gold texts are coded with every event keeping its rule's prior confidence; each counted
event is labelled right when its document's gold has the same (actor, event, recipient)
triple, the matching `eventwire eval` scores; a logistic regression (scikit-learn, L2) over
the features of `events.confidence` is fitted to those labels, and its weights are written
as JSON. Features seen fewer than MIN_COUNT times are left out, so no weight rests on a
handful of events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.evaluate.scoring import counted, gold_events
from eventwire.events.confidence import features_of
from eventwire.knowledge.calibration import Calibration
from eventwire.model import CodedArticle

MIN_COUNT = 3
C = 0.2  # inverse L2 strength; lowest held-out ECE in 6-fold CV on voa_dev (0.2/0.5/1.0)


@dataclass
class Sample:
    """One emitted event: its features and whether its triple is in the gold."""

    features: dict[str, float]
    right: bool


def samples(gold_docs: list[dict[str, Any]], coded: Iterable[CodedArticle]) -> list[Sample]:
    """Labelled features of every counted event the coder emitted on the gold texts."""
    gold = {str(d.get("id")): set(gold_events(d)) for d in gold_docs}
    out: list[Sample] = []
    for article in coded:
        events = [ev for ev in article.events if counted(ev.to_dict())]
        truth = gold.get(str(article.id), set())
        out.extend(Sample(feats, ev.triple() in truth)
                   for ev, feats in zip(events, features_of(events), strict=True))
    return out


def fit(data: list[Sample], fitted_on: dict[str, Any], c: float = C) -> Calibration:
    """The logistic regression over `data`, as a Calibration; needs both right and wrong."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [int(s.right) for s in data]
    if len(set(labels)) < 2:
        raise ValueError(f"calibration needs right and wrong events; the gold gave "
                         f"{sum(labels)} right of {len(labels)}")
    seen = Counter(k for s in data for k in s.features)
    kept = [{k: v for k, v in s.features.items() if seen[k] >= MIN_COUNT} for s in data]
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    weights = {name: round(float(w), 5) for name, w in
               zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True) if w}
    meta = {**fitted_on, "events": len(labels), "right": sum(labels), "C": c,
            "min_count": MIN_COUNT}
    return Calibration(intercept=round(float(model.intercept_[0]), 5), weights=weights,
                       fitted_on=meta)
