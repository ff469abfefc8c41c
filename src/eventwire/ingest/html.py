"""HTML pages (saved or fetched) to Articles: trafilatura extracts text, title, date and url."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura

from eventwire.ingest.files import read_article_bytes
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import Record, RecordError, make_article

MIN_WORDS = 5  # fewer words than this is a menu or an error page, not an article


def article_from_html(html: str | bytes, *, source: str, record: str,
                      url: str | None = None, published: object = None,
                      title: str | None = None) -> Record:
    """Extract the main text of one page; no text found is a record error, not an exception."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
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
