"""What `eventwire code` and `actors` read: files, directories, URLs and stdin, as Articles."""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from eventwire.ingest.jsonl import decode_line, read_lines
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError, make_article
from eventwire.ingest.sources import read_source, suffix_kind
from eventwire.model import Article

if TYPE_CHECKING:
    import httpx


def stdin_records(limits: Limits, stream: BinaryIO | None = None) -> list[Record]:
    """JSON Lines (first non-blank line starts with {) or one plain-text article from stdin."""
    lines = read_lines(stream or sys.stdin.buffer, limits.max_article_bytes)
    n = 0
    for n, (raw, size) in enumerate(lines, 1):  # noqa: B007 - n is used after the loop
        if size is not None or raw.strip():
            break
    else:
        return [RecordError("<stdin>", "input", "empty input: no article text")]
    if size is None and raw.lstrip().startswith(b"{"):
        out: list[Record] = []
        for k, (line, big) in enumerate([(raw, size), *lines], n):
            rec = RecordError("<stdin>", f"line {k}", too_big(big, limits.max_article_bytes)) \
                if big is not None else decode_line(line, "<stdin>", k)
            if rec is not None:
                out.append(rec)
        return out
    total, parts = 0, []
    for line, big in [(raw, size), *lines]:
        total += len(line) if big is None else big
        if total > limits.max_article_bytes:
            return [RecordError("<stdin>", "input", too_big(None, limits.max_article_bytes))]
        parts.append(line)
    try:
        text = b"".join(parts).decode("utf-8")
    except UnicodeDecodeError as exc:
        return [RecordError("<stdin>", "input", f"not UTF-8 text ({exc.reason})")]
    return [make_article(text, given_id="stdin", source="<stdin>")]


def _may_fetch(source: str) -> bool:
    """URLs, feeds (their items link pages) and anything not named as text or JSONL."""
    if source == "-":
        return False
    if source.startswith(("http://", "https://")):
        return True
    return suffix_kind(Path(source)) not in ("text", "jsonl")


def _client_for(inputs: list[str], allow_private: bool | None
                ) -> AbstractContextManager[httpx.Client | None]:
    """The guarded HTTP client, made only when an input may fetch: httpx and its TLS set-up
    cost a tenth of a second that `eventwire code notes.txt` should not pay."""
    if not any(_may_fetch(source) for source in inputs):
        return nullcontext(None)
    from eventwire.ingest.fetch import make_client

    return make_client(allow_private=allow_private)


def read_inputs(inputs: list[str], limits: Limits | None = None, *,
                allow_private: bool | None = None, follow_symlinks: bool = False
                ) -> tuple[list[Article], list[RecordError]]:
    """Every article of every input; unreadable records come back as errors, not exceptions.

    URLs are fetched through the same guarded client as `ingest` (SECURITY.md).
    """
    limits = limits or Limits.from_env()
    articles: list[Article] = []
    errors: list[RecordError] = []
    with _client_for(inputs, allow_private) as client:
        for source in inputs:
            records = stdin_records(limits) if source == "-" else \
                read_source(source, client, limits=limits, follow_symlinks=follow_symlinks)
            for rec in records:
                (errors if isinstance(rec, RecordError) else articles).append(rec)
    return articles, errors
