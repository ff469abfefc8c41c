"""Size limits on what one record may make us read, so a hostile input cannot exhaust memory."""

from __future__ import annotations

import os
from dataclasses import dataclass

from eventwire.errors import InputError

DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # one article's raw input: file, line, page, record
DEFAULT_MAX_FEED_BYTES = 16 * 1024 * 1024  # one RSS/Atom document, file or URL
ARTICLE_ENV = "EVENTWIRE_MAX_ARTICLE_BYTES"
FEED_ENV = "EVENTWIRE_MAX_FEED_BYTES"
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3,
          "gb": 1024**3}


def parse_size(text: str, name: str) -> int:
    """'2000000', '512k', '2MB' -> bytes; anything else is one InputError naming the setting."""
    raw = text.strip().lower()
    digits = raw.rstrip("kmgb")
    unit = raw[len(digits):]
    if not digits.isdigit() or unit not in _UNITS or int(digits) <= 0:
        raise InputError(f"{name} {text!r}: expected a positive size in bytes, like 2000000, "
                         "512k or 2MB")
    return int(digits) * _UNITS[unit]


@dataclass(frozen=True)
class Limits:
    """The byte limits every reader obeys; bigger records become one RecordError each."""

    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    max_feed_bytes: int = DEFAULT_MAX_FEED_BYTES

    @classmethod
    def from_env(cls, max_article_bytes: int | None = None) -> Limits:
        """An explicit value, else the environment, else the documented defaults."""
        env_article = os.environ.get(ARTICLE_ENV, "").strip()
        env_feed = os.environ.get(FEED_ENV, "").strip()
        article = max_article_bytes if max_article_bytes is not None else (
            parse_size(env_article, ARTICLE_ENV) if env_article else DEFAULT_MAX_ARTICLE_BYTES)
        if article <= 0:
            raise InputError(f"--max-article-bytes {article}: must be a positive number of bytes")
        feed = parse_size(env_feed, FEED_ENV) if env_feed else DEFAULT_MAX_FEED_BYTES
        return cls(max_article_bytes=article, max_feed_bytes=feed)


def too_big(size: int | None, limit: int, what: str = "article") -> str:
    """The reason given for a record over a limit, the same words everywhere."""
    amount = f"{size:,} bytes, " if size is not None else ""
    how = "--max-article-bytes or " + ARTICLE_ENV if what == "article" else FEED_ENV
    return f"too large: {amount}over the {limit:,}-byte {what} limit (raise it with {how})"
