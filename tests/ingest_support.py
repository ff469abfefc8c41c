"""Helpers for the store and ingestion tests: a real HTTP server, WARC building, hand-coded data."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.model import Actor, Article, CodedArticle, Event, Mention, Quote, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class _Handler(SimpleHTTPRequestHandler):
    """Serves tests/fixtures, plus a redirect loop and an oversized page."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(FIXTURES), **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path.startswith("/big"):
            body = b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler] = _Handler) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (random port); yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a handler still dripping bytes must not hold up shutdown
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK",
              date: str = "2022-07-25T10:00:00Z") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": date}))


def build_warc(path: Path) -> list[int]:
    """A CC-NEWS-like WARC.GZ: a request, two HTML pages, an image and a 404; returns the byte
    offset where each record ends (to truncate the file inside a chosen record)."""
    ends: list[int] = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        req = StatusAndHeaders("GET /world/pact HTTP/1.1", [("Host", "news.example.org")],
                               is_http_request=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/world/pact", "request", http_headers=req))
        ends.append(out.tell())
        for name, url in (("iran-russia-talks.html", "https://news.example.org/world/pact"),
                          ("un-aid-convoy.html", "https://news.example.org/world/convoy")):
            _response(writer, url, (FIXTURES / "site" / name).read_bytes(),
                      "text/html; charset=utf-8")
            ends.append(out.tell())
        _response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" * 20,
                  "image/png")
        ends.append(out.tell())
        _response(writer, "https://news.example.org/gone", b"<html><body>Not found</body></html>",
                  "text/html", status="404 Not Found")
        ends.append(out.tell())
    return ends


def coded(article: Article, triples: list[tuple[str | None, str, str | None]],
          negated: bool = False) -> CodedArticle:
    """A hand-built CodedArticle: one event per (actor, event, recipient), with a quote."""
    events = []
    for k, (actor, event, recipient) in enumerate(triples):
        start = k * 10
        events.append(Event(
            event=event, actor=Actor(actor, "GOV", actor or ""),
            recipient=Actor(recipient, None, recipient) if recipient else None,
            evidence=Span(article.text[start:start + 5], start, start + 5),
            sentence=article.text[:60], quad=1 if event in ("CONSULT", "AGREE") else 4,
            intensity=1.0 if event in ("CONSULT", "AGREE") else -8.0, negated=negated,
            confidence=0.9, rule="test", evidence_all=[Span("x", start, start + 1)]))
    return CodedArticle(
        id=article.id, title=article.title, published=article.published, events=events,
        quotes=[Quote("We will keep talking to everyone", 0, 10, Actor("IRN", "GOV", "Tehran"),
                      "said")],
        mentions=[Mention(article.text[:4], 0, 4, 0, "IRN", "GOV", "Iran")],
        url=article.url, source=article.source)
