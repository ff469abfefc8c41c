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
        kept.location = kept.location or ev.location
        kept.actor.sector = kept.actor.sector or ev.actor.sector
        if kept.recipient and ev.recipient:
            kept.recipient.sector = kept.recipient.sector or ev.recipient.sector
        kept.context = sorted(set(kept.context) | set(ev.context))
    return list(merged.values())
