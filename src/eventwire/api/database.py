"""The server's database handle: one DuckDB database (cursors for reads, a lock for writes)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.store.db import Store, StoreError


class Database:
    """The open store; DuckDB allows one writing process, so the server holds the file."""

    def __init__(self, path: str | Path, writable: bool):
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"{path}: no such database file (create it with `eventwire ingest "
                             "--db PATH ...`)")
        # Read-only unless this server accepts writes: then other processes can read it too.
        self.store = Store.open(path, read_only=not writable)
        self.writable = writable
        self._write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (DuckDB connections are not shared by threads)."""
        with self._cursor_lock:
            cur = self.store.conn.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store, for one writer at a time."""
        with self._write_lock:
            yield self.store

    def close(self) -> None:
        self.store.close()
