"""RSS/Atom feeds by file or URL: each item's linked page, else the item's summary."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import feedparser
import httpx
import lxml.html
from feedparser.encodings import convert_to_utf8
from feedparser.util import FeedParserDict

from eventwire.ingest.fetch import FetchError, FetchRefused, fetch
from eventwire.ingest.files import read_bounded
from eventwire.ingest.html import article_from_html
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError, article_id, make_article

MIN_PAGE_CHARS = 200  # a page shorter than this is a paywall or cookie wall: prefer the summary


def _summary_text(entry: feedparser.FeedParserDict) -> str:
    """The item's description or content as plain text."""
    parts = [c.get("value") or "" for c in entry.get("content") or []]  # a value may be None
    raw = max([p for p in [*parts, entry.get("summary")] if isinstance(p, str)] or [""], key=len)
    if not raw.strip():
        return ""
    try:
        return lxml.html.fromstring(raw).text_content().strip()
    except Exception:  # not HTML at all: the raw text is the summary
        return raw.strip()


_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.DOTALL)
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _has_dtd(raw: bytes, headers: dict[str, str] | None) -> bool:
    """A DOCTYPE or ENTITY declaration anywhere outside comments and CDATA, found in the text
    feedparser will parse (decoded to UTF-8 exactly as it decodes it, so UTF-16, UTF-32, EBCDIC
    or a declared charset cannot hide it). Feeds need no DTD; entities in one are XML bombs."""
    decoded = convert_to_utf8(dict(headers or {}), raw, FeedParserDict(bozo=False))
    return any(_DTD.search(text) for text in (_HIDDEN.sub(b"", decoded),
                                              _HIDDEN.sub(b"", raw.replace(b"\x00", b""))))


def _entry_records(entry: feedparser.FeedParserDict, source: str, index: int,
                   client: httpx.Client | None, limits: Limits) -> Iterator[Record]:
    """Fetch the item's page and extract it; fall back to the feed summary. A link the URL
    guard refuses is also an error row of its own, so the refusal is seen."""
    link = entry.get("link")
    title = entry.get("title")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    record = link or f"item {index}"
    problem, refused = "item has no link", False
    if link and client is not None:
        try:
            page = fetch(client, link, max_bytes=limits.max_article_bytes)
            got = article_from_html(page.content, source=source, record=record, url=link,
                                    published=published, title=title)
            if not isinstance(got, RecordError) and len(got.text) >= MIN_PAGE_CHARS:
                yield got
                return
            problem = got.reason if isinstance(got, RecordError) else "page text too short"
        except FetchRefused as exc:
            problem, refused = f"link not fetched: {exc}", True
        except FetchError as exc:
            problem = f"fetching the page failed: {exc}"
    elif link:
        problem = "page fetching disabled"
    summary = _summary_text(entry)
    size = len(summary.encode("utf-8", "surrogatepass"))
    if size > limits.max_article_bytes:
        yield RecordError(source, record, f"{problem}, and the summary is "
                                          f"{too_big(size, limits.max_article_bytes)}")
    elif summary:
        if refused:
            yield RecordError(source, record, f"{problem}; the item's summary is stored instead")
        yield make_article(summary, title=title, published=published, url=link, source=source)
    else:
        yield RecordError(source, record, f"{problem}, and the item has no summary")


def read_feed(location: str, client: httpx.Client | None,
              skip: Callable[[str], bool] | None = None,
              limits: Limits | None = None) -> Iterator[Record]:
    """Yield an Article per feed item; items whose id `skip` accepts are not fetched at all."""
    limits = limits or Limits.from_env()
    try:
        if location.startswith(("http://", "https://")):
            if client is None:
                raise FetchError("no HTTP client")
            raw: bytes | int = fetch(client, location, max_bytes=limits.max_feed_bytes).content
        else:
            raw = read_bounded(Path(location), limits.max_feed_bytes)
    except (FetchError, OSError) as exc:
        yield RecordError(location, "feed", f"cannot read feed: {exc}")
        return
    if isinstance(raw, int):
        yield RecordError(location, "feed", too_big(raw, limits.max_feed_bytes, "feed"))
        return
    yield from parse_feed(raw, location, client, skip, limits)


def parse_feed(raw: bytes, source: str, client: httpx.Client | None,
               skip: Callable[[str], bool] | None = None,
               limits: Limits | None = None) -> Iterator[Record]:
    """Parse feed bytes already in hand (a file, or a URL whose type was sniffed)."""
    limits = limits or Limits.from_env()
    # A feed fetched from a URL resolves relative item links against that URL.
    base = {"content-location": source} if source.startswith(("http://", "https://")) else None
    if _has_dtd(raw, base):
        yield RecordError(source, "feed", "refused: the feed has a DTD (<!DOCTYPE> or "
                                          "<!ENTITY>), whose entities can expand to gigabytes; "
                                          "feeds need none")
        return
    try:
        parsed = feedparser.parse(raw, response_headers=base)
    except Exception as exc:  # feedparser's loose parser raises KeyError etc. on broken markup
        yield RecordError(source, "feed", f"not a readable RSS/Atom feed: {type(exc).__name__}: "
                                          f"{exc}")
        return
    if not parsed.entries:
        why = parsed.get("bozo_exception") if parsed.get("bozo") else "no items"
        yield RecordError(source, "feed", f"not a readable RSS/Atom feed: {why}")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        if skip is not None and link and skip(article_id(None, link, "")):
            continue
        yield from _entry_records(entry, source, index, client, limits)
