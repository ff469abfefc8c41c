"""Calibrated confidence: a logistic model over how each event was found, shipped as JSON.

`confidence` is meant as the probability that an emitted (actor, event, recipient) triple is
right under the codebook. The weights are fitted by `eventwire calibrate` on gold files and
stored as plain JSON (no pickle), so a user can read them, diff them and refit them on their
own gold; they are validated on load like every other knowledge file.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import KnowledgeFileError

FORMAT = "eventwire-calibration/1"
CALIBRATION_ENV = "EVENTWIRE_CALIBRATION"
PACKAGED = "calibration.json"
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Calibration:
    """Intercept and weights of a logistic regression over named event features."""

    intercept: float
    weights: dict[str, float]
    fitted_on: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        """The estimated chance the triple is right; unknown features weigh nothing."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items())), "fitted_on": self.fitted_on}


def _number(value: Any, where: str, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or \
            not math.isfinite(value):
        raise KnowledgeFileError(path, f"{where} must be a finite number, not {value!r}")
    return float(value)


def parse_calibration(data: Any, path: str) -> Calibration:
    """Check a decoded calibration file; any problem is one KnowledgeFileError naming it."""
    if not isinstance(data, dict):
        raise KnowledgeFileError(path, "a calibration file is a JSON object")
    if data.get("format") != FORMAT:
        raise KnowledgeFileError(path, f"'format' must be {FORMAT!r} (made by `eventwire "
                                       f"calibrate`), not {data.get('format')!r}")
    weights = data.get("weights")
    if not isinstance(weights, dict) or not weights:
        raise KnowledgeFileError(path, "'weights' must be a non-empty object of feature: number")
    fitted_on = data.get("fitted_on", {})
    if not isinstance(fitted_on, dict):
        raise KnowledgeFileError(path, "'fitted_on' must be an object")
    return Calibration(
        intercept=_number(data.get("intercept"), "'intercept'", path),
        weights={str(k): _number(v, f"weight {k!r}", path) for k, v in weights.items()},
        fitted_on=fitted_on)


def read_calibration(path: str | Path) -> Calibration:
    """A calibration file from disk: missing, unreadable, oversized or malformed is one error."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()[:MAX_BYTES + 1]
    except OSError as exc:
        raise KnowledgeFileError(where, f"cannot read calibration file ({exc.strerror})"
                                 ) from None
    if len(raw) > MAX_BYTES:
        raise KnowledgeFileError(where, f"calibration file over {MAX_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KnowledgeFileError(where, f"not a JSON calibration file ({exc})") from None
    return parse_calibration(data, where)


@lru_cache(maxsize=8)
def _load(path: str | None) -> Calibration:
    if path is not None:
        return read_calibration(path)
    packaged = resources.files("eventwire.knowledge") / "data" / PACKAGED
    return parse_calibration(json.loads(packaged.read_text(encoding="utf-8")),
                             f"eventwire/knowledge/data/{PACKAGED}")


def load_calibration(path: str | Path | None = None) -> Calibration:
    """The user's file (argument, else EVENTWIRE_CALIBRATION), else the packaged fit."""
    chosen = path if path is not None else (os.environ.get(CALIBRATION_ENV) or None)
    return _load(str(chosen) if chosen is not None else None)
