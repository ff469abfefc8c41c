"""Fuzz what the readers do to text: title split, article building, dates, feed summaries."""

from __future__ import annotations

import atheris
import harness

harness.instrument("dateparser", "feedparser")

import feedparser  # noqa: E402

from eventwire.ingest.files import split_title  # noqa: E402
from eventwire.ingest.record import clean_text, make_article, normalise_date  # noqa: E402
from eventwire.ingest.rss import _summary_text  # noqa: E402


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 400))
    title = fdp.ConsumeUnicode(40) if fdp.ConsumeBool() else None
    given = fdp.ConsumeUnicode(20) if fdp.ConsumeBool() else None
    url = fdp.ConsumeUnicode(40) if fdp.ConsumeBool() else None
    published = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 60))
    day = normalise_date(published)
    if day is not None and (len(day) != 10 or day[4] != "-" or day[7] != "-"):
        raise AssertionError(f"normalise_date({published!r}) = {day!r}")
    head, body = split_title(text)
    if head is not None and "\n" in head:
        raise AssertionError(f"title with a newline: {head!r}")
    if clean_text(text).encode("utf-8") and not any("\ud800" <= c <= "\udfff" for c in text) \
            and clean_text(text) != text:
        raise AssertionError("clean_text changed a text without surrogates")
    if text.strip():
        harness.check_records([make_article(text, given_id=given, title=title, url=url,
                                            published=published, source=url)])
    _summary_text(feedparser.FeedParserDict(summary=text, content=[{"value": body}]))


if __name__ == "__main__":
    harness.run(test_one_input)
