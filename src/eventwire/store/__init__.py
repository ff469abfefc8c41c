"""The DuckDB event store: schema, migrations and transactional writes, and what reads it.

Takes: `CodedArticle`s. Gives: the `Store` (`db`, `schema`, `rows`), near-duplicate story
grouping (`dedup`), exports to CSV/JSONL/Parquet (`export`), a read-only SQL guard
(`readonly_sql`) and the analyst DataFrames (`analytics`).
"""

from eventwire import lazy_attributes

DEFAULT_DB = "eventwire.duckdb"
FORMATS = ("plover-jsonl", "csv", "parquet", "gdelt-tsv")  # what `export` writes

__all__ = ["DEFAULT_DB", "FORMATS", "Store", "StoreError"]
# Lazy: the CLI shows DEFAULT_DB and FORMATS in its --help without importing DuckDB.
__getattr__ = lazy_attributes(__name__, {"Store": "eventwire.store.db",
                                         "StoreError": "eventwire.store.db"})
