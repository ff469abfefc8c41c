"""Plain-text articles: one .txt file each; a first line then a blank line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError, make_article


def split_title(raw: str) -> tuple[str | None, str]:
    """A first line followed by a blank line is a title; otherwise the whole file is text."""
    lines = raw.replace("\r\n", "\n").lstrip("\ufeff\n").split("\n")
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), "\n".join(lines[2:]).strip()
    return None, "\n".join(lines).strip()


def read_bounded(path: Path, limit: int) -> bytes | int:
    """A file's bytes, or its size when it is over `limit` (then it is never read whole)."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
        if len(raw) <= limit:
            return raw
        handle.seek(0, 2)
        return handle.tell()


def unreadable(path: Path, exc: OSError) -> RecordError:
    """The one error every reader gives for a file the system will not open."""
    return RecordError(str(path), "file", f"cannot read: {exc.strerror or exc}")


def open_binary(path: Path) -> BinaryIO | RecordError:
    """A file opened for a streaming reader, or the error that names it."""
    try:
        return path.open("rb")
    except OSError as exc:
        return unreadable(path, exc)


def read_article_bytes(path: Path, limits: Limits) -> bytes | RecordError:
    """An article file's bytes, or the error naming why it cannot be read (missing, too big)."""
    try:
        got = read_bounded(path, limits.max_article_bytes)
    except OSError as exc:
        return unreadable(path, exc)
    if isinstance(got, int):
        return RecordError(str(path), "file", too_big(got, limits.max_article_bytes))
    return got


def read_text_file(path: Path, limits: Limits | None = None) -> Iterator[Record]:
    """Yield the one article a text file holds, or an error saying why it could not be read."""
    got = read_article_bytes(path, limits or Limits.from_env())
    if isinstance(got, RecordError):
        yield got
        return
    try:
        raw = got.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        yield RecordError(str(path), "file", f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    title, text = split_title(raw)
    if not text:
        yield RecordError(str(path), "file", "empty file: no article text")
        return
    yield make_article(text, title=title, source=str(path))
