"""Helpers for the coder tests: what a text codes to, as comparable tuples and names."""

from __future__ import annotations

import pytest

from eventwire.model import Article


def rule_params(cases: dict[str, list[tuple[str, tuple]]]) -> list:
    """A table of rules, each with its wordings, as pytest params named rule and number."""
    return [pytest.param(text, expected, id=f"{rule} {k}")
            for rule, rows in cases.items() for k, (text, expected) in enumerate(rows)]


def triples(coder, text: str, published: str | None = "2022-03-30") -> set[tuple]:
    """(actor, event, recipient) of every event the text codes to."""
    return {t[:3] for t in coded(coder, text, published)}


def coded(coder, text: str, published: str | None = "2022-03-30") -> set[tuple]:
    """(actor, event, recipient, modality) of every event the text codes to."""
    art = coder.code(Article(id="t", text=text, published=published))
    return {(e.actor.code, e.event, e.recipient.code if e.recipient else None, e.modality)
            for e in art.events}


def speakers(coder, text: str) -> list[str | None]:
    """The name of each quote's speaker, in order (None where nobody was found)."""
    art = coder.code(Article(id="t", text=text, published="2022-03-30"))
    return [q.speaker.name if q.speaker else None for q in art.quotes]


def last_words(coder, text: str) -> list[str | None]:
    """The last word of each quote speaker's name: how speakers are scored."""
    return [name.split()[-1] if name else None for name in speakers(coder, text)]
