"""Who hosts whom: PLOVER codes a visit both ways, visitor -> host and host -> visitor."""

from __future__ import annotations

from dataclasses import replace

from eventwire.events.candidates import HOST_PATHS, Candidate


def is_visit(cand: Candidate) -> bool:
    """An emitted CONSULT whose recipient is the host: "arrived in Moscow", "visited Iran"."""
    return cand.decision == "emitted" and cand.entry.event == "CONSULT" and \
        cand.actor is not None and cand.recipient is not None and \
        bool(cand.actor.code and cand.recipient.code) and \
        cand.actor.code != cand.recipient.code and \
        (cand.entry.mode == "visit" or cand.recipient_path.startswith(HOST_PATHS))


def with_host_side(cands: list[Candidate]) -> list[Candidate]:
    """Each visit followed by the host's side of it (CAMEO 043, codebook v2: host -> visitor),
    unless the article already codes that pair."""
    pairs = {(c.actor.code, c.recipient.code) for c in cands if c.decision == "emitted"
             and c.entry.event == "CONSULT" and c.actor is not None and c.recipient is not None}
    out: list[Candidate] = []
    for cand in cands:
        out.append(cand)
        if not is_visit(cand):
            continue
        assert cand.actor is not None and cand.recipient is not None
        if (cand.recipient.code, cand.actor.code) in pairs:
            continue
        pairs.add((cand.recipient.code, cand.actor.code))
        out.append(replace(cand, actor=cand.recipient, recipient=cand.actor,
                           actor_path=f"host<{cand.recipient_path}",
                           recipient_path=f"visitor<{cand.actor_path}"))
    return out
