"""`eventwire serve --watch`: feeds polled in a thread of the server, through its own database.

A second process could not write the file the server holds (DuckDB allows one writing
process), so the watcher lives inside the server: its own cursor, its own coder, and the same
one-writer-at-a-time lock as POST /v1/articles, taken per batch of articles, not per poll.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.api.database import Database
from eventwire.batch.pipeline import IngestStats
from eventwire.batch.watch import watch
from eventwire.coder import Coder
from eventwire.ingest.fetch import make_client
from eventwire.ingest.limits import Limits


class _Stopped(Exception):
    """Raised from the watcher's sleep when the server shuts down."""


@dataclass
class WatchPlan:
    """What `serve --watch` asked for."""

    feeds: Path
    every_s: float
    coder: Coder
    allow_private_urls: bool = False
    limits: Limits | None = None


class FeedWatcher:
    """Runs the polling loop of `eventwire watch` in a daemon thread and keeps the last poll."""

    def __init__(self, database: Database, plan: WatchPlan):
        self.database = database
        self.plan = plan
        self.polls = 0
        self.last: dict[str, Any] | None = None
        self.polling_since: str | None = None
        self._started = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="eventwire-watch", daemon=True)

    def start(self) -> None:
        self._stop.clear()
        self._started = time.monotonic()
        self.polling_since = _now()
        self._thread.start()

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop after the current article batch; the thread is a daemon if a fetch hangs."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def _run(self) -> None:
        access = self.database.access()
        try:
            with make_client(allow_private=self.plan.allow_private_urls) as client:
                watch(access, self.plan.feeds, self.plan.every_s, self.plan.coder,
                      report=self._report, sleep=self._sleep, client=client,
                      limits=self.plan.limits)
        except _Stopped:
            pass
        finally:
            access.store.close()

    def _sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise _Stopped
        self._started = time.monotonic()
        self.polling_since = _now()

    def _report(self, stats: IngestStats | None, problem: str | None) -> None:
        """Keep what the dashboard header and /v1/stats show about the poll just finished."""
        self.polls += 1
        self.last = {"at": _now(), "seconds": round(time.monotonic() - self._started, 3),
                     "new_articles": stats.stored if stats else 0,
                     "new_events": stats.events if stats else 0,
                     "known": stats.skipped if stats else 0,
                     "errors": stats.errors if stats else 1,
                     "problem": problem}
        self.polling_since = None

    def status(self) -> dict[str, Any]:
        """The watcher as GET /v1/stats reports it."""
        return {"feeds": str(self.plan.feeds), "every_seconds": self.plan.every_s,
                "polls": self.polls, "polling_since": self.polling_since, "last": self.last}


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
