"""Plain-text articles: one .txt file each; a first line then a blank line is the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.ingest.record import Record, RecordError, make_article


def split_title(raw: str) -> tuple[str | None, str]:
    """A first line followed by a blank line is a title; otherwise the whole file is text."""
    lines = raw.replace("\r\n", "\n").lstrip("\ufeff\n").split("\n")
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), "\n".join(lines[2:]).strip()
    return None, "\n".join(lines).strip()


def read_text_file(path: Path) -> Iterator[Record]:
    """Yield the one article a text file holds, or an error saying why it could not be read."""
    try:
        raw = path.read_bytes().decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        yield RecordError(str(path), "file", f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    except OSError as exc:
        yield RecordError(str(path), "file", f"cannot read: {exc.strerror or exc}")
        return
    title, text = split_title(raw)
    if not text:
        yield RecordError(str(path), "file", "empty file: no article text")
        return
    yield make_article(text, title=title, source=str(path))
