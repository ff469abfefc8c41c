"""Helpers for the event tests: what a text codes to, as comparable tuples."""

from __future__ import annotations

from eventwire.model import Article


def triples(coder, text: str, published: str | None = "2022-03-30") -> set[tuple]:
    """(actor, event, recipient) of every event the text codes to."""
    return {t[:3] for t in coded(coder, text, published)}


def coded(coder, text: str, published: str | None = "2022-03-30") -> set[tuple]:
    """(actor, event, recipient, modality) of every event the text codes to."""
    art = coder.code(Article(id="t", text=text, published=published))
    return {(e.actor.code, e.event, e.recipient.code if e.recipient else None, e.modality)
            for e in art.events}
