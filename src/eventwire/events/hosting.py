"""Who hosts whom: PLOVER codes a visit both ways, visitor -> host and host -> visitor."""

from __future__ import annotations

from dataclasses import replace

from eventwire.events.candidates import HOST_PATHS, Candidate

# CAMEO codes of a visit (042 make, 043 host), kept by an announced visit coded AGREE.
VISIT_CAMEOS = {"042", "043"}


def is_visit(cand: Candidate) -> bool:
    """An emitted CONSULT whose recipient is the host: "arrived in Moscow", "visited Iran";
    or one announced, coded AGREE (codebook v2: "will host Putin" is the host's intent too)."""
    announced = cand.entry.event == "AGREE" and cand.entry.intent == "CONSULT" and \
        cand.entry.cameo in VISIT_CAMEOS
    return cand.decision == "emitted" and (cand.entry.event == "CONSULT" or announced) and \
        cand.actor is not None and cand.recipient is not None and \
        bool(cand.actor.code and cand.recipient.code) and \
        cand.actor.code != cand.recipient.code and \
        (cand.entry.mode == "visit" or announced or cand.recipient_path.startswith(HOST_PATHS))


def with_host_side(cands: list[Candidate]) -> list[Candidate]:
    """Each visit followed by the host's side of it (CAMEO 043, codebook v2: host -> visitor),
    unless the article already codes that pair."""
    pairs = {(c.entry.event, c.actor.code, c.recipient.code) for c in cands
             if c.decision == "emitted" and c.entry.event in ("CONSULT", "AGREE")
             and c.actor is not None and c.recipient is not None}
    out: list[Candidate] = []
    for cand in cands:
        out.append(cand)
        if not is_visit(cand):
            continue
        assert cand.actor is not None and cand.recipient is not None
        if (cand.entry.event, cand.recipient.code, cand.actor.code) in pairs:
            continue
        pairs.add((cand.entry.event, cand.recipient.code, cand.actor.code))
        out.append(replace(cand, actor=cand.recipient, recipient=cand.actor,
                           actor_path=f"host<{cand.recipient_path}",
                           recipient_path=f"visitor<{cand.actor_path}"))
    return out
