"""Coded articles and the event store as pandas DataFrames: the notebook side of eventwire.

Both give the columns of `eventwire export --format csv` (store/export.py builds them), so a
DataFrame from freshly coded text and one read back from a database line up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.model import CodedArticle

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


def _export_frame(table: pa.Table) -> pd.DataFrame:
    """The CSV export's columns (it leaves out the Parquet partition key) as a DataFrame."""
    return table.drop_columns(["year_month"]).to_pandas()


def to_dataframe(coded: Iterable[CodedArticle], min_confidence: float | None = None
                 ) -> pd.DataFrame:
    """One row per event of the given coded articles, with the export's columns; with
    `min_confidence`, only the events at or above it."""
    import duckdb
    import pyarrow as pa

    from eventwire.ingest.record import normalise_date
    from eventwire.store.export import Filters, flat_table
    from eventwire.store.rows import EVENT_SCHEMA, STORY_EVENT_SCHEMA, events_table

    articles: dict[str, CodedArticle] = {ca.id: ca for ca in coded}
    days = [normalise_date(ca.published) for ca in articles.values()]
    no_story: Any = None  # not stored, so in no story yet
    events = [events_table(ca.id, ca.events, no_story, day)
              for ca, day in zip(articles.values(), days, strict=True)]
    article_table = pa.table({
        "id": pa.array(list(articles), pa.string()),
        "url": pa.array([ca.url for ca in articles.values()], pa.string()),
        "title": pa.array([ca.title for ca in articles.values()], pa.string()),
        "source": pa.array([ca.source for ca in articles.values()], pa.string()),
        "published": pa.array([_date(d) for d in days], pa.date32()),
        "ingested_at": pa.nulls(len(articles), pa.timestamp("us")),  # not stored: never
    })
    with duckdb.connect() as conn:
        conn.register("events", pa.concat_tables([EVENT_SCHEMA.empty_table(), *events]))
        conn.register("articles", article_table)
        conn.register("story_events", STORY_EVENT_SCHEMA.empty_table())
        return _export_frame(flat_table(conn, Filters(
            include_negated=True, min_confidence=_threshold(min_confidence))))


def _date(iso: str | None) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(iso) if iso else None


def _threshold(value: float | None) -> float | None:
    """A Python caller's min_confidence, checked: a bad one is a ValueError naming it."""
    from eventwire.store.threshold import parse_threshold

    return parse_threshold(value, "min_confidence")


def read_store(path: str | Path) -> StoreFrames:
    """Open an eventwire DuckDB database read-only for DataFrame questions."""
    return StoreFrames(path)


class StoreFrames:
    """A read-only store whose answers are DataFrames (the analytics of `eventwire query`).

    Every question takes `min_confidence` (0 to 1): only events at or above it are returned
    or counted, as `--min-confidence` does on the command line.
    """

    def __init__(self, path: str | Path) -> None:
        from eventwire.store.db import Store

        self.store = Store.open(path, read_only=True)
        self.conn = self.store.conn

    def events(self, since: str | None = None, until: str | None = None,
               actor: str | None = None, event: str | None = None,
               include_negated: bool = False, min_confidence: float | None = None
               ) -> pd.DataFrame:
        """Stored events, one row each, filtered as `eventwire export` filters them."""
        from eventwire.store.export import Filters, flat_table

        filters = Filters(_date(since), _date(until), actor.upper() if actor else None, event,
                          include_negated, _threshold(min_confidence))
        return _export_frame(flat_table(self.conn, filters))

    def top_dyads(self, limit: int = 20, with_duplicates: bool = False,
                  min_confidence: float | None = None) -> pd.DataFrame:
        from eventwire.store import analytics

        return analytics.top_dyads(self.conn, limit, with_duplicates,
                                   _threshold(min_confidence))

    def dyad_timeline(self, actor: str, recipient: str, by: str = "week",
                      with_duplicates: bool = False, min_confidence: float | None = None
                      ) -> pd.DataFrame:
        """Events from actor to recipient per period, one column per PLOVER category."""
        from eventwire.store import analytics

        return analytics.dyad_timeline(self.conn, actor.upper(), recipient.upper(),
                                       by, with_duplicates,  # type: ignore[arg-type]
                                       _threshold(min_confidence))

    def conflict_index(self, by: str = "month", actor: str | None = None,
                       recipient: str | None = None, with_duplicates: bool = False,
                       min_confidence: float | None = None) -> pd.DataFrame:
        from eventwire.store import analytics

        return analytics.coop_conflict_index(self.conn, by, actor, recipient,  # type: ignore[arg-type]
                                             with_duplicates, _threshold(min_confidence))

    def top_actors(self, limit: int = 20, with_duplicates: bool = False,
                   min_confidence: float | None = None) -> pd.DataFrame:
        from eventwire.store import analytics

        return analytics.top_actors(self.conn, limit, with_duplicates,
                                    _threshold(min_confidence))

    def actor_profile(self, actor: str, with_duplicates: bool = False,
                      min_confidence: float | None = None) -> pd.DataFrame:
        from eventwire.store import analytics

        return analytics.actor_profile(self.conn, actor.upper(), with_duplicates,
                                       _threshold(min_confidence))

    def network(self, min_events: int = 1, with_duplicates: bool = False,
                min_confidence: float | None = None) -> pd.DataFrame:
        from eventwire.store import analytics

        return analytics.network_edges(self.conn, min_events, with_duplicates,
                                       _threshold(min_confidence))

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Any read-only SQL over the tables docs/store.md describes."""
        return self.conn.execute(query, params or []).df()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> StoreFrames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
