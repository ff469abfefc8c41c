"""Who hosts whom: PLOVER codes a visit from the visitor to the host, never back."""

from __future__ import annotations

from eventwire.events.candidates import HOST_PATHS, Candidate

MIRRORED = ("+symmetric", "+joint-subject")


def visits(cands: list[Candidate]) -> set[tuple[str, str]]:
    """(visitor, host) pairs of the article's emitted visits."""
    return {(c.actor.code, c.recipient.code) for c in cands
            if c.entry.event == "CONSULT" and c.actor is not None and c.recipient is not None
            and c.actor.code and c.recipient.code and c.recipient_path.startswith(HOST_PATHS)}


def host_mirrors_visit(cand: Candidate, visited: set[tuple[str, str]]) -> bool:
    """"Amir-Abdollahian ... arrived in Moscow ... his meeting with Lavrov": the meeting is the
    visit, so the mirrored host-to-visitor reading of "meeting with" is not another event."""
    if cand.entry.event != "CONSULT" or cand.actor is None or cand.recipient is None:
        return False
    return cand.actor_path.endswith(MIRRORED) and \
        (cand.recipient.code, cand.actor.code) in visited
