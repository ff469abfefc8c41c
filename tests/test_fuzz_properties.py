"""Property tests: any input to a reader or loader ends in a result or a documented error.

Fast, modest versions of the atheris targets in fuzz/ (run those on demand for depth).
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.cli.terminal import shown
from eventwire.errors import KnowledgeFileError
from eventwire.ingest.files import split_title
from eventwire.ingest.html import article_from_html
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import RecordError, clean_text, make_article, normalise_date
from eventwire.ingest.rss import parse_feed
from eventwire.ingest.warc import read_warc
from eventwire.knowledge.gazetteer import Gazetteer, load_actor_file
from eventwire.knowledge.lexicon import load_lexicon
from eventwire.model import Article

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SMALL = Limits(max_article_bytes=4096)
ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=80)  # surrogates included


_SCRATCH = tempfile.TemporaryDirectory(prefix="eventwire-prop-")  # removed at exit


def _scratch(data: bytes, name: str) -> Path:
    """One file per example, overwritten by the next (hypothesis cannot use tmp_path)."""
    path = Path(_SCRATCH.name) / name
    path.write_bytes(data)
    return path


def _records(records: Iterable[object]) -> tuple[list[Article], list[RecordError]]:
    """Split a reader's output, asserting the reader contract on every record."""
    arts, errs = [], []
    for rec in records:
        if isinstance(rec, RecordError):
            assert rec.reason and rec.source
            errs.append(rec)
            continue
        assert isinstance(rec, Article)
        assert rec.text and rec.text == rec.text.strip()
        for value in (rec.id, rec.text, rec.title or "", rec.url or "", rec.source or ""):
            value.encode("utf-8")  # storable: no lone surrogates
        arts.append(rec)
    return arts, errs


# --- text normalisation ----------------------------------------------------------------------
@FAST
@given(ANY_TEXT.filter(str.strip), st.none() | ANY_TEXT, st.none() | ANY_TEXT,
       st.none() | ANY_TEXT)
def test_make_article_is_total_and_stable(text: str, title: str | None, given_id: str | None,
                                          url: str | None) -> None:
    first = make_article(text, title=title, given_id=given_id, url=url, source=url)
    again = make_article(text, title=title, given_id=given_id, url=url, source=url)
    _records([first])
    assert first.id == again.id and first.text == clean_text(text).strip()


@FAST
@given(ANY_TEXT | st.datetimes(timezones=st.timezones()) | st.dates().map(str))
def test_normalise_date_gives_a_real_day_or_none(value: object) -> None:
    day = normalise_date(value)
    assert day is None or (len(day) == 10 and day[4] == day[7] == "-" and
                           day[:4].isdigit() and 1 <= int(day[5:7]) <= 12)


@FAST
@given(ANY_TEXT)
def test_split_title_keeps_every_word(raw: str) -> None:
    title, text = split_title(raw)
    assert title is None or ("\n" not in title and title == title.strip() and title)
    words = (title or "").split() + text.split()
    assert words == raw.replace("\r\n", "\n").lstrip("\ufeff\n").split()


# --- JSONL -----------------------------------------------------------------------------------
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
                     lambda c: st.lists(c, max_size=3) | st.dictionaries(
                         st.sampled_from(["id", "text", "title", "published", "url"]) | ANY_TEXT,
                         c, max_size=5), max_leaves=8)
_GOOD = st.fixed_dictionaries({"text": ANY_TEXT.filter(str.strip)},
                              optional={"id": ANY_TEXT.filter(bool) | st.integers(),
                                        "title": ANY_TEXT, "published": ANY_TEXT})
_BAD_LINE = st.one_of(_JSON.map(lambda v: json.dumps(v).encode()), st.binary(max_size=40),
                      st.just(b"[" * 5000), st.just(b'{"text": ' + b"1" * 5000 + b"}"),
                      st.just(b'{"text": "x' + b"y" * 5000 + b'"}'))


@FAST
@given(st.lists(st.tuples(st.booleans(), _GOOD, _BAD_LINE), max_size=6))
def test_jsonl_good_lines_survive_any_neighbours(rows: list[tuple[bool, dict, bytes]]) -> None:
    lines, good = [], 0
    for is_good, obj, bad in rows:
        if is_good:
            good += 1
            lines.append(json.dumps(obj).encode("utf-8", "surrogatepass"))
        elif bad.strip():
            lines.append(bad.replace(b"\n", b" "))
    arts, errs = _records(read_jsonl(_scratch(b"\n".join(lines), "in.jsonl"), SMALL))
    assert len(arts) >= good  # a bad-looking line can still be a valid article
    assert len(arts) + len(errs) <= len(lines)


# --- HTML and RSS ----------------------------------------------------------------------------
_HTML_BITS = st.sampled_from([
    "<html>", "<body>", "<p>", "</p>", "<article>", "<title>", "</title>", "<script>", "<!--",
    "<meta charset='x-nothing'>", "&#0;", "&#xd800;", "&amp", "<![CDATA[", "\x00", "\ud800",
    "Iran and Russia met in Moscow on Tuesday to talk. ", "<time datetime='9999-99-99'>"])


@FAST
@given(st.lists(_HTML_BITS, max_size=30).map("".join).map(
    lambda s: s.encode("utf-8", "surrogatepass")) | st.binary(max_size=300))
def test_html_gives_one_article_or_one_error(raw: bytes) -> None:
    arts, errs = _records([article_from_html(raw, source="page.html", record="file")])
    assert len(arts) + len(errs) == 1


_FEED_BITS = st.sampled_from([
    "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>", "<title>",
    "</title>", "<link>", "</link>", "javascript:x", "<pubDate>", "</pubDate>",
    "Tue, 31 Dec 9999 23:00:00 -0500", "<description>", "</description>",
    "<![CDATA[<p>Iran met Russia</p>]]>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "<entry>", "</entry>", "<content type='html'>", "</content>", "<!ENTITY x 'y'>", "&x;",
    "\x00", "\ud800", "text ", "0000-00-00T00:00:00Z"])


@FAST
@given(st.lists(_FEED_BITS, max_size=30).map("".join).map(
    lambda s: s.encode("utf-8", "surrogatepass")) | st.binary(max_size=300))
def test_feed_parsing_never_raises(raw: bytes) -> None:
    arts, errs = _records(parse_feed(raw, "feed.rss", None, None, SMALL))
    assert arts or errs  # an unreadable feed is one error, not silence


# --- WARC ------------------------------------------------------------------------------------
def _warc(pages: list[str], compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for k, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://news.example.org/{k}", "response", http_headers=headers,
            payload=io.BytesIO(page.encode("utf-8", "surrogatepass")),
            warc_headers_dict={"WARC-Date": "2022-07-25T10:00:00Z"}))
    return out.getvalue()


_PAGE = st.lists(_HTML_BITS, min_size=1, max_size=12).map("".join)


@FAST
@given(st.lists(_PAGE, min_size=1, max_size=3), st.booleans(), st.integers(0, 10**6),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3))
def test_damaged_warc_gives_records_then_one_error(pages: list[str], compress: bool, cut: int,
                                                   flips: list[tuple[int, int]]) -> None:
    whole = _warc(pages, compress)
    data = bytearray(whole[:cut % (len(whole) + 1)])
    for pos, value in flips:
        if data:
            data[pos % len(data)] = value
    name = "in.warc.gz" if compress else "in.warc"
    arts, errs = _records(read_warc(_scratch(bytes(data), name), SMALL))
    assert len(arts) + len(errs) <= len(pages) + 1
    if bytes(data) == whole:
        assert not any("truncated" in e.reason or "damaged" in e.reason for e in errs)


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_as_warc(raw: bytes) -> None:
    for data in (raw, gzip.compress(raw)):
        _records(read_warc(_scratch(data, "x.warc.gz"), SMALL))


# --- knowledge files -------------------------------------------------------------------------
_SCALAR = (st.none() | st.booleans() | st.integers() | st.floats() | st.dates() |
           st.text(max_size=8) | st.sampled_from(["IRN", "GOV", "CONSULT", "VERB", "subj",
                                                  "prep:with", "2020-01-01", "US"]))
_VALUE = st.recursive(_SCALAR, lambda c: st.lists(c, max_size=3) | st.dictionaries(
    st.sampled_from(["name", "code", "sector", "aliases", "from", "to", "title"]), c,
    max_size=4), max_leaves=8)
_ACTOR_KEYS = ["code", "names", "demonyms", "capital", "metonyms", "institutions", "name",
               "sector", "aliases", "noun", "person", "offices"]
_LEX_KEYS = ["mode", "context", "with", "cameo", "actor", "recipient", "symmetric",
             "requires_recipient", "id", "trigger", "pos", "event"]


def _entry(keys: list[str]) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(keys), _VALUE, max_size=len(keys))


_ACTOR_DOC = st.lists(_entry(_ACTOR_KEYS), max_size=3) | st.dictionaries(
    st.sampled_from(["countries", "igos", "groups", "sectors", "people", "nonactors"]),
    st.lists(_entry(_ACTOR_KEYS), max_size=2) | _VALUE, max_size=3) | _VALUE
_LEX_ENTRY = st.fixed_dictionaries(
    {"id": st.just("x1"), "trigger": st.just("meet"), "pos": st.just("VERB"),
     "event": st.just("CONSULT")}, optional={k: _VALUE for k in _LEX_KEYS[:8]})
_YAML_BITS = st.sampled_from(["- ", ": ", "\n", "  ", "[", "]", "{", "}", "&a ", "*a",
                              "!!timestamp ", "2020-13-45", "!!int ", "!!bool ", "!!float ",
                              "!!python/object ", "? ", "|", "'", '"', "---\n", "<<: ", "\t",
                              "x", "\x00"])


def _yaml_file(doc: object) -> Path:
    text = doc if isinstance(doc, str) else yaml.safe_dump(doc, allow_unicode=True)
    return _scratch(text.encode("utf-8", "surrogatepass"), "k.yaml")


@FAST
@given(_ACTOR_DOC | st.lists(_YAML_BITS, max_size=25).map("".join))
def test_actor_loader_loads_or_names_the_problem(doc: object) -> None:
    try:
        load_actor_file(Gazetteer(), _yaml_file(doc))
    except KnowledgeFileError as exc:
        assert exc.path.endswith("k.yaml") and exc.problem


@FAST
@given(st.lists(_LEX_ENTRY | _entry(_LEX_KEYS), max_size=3) |
       st.lists(_YAML_BITS, max_size=25).map("".join))
def test_lexicon_loader_loads_or_names_the_problem(doc: object) -> None:
    try:
        load_lexicon([_yaml_file(doc)], packaged=False)
    except KnowledgeFileError as exc:
        assert exc.path.endswith("k.yaml") and exc.problem


_DTD_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                  "utf-32-be", "cp037", "latin-1")
_PROLOG_BITS = st.sampled_from(["<!-- <rss -->", "<!-- <feed> -->", "<?pi <rss ?>", "\n", " ",
                                "<!-- <![CDATA[ -->", "<!---->"])


@FAST
@given(st.sampled_from(_DTD_ENCODINGS), st.lists(_PROLOG_BITS, max_size=4).map("".join),
       st.sampled_from(["<!DOCTYPE rss [<!ENTITY x 'y'>]>", '<!DOCTYPE rss SYSTEM "x.dtd">',
                        "<!doctype rss>", "<!ENTITY x 'y'>"]))
def test_a_dtd_is_refused_whatever_the_encoding_or_comments(encoding: str, prolog: str,
                                                           dtd: str) -> None:
    doc = (f'<?xml version="1.0" encoding="{encoding}"?>{prolog}{dtd}<rss><channel><item>'
           "<description>Iran met Russia in Moscow.</description></item></channel></rss>")
    (got,) = list(parse_feed(doc.encode(encoding), "f.rss", None))
    assert isinstance(got, RecordError) and "has a DTD" in got.reason


@FAST
@given(st.text(max_size=60))
def test_shown_text_carries_no_terminal_controls(text: str) -> None:
    out = shown(text)
    assert not any(unicodedata.category(c) == "Cc" or c in "\u202e\u2066\u2028" for c in out)
    if text.isprintable():  # what the terminal shows is the text, inside markup or alone
        assert Text.from_markup(f"[red]{out}[/red]").plain == text
        if not text.endswith("\\"):
            assert Text.from_markup(out).plain == text
