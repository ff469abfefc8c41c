"""Within-article merging: one event per (actor, event, recipient), holding all its evidence."""

from __future__ import annotations

from eventwire.model import Event

MODALITY_RANK = {"asserted": 0, "future": 1, "hypothetical": 2}


def merge_events(events: list[Event]) -> list[Event]:
    """Collapse repeated mentions; the first mention leads, the strongest reading wins."""
    merged: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.actor.code, ev.event, ev.recipient.code if ev.recipient else None, ev.negated)
        kept = merged.get(key)
        if kept is None:
            merged[key] = ev
            continue
        kept.evidence_all.extend(ev.evidence_all)
        kept.confidence = max(kept.confidence, ev.confidence)
        if MODALITY_RANK[ev.modality] < MODALITY_RANK[kept.modality]:
            kept.modality = ev.modality
        kept.mode = kept.mode or ev.mode
        kept.intent = kept.intent or ev.intent
        kept.location = kept.location or ev.location
        kept.actor.sector = kept.actor.sector or ev.actor.sector
        if kept.recipient and ev.recipient:
            kept.recipient.sector = kept.recipient.sector or ev.recipient.sector
        kept.context = sorted(set(kept.context) | set(ev.context))
    return _drop_subsumed(list(merged.values()))


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """(A, E, none) is the same happening told less fully when (A, E, R) is also coded."""
    with_recipient = {(e.actor.code, e.event, e.negated) for e in events if e.recipient}
    kept = []
    for ev in events:
        if ev.recipient is None and (ev.actor.code, ev.event, ev.negated) in with_recipient:
            target = next(e for e in events if e.recipient and
                          (e.actor.code, e.event, e.negated) == (ev.actor.code, ev.event,
                                                                 ev.negated))
            target.evidence_all.extend(ev.evidence_all)
            continue
        kept.append(ev)
    return kept
