"""What a reader yields per record: an Article, or an error naming the record and the problem."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import struct_time

from eventwire.model import Article

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_DATE_CHARS = 200  # no date is longer; free-text parsing of a long string takes seconds
MAX_ID_CHARS = 200  # a longer given id is refused at read time: the API could not serve it


@dataclass
class RecordError:
    """One record that could not be read; the batch goes on without it."""

    source: str
    record: str  # line number, item link, record id... whatever lets a human find it
    reason: str

    def __str__(self) -> str:
        return f"{self.source} [{self.record}]: {self.reason}"


Record = Article | RecordError


def stable_hash(value: str) -> str:
    """A short, stable hex digest, so the same input gets the same id on every machine."""
    return hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of an article's text; a changed text means the article must be coded again."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def clean_text(value: str) -> str:
    """Lone surrogates (JSON escapes like \\ud800) cannot be stored as UTF-8: make them U+FFFD."""
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def article_id(given: str | None, url: str | None, text: str) -> str:
    """The given id, else a stable hash of the url, else of the text."""
    if given:
        return str(given)
    if url:
        return "u" + stable_hash(url.strip())
    return "t" + stable_hash(text)


def normalise_date(value: object) -> str | None:
    """Any date we meet (ISO, RFC 822, struct_time, datetime, free text) -> 'YYYY-MM-DD'."""
    if value is None or value == "":
        return None
    if isinstance(value, struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(UTC)
            except OverflowError:  # year 1 or 9999 pushed out of range by its offset
                pass
        return value.date().isoformat()
    text = str(value).strip()
    if len(text) > MAX_DATE_CHARS:
        return None
    m = _ISO_DATE.match(text)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()
        except ValueError:
            return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return normalise_date(parsed)
    import dateparser  # slow to import; only for the rare free-text date

    found = dateparser.parse(text, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return found.date().isoformat() if found else None


def make_article(text: str, *, given_id: str | None = None, title: str | None = None,
                 published: object = None, url: str | None = None,
                 source: str | None = None) -> Article:
    """Build an Article with the house rules for ids, whitespace and dates applied."""
    text = clean_text(text).strip()
    title = clean_text(title).strip() if title and title.strip() else None
    given_id, url, source = (clean_text(v) if v else v for v in (given_id, url, source))
    return Article(id=article_id(given_id, url, text), text=text, title=title,
                   published=normalise_date(published), url=url or None, source=source)
