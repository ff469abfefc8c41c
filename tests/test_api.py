"""The HTTP API against real uvicorn servers on 127.0.0.1 over a real DuckDB file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from typer.testing import CliRunner

from eventwire.cli import _register
from eventwire.cli import app as cli
from eventwire.ingest.record import make_article
from eventwire.knowledge.ontology import load_ontology
from eventwire.store.db import Store
from live_server import (
    API_KEY,
    Running,
    readonly_copy,
    start_server,
)

REPO = Path(__file__).resolve().parents[1]
EVENTWIRE = Path(sys.executable).with_name("eventwire")


@pytest.fixture(scope="module")
def client(demo: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def readonly(demo: Running) -> Iterator[httpx.Client]:
    """A server started without a key over a copy of the demo database."""
    running = start_server(readonly_copy(demo.db_path.parent))
    with httpx.Client(base_url=running.url, timeout=30) as c:
        yield c
    running.stop()


@pytest.fixture(scope="module")
def anonymous(tmp_path_factory: pytest.TempPathFactory, coder) -> Iterator[httpx.Client]:
    """A server over an empty database that accepts writes without a key, 20 kB bodies."""
    path = tmp_path_factory.mktemp("anon") / "anon.duckdb"
    Store.open(path).close()
    running = start_server(path, allow_anonymous_writes=True, max_body_bytes=20_000,
                           coder=coder)
    with httpx.Client(base_url=running.url, timeout=60) as c:
        yield c
    running.stop()


def error_of(response: httpx.Response, status: int) -> str:
    """The response's JSON error message, after checking the status."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]
    return body["error"]


# --- reads -----------------------------------------------------------------------------------
def test_stats_match_the_database(client: httpx.Client, demo: Running) -> None:
    stats = client.get("/v1/stats").json()
    counts = demo.facts["counts"]
    assert (stats["articles"], stats["events"]) == (counts["articles"], counts["events"])
    assert stats["articles"] == 16 + 3
    assert stats["categories"]["CONSULT"] >= 2
    assert stats["writable"] is True
    assert stats["first_day"] <= "2024-05-14" <= stats["last_day"]


def test_dyad_filter_returns_the_consult_event_with_evidence(client: httpx.Client,
                                                             demo: Running) -> None:
    page = client.get("/v1/events", params={"actor": "IRN", "recipient": "RUS"}).json()
    assert page["total"] == demo.facts["irn_rus"] >= 3
    assert {(e["actor"]["code"], e["recipient"]["code"]) for e in page["items"]} == {
        ("IRN", "RUS")}
    consult = [e for e in page["items"] if e["event"] == "CONSULT"]
    assert "met Russian Foreign Minister Pavel Orlov" in [e["evidence"]["text"] for e in consult]
    assert all(e["sentence"] and e["evidence"]["text"] in e["sentence"] for e in consult)


def test_filters_narrow_the_events(client: httpx.Client) -> None:
    def items(**params: str) -> list[dict]:
        response = client.get("/v1/events", params={"limit": 500, **params})
        assert response.status_code == 200, response.text
        return response.json()["items"]

    assert {e["event"] for e in items(event="SANCTION")} == {"SANCTION"}
    june = items(date_from="2024-06-01", date_to="2024-06-30")
    assert june and all("2024-06-01" <= e["day"] <= "2024-06-30" for e in june)
    gas = items(q="GAS Supplies")
    assert [e["event"] for e in gas] == ["THREATEN"]
    assert items(actor="RUS", event="SUPPORT")[0]["evidence"]["text"] == "praised Tehran"
    assert items(negated="true") == []
    days = [e["day"] for e in items(sort="date") if e["day"]]
    assert days == sorted(days)
    conf = [e["confidence"] for e in items(sort="-confidence")]
    assert conf == sorted(conf, reverse=True)
    assert items(date_from="2024-07-01", date_to="2024-06-01") == []


def test_paging_walks_every_event_once(client: httpx.Client) -> None:
    total = client.get("/v1/events").json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 2):
        page = client.get("/v1/events", params={"limit": 2, "offset": offset}).json()
        assert len(page["items"]) == min(2, total - offset)
        seen += [e["id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == total
    assert "'limit'" in error_of(client.get("/v1/events", params={"limit": 501}), 422)
    assert "500" in error_of(client.get("/v1/events", params={"limit": 501}), 422)
    error_of(client.get("/v1/events", params={"limit": 0}), 422)
    assert "'offset'" in error_of(client.get("/v1/events", params={"offset": -1}), 422)
    assert "'sort'" in error_of(client.get("/v1/events", params={"sort": "id; --"}), 422)
    for day in ("yesterday", "0", "2024-13-01", "2024-6-1"):
        assert "'date_from'" in error_of(client.get("/v1/events",
                                                    params={"date_from": day}), 422)


def test_event_and_article_by_id(client: httpx.Client) -> None:
    first = client.get("/v1/events", params={"actor": "USA"}).json()["items"][0]
    assert client.get(f"/v1/events/{first['id']}").json() == first
    assert "no event" in error_of(client.get("/v1/events/0000000000000000"), 404)
    article = client.get("/v1/articles/known-1").json()
    assert len(article["events"]) == 2
    for ev in article["events"]:
        span = ev["evidence"]
        assert article["text"][span["start"]:span["end"]] == span["text"]
    assert "no article" in error_of(client.get("/v1/articles/no-such-article"), 404)
    assert "no such endpoint" in error_of(client.get("/v1/nothing"), 404)


def test_dyad_timeseries_counts_and_index(client: httpx.Client) -> None:
    onto = load_ontology()
    ts = client.get("/v1/dyads/IRN/RUS/timeseries", params={"by": "month"}).json()
    by_period = {p["period"]: p for p in ts["points"]}
    assert by_period["2024-05-01"]["counts"] == {"CONSULT": 1}
    june = by_period["2024-06-01"]
    assert june["counts"] == {"AGREE": 1, "CONSULT": 1} and june["total"] == 2
    expected = onto.intensity("AGREE", None) + onto.intensity("CONSULT", None)
    assert june["index"] == pytest.approx(expected)
    back = client.get("/v1/dyads/RUS/IRN/timeseries", params={"by": "day"}).json()
    august = {p["period"]: p for p in back["points"]}["2024-08-02"]
    assert august["conflict"] == pytest.approx(onto.intensity("THREATEN", None))
    assert august["index"] == pytest.approx(onto.intensity("THREATEN", None)
                                            + onto.intensity("SUPPORT", None))
    assert client.get("/v1/dyads/XXX/YYY/timeseries").json()["points"] == []
    error_of(client.get("/v1/dyads/IRN/RUS/timeseries", params={"by": "fortnight"}), 422)


def test_actors_network_and_places(client: httpx.Client, demo: Running) -> None:
    top = {a["actor"]: a for a in client.get("/v1/actors/top").json()["items"]}
    assert top["IRN"]["as_actor"] >= 3 and top["RUS"]["as_recipient"] >= 3
    net = client.get("/v1/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("IRN", "RUS")]["weight"] == demo.facts["irn_rus"]
    assert edges[("USA", "IRN")]["intensity"] < 0
    assert {"IRN", "RUS", "USA"} <= {n["id"] for n in net["nodes"]}
    places = {p["name"]: p for p in client.get("/v1/places").json()["items"]}
    assert places["Moscow"]["events"] == 3 and places["Moscow"]["lat"] == pytest.approx(55.75,
                                                                                        abs=0.01)
    irn = {p["name"] for p in client.get("/v1/places", params={"actor": "IRN"}).json()["items"]}
    assert irn == {"Moscow", "Tehran"}
    assert client.get("/v1/places", params={"actor": "USA"}).json()["items"] == []
    countries = {c["country"]: c["events"] for c in client.get("/v1/countries").json()["items"]}
    placed = {}
    for p in client.get("/v1/places", params={"limit": 2000}).json()["items"]:
        placed[p["country"]] = placed.get(p["country"], 0) + p["events"]
    assert countries["RUS"] >= places["Moscow"]["events"]
    assert all(countries[c] >= n for c, n in placed.items() if c)  # unplaced ones count too
    irn_only = client.get("/v1/countries", params={"actor": "IRN"}).json()["items"]
    assert {c["country"] for c in irn_only} <= {"RUS", "IRN"} and irn_only


# --- coding and writes -----------------------------------------------------------------------
def test_code_endpoint_matches_the_coder(client: httpx.Client, coder) -> None:
    body = {"text": "Germany sent medical aid to Sudan on Monday, officials said.",
            "published": "2024-02-05", "title": "Aid", "extra": "ignored"}
    response = client.post("/v1/code", json=body)
    assert response.status_code == 200, response.text
    article = make_article(body["text"], title="Aid", published="2024-02-05", source="api")
    assert response.json() == coder.code(article).to_dict()
    assert "'text'" in error_of(client.post("/v1/code", json={"title": "no text"}), 422)
    assert "blank" in error_of(client.post("/v1/code", json={"text": "   "}), 422)
    json_headers = {"content-type": "application/json"}
    assert "JSON" in error_of(client.post("/v1/code", content=b"{not json",
                                          headers=json_headers), 422)
    assert "UTF-8" in error_of(client.post("/v1/code", content=b'{"text": "\xff\xfe"}',
                                           headers=json_headers), 400)


def test_writes_need_the_right_key(client: httpx.Client) -> None:
    body = {"articles": [{"id": "api-1", "text": "France accused Germany of lying.",
                         "published": "2024-09-01"}]}
    missing = client.post("/v1/articles", json=body)
    assert "missing API key" in error_of(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert error_of(client.post("/v1/articles", json=body, headers={"X-API-Key": "nope"}),
                    401) == "wrong API key"
    error_of(client.post("/v1/articles", json=body,
                         headers={"Authorization": f"Bearer {API_KEY}x"}), 401)
    error_of(client.post("/v1/articles", json=body, headers={"X-API-Key": "ключ".encode()}), 401)
    assert client.get("/v1/articles/api-1").status_code == 404
    ok = client.post("/v1/articles", json=body, headers={"X-API-Key": API_KEY})
    assert ok.status_code == 200, ok.text
    assert ok.json()["ids"] == ["api-1"] and ok.json()["stored"] == 1
    stored = client.get("/v1/articles/api-1").json()
    assert stored["text"] == body["articles"][0]["text"]
    assert stored["published"] == "2024-09-01"
    again = client.post("/v1/articles", json=body,
                        headers={"Authorization": f"Bearer {API_KEY}"}).json()
    assert (again["stored"], again["skipped"]) == (0, 1)


def test_server_without_a_key_refuses_writes(readonly: httpx.Client) -> None:
    body = {"articles": [{"text": "Spain protested."}]}
    for headers in ({}, {"X-API-Key": API_KEY}):
        error = error_of(readonly.post("/v1/articles", json=body, headers=headers), 403)
        assert "--api-key" in error and "--allow-anonymous-writes" in error
    assert readonly.get("/v1/stats").json()["writable"] is False
    assert readonly.get("/v1/events", params={"actor": "IRN"}).json()["total"] >= 3


def test_anonymous_writes_when_allowed(anonymous: httpx.Client) -> None:
    body = {"articles": [{"id": "anon-1", "text": "Japan praised India for the talks."}]}
    response = anonymous.post("/v1/articles", json=body)
    assert response.status_code == 200, response.text
    assert anonymous.get("/v1/articles/anon-1").json()["id"] == "anon-1"
    too_many = {"articles": [{"text": "x"}] * 101}
    assert "'articles'" in error_of(anonymous.post("/v1/articles", json=too_many), 422)


def test_seed_article_gives_the_consult_event(anonymous: httpx.Client, shared: Path) -> None:
    title, _, text = (shared / "seed" / "seed-iran-russia.txt").read_text("utf-8").partition("\n")
    body = {"articles": [{"id": "seed", "title": title, "text": text}]}
    assert anonymous.post("/v1/articles", json=body).json()["stored"] == 1
    page = anonymous.get("/v1/events", params={"actor": "IRN", "recipient": "RUS"}).json()
    consult = [e for e in page["items"] if e["event"] == "CONSULT"]
    assert consult, page
    stored = anonymous.get("/v1/articles/seed").json()["text"]
    for ev in consult:
        span = ev["evidence"]
        assert span["text"] and stored[span["start"]:span["end"]] == span["text"]


def test_oversized_bodies_get_413(client: httpx.Client, anonymous: httpx.Client) -> None:
    big = b'{"text": "' + b"a" * 1_100_000 + b'"}'
    json_headers = {"content-type": "application/json"}
    error = error_of(client.post("/v1/code", content=big, headers=json_headers), 413)
    assert "1000000 bytes" in error
    chunks = (big[i:i + 65536] for i in range(0, len(big), 65536))  # chunked, no length
    error_of(client.post("/v1/code", content=chunks, headers=json_headers), 413)
    article = {"articles": [{"text": "Peru protested. " * 2000}]}
    error_of(anonymous.post("/v1/articles", json=article), 413)
    error_of(client.post("/v1/articles", content=big, headers=json_headers), 413)


# --- hostile input ---------------------------------------------------------------------------
INJECTIONS = [
    "' OR '1'='1", "IRN' OR 1=1 --", "1; DROP TABLE events; --", "RUS\"; DELETE FROM articles;",
    "' UNION SELECT id, text FROM articles --", "%", "_", "IRN%", "*", "\\", "'; --",
    "2024-01-01' OR '1'='1", "-date; DROP TABLE events", "🙂", "a\u0000b",
]
FILTERS = ["actor", "recipient", "event", "mode", "date_from", "date_to", "sort", "limit",
           "offset", "negated"]


def test_sql_injection_in_every_filter_is_harmless(client: httpx.Client) -> None:
    before = client.get("/v1/stats").json()
    for payload in INJECTIONS:
        for name in FILTERS:
            response = client.get("/v1/events", params={name: payload})
            assert response.status_code in (200, 422), (name, payload, response.text)
            if response.status_code == 200:
                assert response.json()["total"] == 0, (name, payload)
        found = client.get("/v1/events", params={"q": payload, "limit": 500})
        assert found.status_code == 200, found.text
        needle = payload.lower()
        for ev in found.json()["items"]:  # a match must really contain the literal text
            assert needle in (ev["sentence"] or "").lower() + "\n" + ev["evidence"]["text"].lower()
        for name in ("actor", "recipient", "event", "date_from"):
            assert client.get("/v1/places", params={name: payload}).status_code in (200, 422)
        path = quote(payload, safe="")
        for url in (f"/v1/events/{path}", f"/v1/articles/{path}",
                    f"/v1/dyads/{path}/RUS/timeseries", f"/v1/dyads/IRN/{path}/timeseries"):
            response = client.get(url)
            assert response.status_code in (200, 404, 422), (url, response.text)
            if response.status_code == 200:
                assert response.json()["points"] == []
    assert client.get("/v1/stats").json() == before


# --- docs, pages, the command --------------------------------------------------------------
def test_openapi_docs_and_dashboard_are_local(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/code", "/v1/articles", "/v1/events", "/v1/events/{event_id}",
                 "/v1/articles/{article_id}", "/v1/dyads/{actor}/{recipient}/timeseries",
                 "/v1/actors/top", "/v1/network", "/v1/places", "/v1/countries", "/v1/stats"):
        assert path in spec["paths"], path
    assert spec["paths"]["/v1/articles"]["post"]["security"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/v1/dyads/{actor}/{recipient}/timeseries" in docs.text
    page = client.get("/")
    assert page.status_code == 200 and "/vendor/plotly.min.js" in page.text
    assert "https://" not in page.text and "http://" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and len(plotly.content) > 1_000_000
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200, asset
    borders = client.get("/basemap.json").json()
    assert "Natural Earth" in borders["attribution"]
    by_id = {f["id"]: f for f in borders["features"]}
    assert len(by_id) > 150 and {"IRN", "RUS", "USA", "BRA"} <= set(by_id)
    lon, lat = by_id["IRN"]["properties"]["label"]
    assert 44 < lon < 64 and 25 < lat < 40  # Iran's outline is where Iran is


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_command(demo: Running, tmp_path: Path) -> None:
    _register()
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")],
                                 env={"EVENTWIRE_API_KEY": "", "COLUMNS": "200"})
    assert missing.exit_code == 2
    assert "no such database file" in missing.stderr and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    env = {**os.environ, "EVENTWIRE_API_KEY": ""}
    port = _free_port()
    proc = subprocess.Popen([str(EVENTWIRE), "serve", "--db",
                             str(readonly_copy(demo.db_path.parent)), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/v1/stats", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.2)
        assert stats["writable"] is False and stats["articles"] >= 19
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "127.0.0.1" in proc.stderr.read()


def test_ids_with_slashes_are_served_and_overlong_ids_refused(anonymous: httpx.Client) -> None:
    body = {"articles": [{"id": "wire/2024/07/pact", "text": "France accused Germany of lying."}]}
    assert anonymous.post("/v1/articles", json=body).json()["stored"] == 1
    got = anonymous.get("/v1/articles/" + quote("wire/2024/07/pact", safe=""))
    assert got.status_code == 200 and got.json()["id"] == "wire/2024/07/pact"
    assert anonymous.get("/v1/articles/wire/2024/07/pact").json()["id"] == "wire/2024/07/pact"
    long_id = {"articles": [{"id": "x" * 201, "text": "France accused Germany of lying."}]}
    assert "200" in error_of(anonymous.post("/v1/articles", json=long_id), 422)


def test_duplicate_ids_in_one_batch_keep_the_first_as_the_cli_does(
        anonymous: httpx.Client, tmp_path: Path, coder) -> None:
    first, second = "Spain protested against Portugal.", "Italy praised Greece for its help."
    body = {"articles": [{"id": "twice", "text": first}, {"id": "twice", "text": second}]}
    out = anonymous.post("/v1/articles", json=body).json()
    assert (out["stored"], out["skipped"]) == (1, 1)
    assert anonymous.get("/v1/articles/twice").json()["text"] == first
    lines = tmp_path / "twice.jsonl"
    lines.write_text("".join(f'{{"id": "twice", "text": "{t}"}}\n' for t in (first, second)))
    from eventwire.batch.pipeline import ingest

    with Store.open(tmp_path / "cli.duckdb") as store:
        stats = ingest(store, [str(lines)], coder=coder)
        (text,) = store.conn.execute("SELECT text FROM articles WHERE id = 'twice'").fetchone()
    assert (stats.stored, stats.skipped, text) == (1, 1, first)


def test_actor_filters_ignore_case_like_the_cli(client: httpx.Client) -> None:
    upper = client.get("/v1/events", params={"actor": "IRN", "recipient": "RUS"}).json()
    lower = client.get("/v1/events", params={"actor": "irn", "recipient": "rus"}).json()
    assert upper["total"] == lower["total"] >= 3 and upper["items"] == lower["items"]
    assert client.get("/v1/dyads/irn/rus/timeseries").json()["points"] == \
        client.get("/v1/dyads/IRN/RUS/timeseries").json()["points"]
