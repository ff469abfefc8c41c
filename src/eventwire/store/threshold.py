"""A minimum confidence (precision mode): checked once, then applied alike by every reader.

The store keeps every event whatever its confidence, since the calibration may be refitted
later; readers (code, export, query, the API, the dashboard) drop the events below the
threshold the user asks for.
"""

from __future__ import annotations

import math

from eventwire.model import CodedArticle

FLAG = "--min-confidence"


class ThresholdError(ValueError):
    """A minimum confidence that is not a number from 0 to 1; the message names it."""


def parse_threshold(value: str | float | None, name: str = FLAG) -> float | None:
    """`value` as a float in [0, 1], None when not given; anything else is a ThresholdError."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int past float
        number = math.nan
    if not 0.0 <= number <= 1.0:  # NaN fails this too
        raise ThresholdError(f"{name} {value!r}: give a confidence from 0 to 1, like 0.7")
    return number


def at_least(threshold: float, column: str = "confidence") -> str:
    """SQL keeping the rows whose confidence reaches `threshold` (a NULL confidence never does).

    The number is written into the SQL text: it is a float `parse_threshold` checked, never
    user text, and the analytics queries bind their parameters by position.
    """
    number = parse_threshold(threshold, "min_confidence")
    return f"{column} >= {number!r}"


def keep_confident(coded: CodedArticle, threshold: float | None) -> CodedArticle:
    """The article with only its events at or above `threshold` (all of them when None)."""
    if threshold is not None:
        coded.events = [e for e in coded.events if e.confidence >= threshold]
    return coded
