"""A corpus of bad inputs, generated per test: each gives one error naming it, the rest is stored.

Nothing here is a committed binary: empty, binary, huge (100 MB, as sparse files), badly
encoded, malformed, truncated and wrongly typed inputs are written to tmp dirs, and the slow
and looping feeds are served by a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.batch.pipeline import ingest
from eventwire.cli import _register, app
from eventwire.cli.inputs import stdin_records
from eventwire.coder import Coder
from eventwire.ingest.fetch import make_client
from eventwire.ingest.limits import DEFAULT_MAX_ARTICLE_BYTES, Limits
from eventwire.ingest.record import stable_hash
from eventwire.model import Article
from eventwire.store.db import Store
from ingest_support import http_server

HUGE = 100 * 1024 * 1024
STORY = ("Iran and Russia signed an agreement in Moscow on Tuesday to cooperate on oil and gas "
         "projects, the Iranian oil ministry said in a statement.")
PAGE = f"<html><head><title>Pact</title></head><body><article><p>{STORY}</p></article></body>"


def _sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of `size` bytes that costs no disk: the reader must not load it whole."""
    with path.open("wb") as out:
        out.write(head)
        out.truncate(size)
    return path


def _warc(path: Path, pages: list[bytes]) -> list[int]:
    """A WARC.GZ of HTML responses; returns the offset where each record ends."""
    ends = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for k, body in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.org/{k}", "response", payload=io.BytesIO(body),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2022-07-25T10:00:00Z"}))
            ends.append(out.tell())
    return ends


def _errors(store: Store) -> list[tuple[str, str, str]]:
    return store.conn.execute("SELECT source, record, reason FROM ingest_errors "
                              "ORDER BY source, record").fetchall()


def _stored_ids(store: Store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT id FROM articles").fetchall()}


def test_a_batch_of_bad_files_gives_one_error_each_and_stores_the_rest(tmp_path: Path,
                                                                       coder) -> None:
    src = tmp_path / "batch"
    src.mkdir()
    (src / "good.txt").write_text(f"Pact signed\n\n{STORY}\n")
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b" \n\t\n")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "latin1.txt").write_bytes(f"Caf\xe9 talks. {STORY}".encode("latin-1"))
    (src / "utf16.txt").write_bytes(STORY.encode("utf-16"))
    _sparse(src / "huge.txt", HUGE, STORY.encode())
    _sparse(src / "huge.html", HUGE, PAGE.encode())
    (src / "cp1252.html").write_bytes(
        f"<html><head><meta charset='windows-1252'></head><body><p>Caf\xe9 diplomacy. {STORY}"
        f"</p></body></html>".encode("cp1252"))
    (src / "malformed.html").write_text(f"<html><body><div><p>{STORY[:-1]} again<table><tr>"
                                        f"<td><b><i><<<>>></span></html></div>")
    (src / "markup-only.html").write_text("<html><body><div><<<>>><br/><br/></div></html>")
    (src / "not-a-feed.rss").write_text("<rss><channel><title>broken")
    (src / "garbage.warc").write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n" * 3)
    ends = _warc(src / "cut.warc.gz", [PAGE.encode(), PAGE.replace("Pact", "Deal").encode()])
    whole = (src / "cut.warc.gz").read_bytes()
    (src / "cut.warc.gz").write_bytes(whole[:ends[0] + (ends[1] - ends[0]) // 2])
    (src / "notgzip.warc.gz").write_bytes(gzip.compress(whole)[:40])
    lines = [json.dumps({"id": "j-ok", "text": STORY}).encode(),
             json.dumps({"id": "j-int", "text": 42}).encode(),
             json.dumps({"id": ["list"], "text": STORY}).encode(),
             json.dumps({"id": "j-title", "text": STORY, "title": {"a": 1}}).encode(),
             json.dumps({"id": "j-empty", "text": "   "}).encode(),
             b'"just a string"', b"null", b"true", b"[1, 2]", b'{"id": "x", "text": "unclosed',
             b'{"id": "bad-utf8", "text": "caf\xe9"}',
             json.dumps({"id": "j-ok2", "text": STORY.replace("Iran", "Syria")}).encode()]
    (src / "lines.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    _sparse(src / "one-huge-line.jsonl", HUGE, b'{"id": "big", "text": "')

    with Store.open(tmp_path / "db.duckdb") as store:
        started = time.perf_counter()
        stats = ingest(store, [str(src)], coder=coder)
        elapsed = time.perf_counter() - started
        errors = _errors(store)
        ids = _stored_ids(store)
        counts = store.counts()

    by_file: dict[str, list[tuple[str, str]]] = {}
    for source, record, reason in errors:
        by_file.setdefault(Path(source).name, []).append((record, reason))
    expected = {
        "empty.txt": "empty file", "blank.txt": "empty file", "binary.txt": "not UTF-8",
        "latin1.txt": "not UTF-8", "utf16.txt": "not UTF-8", "huge.txt": "too large",
        "huge.html": "too large", "markup-only.html": "no article text",
        "not-a-feed.rss": "not a readable RSS/Atom feed", "garbage.warc": "WARC",
        "cut.warc.gz": "truncated", "notgzip.warc.gz": "WARC", "one-huge-line.jsonl": "too large",
    }
    for name, words in expected.items():
        assert len(by_file.get(name, [])) == 1, (name, by_file.get(name))
        assert words in by_file[name][0][1], (name, by_file[name])
    assert "104,857,600 bytes" in by_file["huge.txt"][0][1]
    assert by_file["one-huge-line.jsonl"][0][0] == "line 1"
    jsonl = dict(by_file["lines.jsonl"])
    assert set(jsonl) == {f"line {n}" for n in range(2, 12)}  # lines 1 and 12 are good
    assert "field 'text' must be a string" in jsonl["line 2"]
    assert "field 'id' must be a string or integer" in jsonl["line 3"]
    assert "not UTF-8" in jsonl["line 11"] and "invalid JSON" in jsonl["line 10"]
    assert set(by_file) == set(expected) | {"lines.jsonl"}  # nothing else failed

    # good.txt, cp1252.html, malformed.html, the record before the WARC cut, two JSONL lines
    assert {"j-ok", "j-ok2", "u" + stable_hash("https://news.example.org/0")} <= ids
    assert counts["articles"] == stats.stored == 6
    assert stats.errors == len(errors) == len(expected) + 10
    assert elapsed < 60  # two 100 MB files were refused without being read


def test_configurable_limit_refuses_a_slightly_bigger_article(tmp_path: Path, coder) -> None:
    small = Limits(max_article_bytes=1000)
    (tmp_path / "fits.txt").write_text(STORY * 6)  # under 1000 bytes
    (tmp_path / "over.txt").write_text(STORY * 8)  # just over
    body = f"<html><body><p>{STORY * 8}</p></body></html>".encode()
    _warc(tmp_path / "pages.warc.gz", [PAGE.encode(), body])
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "a", "text": STORY}) + "\n" +
                                         json.dumps({"id": "b", "text": STORY * 8}) + "\n")
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest(store, [str(tmp_path)], coder=coder, limits=small)
        errors = _errors(store)
    assert stats.stored == 3  # fits.txt, the first WARC page, JSONL line 1
    records = sorted((Path(s).name, r) for s, r, _ in errors)
    assert records == [("over.txt", "file"), ("pages.warc.gz", "https://news.example.org/1"),
                       ("rows.jsonl", "line 2")]
    assert all("over the 1,000-byte article limit" in reason for _, _, reason in errors)


def test_limit_from_env_flag_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_MAX_ARTICLE_BYTES", raising=False)
    assert Limits.from_env().max_article_bytes == DEFAULT_MAX_ARTICLE_BYTES == 2 * 1024 * 1024
    monkeypatch.setenv("EVENTWIRE_MAX_ARTICLE_BYTES", "512k")
    assert Limits.from_env().max_article_bytes == 512 * 1024
    assert Limits.from_env(1000).max_article_bytes == 1000  # the flag wins
    _register()
    result = CliRunner().invoke(app, ["ingest", "x.txt", "--max-article-bytes", "lots"])
    assert result.exit_code == 2
    assert "--max-article-bytes 'lots': expected a positive size in bytes" in result.output
    monkeypatch.setenv("EVENTWIRE_MAX_ARTICLE_BYTES", "-5")
    result = CliRunner().invoke(app, ["code", "x.txt"])
    assert result.exit_code == 2 and "expected a positive size" in result.output


def test_stdin_is_bounded_too() -> None:
    small = Limits(max_article_bytes=100)
    (err,) = stdin_records(small, io.BytesIO(b"word " * 100))
    assert "too large" in err.reason and err.source == "<stdin>"
    recs = stdin_records(small, io.BytesIO(b"\n" + json.dumps({"text": "ok"}).encode() + b"\n" +
                                            b'{"text": "' + b"x" * 200 + b'"}\n[[[\n'))
    assert isinstance(recs[0], Article) and recs[0].text == "ok"
    assert [(r.record, r.reason[:9]) for r in recs[1:]] == [("line 3", "too large"),
                                                            ("line 4", "invalid J")]
    (err,) = stdin_records(small, io.BytesIO(b"caf\xe9"))
    assert "not UTF-8" in err.reason


# --- feeds that never answer, drip, or redirect forever ----------------------------------------
class _Hostile(BaseHTTPRequestHandler):
    """A feed server gone wrong in every way a feed can."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow.rss":  # headers never come within the timeout
            time.sleep(3)
        elif self.path == "/drip.rss":  # bytes arrive, but too slowly to ever finish
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{int(self.path[5:] or 0) + 1}")
            self.end_headers()
            return
        elif self.path == "/good.rss":
            body = (f"<rss><channel><item><title>Pact</title><description>{STORY}"
                    f"</description></item></channel></rss>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


def test_feeds_that_time_out_drip_or_redirect_forever_are_one_error_each(tmp_path: Path,
                                                                         coder) -> None:
    with http_server(_Hostile) as base, make_client(timeout=0.5, allow_private=True) as client, \
            Store.open(tmp_path / "db.duckdb") as store:
        urls = [f"{base}/slow.rss", f"{base}/drip.rss", f"{base}/loop", f"{base}/good.rss"]
        started = time.perf_counter()
        stats = ingest(store, urls, coder=coder, client=client)
        elapsed = time.perf_counter() - started
        errors = {s.rsplit("/", 1)[1]: reason for s, _, reason in _errors(store)}
        assert store.counts()["articles"] == stats.stored == 1
    assert set(errors) == {"slow.rss", "drip.rss", "loop"}
    assert "timed out after 0.5s" in errors["slow.rss"]
    assert "timed out: the download took over 2s" in errors["drip.rss"]
    assert "more than 5 redirects" in errors["loop"]
    assert elapsed < 15


def test_an_article_over_spacys_limit_is_bounded_by_the_budget_not_an_e088(tmp_path: Path,
                                                                            coder) -> None:
    """Over spaCy's max_length (1M characters) the text is parsed in chunks, so the only bound
    left is the time budget: past it, one error for that article, and the next is stored."""
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "word " * 200_001}) + "\n" +
                    json.dumps({"id": "ok", "text": STORY}) + "\n")
    hurried = Coder(coder.nlp, coder.knowledge, max_seconds=2)
    hurried.warm_up()  # data loaded on first use is not charged to an article
    with Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest(store, [str(path)], coder=hurried)
        ((record, reason),) = store.conn.execute("SELECT record, reason FROM ingest_errors")\
            .fetchall()
        assert _stored_ids(store) == {"ok"} and stats.errors == 1
    assert record == "long" and "per-article budget" in reason and "E088" not in reason


def test_a_publication_date_that_is_no_date_is_refused() -> None:
    _register()
    for command in ("explain", "actors"):
        result = CliRunner().invoke(app, [command, "Iran met Russia.", "--date", "2022-13-01"])
        assert result.exit_code == 2
        assert "'2022-13-01' is not a date; write YYYY-MM-DD" in result.output
        assert "Traceback" not in result.output


def test_a_long_text_argument_is_text_not_a_file_name() -> None:
    # Longer than a file name may be, with a dot that looks like a file suffix.
    text = "Kenya met Uganda in Nairobi on Monday. " * 10 + "They signed a trade deal"
    _register()
    result = CliRunner().invoke(app, ["actors", text, "--date", "2022-03-30"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "KEN" in result.output
