"""The DuckDB event store: schema, migrations and transactional writes."""

from eventwire.store.db import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
