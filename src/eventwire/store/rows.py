"""The output contract flattened into Arrow tables, the fast way to bulk-insert into DuckDB."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pyarrow as pa

from eventwire.ingest.record import normalise_date
from eventwire.model import Event, Mention, Quote, event_id

_S, _I, _F, _D = pa.string(), pa.int32(), pa.float64(), pa.date32()

EVENT_SCHEMA = pa.schema([
    ("id", _S), ("article_id", _S), ("event", _S), ("mode", _S), ("context", pa.list_(_S)),
    ("cameo", _S), ("quad", _I), ("intensity", _F),
    ("actor_code", _S), ("actor_sector", _S), ("actor_text", _S), ("actor_name", _S),
    ("recipient_code", _S), ("recipient_sector", _S), ("recipient_text", _S),
    ("recipient_name", _S), ("date", _D), ("date_end", _D), ("date_text", _S),
    ("location_name", _S), ("location_geonameid", pa.int64()), ("location_country", _S),
    ("location_kind", _S), ("location_confidence", _F), ("lat", _F), ("lon", _F),
    ("sentence", _S), ("evidence_text", _S),
    ("evidence_start", _I), ("evidence_end", _I), ("evidence_all", _S),
    ("negated", pa.bool_()), ("modality", _S), ("confidence", _F), ("rule", _S),
    ("story_id", _S), ("day", _D), ("intent", _S),
])
MENTION_SCHEMA = pa.schema([
    ("article_id", _S), ("idx", _I), ("text", _S), ("start", _I), ("end", _I),
    ("sentence", _I), ("code", _S), ("sector", _S), ("name", _S), ("kind", _S), ("rule", _S),
    ("antecedent", _I),
])
QUOTE_SCHEMA = pa.schema([
    ("article_id", _S), ("idx", _I), ("text", _S), ("start", _I), ("end", _I),
    ("speaker_code", _S), ("speaker_sector", _S), ("speaker_text", _S), ("speaker_name", _S),
    ("cue", _S), ("kind", _S),
])


def _date(value: str | None) -> date | None:
    iso = normalise_date(value)
    return date.fromisoformat(iso) if iso else None


def event_row(article_id: str, ev: Event, story_id: str | None = None,
              published: str | None = None) -> tuple[Any, ...]:
    """Flatten one Event into the events table's column order."""
    actor, rec, loc, span = ev.actor, ev.recipient, ev.location, ev.evidence
    eid = ev.id or event_id(article_id, ev.event, actor.code, rec.code if rec else None,
                            span.start)
    day = _date(ev.date) or _date(published)
    return (
        eid, article_id, ev.event, ev.mode, list(ev.context), ev.cameo, ev.quad, ev.intensity,
        actor.code, actor.sector, actor.text, actor.name,
        rec.code if rec else None, rec.sector if rec else None,
        rec.text if rec else None, rec.name if rec else None,
        _date(ev.date), _date(ev.date_end), ev.date_text,
        loc.name if loc else None, loc.geonameid if loc else None, loc.country if loc else None,
        loc.kind if loc else None, loc.confidence if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        ev.sentence, span.text, span.start, span.end,
        json.dumps([{"text": s.text, "start": s.start, "end": s.end} for s in ev.evidence_all]),
        bool(ev.negated), ev.modality, ev.confidence, ev.rule, story_id, day,
        ev.intent,
    )


def _table(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema,
                                                                               strict=True)],
                                schema=schema)


def events_table(article_id: str, events: list[Event], story_id: str,
                 published: str | None) -> pa.Table:
    """An article's events, one row per event id (a coder repeating itself is stored once)."""
    rows: dict[str, tuple[Any, ...]] = {}
    for ev in events:
        row = event_row(article_id, ev, story_id, published)
        rows.setdefault(row[0], row)
    return _table(list(rows.values()), EVENT_SCHEMA)


def mentions_table(article_id: str, mentions: list[Mention]) -> pa.Table:
    """An article's actor mentions, numbered in the coder's order."""
    return _table([(article_id, i, m.text, m.start, m.end, m.sentence, m.code, m.sector, m.name,
                    m.kind, m.rule, m.antecedent) for i, m in enumerate(mentions)],
                  MENTION_SCHEMA)


def quotes_table(article_id: str, quotes: list[Quote]) -> pa.Table:
    """An article's quotations with their speakers flattened."""
    return _table([(article_id, i, q.text, q.start, q.end,
                    q.speaker.code if q.speaker else None,
                    q.speaker.sector if q.speaker else None,
                    q.speaker.text if q.speaker else None,
                    q.speaker.name if q.speaker else None, q.cue, q.kind)
                   for i, q in enumerate(quotes)], QUOTE_SCHEMA)


STORY_EVENT_SCHEMA = pa.schema([
    ("story_id", _S), ("actor_code", _S), ("event", _S), ("recipient_code", _S), ("day", _D),
    ("intensity", _F), ("quad", _I), ("copies", _I), ("id", _S),
])


def story_events_table(story_id: str, folded: dict[tuple[Any, ...], list[Any]]) -> pa.Table:
    """story_events rows: (actor, event, recipient) -> [day, intensity, quad, copies, id]."""
    return _table([(story_id, *key, *vals) for key, vals in sorted(
        folded.items(), key=lambda kv: tuple("" if k is None else k for k in kv[0]))],
        STORY_EVENT_SCHEMA)
