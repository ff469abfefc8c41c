"""The SSRF guard: only http(s), and no private or loopback hosts unless the setting allows it."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from eventwire.batch.pipeline import ingest
from eventwire.ingest import RecordError
from eventwire.ingest.fetch import FetchError, fetch, make_client
from eventwire.ingest.rss import read_feed
from eventwire.ingest.urlguard import UrlRefused, check_url, is_public
from eventwire.store.db import Store

SECRET = b"internal admin page"


class _Internal(BaseHTTPRequestHandler):
    """A service on loopback that a hostile feed would like us to read; counts its visitors."""

    hits = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).hits += 1
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(SECRET)))
        self.end_headers()
        self.wfile.write(SECRET)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def _internal() -> Iterator[str]:
    _Internal.hits = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Internal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                                     "::1", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "::"])
def test_non_public_addresses(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2001:4860:4860::8888"])
def test_public_addresses(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", ["http://localhost/", "http://0x7f000001/", "http://2130706433/",
                                 "http://[::1]:8080/", "http://169.254.169.254/latest/meta-data"])
def test_names_and_encodings_of_loopback_and_metadata_hosts_are_refused(url: str) -> None:
    with pytest.raises(UrlRefused, match="private, loopback or reserved"):
        check_url(httpx.URL(url), allow_private=False)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/",
                                 "javascript:alert(1)", "data:text/html,hi"])
def test_only_http_and_https_are_fetched_even_when_private_is_allowed(url: str) -> None:
    with make_client(allow_private=True) as client, pytest.raises(FetchError, match="refused"):
        fetch(client, url)


def test_default_refuses_loopback_and_the_setting_allows_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_ALLOW_PRIVATE_URLS", raising=False)
    with _internal() as base:
        with make_client() as client, pytest.raises(FetchError, match="EVENTWIRE_ALLOW_PRIVATE"):
            fetch(client, f"{base}/admin")
        assert _Internal.hits == 0  # refused before connecting
        monkeypatch.setenv("EVENTWIRE_ALLOW_PRIVATE_URLS", "1")
        with make_client() as client:
            assert fetch(client, f"{base}/admin").content == SECRET
        with make_client(allow_private=True) as client, \
                pytest.raises(FetchError, match="not file:"):
            fetch(client, f"{base}/to-file")  # every redirect hop is checked too


def test_a_feed_cannot_point_us_at_internal_pages(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_ALLOW_PRIVATE_URLS", raising=False)
    with _internal() as base:
        feed = tmp_path / "hostile.rss"
        feed.write_text(f"<rss><channel><item><title>Bait</title><link>{base}/admin</link>"
                        "<description>Iran and Russia met in Moscow on Tuesday.</description>"
                        f"</item><item><link>{base}/admin2</link></item></channel></rss>")
        with make_client() as client:
            first, second = list(read_feed(str(feed), client))
        assert _Internal.hits == 0
    assert first.text == "Iran and Russia met in Moscow on Tuesday."  # the summary, not SECRET
    assert isinstance(second, RecordError) and "refused" in second.reason


def test_ingest_records_a_refused_url_and_goes_on(tmp_path: Path, coder,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_ALLOW_PRIVATE_URLS", raising=False)
    good = tmp_path / "good.txt"
    good.write_text("Iran and Russia signed an energy agreement in Moscow on Tuesday.")
    with _internal() as base, Store.open(tmp_path / "db.duckdb") as store:
        stats = ingest(store, [f"{base}/admin", str(good)], coder=coder)
        (reason,) = store.conn.execute("SELECT reason FROM ingest_errors").fetchone()
        assert _Internal.hits == 0
    assert (stats.stored, stats.errors) == (1, 1) and "refused" in reason


def test_dns_rebinding_is_caught_at_the_connected_address(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The name check saw a public address; the connection then went to loopback (a DNS answer
    # that changed in between). The peer address is checked before the body is read.
    from eventwire.ingest import urlguard

    monkeypatch.setattr(urlguard, "resolve", lambda host, port: [ipaddress.ip_address("8.8.8.8")])
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with _internal() as base, make_client(allow_private=False) as client, \
            pytest.raises(FetchError, match="private, loopback or reserved"):
        fetch(client, f"{base}/admin")
