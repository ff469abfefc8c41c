"""JSON Lines articles: one object per line, id and text, optional title/published/url/source."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def read_jsonl(path: Path) -> Iterator[Record]:
    """Yield an Article per good line and a line-numbered RecordError per bad one."""
    source = str(path)
    try:
        handle = path.open("r", encoding="utf-8", errors="strict")
    except OSError as exc:
        yield RecordError(source, "file", f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        line_no = 0
        while True:
            line_no += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                yield RecordError(source, f"line {line_no}", f"not UTF-8 text ({exc.reason}); "
                                                             "rest of file skipped")
                return
            if not line:
                return
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RecordError(source, f"line {line_no}",
                                  f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            yield article_from_object(obj, source, line_no)
