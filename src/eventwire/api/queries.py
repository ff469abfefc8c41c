"""The API's SQL: every user value is a bound parameter, every ORDER BY comes from a whitelist."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from eventwire.store import analytics
from eventwire.store.threshold import at_least

# Sort keys -> ORDER BY clauses. Only these strings ever reach the SQL text.
SORTS: dict[str, str] = {
    "date": "e.day ASC NULLS LAST, e.id",
    "-date": "e.day DESC NULLS LAST, e.id",
    "confidence": "e.confidence ASC NULLS LAST, e.id",
    "-confidence": "e.confidence DESC NULLS LAST, e.id",
    "intensity": "e.intensity ASC NULLS LAST, e.id",
    "-intensity": "e.intensity DESC NULLS LAST, e.id",
    "event": "e.event ASC, e.id",
    "-event": "e.event DESC, e.id",
    "actor": "e.actor_code ASC NULLS LAST, e.id",
    "-actor": "e.actor_code DESC NULLS LAST, e.id",
    "recipient": "e.recipient_code ASC NULLS LAST, e.id",
    "-recipient": "e.recipient_code DESC NULLS LAST, e.id",
}

# events.day (the event date, else the publication day) and events.story_id are stored on each
# event, so filtering, counting and sorting never join articles.


@dataclass
class EventFilter:
    """The filters of GET /events (and of the map): all optional, all combined with AND."""

    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    mode: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    negated: bool | None = None
    min_confidence: float | None = None  # precision mode: only events at or above it

    def __post_init__(self) -> None:
        """Actor codes match whatever their case, as on the command line."""
        self.actor = self.actor.upper() if self.actor else self.actor
        self.recipient = self.recipient.upper() if self.recipient else self.recipient

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause of fixed text and the list of values it binds."""
        parts: list[str] = []
        params: list[Any] = []
        for column, value in (("e.actor_code", self.actor), ("e.recipient_code", self.recipient),
                              ("e.event", self.event), ("e.mode", self.mode),
                              ("e.negated", self.negated)):
            if value is not None:
                parts.append(f"{column} = ?")
                params.append(value)
        if self.date_from is not None:
            parts.append("e.day >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            parts.append("e.day <= ?")
            params.append(self.date_to)
        if self.q:
            needle = self.q.lower()
            parts.append("(contains(lower(e.sentence), ?) OR contains(lower(e.evidence_text), ?))")
            params += [needle, needle]
        if self.min_confidence is not None:
            parts.append(at_least(self.min_confidence, "e.confidence"))
        return ("WHERE " + " AND ".join(parts)) if parts else "", params


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    code, text = row[f"{role}_code"], row[f"{role}_text"]
    if role == "recipient" and code is None and not text:
        return None
    return {"code": code, "sector": row[f"{role}_sector"], "text": text,
            "name": row[f"{role}_name"]}


def event_out(row: dict[str, Any]) -> dict[str, Any]:
    """A flat events row as the nested event of the output contract."""
    location = None
    if row["location_name"] is not None:
        location = {"name": row["location_name"], "geonameid": row["location_geonameid"],
                    "country": row["location_country"], "lat": row["lat"], "lon": row["lon"],
                    "kind": row.get("location_kind"),
                    "confidence": row.get("location_confidence")}
    raw_all = row["evidence_all"]
    evidence_all = json.loads(raw_all) if isinstance(raw_all, str) else (raw_all or [])
    return {
        "id": row["id"], "article_id": row["article_id"], "event": row["event"],
        "mode": row["mode"], "context": list(row["context"] or []), "cameo": row["cameo"],
        "quad": row["quad"], "intensity": row["intensity"],
        "actor": _actor(row, "actor"), "recipient": _actor(row, "recipient"),
        "date": _iso(row["date"]), "date_end": _iso(row["date_end"]),
        "date_text": row["date_text"], "location": location, "sentence": row["sentence"],
        "evidence": {"text": row["evidence_text"] or "", "start": row["evidence_start"] or 0,
                     "end": row["evidence_end"] or 0},
        "evidence_all": evidence_all, "negated": bool(row["negated"]),
        "modality": row["modality"], "intent": row.get("intent"),
        "confidence": row["confidence"], "rule": row["rule"],
        "article_title": row.get("article_title"), "story_id": row.get("story_id"),
        "day": _iso(row.get("day")),
    }


def find_events(cur: duckdb.DuckDBPyConnection, flt: EventFilter, sort: str, limit: int,
                offset: int) -> tuple[int, list[dict[str, Any]]]:
    """One page of matching events and the total count, from one consistent snapshot."""
    where, params = flt.where()
    order = SORTS[sort]  # KeyError here means a caller skipped validation: a bug, not input
    cur.execute("BEGIN TRANSACTION")
    try:
        row = cur.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
        total = int(row[0]) if row else 0
        cur.execute(f"SELECT * FROM events e {where} ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, limit, offset])
        rows = _with_titles(cur, _rows(cur))
    finally:
        cur.execute("COMMIT")
    return total, [event_out(r) for r in rows]


def _with_titles(cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]
                 ) -> list[dict[str, Any]]:
    """Events rows with their article's title (one small lookup instead of a join)."""
    wanted = sorted({r["article_id"] for r in rows})
    titles = dict(cur.execute("SELECT id, title FROM articles WHERE id IN "
                              "(SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()) \
        if wanted else {}
    return [{**r, "article_title": titles.get(r["article_id"])} for r in rows]


def get_event(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event by id, or None."""
    cur.execute("SELECT * FROM events WHERE id = ?", [event_id])
    rows = _with_titles(cur, _rows(cur))
    return event_out(rows[0]) if rows else None


def get_article(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article with its events (in text order) and quotes, or None."""
    cur.execute("SELECT id, title, published, url, source, story_id, text FROM articles "
                "WHERE id = ?", [article_id])
    rows = _rows(cur)
    if not rows:
        return None
    out = rows[0]
    out["published"] = _iso(out["published"])
    cur.execute("SELECT * FROM events WHERE article_id = ? ORDER BY evidence_start, id",
                [article_id])
    out["events"] = [event_out({**r, "article_title": out["title"]}) for r in _rows(cur)]
    cur.execute('SELECT * FROM quotes WHERE article_id = ? ORDER BY idx', [article_id])
    out["quotes"] = [_quote(q) for q in _rows(cur)]
    return out


def _quote(row: dict[str, Any]) -> dict[str, Any]:
    speaker = None
    if row["speaker_code"] or row["speaker_text"] or row["speaker_name"]:
        speaker = {"name": row["speaker_name"] or row["speaker_text"],
                   "code": row["speaker_code"], "sector": row["speaker_sector"],
                   "text": row["speaker_text"]}
    return {"text": row["text"], "start": row["start"], "end": row["end"], "speaker": speaker,
            "cue": row["cue"], "kind": row["kind"]}


def _number(value: Any) -> float:
    """A numpy/pandas scalar as a plain float, NaN as 0."""
    out = float(value) if value is not None else 0.0
    return 0.0 if math.isnan(out) else out


def dyad_timeseries(cur: duckdb.DuckDBPyConnection, actor: str, recipient: str, by: str,
                    with_duplicates: bool, min_confidence: float | None = None
                    ) -> list[dict[str, Any]]:
    """Per period: counts per category and the cooperation/conflict intensity sums."""
    counts = analytics.dyad_timeline(cur, actor, recipient, by=by,  # type: ignore[arg-type]
                                     with_duplicates=with_duplicates,
                                     min_confidence=min_confidence)
    index = analytics.coop_conflict_index(cur, by=by, actor=actor,  # type: ignore[arg-type]
                                          recipient=recipient, with_duplicates=with_duplicates,
                                          min_confidence=min_confidence)
    sums = {_iso(r.period): r for r in index.itertuples(index=False)}
    points = []
    categories = [c for c in counts.columns if c not in ("period", "total")]
    for row in counts.to_dict("records"):
        period = _iso(row["period"])
        s = sums.get(period)
        points.append({
            "period": period,
            "counts": {c: int(row[c]) for c in categories if int(row[c])},
            "total": int(row["total"]),
            "cooperation": _number(s.cooperation) if s is not None else 0.0,
            "conflict": _number(s.conflict) if s is not None else 0.0,
            "index": _number(s.net) if s is not None else 0.0,
        })
    return points


def top_actors(cur: duckdb.DuckDBPyConnection, limit: int,
               min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Actors by events, as plain dicts."""
    df = analytics.top_actors(cur, limit=limit, min_confidence=min_confidence)
    return [{"actor": str(r.actor), "as_actor": int(r.as_actor),
             "as_recipient": int(r.as_recipient), "events": int(r.events)}
            for r in df.itertuples(index=False)]


def network(cur: duckdb.DuckDBPyConnection, min_events: int, limit: int,
            min_confidence: float | None = None
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The heaviest `limit` edges and the actors they join."""
    df = analytics.network_edges(cur, min_events=min_events,
                                 min_confidence=min_confidence).head(limit)
    edges = [{"source": str(r.source), "target": str(r.target), "weight": int(r.weight),
              "intensity": _number(r.intensity)} for r in df.itertuples(index=False)]
    totals: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            totals[end] = totals.get(end, 0) + e["weight"]
    nodes = [{"id": k, "events": v} for k, v in sorted(totals.items(), key=lambda kv: -kv[1])]
    return nodes, edges


def _where_also(flt: EventFilter, condition: str) -> tuple[str, list[Any]]:
    """The filter's WHERE clause with one more fixed condition."""
    where, params = flt.where()
    return (f"{where} AND {condition}" if where else f"WHERE {condition}"), params


def places(cur: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int
           ) -> list[dict[str, Any]]:
    """Event locations with coordinates, for the events the filter selects."""
    where, params = _where_also(
        flt, "e.location_name IS NOT NULL AND e.lat IS NOT NULL AND e.lon IS NOT NULL")
    cur.execute(f"""SELECT e.location_name AS name, any_value(e.location_geonameid) AS geonameid,
                           e.location_country AS country, avg(e.lat) AS lat, avg(e.lon) AS lon,
                           count(*) AS events
                    FROM events e {where}
                    GROUP BY e.location_name, e.location_country
                    ORDER BY events DESC, name LIMIT ?""", [*params, limit])
    return _rows(cur)


def countries(cur: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events per country of their location, for the events the filter selects."""
    where, params = _where_also(flt, "e.location_country IS NOT NULL")
    cur.execute(f"""SELECT e.location_country AS country, count(*) AS events FROM events e
                    {where} GROUP BY 1 ORDER BY events DESC, country""", params)
    return _rows(cur)


def stats(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Row counts, the date range and events per category."""
    out: dict[str, Any] = {}
    for table in ("articles", "events", "mentions", "quotes", "ingest_runs", "ingest_errors"):
        row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
        out[table] = int(row[0]) if row else 0
    row = cur.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()
    out["stories"] = int(row[0]) if row else 0
    row = cur.execute("SELECT min(day), max(day) FROM events").fetchone()
    out["first_day"], out["last_day"] = (_iso(row[0]), _iso(row[1])) if row else (None, None)
    cur.execute("SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC, 1")
    out["categories"] = {str(k): int(v) for k, v in cur.fetchall()}
    return out
