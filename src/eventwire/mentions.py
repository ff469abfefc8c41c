"""Finding gazetteer aliases in a parsed document with one Aho-Corasick pass."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire.gazetteer import GazEntry, Gazetteer, accepts_case


@dataclass(frozen=True)
class GazMatch:
    """An alias found in the text, as a token range, and what it means."""

    start: int  # token index
    end: int  # token index, exclusive
    entry: GazEntry
    alias: str


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def match_gazetteer(doc: Doc, gaz: Gazetteer) -> list[GazMatch]:
    """Leftmost-longest, non-overlapping alias matches that respect word boundaries."""
    text = doc.text
    if gaz.automaton is None or not len(gaz.automaton):
        return []
    lower = text.lower()
    hits: list[tuple[int, int, str]] = []
    for end_idx, key in gaz.automaton.iter(lower):
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if _boundary(lower, start, end):
            hits.append((start, end, key))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[GazMatch] = []
    last_end = -1
    for start, end, key in hits:
        if start < last_end:
            continue
        surface = text[start:end]
        entry = None
        alias = key
        for alias, candidate in gaz.aliases[key]:
            if accepts_case(alias, surface):
                entry = candidate
                break
        if entry is None:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(GazMatch(span.start, span.end, entry, alias))
        last_end = end
    return out
