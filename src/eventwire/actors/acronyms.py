"""Acronyms an article defines for itself: "the Haitian National Police (HNP)", later "HNP"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

MIN_LETTERS = 2
MAX_LETTERS = 8


@dataclass(frozen=True)
class Defined:
    """The actor a defined acronym stands for."""

    code: str
    sector: str | None
    name: str | None


def looks_like_acronym(token: Token) -> bool:
    """"HNP", "RSF", "CamboJA" are acronyms; "(D)", "(R-Texas)", "(AP)"-like one letters not."""
    text = token.text
    return (MIN_LETTERS <= len(text) <= MAX_LETTERS and text.isalpha() and text[0].isupper()
            and sum(c.isupper() for c in text) >= MIN_LETTERS)


def defined_after(doc: Doc, end: int) -> Token | None:
    """The acronym in parentheses right after a name that ends before token `end`."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    acronym = doc[end + 1]
    return acronym if looks_like_acronym(acronym) else None
