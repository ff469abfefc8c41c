"""The server's database handle: one DuckDB database (cursors for reads, a lock for writes)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from fastapi import HTTPException

from eventwire.store.access import Held
from eventwire.store.db import DatabaseHeld, Store, StoreError
from eventwire.store.held import Holder, retry_while_held

READ_WAIT_S = 15.0  # a request waits this long for a batch ingest to finish writing
RELEASE_AFTER_S = 1.0  # a read-only server lets go of the file after this much quiet


class Database:
    """The server's store.

    Held for writing (API writes or a feed watcher): one connection, a cursor per request and
    one writer at a time. Read-only: the file is opened when a request comes and released
    after a moment of quiet, so a batch `eventwire ingest` can write between requests
    (DuckDB allows one writing process or many reading ones, never both at once).
    """

    def __init__(self, path: str | Path, writable: bool, hold: bool = False,
                 wait_s: float = READ_WAIT_S,
                 on_wait: Callable[[Holder], None] | None = None):
        path = Path(path)
        if not path.is_file() and not hold:  # a watcher creates its database, a reader not
            raise StoreError(f"{path}: no such database file (create it with `eventwire ingest "
                             "--db PATH ...`)")
        self.path = path
        self.writable = writable  # whether POST /v1/articles may write
        self.held = writable or hold
        self.wait_s = wait_s
        self._write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()
        self._users = 0
        self._idle_since = time.monotonic()
        self._stop = threading.Event()
        # Held: other processes cannot open it at all. Read-only: they can read it too.
        self._store: Store | None = self._open(wait_s, on_wait)
        if not self.held:
            threading.Thread(target=self._release_when_idle, name="eventwire-db-release",
                             daemon=True).start()

    def _open(self, wait_s: float, on_wait: Callable[[Holder], None] | None = None) -> Store:
        store = retry_while_held(lambda: Store.open(self.path, read_only=not self.held),
                                 DatabaseHeld, wait_s, on_wait)
        assert isinstance(store, Store)
        # Clients send SQL (POST /v1/query): the server's DuckDB reads no other file, no URL.
        store.conn.execute("SET enable_external_access = false")
        return store

    @property
    def store(self) -> Store:
        """The open store (held databases only: read-only ones come and go)."""
        assert self._store is not None
        return self._store

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (DuckDB connections are not shared by threads)."""
        with self._cursor_lock:
            if self._store is None:
                try:
                    self._store = self._open(self.wait_s)
                except DatabaseHeld as exc:
                    raise HTTPException(503, f"the database is busy: {exc}; try again in a "
                                             "moment") from None
            cur = self._store.conn.cursor()
            self._users += 1
        try:
            yield cur
        finally:
            cur.close()
            with self._cursor_lock:
                self._users -= 1
                self._idle_since = time.monotonic()

    def _release_when_idle(self) -> None:
        """Close a read-only file after RELEASE_AFTER_S without requests, letting writers in."""
        while not self._stop.wait(RELEASE_AFTER_S / 4):
            with self._cursor_lock:
                quiet = time.monotonic() - self._idle_since >= RELEASE_AFTER_S
                if self._store is not None and self._users == 0 and quiet:
                    self._store.close()
                    self._store = None

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store, for one writer at a time."""
        with self._write_lock:
            yield self.store

    def access(self) -> Held:
        """A writer thread's own cursor on the held file, sharing the one-writer-at-a-time lock."""
        store = self.store
        return Held(Store(store.conn.cursor(), store.path), lock=self._write_lock)

    def close(self) -> None:
        self._stop.set()
        with self._cursor_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

