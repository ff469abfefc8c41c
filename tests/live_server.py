"""A demo database and real uvicorn servers on 127.0.0.1, shared by the API and browser tests."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn

from eventwire.api import create_app
from eventwire.batch.pipeline import ingest
from eventwire.coder import Coder
from eventwire.knowledge.ontology import load_ontology
from eventwire.model import Actor, Article, CodedArticle, Event, Place, Span, event_id
from eventwire.store.db import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "articles" / "articles.jsonl"
API_KEY = "test-key-5f1d"

# Invented articles with hand-coded events, so every view has known content whatever the
# coder emits today. (text, published, [(actor, event, recipient, evidence, place)])
MOSCOW = Place(name="Moscow", geonameid=524901, country="RUS", lat=55.7522, lon=37.6156)
TEHRAN = Place(name="Tehran", geonameid=112931, country="IRN", lat=35.6944, lon=51.4215)
KNOWN: list[tuple[str, str, str, list[tuple[str, str, str, str, Place | None]]]] = [
    ("known-1", "2024-05-14",
     "Iranian Foreign Minister Dara Rezaei met Russian Foreign Minister Pavel Orlov in Moscow "
     "on Tuesday. The two ministers discussed trade. Russia accused the United States of "
     "blocking the talks.",
     [("IRN", "CONSULT", "RUS", "met Russian Foreign Minister Pavel Orlov", MOSCOW),
      ("RUS", "ACCUSE", "USA", "accused the United States", MOSCOW)]),
    ("known-2", "2024-06-20",
     "Iran and Russia signed an energy agreement in Tehran on Thursday. Iranian officials met "
     "Russian envoys again in the afternoon. Washington imposed sanctions on Iran hours later.",
     [("IRN", "AGREE", "RUS", "signed an energy agreement", TEHRAN),
      ("IRN", "CONSULT", "RUS", "met Russian envoys", TEHRAN),
      ("USA", "SANCTION", "IRN", "imposed sanctions on Iran", None)]),
    ("known-3", "2024-08-02",
     "Russia threatened to cut gas supplies to Iran over unpaid bills. Moscow later praised "
     "Tehran for its patience.",
     [("RUS", "THREATEN", "IRN", "threatened to cut gas supplies to Iran", None),
      ("RUS", "SUPPORT", "IRN", "praised Tehran", MOSCOW)]),
]


def _sentence(text: str, start: int) -> str:
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    return text[begin:(len(text) if end < 0 else end + 1)]


def known_articles() -> list[tuple[Article, CodedArticle]]:
    """The invented articles and their hand-coded events."""
    onto = load_ontology()
    out = []
    for aid, published, text, specs in KNOWN:
        events = []
        for actor, name, recipient, phrase, place in specs:
            start = text.index(phrase)
            span = Span(text=phrase, start=start, end=start + len(phrase))
            events.append(Event(
                id=event_id(aid, name, actor, recipient, start), event=name,
                actor=Actor(code=actor, sector="GOV", text=actor, name=None),
                recipient=Actor(code=recipient, sector="GOV", text=recipient),
                evidence=span, evidence_all=[span], sentence=_sentence(text, start),
                quad=onto.categories[name].quad, intensity=onto.intensity(name, None),
                location=place, confidence=0.9, rule="test: hand-coded"))
        article = Article(id=aid, text=text, title=f"Known article {aid[-1]}",
                          published=published, source="tests")
        out.append((article, CodedArticle(id=aid, title=article.title, published=published,
                                          events=events)))
    return out


def build_demo_db(path: Path, coder: Coder) -> dict[str, Any]:
    """Ingest the example corpus, add the known articles; return facts the tests check."""
    with Store.open(path) as store:
        stats = ingest(store, [str(EXAMPLES)], coder=coder)
        assert stats.errors == 0, stats.error_samples
        for article, coded in known_articles():
            store.save(coded, article, story_id=article.id)
        counts = store.counts()
        irn_rus = store.conn.execute("SELECT count(*) FROM events WHERE actor_code = 'IRN' "
                                     "AND recipient_code = 'RUS'").fetchone()
    return {"counts": counts, "irn_rus": int(irn_rus[0]) if irn_rus else 0}


@dataclass
class Running:
    """A uvicorn server running in a thread of the test process."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread
    db_path: Path
    facts: dict[str, Any] = field(default_factory=dict)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(db_path: Path, **options: Any) -> Running:
    """Serve create_app(db_path, **options) on a free 127.0.0.1 port; wait until it listens."""
    app = create_app(db_path, **options)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # else ~40 ms per request
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    return Running(f"http://127.0.0.1:{port}", server, thread, Path(db_path))


_DEMO: dict[str, Running] = {}


def demo_server(workdir: Path, coder: Coder) -> Running:
    """One keyed demo server per test process, however many modules ask for it."""
    if "demo" not in _DEMO:
        path = workdir / "demo.duckdb"
        facts = build_demo_db(path, coder)
        shutil.copyfile(path, readonly_copy(workdir))  # before a server holds the file
        running = start_server(path, api_key=API_KEY, coder=coder)
        running.facts = facts
        _DEMO["demo"] = running
    return _DEMO["demo"]


def stop_demo() -> None:
    """Stop the shared demo server (idempotent: each module's finaliser may call it)."""
    running = _DEMO.pop("demo", None)
    if running is not None:
        running.stop()


def readonly_copy(workdir: Path) -> Path:
    """Where demo_server leaves a copy of the demo database for a second, read-only server."""
    return workdir / "demo-copy.duckdb"
