"""The DuckDB event store: schema, migrations and transactional writes, and what reads it.

Takes: `CodedArticle`s. Gives: the `Store` (`db`, `schema`, `rows`), near-duplicate story
grouping (`dedup`), exports to CSV/JSONL/Parquet (`export`), a read-only SQL guard
(`readonly_sql`) and the analyst DataFrames (`analytics`).
"""

from eventwire.store.db import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
