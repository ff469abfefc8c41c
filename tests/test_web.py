"""The dashboard in Debian's chromium via Playwright, offline, over the demo database."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from browser_support import ARGS, CHROMIUM
from live_server import Running

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                               "(pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright "
                    "install`)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, demo: Running) -> Iterator[object]:
    """A page that may only talk to the demo server; outside requests and JS errors fail."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    outside: list[str] = []
    problems: list[str] = []

    def gate(route) -> None:
        if route.request.url.startswith(demo.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    pg = context.new_page()
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console: {msg.text}")
          if msg.type == "error" else None)
    yield pg
    context.close()
    assert outside == [], f"the dashboard asked for outside resources: {outside}"
    assert problems == [], problems


def test_dyad_event_detail_and_timeline(page, demo: Running,
                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    expect = sync_api.expect
    shots = tmp_path_factory.mktemp("screenshots")
    page.goto(demo.url + "/")
    page.wait_for_selector('body[data-ready="events"]')
    total = httpx.get(f"{demo.url}/v1/stats").json()["events"]
    dyad = httpx.get(f"{demo.url}/v1/events", params={"actor": "IRN", "recipient": "RUS"})
    irn_rus = dyad.json()["total"]
    expect(page.locator("#events-summary")).to_have_text(f"{total} events")
    page.screenshot(path=str(shots / "events.png"), full_page=True)

    page.fill("#filters [name=actor]", "irn")
    page.fill("#filters [name=recipient]", "rus")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-summary")).to_have_text(f"{irn_rus} events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == irn_rus >= 3
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert cells.nth(1).inner_text().startswith("IRN")
        assert cells.nth(3).inner_text().startswith("RUS")
    page.screenshot(path=str(shots / "events-dyad.png"), full_page=True)

    consult = rows.filter(has_text="met Russian Foreign Minister Pavel Orlov")
    event_id = consult.get_attribute("data-id")
    consult.click()
    page.wait_for_selector('body[data-ready="event"]')
    event = httpx.get(f"{demo.url}/v1/events/{event_id}").json()
    marks = page.locator("#ev-text mark")
    assert marks.count() == 1
    assert marks.inner_text() == event["evidence"]["text"]
    article_text = page.locator("#ev-text").inner_text()
    assert article_text.startswith("Iranian Foreign Minister Dara Rezaei met")
    chain = page.locator("#ev-chain tbody tr")
    assert chain.nth(0).inner_text().split() == ["Actor", "IRN", "GOV", "IRN", "—"]
    assert chain.nth(1).inner_text().split()[:2] == ["Recipient", "RUS"]
    expect(page.locator("#ev-facts")).to_contain_text("test: hand-coded")
    page.screenshot(path=str(shots / "event-detail.png"), full_page=True)

    page.click("#ev-dyad")
    page.wait_for_selector('body[data-ready="dyad"]')
    page.wait_for_selector("#dyad-chart .main-svg")
    expect(page.locator("#dyad-title")).to_contain_text("IRN → RUS")
    assert page.locator("#dyad-chart .bars .point").count() >= 2  # May and June bars
    assert page.locator("#dyad-table tbody tr").count() == 2
    page.screenshot(path=str(shots / "dyad-timeline.png"), full_page=True)

    page.click("nav a[data-view=network]")
    page.wait_for_selector('body[data-ready="network"]')
    assert page.locator("#network-chart .scatterlayer .point").count() >= 3
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.click("nav a[data-view=map]")
    page.wait_for_selector('body[data-ready="map"]')
    page.wait_for_selector("#map-chart .main-svg")
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    for name in ("events", "event-detail", "dyad-timeline"):
        assert (shots / f"{name}.png").stat().st_size > 10_000
    print(f"screenshots in {shots}")


def test_article_links_are_http_only_and_slashed_ids_open(page, demo: Running) -> None:
    expect = sync_api.expect
    threat = httpx.get(f"{demo.url}/v1/events", params={"actor": "rus", "event": "THREATEN"})
    (event,) = [e for e in threat.json()["items"] if e["article_id"] == "wire/2024/known-3"]
    page.goto(f"{demo.url}/#/event/{event['id']}")
    page.wait_for_selector('body[data-ready="event"]')
    expect(page.locator("#ev-article")).to_contain_text("Known article 3")
    assert page.locator("#ev-article a").count() == 0  # javascript: URL: no link at all
    consult = httpx.get(f"{demo.url}/v1/events", params={"actor": "IRN", "recipient": "RUS",
                                                         "event": "CONSULT"}).json()["items"]
    known = next(e for e in consult if e["article_id"] == "known-1")
    page.goto(f"{demo.url}/#/event/{known['id']}")
    page.wait_for_selector('body[data-ready="event"]')
    expect(page.locator("#ev-article a")).to_have_attribute(
        "href", "https://news.example.org/world/known-1")


def test_confidence_slider_keeps_events_at_or_above_and_says_how_many(page,
                                                                      demo: Running) -> None:
    expect = sync_api.expect

    def count(where: str) -> int:  # the oracle: SQL, apart from the endpoint under test
        rows = httpx.post(f"{demo.url}/v1/query",
                          json={"sql": f"SELECT count(*) FROM events {where}"}).json()["rows"]
        return int(rows[0][0])

    total = count("")
    steps = [k / 20 for k in range(1, 20)]  # the slider's stops
    kept = {p: count(f"WHERE confidence >= {p}") for p in steps}
    p = min((q for q in steps if 0 < kept[q] < total), key=lambda q: abs(kept[q] - total / 2))
    share = int(100 * kept[p] / total + 0.5)

    page.goto(demo.url + "/")
    page.wait_for_selector('body[data-ready="events"]')
    label = page.locator("#confidence-kept")
    expect(label).to_have_text(f"0.00: {total:,} of {total:,} events kept (100%)")  # all shown
    page.locator("#filters [name=min_confidence]").fill(str(p))
    expect(label).to_have_text(f"{p:.2f}: {kept[p]:,} of {total:,} events kept ({share}%)")
    expect(page.locator("#events-summary")).to_have_text(f"{kept[p]} events")
    assert f"min_confidence={p}" in page.evaluate("location.hash")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(kept[p], 50)
    confidences = [float(rows.nth(i).locator("td").nth(5).inner_text())
                   for i in range(rows.count())]
    assert min(confidences) >= p - 0.005  # shown to two decimals

    page.click("#clear")
    expect(label).to_have_text(f"0.00: {total:,} of {total:,} events kept (100%)")
