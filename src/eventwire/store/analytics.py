"""Analyst questions over the store as pandas DataFrames, counting each story's events once."""

from __future__ import annotations

from typing import Literal

import duckdb
import pandas as pd

from eventwire.store.schema import STORY_EVENTS_SELECT
from eventwire.store.threshold import at_least

Period = Literal["day", "week", "month", "year"]
PERIODS = ("day", "week", "month", "year")

# Dedup by story: one row per (story, actor, event, recipient), dated by its earliest copy
# (a table the store keeps current on every write).
_STORY = "story_events"
# All copies: every non-negated event row, as coded.
_ALL = "(SELECT * FROM events WHERE NOT negated)"


_STORY_COLUMNS = "story_id, actor_code, event, recipient_code, day, intensity, quad, copies, id"


def _source(with_duplicates: bool, min_confidence: float | None = None) -> str:
    """The rows to count: stories or copies, only events at or above `min_confidence` if given.

    story_events keeps no confidence, so a threshold rebuilds the story rows from the events
    that pass it: a story's triple counts when one of its copies is confident enough.
    """
    if min_confidence is None:
        return _ALL if with_duplicates else _STORY
    keep = at_least(min_confidence)
    if with_duplicates:
        return f"(SELECT * FROM events WHERE NOT negated AND {keep})"
    return f"({STORY_EVENTS_SELECT} AND {keep} GROUP BY ALL) AS confident({_STORY_COLUMNS})"


def _period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    return f"CAST(date_trunc('{by}', day) AS DATE)"


def top_dyads(conn: duckdb.DuckDBPyConnection, limit: int = 20,
              with_duplicates: bool = False,
              min_confidence: float | None = None) -> pd.DataFrame:
    """The (actor, recipient) pairs with the most events, with their first and last dates."""
    sql = f"""
        SELECT actor_code AS actor, recipient_code AS recipient, count(*) AS events,
               count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad IN (3, 4)) AS conflict,
               min(day) AS first, max(day) AS last
        FROM {_source(with_duplicates, min_confidence)}
        WHERE actor_code IS NOT NULL AND recipient_code IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, actor, recipient LIMIT ?"""
    return conn.execute(sql, [limit]).df()


def dyad_timeline(conn: duckdb.DuckDBPyConnection, actor: str, recipient: str,
                  by: Period = "week", with_duplicates: bool = False,
                  min_confidence: float | None = None) -> pd.DataFrame:
    """Events from actor to recipient per period, one column per PLOVER category."""
    sql = f"""
        SELECT {_period(by)} AS period, event, count(*) AS n
        FROM {_source(with_duplicates, min_confidence)}
        WHERE actor_code = ? AND recipient_code = ? AND day IS NOT NULL
        GROUP BY ALL"""
    long = conn.execute(sql, [actor, recipient]).df()
    if long.empty:
        return pd.DataFrame(columns=["period", "total"])
    wide = long.pivot_table(index="period", columns="event", values="n", fill_value=0,
                            aggfunc="sum")
    wide.columns.name = None
    wide["total"] = wide.sum(axis=1)
    return wide.reset_index().sort_values("period", ignore_index=True)


def coop_conflict_index(conn: duckdb.DuckDBPyConnection, by: Period = "month",
                        actor: str | None = None, recipient: str | None = None,
                        with_duplicates: bool = False,
                        min_confidence: float | None = None) -> pd.DataFrame:
    """Sum of PLOVER intensity per period: cooperation above zero, conflict below."""
    where, params = ["day IS NOT NULL", "intensity IS NOT NULL"], []
    if actor:
        where.append("actor_code = ?")
        params.append(actor)
    if recipient:
        where.append("recipient_code = ?")
        params.append(recipient)
    sql = f"""
        SELECT {_period(by)} AS period,
               sum(intensity) FILTER (WHERE intensity > 0) AS cooperation,
               sum(intensity) FILTER (WHERE intensity < 0) AS conflict,
               sum(intensity) AS net, count(*) AS events
        FROM {_source(with_duplicates, min_confidence)} WHERE {' AND '.join(where)}
        GROUP BY ALL ORDER BY period"""
    return conn.execute(sql, params).df().fillna({"cooperation": 0.0, "conflict": 0.0})


def top_actors(conn: duckdb.DuckDBPyConnection, limit: int = 20,
               with_duplicates: bool = False,
               min_confidence: float | None = None) -> pd.DataFrame:
    """Actors by how often they act and are acted on."""
    src = _source(with_duplicates, min_confidence)
    sql = f"""
        WITH roles AS (
            SELECT actor_code AS code, 1 AS as_actor, 0 AS as_recipient FROM {src}
            WHERE actor_code IS NOT NULL
            UNION ALL
            SELECT recipient_code, 0, 1 FROM {src} WHERE recipient_code IS NOT NULL)
        SELECT code AS actor, CAST(sum(as_actor) AS BIGINT) AS as_actor,
               CAST(sum(as_recipient) AS BIGINT) AS as_recipient, count(*) AS events
        FROM roles GROUP BY code ORDER BY events DESC, actor LIMIT ?"""
    return conn.execute(sql, [limit]).df()


def actor_profile(conn: duckdb.DuckDBPyConnection, actor: str,
                  with_duplicates: bool = False,
                  min_confidence: float | None = None) -> pd.DataFrame:
    """What one actor did and had done to it: counterpart, role and category counts."""
    sql = f"""
        SELECT CASE WHEN actor_code = ? THEN 'actor' ELSE 'recipient' END AS role,
               CASE WHEN actor_code = ? THEN recipient_code ELSE actor_code END AS counterpart,
               event, count(*) AS events, min(day) AS first, max(day) AS last
        FROM {_source(with_duplicates, min_confidence)}
        WHERE actor_code = ? OR recipient_code = ?
        GROUP BY ALL ORDER BY events DESC, role, counterpart NULLS LAST, event"""
    return conn.execute(sql, [actor, actor, actor, actor]).df()


def network_edges(conn: duckdb.DuckDBPyConnection, min_events: int = 1,
                  with_duplicates: bool = False,
                  min_confidence: float | None = None) -> pd.DataFrame:
    """Directed actor-to-recipient edges weighted by events and net intensity (for graphs)."""
    sql = f"""
        SELECT actor_code AS source, recipient_code AS target, count(*) AS weight,
               coalesce(sum(intensity), 0) AS intensity
        FROM {_source(with_duplicates, min_confidence)}
        WHERE actor_code IS NOT NULL AND recipient_code IS NOT NULL
          AND actor_code <> recipient_code
        GROUP BY ALL HAVING count(*) >= ? ORDER BY weight DESC, source, target"""
    return conn.execute(sql, [min_events]).df()
