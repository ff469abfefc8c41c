"""JSON Lines articles: one object per line, id and text, optional title/published/url/source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from eventwire.ingest.files import open_binary
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError, make_article

_OPTIONAL = ("title", "published", "url", "source")


def article_from_object(obj: Any, source: str, line: int) -> Record:
    """Check one decoded line against the input contract and build its Article."""
    where = f"line {line}"
    if not isinstance(obj, dict):
        return RecordError(source, where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return RecordError(source, where, "missing field 'text'")
    if not isinstance(text, str):
        return RecordError(source, where, f"field 'text' must be a string, got "
                                          f"{type(text).__name__}")
    if not text.strip():
        return RecordError(source, where, "field 'text' is empty")
    given = obj.get("id")
    if given is not None and (isinstance(given, bool) or not isinstance(given, str | int)):
        return RecordError(source, where, f"field 'id' must be a string or integer, got "
                                          f"{type(given).__name__}")
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return RecordError(source, where, f"field {key!r} must be a string or null, got "
                                              f"{type(value).__name__}")
    return make_article(text, given_id=str(given) if given is not None else None,
                        title=obj.get("title"), published=obj.get("published"),
                        url=obj.get("url"), source=obj.get("source") or source)


def decode_line(raw: bytes, source: str, line: int) -> Record | None:
    """One line's bytes to an Article, a RecordError, or None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(source, f"line {line}", f"not UTF-8 text ({exc.reason} at byte "
                                                   f"{exc.start} of the line)")
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(source, f"line {line}", f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return RecordError(source, f"line {line}", "invalid JSON: nested too deeply")
    except ValueError as exc:  # e.g. an integer over Python's 4300-digit limit
        return RecordError(source, f"line {line}", f"invalid JSON: {exc}")
    return article_from_object(obj, source, line)


def read_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[bytes, int | None]]:
    """Yield (line, None) per line, or (b"", size) for a line over `limit`, never held whole."""
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw, None
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):  # skip the rest of the long line in chunks
            raw = handle.readline(1 << 20)
            size += len(raw)
        yield b"", size


def read_jsonl(path: Path, limits: Limits | None = None, *, start: int = 0,
               end: int | None = None, first_line: int = 1) -> Iterator[Record]:
    """Yield an Article per good line and a line-numbered RecordError per bad one.

    `start`/`end` (byte offsets on line boundaries) read only the lines between them, numbered
    from `first_line`, so one chunk of a file cut up for a cluster reads as the whole file would.
    """
    handle = open_binary(path)
    if isinstance(handle, RecordError):
        yield handle
        return
    limits = limits or Limits.from_env()
    source = str(path)
    with handle:
        handle.seek(start)
        line_no = first_line - 1
        for raw, size in read_lines(handle, limits.max_article_bytes):
            line_no += 1
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 byte order mark
            rec = decode_line(raw, source, line_no) if size is None else RecordError(
                source, f"line {line_no}", too_big(size, limits.max_article_bytes))
            if rec is not None:
                yield rec
            if end is not None and handle.tell() >= end:
                return
