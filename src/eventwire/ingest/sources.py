"""One SOURCE string (file, directory or URL) to the reader that understands it."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from eventwire.ingest.fetch import FetchError, fetch
from eventwire.ingest.files import read_text_file, unreadable
from eventwire.ingest.html import article_from_html, read_html_file
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError
from eventwire.ingest.rss import parse_feed, read_feed
from eventwire.ingest.warc import read_warc

Reader = Callable[[Path, Limits], Iterator[Record]]
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}


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
            with path.open("rb") as handle:
                kind = sniff(handle.read(4096))
        except OSError as exc:
            yield unreadable(path, exc)
            return
    if kind == "feed":
        yield from read_feed(str(path), client, skip, limits)
        return
    readers: dict[str, Reader] = {"text": read_text_file, "jsonl": read_jsonl,
                                  "html": read_html_file, "warc": read_warc}
    yield from readers[kind](path, limits)


def _read_url(url: str, client: httpx.Client | None,
              skip: Callable[[str], bool] | None, limits: Limits) -> Iterator[Record]:
    """A URL is a feed or a page; the content type or the body decides."""
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
                limits: Limits | None = None) -> Iterator[Record]:
    """Yield every record of a SOURCE; a source that does not exist is one RecordError."""
    limits = limits or Limits.from_env()
    if source.startswith(("http://", "https://")):
        yield from _read_url(source, client, skip, limits)
        return
    path = Path(source)
    try:
        is_dir, exists = path.is_dir(), path.exists()
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                       ) if is_dir else [path]
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, a folder we cannot list
        yield RecordError(source, "source", f"cannot read: {exc}")
        return
    if not exists:
        yield RecordError(source, "source", "no such file, directory or URL")
        return
    for file in files:
        if not is_dir or suffix_kind(file) is not None:
            yield from _read_file(file, client, skip, limits)
