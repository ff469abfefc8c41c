"""The API against its own OpenAPI spec (schemathesis), its key, its limits and its bind address."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks as st_checks
from schemathesis.specs.openapi import checks as oas_checks

from eventwire.api import create_app
from eventwire.store.db import Store
from live_server import API_KEY, Running, readonly_copy, start_server

EVENTWIRE = Path(sys.executable).with_name("eventwire")
KEY = {"X-API-Key": API_KEY}
MAX_EXAMPLES = 6  # per operation, on top of schemathesis' boundary cases

# Every check schemathesis has that judges a response (ignored_auth resends without the key).
CHECKS = [
    st_checks.not_a_server_error,
    oas_checks.status_code_conformance,
    oas_checks.content_type_conformance,
    oas_checks.response_headers_conformance,
    oas_checks.response_schema_conformance,
    oas_checks.negative_data_rejection,
    oas_checks.positive_data_acceptance,
    oas_checks.missing_required_header,
    oas_checks.unsupported_method,
    oas_checks.ignored_auth,
    oas_checks.allow_header_conformance,
    oas_checks.use_after_free,
    oas_checks.ensure_resource_availability,
]


def served_spec() -> dict[str, Any]:
    """The spec create_app publishes (it does not depend on the data), read at collection."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "empty.duckdb"
        Store.open(path).close()
        app = create_app(path, api_key=API_KEY)
        try:
            return app.openapi()
        finally:
            app.state.db.close()


SPEC = served_spec()
# schemathesis.pytest.from_fixture would read the live spec, but breaks on pytest 9 (it uses
# Node._nodeid); the first test checks that the live server serves exactly this spec.
schema = schemathesis.openapi.from_dict(SPEC)


def _private_copy(demo: Running, folder: Path) -> Path:
    path = folder / "copy.duckdb"
    shutil.copyfile(readonly_copy(demo.db_path.parent), path)
    return path


@pytest.fixture(scope="module")
def keyed(demo: Running, tmp_path_factory: pytest.TempPathFactory, coder) -> Iterator[Running]:
    """A keyed server over a private copy of the demo database, free for fuzzed writes."""
    running = start_server(_private_copy(demo, tmp_path_factory.mktemp("schema")),
                           api_key=API_KEY, coder=coder)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def client(keyed: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=keyed.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def tally(request: pytest.FixtureRequest) -> Iterator[Counter[str]]:
    """Cases sent per operation and status, and failures, reported once the module is done."""
    counts: Counter[str] = Counter()
    yield counts
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not counts:
        return
    cases = sum(n for k, n in counts.items() if k != "failures")
    with capture.global_and_fixture_disabled():
        reporter.write_line(f"\nschemathesis: {cases} cases, {counts['failures']} failures")
        if reporter.verbosity > 0:
            for key, n in sorted(counts.items()):
                reporter.write_line(f"  {key}: {n}" if key != "failures" else "")


def error_of(response: httpx.Response, status: int) -> str:
    """The response's JSON error message, after checking the status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]
    return body["error"]


# --- schemathesis ----------------------------------------------------------------------------
def test_the_fuzzed_spec_is_the_served_one(client: httpx.Client) -> None:
    assert client.get("/openapi.json").json() == SPEC


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_to_the_spec(case: Any, keyed: Running,
                                              tally: Counter[str]) -> None:
    # Any string is schema-valid SQL text; SQL that does not parse is a 400, not a spec breach.
    checks = [c for c in CHECKS if c is not oas_checks.positive_data_acceptance] \
        if case.path == "/v1/query" else CHECKS
    try:
        response = case.call_and_validate(base_url=keyed.url, headers=KEY, checks=checks,
                                          timeout=60)
    except BaseException:
        tally["failures"] += 1
        raise
    tally[f"{case.method} {case.path} -> {response.status_code}"] += 1


# --- the key ---------------------------------------------------------------------------------
# A valid body for each write endpoint; the test fails when the spec gains one not listed here.
WRITES = {
    ("POST", "/v1/articles"): {"articles": [{"id": "auth-probe", "published": "2024-09-01",
                                             "text": "Chile accused Peru of spying."}]},
}
MISSING, WRONG = "missing API key", "wrong API key"
BAD_CREDENTIALS = [
    ({}, MISSING),
    ({"X-API-Key": ""}, MISSING),
    ({"Authorization": "Bearer"}, MISSING),
    ({"Authorization": f"Basic {API_KEY}"}, MISSING),
    ({"Authorization": API_KEY}, MISSING),
    ({"X-API-Key": "nope"}, WRONG),
    ({"X-API-Key": API_KEY[:-1]}, WRONG),
    ({"X-API-Key": API_KEY.upper()}, WRONG),
    ({"X-API-Key": API_KEY + API_KEY}, WRONG),
    ({"Authorization": "Bearer nope"}, WRONG),
    ({"X-API-Key": "nope", "Authorization": f"Bearer {API_KEY}"}, WRONG),  # not rescued
]


def test_the_spec_lists_every_write_endpoint() -> None:
    secured = {(method.upper(), path) for path, ops in SPEC["paths"].items()
               for method, op in ops.items() if op.get("security")}
    assert secured == set(WRITES)


@pytest.mark.parametrize(("method", "path"), sorted(WRITES))
def test_writes_without_the_right_key_get_401_and_change_nothing(
        client: httpx.Client, method: str, path: str) -> None:
    body = WRITES[(method, path)]
    before = client.get("/v1/stats").json()
    for headers, expected in BAD_CREDENTIALS:
        for sent in (body, {"not": "valid"}):  # the key is checked before the body
            response = client.request(method, path, json=sent, headers=headers)
            assert expected in error_of(response, 401), headers
            assert response.headers["www-authenticate"].startswith("Bearer"), headers
            assert API_KEY not in response.text
    assert client.get("/v1/stats").json() == before
    assert client.get("/v1/articles/auth-probe").status_code == 404
    ok = client.request(method, path, json=body, headers=KEY)
    assert ok.status_code == 200, ok.text
    assert client.get("/v1/articles/auth-probe").status_code == 200


# --- limits ----------------------------------------------------------------------------------
def _query_params() -> list[tuple[str, dict[str, Any]]]:
    return [(path, prm) for path, ops in SPEC["paths"].items() for op in ops.values()
            for prm in op.get("parameters", [])]


def _variants(schema_: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in schema_.get("anyOf", [schema_]) if s.get("type") != "null"]


def test_every_parameter_is_bounded() -> None:
    for path, prm in _query_params():
        for variant in _variants(prm["schema"]):
            kind = variant.get("type")
            if "enum" in variant or kind == "boolean" or variant.get("format") == "date":
                continue
            where = f"{path} {prm['name']}"
            if kind in ("integer", "number"):  # numbers too, like min_confidence
                assert "maximum" in variant and "minimum" in variant, where
            else:
                assert kind == "string" and variant["maxLength"] <= 200, where


@pytest.mark.parametrize("path", ["/v1/events", "/v1/actors/top"])
def test_pages_stop_at_500(client: httpx.Client, path: str) -> None:
    error = error_of(client.get(path, params={"limit": 501}), 422)
    assert "'limit'" in error and "500" in error
    assert client.get(path, params={"limit": 500}).status_code == 200


def test_every_limit_is_enforced_at_its_maximum(client: httpx.Client) -> None:
    bounded = [(path, prm["name"], prm["schema"]["maximum"]) for path, prm in _query_params()
               if prm["name"] in ("limit", "offset", "min_events")]
    assert len(bounded) >= 6
    for path, name, top in bounded:
        assert client.get(path, params={name: top}).status_code == 200, (path, name)
        error = error_of(client.get(path, params={name: top + 1}), 422)
        assert f"'{name}'" in error and str(top) in error, (path, error)
        error_of(client.get(path, params={name: 10**30}), 422)


# --- bind address ----------------------------------------------------------------------------
def _listeners(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of sockets listening on `port`."""
    found = []
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.is_file():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, _, hex_port = fields[1].partition(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append(address)
    return found


def test_serve_listens_on_loopback_only_by_default(demo: Running, tmp_path: Path) -> None:
    from typer.main import get_command

    from eventwire.cli import _register
    from eventwire.cli import app as cli

    _register()
    serve = get_command(cli).commands["serve"]  # type: ignore[attr-defined]
    assert next(p.default for p in serve.params if p.name == "host") == "127.0.0.1"
    if not Path("/proc/net/tcp").is_file():
        pytest.skip("needs Linux /proc/net/tcp to see which address a socket listens on")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "EVENTWIRE_API_KEY": ""}
    proc = subprocess.Popen([str(EVENTWIRE), "serve", "--db", str(_private_copy(demo, tmp_path)),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 30
        while not _listeners(port):
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
            time.sleep(0.1)
        assert _listeners(port) == ["0100007F"]  # 127.0.0.1 and nothing else
        assert httpx.get(f"http://127.0.0.1:{port}/v1/stats", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "warning" not in proc.stderr.read()
