"""One SOURCE string (file, directory or URL) to the reader that understands it."""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.ingest.files import unreadable
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError
from eventwire.ingest.walk import open_regular, special_file, walk_directory

if TYPE_CHECKING:
    import httpx

Reader = Callable[[Path, Limits], Iterator[Record]]
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
# Each kind's reader, imported on first use: trafilatura, feedparser, warcio and httpx cost
# most of a second together, and `eventwire code notes.txt` needs none of them.
READERS: dict[str, tuple[str, str]] = {
    "text": ("eventwire.ingest.files", "read_text_file"),
    "jsonl": ("eventwire.ingest.jsonl", "read_jsonl"),
    "html": ("eventwire.ingest.html", "read_html_file"),
    "warc": ("eventwire.ingest.warc", "read_warc"),
}


def reader(kind: str) -> Reader:
    """The reader function for a file kind."""
    module, name = READERS[kind]
    return getattr(importlib.import_module(module), name)


def suffix_kind(path: Path) -> str | None:
    """The kind of file its name promises (double suffixes like .warc.gz first)."""
    name = path.name.lower()
    for suffix, kind in sorted(SUFFIXES.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return kind
    return None


def sniff(head: bytes) -> str:
    """Guess a file's kind from its first bytes when its name does not say."""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"<?xml"):
        return "feed"
    return "text"


def _read_file(path: Path, client: httpx.Client | None,
               skip: Callable[[str], bool] | None, limits: Limits) -> Iterator[Record]:
    """Dispatch one file by its suffix, else by its content."""
    kind = suffix_kind(path)
    if kind is None:
        try:
            with open_regular(path) as handle:
                kind = sniff(handle.read(4096))
        except OSError as exc:
            yield unreadable(path, exc)
            return
    if kind == "feed":
        from eventwire.ingest.rss import read_feed

        yield from read_feed(str(path), client, skip, limits)
        return
    yield from reader(kind)(path, limits)


def _read_url(url: str, client: httpx.Client | None,
              skip: Callable[[str], bool] | None, limits: Limits) -> Iterator[Record]:
    """A URL is a feed or a page; the content type or the body decides."""
    from eventwire.ingest.fetch import FetchError, fetch
    from eventwire.ingest.html import article_from_html
    from eventwire.ingest.rss import parse_feed

    if client is None:
        yield RecordError(url, "url", "no HTTP client")
        return
    try:
        got = fetch(client, url, max_bytes=max(limits.max_feed_bytes, limits.max_article_bytes))
    except FetchError as exc:
        yield RecordError(url, "url", f"cannot fetch: {exc}")
        return
    is_feed = any(t in got.content_type for t in ("rss", "atom", "xml")) and \
        "html" not in got.content_type
    if is_feed or sniff(got.content[:4096]) == "feed":
        yield from parse_feed(got.content, url, client, skip, limits)
    elif len(got.content) > limits.max_article_bytes:
        yield RecordError(url, "page", too_big(len(got.content), limits.max_article_bytes))
    else:
        yield article_from_html(got.content, source=url, record="page", url=url)


def read_source(source: str, client: httpx.Client | None = None,
                skip: Callable[[str], bool] | None = None,
                limits: Limits | None = None, follow_symlinks: bool = False
                ) -> Iterator[Record]:
    """Yield every record of a SOURCE; a source that cannot be read is one RecordError."""
    limits = limits or Limits.from_env()
    if source.startswith(("http://", "https://")):
        yield from _read_url(source, client, skip, limits)
        return
    if not source.strip():
        yield RecordError(repr(source), "source", "empty source name (give a file, directory "
                                                  "or URL)")
        return
    path = Path(source)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        yield RecordError(source, "source", f"cannot read: {exc}")
        return
    if not exists:
        yield RecordError(source, "source", "no such file, directory or URL")
        return
    if not is_dir:
        refused = special_file(path)
        if refused is not None:
            yield refused
            return
        yield from _read_file(path, client, skip, limits)
        return
    for entry in walk_directory(path, follow_symlinks):
        if isinstance(entry, RecordError):
            yield entry
        elif suffix_kind(entry) is not None:
            yield from _read_file(entry, client, skip, limits)
