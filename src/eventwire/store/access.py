"""How a writer reaches the database: kept open by this process, or opened for each batch.

DuckDB lets one process hold a file for writing, or several processes hold it read-only, never
both. A server or a watcher keeps its file open (`Held`); a batch `eventwire ingest` opens the
file for each batch of articles and closes it after (`Brief`), so a read-only server or a
`query` can take turns with it between batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Protocol

from eventwire.store.db import DatabaseHeld, Store
from eventwire.store.held import BRIEF_BATCH, BRIEF_WAIT_S, Holder, retry_while_held


class Access(Protocol):
    """A way to get the store for one batch of writes."""

    batch: int

    def session(self) -> AbstractContextManager[Store]: ...


class Held:
    """A store this process keeps open; writer threads may share a lock around each batch."""

    def __init__(self, store: Store, lock: threading.Lock | None = None):
        self.store = store
        self.lock = lock
        self.batch = 1

    @contextmanager
    def session(self) -> Iterator[Store]:
        with self.lock or nullcontext():
            yield self.store


class Brief:
    """Opens the file for each batch and closes it after: the write lock is held only to write."""

    def __init__(self, path: str | Path, batch: int = BRIEF_BATCH, wait_s: float = BRIEF_WAIT_S,
                 on_wait: Callable[[Holder], None] | None = None):
        self.path = str(path)
        self.batch = batch
        self.wait_s = wait_s
        self.on_wait = on_wait

    def open(self) -> Store:
        """The store, once the file is free (DatabaseHeld after `wait_s` seconds of waiting)."""
        store = retry_while_held(lambda: Store.open(self.path), DatabaseHeld, self.wait_s,
                                 self.on_wait)
        assert isinstance(store, Store)
        return store

    @contextmanager
    def session(self) -> Iterator[Store]:
        store = self.open()
        try:
            yield store
        finally:
            store.close()


def access_to(target: Store | Access) -> Access:
    """An open Store is used as it is; anything else already says how to reach the file."""
    return Held(target) if isinstance(target, Store) else target
