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
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of an article's text; a changed text means the article must be coded again."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


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
            value = value.astimezone(UTC)
        return value.date().isoformat()
    text = str(value).strip()
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
    text = text.strip()
    title = title.strip() if title and title.strip() else None
    return Article(id=article_id(given_id, url, text), text=text, title=title,
                   published=normalise_date(published), url=url or None, source=source)
