"""One test per crash the fuzzers found: each input now ends in a result or a documented error."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from eventwire.batch import pipeline as pipeline_module
from eventwire.errors import KnowledgeFileError
from eventwire.ingest import RecordError, read_source
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.record import make_article, normalise_date
from eventwire.ingest.rss import parse_feed
from eventwire.knowledge.gazetteer import Gazetteer, load_actor_file
from eventwire.knowledge.lexicon import load_lexicon
from eventwire.knowledge.yamlfile import load_yaml
from eventwire.store.db import Store


def _jsonl(tmp_path: Path, lines: list[bytes]) -> list[object]:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return list(read_jsonl(path))


def test_jsonl_deep_nesting_and_huge_integers_are_line_errors(tmp_path: Path) -> None:
    # Were RecursionError and ValueError (int over 4300 digits), ending the whole run.
    recs = _jsonl(tmp_path, [b"[" * 100_000, b'{"text": "a", "id": ' + b"9" * 5000 + b"}",
                             json.dumps({"id": "ok", "text": "Iran and Russia met."}).encode()])
    assert [type(r).__name__ for r in recs] == ["RecordError", "RecordError", "Article"]
    assert "nested too deeply" in recs[0].reason and recs[0].record == "line 1"
    assert "invalid JSON" in recs[1].reason and recs[1].record == "line 2"


def test_lone_surrogates_become_replacement_characters_and_store(tmp_path: Path, coder) -> None:
    # json.loads turns "\ud800" into a lone surrogate: hashing and DuckDB raised on it.
    line = '{"id": "s\\udc80", "text": "Iran \\ud800 met Russia.", "title": "\\udfff"}'
    (art,) = _jsonl(tmp_path, [line.encode()])
    assert art.text == "Iran \ufffd met Russia." and art.title == "\ufffd" and art.id == "s\ufffd"
    article = make_article("x \udc00", url="https://x.org/\ud800")
    assert article.id.startswith("u") and article.url == "https://x.org/\ufffd"
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = pipeline_module.ingest(store, [str(tmp_path / "in.jsonl")], coder=coder)
        assert (stats.stored, stats.errors) == (1, 0)


def test_dates_out_of_range_or_very_long_are_none_not_crashes() -> None:
    # Was OverflowError (year 9999 moved past the end of time by its offset).
    assert normalise_date("Fri, 31 Dec 9999 23:00:00 -0500") == "9999-12-31"
    started = time.perf_counter()
    assert normalise_date("x" * 100_000) is None  # dateparser took ~14 s on this
    assert time.perf_counter() - started < 1.0


def test_feed_that_breaks_feedparser_is_one_error() -> None:
    # feedparser raised KeyError('links') from its loose parser.
    (err,) = list(parse_feed(b"<channel><entry><link></entry></link>", "f.rss", None))
    assert isinstance(err, RecordError) and "not a readable RSS/Atom feed" in err.reason


def test_feed_item_whose_content_has_no_value_uses_its_summary() -> None:
    # A <content> element with no text gave {'value': None}: len(None) raised TypeError.
    raw = ("<rss><channel><item><title>T</title><content type='html'></content>"
           "<description>Iran and Russia met in Moscow.</description></item></channel></rss>")
    (art,) = list(parse_feed(raw.encode(), "f.rss", None))
    assert art.text == "Iran and Russia met in Moscow."
    fuzzed = (b"</title><pubDate>Tue, 31 Dec 9999 23:00:00 -0500</content></content><content "
              b"type='html'><entry>text http://127.0.0.1/\xed\xa0\x80<?xml version='1.0'?>"
              b"</content>")
    assert all(isinstance(r, RecordError) or r.text for r in parse_feed(fuzzed, "f.rss", None))


@pytest.mark.parametrize(("text", "problem", "line"), [
    ("- code: IRN\n  offices:\n    - {from: 2020-13-45}\n", "month must be in 1..12", 3),
    ("- !!int x\n", "cannot read the int value 'x'", 1),
    ("- !!bool \n", "cannot read the bool value", 1),
    ("- !!timestamp \n", "cannot read the timestamp value", 1),
    ("a: &x [1, 2]\nb: *x\n", "aliases (*name) are not supported", 2),
    ("[" * 5000, "nested too deeply", None),
])
def test_yaml_that_pyyaml_cannot_construct_is_a_knowledge_error(
        tmp_path: Path, text: str, problem: str, line: int | None) -> None:
    # Were ValueError/KeyError/IndexError/AttributeError/RecursionError from PyYAML.
    path = tmp_path / "k.yaml"
    path.write_text(text)
    with pytest.raises(KnowledgeFileError) as info:
        load_yaml(path)
    assert problem in str(info.value) and info.value.line == line


@pytest.mark.parametrize(("doc", "problem"), [
    ("igos: 5\n", "'igos' must be a list of mappings"),
    ("- {code: IRN, names: [Iran], institutions: 7}\n", "'institutions' must be a list"),
    ("- {name: X Y, offices: [just text]}\n", "'offices' must be a list of mappings"),
    ("- {name: X Y, code: IRN, sector: [GOV]}\n", "unknown sector ['GOV']"),
    ("- {name: [X, Y], code: IRN}\n", "person entry needs a 'name'"),
    ("- {code: [IRN], names: [Iran]}\n", "invalid actor code ['IRN']"),
    ("- {code: IRN, names: [[Iran]]}\n", "'names' must be a list of strings"),
])
def test_actor_entries_of_the_wrong_shape_are_knowledge_errors(tmp_path: Path, doc: str,
                                                               problem: str) -> None:
    # Were TypeError (not iterable, unhashable) and AttributeError ('str' has no 'get').
    path = tmp_path / "actors.yaml"
    path.write_text(doc)
    with pytest.raises(KnowledgeFileError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        load_actor_file(Gazetteer(), path)


@pytest.mark.parametrize(("extra", "problem"), [
    ("mode: {a: 1}", "mode must be a string"),
    ("context: [[a]]", "'context' must be a string or a list of strings"),
    ("with: 1.5", "'with' must be a string or a list of strings"),
    ("actor_sectors: [CIV]", "unknown sector 'CIV' in 'actor_sectors'"),
    ("actor_sectors: 3", "'actor_sectors' must be a string or a list of strings"),
])
def test_lexicon_fields_of_the_wrong_type_are_knowledge_errors(tmp_path: Path, extra: str,
                                                               problem: str) -> None:
    # Were TypeError: unhashable dict/list in the ontology lookups, float not iterable.
    path = tmp_path / "lex.yaml"
    path.write_text(f"- {{id: x1, trigger: meet, pos: VERB, event: CONSULT, {extra}}}\n")
    with pytest.raises(KnowledgeFileError, match=problem):
        load_lexicon([path], packaged=False)


def test_source_names_the_os_refuses_are_record_errors() -> None:
    # Path.is_dir() raised OSError (File name too long) out of the reader.
    (err,) = list(read_source("x" * 5000 + ".txt"))
    assert isinstance(err, RecordError) and "File name too long" in err.reason
    (err,) = list(read_source("bad\x00name.txt"))
    assert isinstance(err, RecordError) and "no such file" in err.reason


def test_a_reader_bug_is_recorded_and_the_other_sources_are_ingested(
        tmp_path: Path, coder, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fault injection: a reader that raises mid-source (as feedparser once did) is one error.
    good = tmp_path / "good.txt"
    good.write_text("Iran and Russia signed an energy agreement in Moscow on Tuesday.")
    real = pipeline_module.read_source

    def flaky(source: str, *args: object):
        if source.endswith("boom.txt"):
            raise KeyError("links")
        return real(source, *args)

    monkeypatch.setattr(pipeline_module, "read_source", flaky)
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = pipeline_module.ingest(store, [str(tmp_path / "boom.txt"), str(good)],
                                       coder=coder)
        reasons = [r[0] for r in store.conn.execute("SELECT reason FROM ingest_errors")
                   .fetchall()]
        assert (stats.stored, stats.errors) == (1, 1)
    assert "KeyError" in reasons[0] and "please report" in reasons[0]


def test_feeds_declaring_entities_are_refused_at_once() -> None:
    # A 'billion laughs' feed made expat expand ~8 MB through feedparser: 4 s per feed.
    entities = "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
                       for i in range(9))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">{entities}]><rss>'
            "<channel><item><title>x</title><description>&j;</description></item></channel>"
            "</rss>")
    started = time.perf_counter()
    (err,) = list(parse_feed(bomb.encode(), "lol.rss", None))
    assert time.perf_counter() - started < 0.5
    assert isinstance(err, RecordError) and "declares XML entities" in err.reason
    leak = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><item><description>Iran met Russia. &x;</description></item>"
            "</channel></rss>")
    (err,) = list(parse_feed(leak.encode(), "ext.rss", None))
    assert isinstance(err, RecordError) and "declares XML entities" in err.reason
    netscape = ('<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS'
                ' 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss><channel>'
                "<item><description>Iran met Russia.</description></item></channel></rss>")
    (art,) = list(parse_feed(netscape.encode(), "old.rss", None))  # a plain DOCTYPE is fine
    assert art.text == "Iran met Russia."
