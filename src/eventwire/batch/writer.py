"""A single writer thread: coding the next batch overlaps with committing the last one.

DuckDB releases the GIL while it executes and commits, so on one core's worth of coding the
database work hides in the gaps. Outcomes are written strictly in the order they were queued,
one transaction per article, so story ids and counts do not depend on timing.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from eventwire.batch.workers import Outcome
from eventwire.store.db import Store
from eventwire.store.dedup import StoryIndex, from_bytes

_STOP = object()


class ArticleWriter:
    """Consumes coded Outcomes and saves each in its own transaction, off the coding thread."""

    def __init__(self, store: Store, run_id: str, index: StoryIndex,
                 on_error: Callable[[str, str | None, str], None],
                 on_done: Callable[[int], None], depth: int = 64):
        self.store = store
        self.run_id = run_id
        self.index = index
        self.on_error = on_error  # (source, record, reason), called on the writer thread
        self.on_done = on_done  # (events stored) for one article, called on the writer thread
        self.queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="eventwire-writer", daemon=True)

    def __enter__(self) -> ArticleWriter:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._put(_STOP)
        self.thread.join()
        if self.failure is not None and exc[0] is None:
            raise self.failure

    def put(self, outcome: Outcome) -> None:
        """Queue one outcome; raises at once if the writer has died."""
        self._put(outcome)

    def _put(self, item: object) -> None:
        while True:
            if self.failure is not None and item is not _STOP:
                raise self.failure
            if not self.thread.is_alive() and item is _STOP:
                return
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def _run(self) -> None:
        try:
            while (item := self.queue.get()) is not _STOP:
                assert isinstance(item, Outcome)
                self.write(item)
        except BaseException as exc:  # noqa: BLE001 - handed to the coding thread
            self.failure = exc

    def write(self, out: Outcome) -> None:
        """Save one outcome, or record why it could not be coded or stored."""
        article = out.article
        source = article.source or "?"
        if out.coded is None:
            self.on_error(source, article.id, out.error or "coding failed")
            return
        mh = from_bytes(out.signature)
        assignment = self.index.assign(article.id, article.published, mh)
        try:
            events = self.store.save(out.coded, article, assignment.story_id,
                                     run_id=self.run_id, signature=out.signature,
                                     num_perm=len(mh.hashvalues), merged=assignment.merged)
        except Exception as exc:  # noqa: BLE001 - a bad record must not stop the batch
            self.on_error(source, article.id, f"could not store: {type(exc).__name__}: {exc}")
            return
        self.index.add(article.id, article.published, mh, assignment)
        self.on_done(events)
