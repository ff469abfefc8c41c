"""The API under abuse, against real uvicorn servers on 127.0.0.1 (issue 18, part 2): Host
checks, per-client rate and size caps, a bounded coding queue, the per-article budget, header
timeouts, and reads that do not starve while coding is flooded."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.api import serving
from eventwire.api.coding import CodingLimits
from eventwire.api.security import HostCheck, host_name
from eventwire.coder import Coder
from eventwire.store.db import Store
from live_server import Running, start_server

SMALL = "Iran and Russia signed an energy agreement in Tehran on Thursday."


def _empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "abuse.duckdb"
    Store.open(path).close()
    return path


@pytest.fixture
def server(tmp_path: Path, coder: Coder, request: pytest.FixtureRequest) -> Iterator[Running]:
    """A server over an empty database; options come from the test's `server_options` mark."""
    mark = request.node.get_closest_marker("server_options")
    running = start_server(_empty_db(tmp_path), coder=coder, **(mark.kwargs if mark else {}))
    yield running
    running.stop()


def _prose(chars: int) -> str:
    sentences = ["Russia accused Ukraine of shelling the border town on Monday.",
                 "France and Germany agreed to send aid to Poland.",
                 "Protesters gathered outside the embassy of Turkey in Athens."]
    text = ""
    k = 0
    while len(text) < chars:
        text += sentences[k % len(sentences)] + " "
        k += 1
    return text


@pytest.mark.parametrize("header, name", [
    ("[::1]:8000", "::1"), ("LocalHost:80", "localhost"), ("::1", "::1"),
    ("127.0.0.1", "127.0.0.1"), ("news.example.org:443", "news.example.org"), ("", "")])
def test_host_names_are_read_without_their_port(header: str, name: str) -> None:
    assert host_name(header) == name


@given(st.text(max_size=80))
def test_any_host_header_is_read_without_failing(header: str) -> None:
    name = host_name(header)
    assert name == name.lower()
    check = HostCheck(app=None, allowed=["localhost", "*.example.org"])  # type: ignore[arg-type]
    assert check.allows(name) == (name == "localhost" or name.endswith(".example.org"))


@pytest.mark.server_options(allowed_hosts=["localhost", "127.0.0.1"])
def test_a_foreign_host_gets_400(server: Running) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        assert client.get("/v1/stats").status_code == 200  # Host: 127.0.0.1:PORT
        assert client.get("/v1/stats", headers={"Host": "localhost:8000"}).status_code == 200
        refused = client.get("/v1/stats", headers={"Host": "attacker.example:8000"})
        assert refused.status_code == 400
        assert "attacker.example" in refused.json()["error"]
        assert client.post("/v1/code", json={"text": SMALL},
                           headers={"Host": "rebind.example"}).status_code == 400


@pytest.mark.server_options(coding=CodingLimits(per_minute=0.5, burst=2))
def test_a_client_over_its_rate_gets_429_with_retry_after(server: Running) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        codes = [client.post("/v1/code", json={"text": SMALL}) for _ in range(3)]
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert int(codes[2].headers["Retry-After"]) >= 1
    assert "a minute" in codes[2].json()["error"]


@pytest.mark.server_options(coding=CodingLimits(max_chars=500))
def test_text_over_the_size_cap_gets_413(server: Running) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        refused = client.post("/v1/code", json={"text": _prose(600)})
        assert refused.status_code == 413
        assert "at most 500" in refused.json()["error"]
        assert client.post("/v1/code", json={"text": SMALL}).status_code == 200


def test_an_article_over_its_budget_gets_422_and_frees_the_coder(tmp_path: Path,
                                                                  coder: Coder) -> None:
    hurried = Coder(coder.nlp, coder.knowledge, max_seconds=0.001)
    running = start_server(_empty_db(tmp_path), coder=hurried)
    try:
        with httpx.Client(base_url=running.url, timeout=60) as client:
            started = time.monotonic()
            response = client.post("/v1/code", json={"text": _prose(20_000)})
            assert response.status_code == 422
            assert "per-article budget" in response.json()["error"]
            assert time.monotonic() - started < 20  # stopped at a check, not coded to the end
    finally:
        running.stop()


@pytest.mark.server_options(coding=CodingLimits(queue=0, per_minute=0))
def test_a_full_queue_gets_503_with_retry_after(server: Running) -> None:
    with httpx.Client(base_url=server.url, timeout=120) as client, \
            ThreadPoolExecutor(2) as pool:
        slow = pool.submit(client.post, "/v1/code", json={"text": _prose(60_000)})
        time.sleep(1.0)  # the long article now holds the only coder slot
        refused = client.post("/v1/code", json={"text": SMALL})
        assert slow.result().status_code == 200
    assert refused.status_code == 503
    assert int(refused.headers["Retry-After"]) >= 1
    assert "busy" in refused.json()["error"]


def test_a_silent_connection_is_closed_after_the_header_timeout(
        server: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serving, "HEADER_TIMEOUT", 0.5)
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /v1/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        sock.settimeout(10)
        started = time.monotonic()
        assert sock.recv(100) == b""  # the server hung up
        assert time.monotonic() - started < 8


@pytest.mark.slow
@pytest.mark.server_options(coding=CodingLimits(per_minute=0))
def test_reads_do_not_starve_behind_a_coding_flood(server: Running) -> None:
    """One large and 45 small /v1/code requests at once: /v1/stats keeps answering, every
    coding request ends in a result or a refusal with Retry-After. (The p95 figure comes from
    benchmarks/starvation.py; this bound only catches starvation.)"""
    with httpx.Client(base_url=server.url, timeout=180,
                      limits=httpx.Limits(max_connections=100)) as client, \
            ThreadPoolExecutor(50) as pool:
        flood = [pool.submit(client.post, "/v1/code", json={"text": _prose(50_000)})]
        flood += [pool.submit(client.post, "/v1/code", json={"text": SMALL}) for _ in range(45)]
        time.sleep(0.5)
        latencies = []
        for _ in range(20):
            started = time.monotonic()
            stats = client.get("/v1/stats")
            latencies.append(time.monotonic() - started)
            assert stats.status_code == 200 and stats.json()["articles"] == 0
            time.sleep(0.1)
        answers = [f.result() for f in flood]
    assert max(latencies) < 5.0, latencies
    assert {r.status_code for r in answers} <= {200, 503}
    assert any(r.status_code == 200 for r in answers)
    assert all("Retry-After" in r.headers for r in answers if r.status_code == 503)
