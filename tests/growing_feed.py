"""A real RSS feed on 127.0.0.1 whose items appear over time, and a server that polls it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from xml.sax.saxutils import escape

import httpx

from ingest_support import http_server

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
EVENTWIRE = Path(sys.executable).with_name("eventwire")


def example_articles() -> list[dict[str, str]]:
    return [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]


class GrowingFeed:
    """The feed shows the first `visible` example articles; a test reveals more as it goes."""

    def __init__(self, articles: list[dict[str, str]], visible: int):
        self.articles = articles
        self.visible = visible
        self.requests = 0

    def reveal(self, n: int) -> list[dict[str, str]]:
        """Show `n` more items; returns them."""
        new = self.articles[self.visible:self.visible + n]
        self.visible += len(new)
        return new

    def rss(self) -> bytes:
        items = []
        for a in self.articles[:self.visible]:
            day = datetime.fromisoformat(a["published"]).replace(hour=9, tzinfo=UTC)
            items.append(f"<item><title>{escape(a['title'])}</title>"
                         f"<guid isPermaLink=\"false\">{escape(a['id'])}</guid>"
                         f"<pubDate>{format_datetime(day, usegmt=True)}</pubDate>"
                         f"<description>{escape(a['text'])}</description></item>")
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                "<title>Growing test wire</title><link>http://127.0.0.1/</link>"
                f"<description>test</description>{''.join(items)}</channel></rss>"
                ).encode()


@contextmanager
def feed_server(feed: GrowingFeed) -> Iterator[str]:
    """Serve the feed at http://127.0.0.1:PORT/feed.rss; yields that URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            feed.requests += 1
            body = feed.rss()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with http_server(Handler) as base:
        yield f"{base}/feed.rss"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    """An `eventwire serve` subprocess."""

    url: str
    proc: subprocess.Popen[str]
    db: Path
    log: Path

    def stats(self) -> dict:
        return httpx.get(f"{self.url}/v1/stats", timeout=30).json()

    def wait_for(self, test, what: str, timeout_s: float = 180.0) -> dict:  # noqa: ANN001
        """Poll /v1/stats until test(stats) holds; fail naming `what` and the server log."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()}")
            try:
                stats = self.stats()
                if test(stats):
                    return stats
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}: {self.log.read_text()[-2000:]}")


@contextmanager
def serve(db: Path, *args: str) -> Iterator[Served]:
    """Run `eventwire serve --db DB ARGS` on a free port until the block ends."""
    port = free_port()
    log = db.with_suffix(".log")
    env = {**os.environ, "EVENTWIRE_API_KEY": "", "EVENTWIRE_ALLOW_PRIVATE_URLS": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen([str(EVENTWIRE), "serve", "--db", str(db), "--port", str(port),
                                 *args], stdout=out, stderr=subprocess.STDOUT, text=True,
                                env=env)
    served = Served(f"http://127.0.0.1:{port}", proc, db, log)
    try:
        served.wait_for(lambda s: True, "the server to answer", timeout_s=240)
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class Hammer:
    """GET /v1/events again and again from a thread; counts requests, errors and latency."""

    url: str
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    response = client.get("/v1/events", params={"limit": 20})
                    if response.status_code != 200:
                        self.errors.append(f"HTTP {response.status_code}: {response.text[:200]}")
                    else:
                        self.totals.append(response.json()["total"])
                except httpx.HTTPError as exc:
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                self.requests += 1
                self.latencies.append(time.perf_counter() - started)
                time.sleep(0.02)

    @contextmanager
    def running(self) -> Iterator[Hammer]:
        thread = threading.Thread(target=self.run, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join(timeout=60)
