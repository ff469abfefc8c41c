"""WARC / WARC.GZ files as news crawls publish them (CC-NEWS): HTML responses only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from eventwire.ingest.files import open_binary
from eventwire.ingest.html import article_from_html
from eventwire.ingest.limits import Limits, too_big
from eventwire.ingest.record import Record, RecordError, normalise_date

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, limits: Limits | None = None) -> Iterator[Record]:
    """Yield an Article per HTML response; a damaged file gives one error after the good records."""
    limits = limits or Limits.from_env()
    source = str(path)
    stream = open_binary(path)
    if isinstance(stream, RecordError):
        yield stream
        return
    with stream:
        records = ArchiveIterator(stream)
        count = seen = 0
        while True:
            try:
                rec = next(records)
                seen += 1
                if not rec.rec_type:  # warcio reads anything after "WARC/1.0" as one record
                    raise ValueError("a record without a WARC-Type header")
                body = _html_body(rec, limits.max_article_bytes)
                missing = getattr(rec.raw_stream, "limit", 0)
                if missing > 0:  # the record promised more bytes than the file holds
                    raise EOFError(f"record cut short, {missing} bytes missing")
            except StopIteration:
                # warcio stops quietly at a last record too short to parse: compare offsets.
                tail = path.stat().st_size - getattr(records, "offset", 0)
                if not seen:
                    yield RecordError(source, "file", "no WARC records found (not a WARC file, "
                                                      "or truncated in the first record)")
                elif tail > 4:
                    yield RecordError(source, f"after record {seen}", f"truncated WARC: the "
                                      f"last {tail} bytes do not form a complete record")
                return
            except Exception as exc:  # warcio/zlib/EOF errors on truncated or corrupt files
                where = f"after record {seen - 1}" if seen > 1 else "first record"
                yield RecordError(source, where, f"damaged or truncated WARC, rest of file "
                                                 f"skipped: {type(exc).__name__}: {exc}")
                return
            if body is None:
                continue
            count += 1
            url = rec.rec_headers.get_header("WARC-Target-URI")
            if body is True:
                yield RecordError(source, url or f"record {count}",
                                  too_big(None, limits.max_article_bytes))
                continue
            got = article_from_html(body, source=source, record=url or f"record {count}", url=url)
            if not isinstance(got, RecordError) and got.published is None:
                got = _with_crawl_date(got, rec.rec_headers.get_header("WARC-Date"))
            yield got


def _html_body(rec: object, limit: int) -> bytes | bool | None:
    """The payload of a successful HTML response (True if over `limit`); other records are read
    through and skipped."""
    headers = rec.http_headers  # type: ignore[attr-defined]
    if rec.rec_type == "response" and headers is not None:  # type: ignore[attr-defined]
        status = headers.get_statuscode() or ""
        ctype = (headers.get_header("Content-Type") or "").lower()
        if status.startswith("2") and ctype.startswith(_HTML_TYPES):
            stream = rec.content_stream()  # type: ignore[attr-defined]
            body = stream.read(limit + 1)
            if len(body) <= limit:
                return body
            while rec.raw_stream.read(65536):  # type: ignore[attr-defined]
                pass  # skip the rest undecoded: a compression bomb costs no CPU
            return True
    while rec.raw_stream.read(65536):  # type: ignore[attr-defined]
        pass
    return None


def _with_crawl_date(article: Record, warc_date: str | None) -> Record:
    """No date in the page: the crawl date is the best bound on when it was published."""
    if warc_date and not isinstance(article, RecordError):
        article.published = normalise_date(warc_date)
    return article
