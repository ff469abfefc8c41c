"""HTML pages (saved or fetched) to Articles: trafilatura extracts text, title, date and url."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import AnyStr

import trafilatura

from eventwire.ingest.files import read_article_bytes
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import Record, RecordError, make_article

MIN_WORDS = 5  # fewer words than this is a menu or an error page, not an article
# libxml2 and trafilatura take time quadratic in the number of attributes of one element
# (16,000 on one <div>: 2.4 s, 32,000: 14 s); real elements have a handful, so the rest of
# an element's attributes past this many are dropped before parsing. Text is never touched.
MAX_ATTRIBUTES = 64
_LONG_TAG = r"<[A-Za-z][^<>]{1000,}>"  # only a long tag can hold that many attributes
_ATTRIBUTE = r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?"""
PATTERNS = {str: (re.compile(_LONG_TAG), re.compile(_ATTRIBUTE)),
            bytes: (re.compile(_LONG_TAG.encode()), re.compile(_ATTRIBUTE.encode()))}


def fewer_attributes(html: AnyStr) -> AnyStr:
    """The page with every element cut to its first MAX_ATTRIBUTES attributes."""
    long_tag, attribute = PATTERNS[type(html)]

    def trim(match: re.Match[AnyStr]) -> AnyStr:
        tag = match.group(0)
        found = list(attribute.finditer(tag))
        if len(found) <= MAX_ATTRIBUTES:
            return tag
        return tag[:found[MAX_ATTRIBUTES - 1].end()] + tag[-1:]
    return long_tag.sub(trim, html)


def article_from_html(html: str | bytes, *, source: str, record: str,
                      url: str | None = None, published: object = None,
                      title: str | None = None) -> Record:
    """Extract the main text of one page; no text found is a record error, not an exception."""
    try:
        doc = trafilatura.bare_extraction(fewer_attributes(html), url=url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        return RecordError(source, record, f"HTML could not be parsed: {exc}")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        return RecordError(source, record, "no article text found in the HTML")
    return make_article(text, title=title or doc.title, published=published or doc.date,
                        url=url or doc.url, source=source)


def read_html_file(path: Path, limits: Limits | None = None) -> Iterator[Record]:
    """Yield the article of one saved HTML page."""
    raw = read_article_bytes(path, limits or Limits.from_env())
    yield raw if isinstance(raw, RecordError) else article_from_html(raw, source=str(path),
                                                                       record="file")
