"""Plain-text, JSONL and directory sources, dates and ids: the readers alone, no coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.ingest import RecordError, read_source
from eventwire.ingest.record import article_id, normalise_date
from eventwire.model import Article


def _read(source: Path | str) -> tuple[list[Article], list[RecordError]]:
    arts, errs = [], []
    for rec in read_source(str(source)):
        (errs if isinstance(rec, RecordError) else arts).append(rec)
    return arts, errs


def test_text_file_first_line_is_title_only_before_a_blank_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran and Russia meet\n\nThe ministers met in Moscow.\n")
    (tmp_path / "b.txt").write_text("The ministers met in Moscow.\nThey talked about trade.\n")
    (a,), _ = _read(tmp_path / "a.txt")
    (b,), _ = _read(tmp_path / "b.txt")
    assert (a.title, a.text) == ("Iran and Russia meet", "The ministers met in Moscow.")
    assert b.title is None and b.text.startswith("The ministers met in Moscow.\nThey")
    assert a.id == article_id(None, None, a.text) and a.id.startswith("t")


def test_directory_is_read_recursively_and_by_extension(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "one.txt").write_text("First story text here.")
    (tmp_path / "deep" / "er" / "two.txt").write_text("Second story text here.")
    (tmp_path / "deep" / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Third story."}) + "\n")
    (tmp_path / "deep" / "notes.bin").write_bytes(b"\x00\x01")  # unknown extension: ignored
    (tmp_path / ".hidden.txt").write_text("ignored")
    arts, errs = _read(tmp_path)
    assert sorted(a.text for a in arts) == ["First story text here.", "Second story text here.",
                                            "Third story."]
    assert errs == []


def test_jsonl_bad_lines_are_line_numbered_errors_and_good_lines_survive(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "Good one.", "published": "March 3, 2021",
                    "url": "https://x.org/1", "title": "T", "source": "wire"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-type", "text": 42}),
        json.dumps({"id": "bad-title", "text": "x", "title": ["a"]}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "No id, has url.", "url": "https://x.org/2"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    arts, errs = _read(path)
    assert [a.id for a in arts] == ["ok1", article_id(None, "https://x.org/2", "")]
    assert arts[0].published == "2021-03-03" and arts[0].source == "wire"
    assert arts[1].source == str(path)  # no source field: the file is the source
    by_line = {e.record: e.reason for e in errs}
    assert set(by_line) == {"line 2", "line 3", "line 4", "line 5", "line 7"}
    assert "invalid JSON" in by_line["line 2"]
    assert by_line["line 3"] == "missing field 'text'"
    assert "'text' must be a string" in by_line["line 4"]
    assert "'title' must be a string" in by_line["line 5"]
    assert "expected a JSON object" in by_line["line 7"]


def test_missing_source_and_non_utf8_file_are_errors_not_exceptions(tmp_path: Path) -> None:
    _, errs = _read(tmp_path / "nope.jsonl")
    assert errs[0].reason.startswith("no such file")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    _, errs = _read(tmp_path / "latin.txt")
    assert "not UTF-8" in errs[0].reason


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "feed").write_bytes((Path(__file__).parent / "fixtures" / "feed.rss").read_bytes())
    (tmp_path / "lines").write_text(json.dumps({"id": "s", "text": "Sniffed JSONL."}) + "\n")
    arts, _ = _read(tmp_path / "lines")
    assert [a.id for a in arts] == ["s"]
    arts, _ = _read(tmp_path / "feed")
    assert len(arts) == 3  # the fixture feed's items with a summary


@pytest.mark.parametrize(("raw", "iso"), [
    ("2022-03-29", "2022-03-29"),
    ("2022-03-29T23:30:00+00:00", "2022-03-29"),
    ("Tue, 29 Mar 2022 10:00:00 GMT", "2022-03-29"),
    ("29 March 2022", "2022-03-29"),
    ("", None),
    ("not a date at all", None),
    ("2022-02-30", None),
])
def test_dates_are_normalised_to_iso(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_ids_are_given_else_stable_hashes() -> None:
    assert article_id("given", "https://x", "t") == "given"
    assert article_id(None, "https://x", "t") == article_id(None, "https://x", "other text")
    assert article_id(None, None, "t") == article_id(None, None, "t") != article_id(None, None, "u")
