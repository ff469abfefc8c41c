"""A live deployment: `serve --watch` fills the dashboard while it answers; others take turns.

Real parts only: an RSS feed on 127.0.0.1 whose items appear over time, `eventwire serve` and
the other commands as subprocesses on one DuckDB file, and (in test_web_live.py) Chromium.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from browser_support import ARGS, CHROMIUM
from eventwire.store.db import Store
from growing_feed import (
    EVENTWIRE,
    GrowingFeed,
    Hammer,
    Served,
    example_articles,
    feed_server,
    serve,
)

KEY = "live-test-key-7c2"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EVENTWIRE_API_KEY": "", "COLUMNS": "300"}
    return subprocess.Popen([str(EVENTWIRE), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def run_all(*commands: list[str], timeout: float = 300) -> list[subprocess.CompletedProcess[str]]:
    """Run eventwire commands side by side (each spends seconds importing) and collect them."""
    procs = [start(*args) for args in commands]
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return done


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_all(list(args))[0]


@pytest.fixture(scope="module")
def feed() -> GrowingFeed:
    return GrowingFeed(example_articles(), visible=3)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, feed: GrowingFeed) -> Iterator[Served]:
    """`eventwire serve --watch` polling the growing feed every 2s; it creates the database."""
    work = tmp_path_factory.mktemp("live")
    db = work / "news.duckdb"
    with feed_server(feed) as url:
        feeds = work / "feeds.txt"
        feeds.write_text(f"# the test wire\n{url}\n")
        with serve(db, "--watch", str(feeds), "--every", "2s", "--api-key", KEY) as served:
            yield served


def test_server_answers_through_polls_and_shows_new_events(live: Served,
                                                           feed: GrowingFeed) -> None:
    finished: dict[int, dict] = {}  # poll number -> its report, as /v1/stats showed it

    def seen(stats: dict) -> dict:
        if stats["watch"]["last"]:
            finished[stats["watch"]["polls"]] = stats["watch"]["last"]
        return stats

    with Hammer(live.url).running() as hammer:
        first = live.wait_for(lambda s: seen(s)["watch"]["last"] and s["articles"] >= 3,
                              "the first poll to store the first items")
        polls = first["watch"]["polls"]
        new = feed.reveal(3)
        second = live.wait_for(lambda s: seen(s)["watch"]["polls"] >= polls + 2
                               and s["articles"] >= first["articles"] + 3,
                               "two more polls and the new items")
    assert hammer.errors == [], hammer.errors[:5]
    assert hammer.requests >= 20
    assert second["events"] > first["events"]
    assert hammer.totals[-1] > hammer.totals[0]  # the same question, answered with new events
    assert hammer.totals == sorted(hammer.totals)  # and never an older view after a newer one
    last = second["watch"]["last"]
    assert last["problem"] is None and last["errors"] == 0
    assert second["watch"]["every_seconds"] == 2.0
    titles = {a["title"] for a in new}
    page = httpx.get(f"{live.url}/v1/events", params={"limit": 500}).json()
    assert titles & {e["article_title"] for e in page["items"]}, "no new item's event is listed"
    storing = ", ".join(f"{p['seconds']:.1f}s ({p['new_articles']} articles)"
                        for p in finished.values() if p["new_articles"])
    print(f"\nlive server: {hammer.requests} GET /v1/events during "
          f"{second['watch']['polls'] - polls + 1} polls, {len(hammer.errors)} errors; request "
          f"median {statistics.median(hammer.latencies) * 1000:.0f} ms, max "
          f"{max(hammer.latencies) * 1000:.0f} ms; polls that stored items took "
          f"{storing}"
          f", polls with nothing new {last['seconds']:.2f}s; events {first['events']} -> "
          f"{second['events']}")


def test_ingest_and_query_go_through_the_server(live: Served) -> None:
    before = live.stats()["articles"]
    sent = run("ingest", str(FIXTURES / "wire_stories.jsonl"), "--api", live.url,
               "--api-key", KEY)
    assert sent.returncode == 0, sent.stderr
    assert "stored 6 articles" in sent.stderr, sent.stderr
    asked, counted = run_all(
        ["query", "--api", live.url, "--format", "json",
         "SELECT count(*) AS n FROM articles WHERE source = 'wire-a' OR id LIKE 's%'"],
        ["query", "--api", live.url, "--format", "json", "SELECT count(*) AS n FROM articles"])
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout) == [{"n": 6}]
    total = json.loads(counted.stdout)[0]["n"]
    assert total >= before + 6  # the watcher may have added more meanwhile
    again, unkeyed = run_all(
        ["ingest", str(FIXTURES / "wire_stories.jsonl"), "--api", live.url, "--api-key", KEY],
        ["ingest", str(FIXTURES / "wire_stories.jsonl"), "--api", live.url])
    assert "stored 0 articles" in again.stderr and "skipped 6" in again.stderr, again.stderr
    assert unkeyed.returncode == 2 and "missing API key" in unkeyed.stderr
    assert len(unkeyed.stderr.strip().splitlines()) == 1


def test_sql_over_http_reads_only_the_store(live: Served) -> None:
    ask = lambda sql: httpx.post(f"{live.url}/v1/query", json={"sql": sql}, timeout=60)  # noqa: E731
    ok = ask("SELECT event, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC")
    assert ok.status_code == 200 and ok.json()["columns"] == ["event", "n"]
    for sql, words in (("DELETE FROM events", "refused"),
                       ("SELECT * FROM read_text('/etc/hostname')", "disabled"),
                       ("COPY events TO '/tmp/x.csv'", "refused"),
                       ("SELECT * FROM no_such_table", "query failed")):
        bad = ask(sql)
        assert bad.status_code == 400 and words in bad.json()["error"], (sql, bad.text)
    refused = run("query", "--api", live.url, "DROP TABLE events")
    assert refused.returncode == 2 and "refused" in refused.stderr


def test_commands_on_a_held_database_name_the_server(live: Served, tmp_path: Path) -> None:
    db = str(live.db)
    commands: dict[str, list[str]] = {
        "query": ["query", "--db", db, "SELECT count(*) FROM events"],
        "ingest": ["ingest", str(FIXTURES / "wire_stories.jsonl"), "--db", db],
        "export": ["export", "--db", db, "-o", str(tmp_path / "out.jsonl")],
        "watch": ["watch", str(tmp_path / "feeds.txt"), "--db", db, "--once"],
    }
    (tmp_path / "feeds.txt").write_text("https://example.org/feed.rss\n")
    said: dict[str, str] = {}
    for name, done in zip(commands, run_all(*commands.values()), strict=True):
        lines = done.stderr.strip().splitlines()
        said[name] = done.stderr.strip()
        assert done.returncode == 2 and len(lines) == 1, (name, done.stderr)
        line = lines[0]
        assert f"held by process {live.proc.pid}" in line, line
        assert "eventwire serve" in line, line
        if name in ("query", "ingest"):
            assert f"--api {live.url}" in line, line
        assert "Traceback" not in done.stderr and KEY not in done.stderr  # the key is masked
    print(f"\n{said['query']}")
    assert live.stats()["articles"] > 0  # the server is untouched


def test_read_only_server_waits_for_a_writer_then_takes_turns_with_batches(
        tmp_path: Path) -> None:
    db = tmp_path / "batch.duckdb"
    writer = Store.open(db)  # this process holds the file, as a batch being written would
    threading.Thread(target=_release_when_waited_for, args=(db, writer), daemon=True).start()
    with serve(db) as served:
        said = served.log.read_text()
        assert f"held by process {os.getpid()}" in said and "waiting up to" in said, said
        ingest = subprocess.Popen(
            [str(EVENTWIRE), "ingest", str(FIXTURES / "wire_stories.jsonl"), "--db", str(db),
             "--commit-every", "2", "--batch-size", "2"],
            stderr=subprocess.PIPE, text=True, env={**os.environ, "EVENTWIRE_API_KEY": ""})
        seen: list[int] = []
        errors: list[str] = []
        while ingest.poll() is None:
            response = httpx.get(f"{served.url}/v1/stats", timeout=60)
            if response.status_code == 200:
                seen.append(response.json()["articles"])
            else:
                errors.append(response.text)
            try:
                ingest.wait(timeout=2.0)  # a dashboard's pace: the server lets go in between
            except subprocess.TimeoutExpired:
                pass
        stderr = ingest.stderr.read() if ingest.stderr else ""
        assert ingest.returncode == 0, stderr
        assert "stored 6 articles" in stderr, stderr
        final = served.wait_for(lambda s: s["articles"] == 6, "the server to see all 6")
    assert errors == []
    assert seen == sorted(seen)
    print(f"\nread-only server during a batch ingest: {len(seen)} reads, article counts {seen}"
          f", then {final['articles']}; ingest said: {' '.join(stderr.split())}")


def _release_when_waited_for(db: Path, writer: Store) -> None:
    """Let go of the file once the starting server says it is waiting for this process."""
    log = db.with_suffix(".log")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if log.exists() and f"held by process {os.getpid()}" in log.read_text():
            break
        time.sleep(0.1)
    writer.close()


def test_dashboard_live_header_refresh_and_map_borders(live: Served, feed: GrowingFeed,
                                                       tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    expect = sync_api.expect
    outside: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(live.url)
                      else (outside.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.goto(live.url + "/")
        page.wait_for_selector('body[data-ready="events"]')
        live_line = page.locator("#live")
        expect(live_line).to_be_visible()
        expect(live_line).to_have_text(re.compile(
            r"last poll \d\d:\d\d:\d\d UTC · \d+ new articles? · 0 errors"))
        summary = page.locator("#events-summary")
        before = summary.inner_text()
        page.evaluate("window.notReloaded = true")
        page.screenshot(path=str(tmp_path / "live-before.png"))
        feed.reveal(3)
        expect(summary).not_to_have_text(before, timeout=90_000)  # new events, no reload
        assert page.evaluate("window.notReloaded") is True
        after = int(summary.inner_text().split()[0])
        assert after > int(before.split()[0])
        assert page.locator("#events-table tbody tr").count() == min(after, 50)
        page.screenshot(path=str(tmp_path / "live-after.png"))

        page.click("nav a[data-view=map]")
        page.wait_for_selector('body[data-ready="map"]')
        page.wait_for_selector("#map-chart .main-svg")
        chart = page.locator("#map-chart")
        countries = httpx.get(f"{live.url}/v1/countries").json()["items"]
        assert int(chart.get_attribute("data-countries") or 0) >= min(len(countries), 1) > 0
        assert page.locator("#map-chart path.js-fill").count() >= 2  # land, shaded countries
        expect(page.locator("#map-chart .legend")).to_contain_text("no events")
        expect(page.locator("#map-attribution")).to_contain_text("Natural Earth")
        page.screenshot(path=str(tmp_path / "map.png"))
        context.close()
        browser.close()
    assert outside == [] and problems == [], (outside, problems)
    assert (tmp_path / "map.png").stat().st_size > 20_000
    print(f"\nscreenshots in {tmp_path}")
