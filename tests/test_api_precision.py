"""min_confidence on the API's event list, analytics and /v1/code, over the shared demo server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from eventwire.ingest.record import make_article
from live_server import Running

# Endpoints that take min_confidence, and the list in each answer that it narrows.
NARROWED = {"/v1/events": "items", "/v1/actors/top": "items", "/v1/network": "edges",
            "/v1/places": "items", "/v1/countries": "items",
            "/v1/dyads/IRN/RUS/timeseries": "points"}


@pytest.fixture(scope="module")
def client(demo: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.url, timeout=60) as c:
        yield c


def _sql(client: httpx.Client, sql: str) -> list[list[Any]]:
    """Rows of a read-only query: the oracle, written apart from the code under test."""
    response = client.post("/v1/query", json={"sql": sql})
    assert response.status_code == 200, response.text
    return response.json()["rows"]


@pytest.fixture(scope="module")
def threshold(client: httpx.Client) -> float:
    """A confidence some events reach and some do not (the middle level of the demo's)."""
    levels = [r[0] for r in _sql(client, "SELECT DISTINCT confidence FROM events ORDER BY 1")]
    assert len(levels) >= 3, f"the demo needs events at several confidences: {levels}"
    return levels[len(levels) // 2]


def test_event_list_keeps_only_events_at_or_above(client: httpx.Client, threshold: float) -> None:
    every = client.get("/v1/events", params={"limit": 500}).json()
    kept = client.get("/v1/events", params={"limit": 500, "min_confidence": threshold}).json()
    (expected,), = _sql(client, f"SELECT count(*) FROM events WHERE confidence >= {threshold}")
    assert kept["total"] == expected and 0 < kept["total"] < every["total"]
    assert [e["id"] for e in kept["items"]] == [
        e["id"] for e in every["items"] if e["confidence"] >= threshold]
    assert client.get("/v1/events", params={"min_confidence": 0}).json()["total"] == \
        every["total"]


def test_analytics_count_only_confident_events(client: httpx.Client) -> None:
    # The hand-coded IRN -> RUS events sit at 0.9: above 0.9 only coder events may remain.
    strict = 0.95
    (story_pairs,), = _sql(client, f"""
        SELECT count(*) FROM (SELECT DISTINCT story_id, event FROM events
        WHERE actor_code = 'IRN' AND recipient_code = 'RUS' AND NOT negated
          AND confidence >= {strict})""")
    (every_pairs,), = _sql(client, """
        SELECT count(*) FROM (SELECT DISTINCT story_id, event FROM events
        WHERE actor_code = 'IRN' AND recipient_code = 'RUS' AND NOT negated)""")
    assert story_pairs < every_pairs
    ts = client.get("/v1/dyads/IRN/RUS/timeseries",
                    params={"by": "year", "min_confidence": strict}).json()
    assert sum(p["total"] for p in ts["points"]) == story_pairs
    loose = client.get("/v1/dyads/IRN/RUS/timeseries", params={"by": "year"}).json()
    assert sum(p["total"] for p in loose["points"]) == every_pairs

    edges = {(e["source"], e["target"]): e["weight"] for e in client.get(
        "/v1/network", params={"min_confidence": strict}).json()["edges"]}
    assert edges.get(("IRN", "RUS"), 0) == story_pairs
    top = {a["actor"]: a["events"] for a in client.get(
        "/v1/actors/top", params={"min_confidence": strict, "limit": 500}).json()["items"]}
    every_top = {a["actor"]: a["events"] for a in client.get(
        "/v1/actors/top", params={"limit": 500}).json()["items"]}
    assert sum(top.values()) < sum(every_top.values())
    (moscow,), = _sql(client, "SELECT count(*) FROM events WHERE location_name = 'Moscow' "
                              f"AND lat IS NOT NULL AND confidence >= {strict}")
    places = {p["name"]: p["events"] for p in client.get(
        "/v1/places", params={"min_confidence": strict}).json()["items"]}
    assert places.get("Moscow", 0) == moscow < 3  # three hand-coded Moscow events at 0.9


def test_code_endpoint_returns_only_confident_events(client: httpx.Client, coder) -> None:
    text = ("Iran and Russia signed an agreement on Monday. Russia accused the United States "
            "of meddling, and Germany sent aid to Sudan.")
    every = coder.code(make_article(text, published="2024-02-05", source="api")).to_dict()
    levels = sorted({e["confidence"] for e in every["events"]})
    assert levels, "the coder found no event in the test text"
    top = levels[-1]
    response = client.post("/v1/code", params={"min_confidence": top},
                           json={"text": text, "published": "2024-02-05"})
    assert response.status_code == 200, response.text
    assert response.json()["events"] == [e for e in every["events"] if e["confidence"] >= top]


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.1", "nan", "inf"])
def test_a_bad_threshold_is_a_422_naming_it(client: httpx.Client, value: str) -> None:
    for path in NARROWED:
        response = client.get(path, params={"min_confidence": value})
        assert response.status_code == 422, (path, response.text)
        assert "query parameter 'min_confidence'" in response.json()["error"]
    response = client.post("/v1/code", params={"min_confidence": value},
                           json={"text": "Iran met Russia."})
    assert response.status_code == 422


def test_openapi_documents_min_confidence(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in [*NARROWED, "/v1/code"]:
        templated = path.replace("IRN/RUS", "{actor}/{recipient}")
        operation = next(iter(spec["paths"][templated].values()))
        params = {p["name"]: p for p in operation["parameters"]}
        assert "min_confidence" in params, path
        assert "at least" in params["min_confidence"]["description"]
