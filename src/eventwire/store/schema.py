"""The DuckDB schema as an ordered list of migrations; opening an older file upgrades it."""

from __future__ import annotations

import duckdb

# One story_events row from the events of a story (callers add a WHERE before GROUP BY ALL).
# A story's copy of a triple is dated by its earliest copy; intensity and quad come from the
# copy with the smallest event id, so the row can also be kept up to date one article at a
# time (db.Store._add_to_story) and both ways agree.
STORY_EVENTS_SELECT = """
    SELECT story_id, actor_code, event, recipient_code, min(day), arg_min_null(intensity, id),
           arg_min_null(quad, id), count(*), min(id)
    FROM events WHERE NOT negated"""

# Each entry moves the schema from version i to i+1. Never edit a released entry: append.
MIGRATIONS: list[list[str]] = [
    # 1: articles, their coded content, and the bookkeeping of ingest runs.
    [
        """CREATE TABLE ingest_runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
            status VARCHAR NOT NULL, sources VARCHAR[], model VARCHAR,
            articles INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, errors INTEGER DEFAULT 0,
            events INTEGER DEFAULT 0)""",
        """CREATE TABLE ingest_errors (
            run_id VARCHAR, source VARCHAR NOT NULL, record VARCHAR, reason VARCHAR NOT NULL,
            failed_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, source VARCHAR, published DATE,
            text VARCHAR NOT NULL, text_hash VARCHAR NOT NULL, story_id VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL, run_id VARCHAR)""",
        """CREATE TABLE events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
            mode VARCHAR, context VARCHAR[], cameo VARCHAR, quad INTEGER, intensity DOUBLE,
            actor_code VARCHAR, actor_sector VARCHAR, actor_text VARCHAR, actor_name VARCHAR,
            recipient_code VARCHAR, recipient_sector VARCHAR, recipient_text VARCHAR,
            recipient_name VARCHAR, date DATE, date_end DATE, date_text VARCHAR,
            location_name VARCHAR, location_geonameid BIGINT, location_country VARCHAR,
            location_kind VARCHAR, location_confidence DOUBLE, lat DOUBLE, lon DOUBLE,
            sentence VARCHAR, evidence_text VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_all JSON,
            negated BOOLEAN NOT NULL, modality VARCHAR, confidence DOUBLE, rule VARCHAR)""",
        """CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER,
            "end" INTEGER, sentence INTEGER, code VARCHAR, sector VARCHAR, name VARCHAR,
            kind VARCHAR, rule VARCHAR, antecedent INTEGER, PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER,
            "end" INTEGER, speaker_code VARCHAR, speaker_sector VARCHAR, speaker_text VARCHAR,
            speaker_name VARCHAR, cue VARCHAR, kind VARCHAR, PRIMARY KEY (article_id, idx))""",
        """CREATE VIEW places AS
            SELECT location_name AS name, location_geonameid AS geonameid,
                   location_country AS country, any_value(lat) AS lat, any_value(lon) AS lon,
                   count(*) AS events
            FROM events WHERE location_name IS NOT NULL
            GROUP BY ALL""",
    ],
    # 2: near-duplicate stories. MinHash signatures are kept so a later run rebuilds the LSH
    # index; events carry their story and effective day (event date, else the article's), and
    # story_events holds one row per (story, actor, event, recipient), kept up to date on every
    # write, so analytics count each story once without grouping a million rows per question.
    [
        """CREATE TABLE minhashes (
            article_id VARCHAR PRIMARY KEY, num_perm INTEGER NOT NULL,
            signature BLOB NOT NULL)""",
        "ALTER TABLE events ADD COLUMN story_id VARCHAR",
        "ALTER TABLE events ADD COLUMN day DATE",
        """UPDATE events SET story_id = a.story_id, day = coalesce(events.date, a.published)
            FROM articles a WHERE a.id = events.article_id""",
        """CREATE TABLE story_events (
            story_id VARCHAR NOT NULL, actor_code VARCHAR, event VARCHAR NOT NULL,
            recipient_code VARCHAR, day DATE, intensity DOUBLE, quad INTEGER,
            copies INTEGER NOT NULL, id VARCHAR NOT NULL)""",
        f"INSERT INTO story_events {STORY_EVENTS_SELECT} GROUP BY ALL",
    ],
    # 3: the act an announced or threatened event means (codebook v2: "will meet" is AGREE
    # with intent CONSULT), so a store answers what `code` prints. Older rows stay NULL.
    ["ALTER TABLE events ADD COLUMN intent VARCHAR"],
]

LATEST = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """The database file cannot be used by this version of eventwire."""


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """0 for an empty database, else the highest migration applied."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()
    if not exists[0][0]:
        return 0
    return int(conn.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] or 0)


def migrate(conn: duckdb.DuckDBPyConnection, upto: int = LATEST) -> int:
    """Apply the missing migrations, each in its own transaction; returns the new version."""
    version = current_version(conn)
    if version > LATEST:
        raise SchemaError(f"database schema version {version} is newer than this eventwire "
                          f"understands ({LATEST}); upgrade eventwire")
    if version == 0:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version "
                     "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for number in range(version + 1, upto + 1):
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, now())", [number])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
    return max(version, upto)
