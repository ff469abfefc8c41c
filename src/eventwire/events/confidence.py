"""The features a calibrated confidence is computed from: how an event was found, not its words.

Every feature is read off the emitted event itself (its category, modality, sectors, sentence
and the `rule` trace of how the trigger matched and each role was linked), so the same function
serves the coder and `eventwire calibrate`, and a stored event can be re-scored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from eventwire.knowledge.calibration import Calibration
from eventwire.model import Event

_ROLE = re.compile(r"\b(actor|recipient)=(\S+)")
_STEP = re.compile(r"[<>+]")
_SOURCE = re.compile(r"\[([\w.-]+?)(?:\.yaml|\.py)(?::\d+)?\]")
_PATH_WORD = re.compile(r"[a-z][a-z-]*")
# Lexicon files are named for their category; these sources are the coder's own rules.
RULE_SOURCES = {"demands": "demands", "evaluations": "evaluations"}


def path_steps(path: str) -> list[str]:
    """The kinds of link in a role's path ("dobj>owner" -> dobj, owner; "prep:in" -> prep);
    names carried in a path (counterpart<Afghanistan) are left out."""
    if path == "-":
        return ["none"]
    steps = []
    for part in _STEP.split(path):
        word = part.split(":", 1)[0].split("#", 1)[0]
        if _PATH_WORD.fullmatch(word):
            steps.append(word)
    return steps or ["other"]


def event_features(event: Event, events_in_sentence: int = 1) -> dict[str, float]:
    """Indicator and numeric features of one event (`confidence` is still the rule's prior)."""
    feats: dict[str, float] = {f"cat:{event.event}": 1.0, f"mod:{event.modality}": 1.0,
                               f"as:{event.actor.sector or '-'}": 1.0}
    feats[f"rs:{event.recipient.sector or '-'}" if event.recipient else "rs:none"] = 1.0
    source = _SOURCE.search(event.rule)
    feats[f"src:{RULE_SOURCES.get(source.group(1), 'lexicon') if source else 'other'}"] = 1.0
    for role, path in _ROLE.findall(event.rule):
        for step in path_steps(path):
            feats[f"{role[0]}:{step}"] = 1.0
    if event.recipient is not None and event.recipient.code == event.actor.code:
        feats["same-code"] = 1.0
    feats["prior"] = float(event.confidence)
    feats["words"] = min(len(event.sentence.split()), 80) / 40.0
    feats["crowd"] = min(events_in_sentence, 10) / 5.0
    return feats


def features_of(events: Iterable[Event]) -> list[dict[str, float]]:
    """Each event's features, counting the events that share its sentence."""
    listed = list(events)
    crowd = Counter(ev.sentence for ev in listed)
    return [event_features(ev, crowd[ev.sentence]) for ev in listed]


def calibrated(events: list[Event], calibration: Calibration | None) -> list[Event]:
    """Replace each event's rule prior by the calibrated probability (none: keep the prior)."""
    if calibration is None:
        return events
    for ev, feats in zip(events, features_of(events), strict=True):
        ev.confidence = round(calibration.probability(feats), 3)
    return events
