"""`ingest --api URL` and `query --api URL`: the work goes through a running server.

A server that holds its database for writing is the only process that may write it (DuckDB
allows one), so articles are read here and sent to POST /v1/articles, and SQL to /v1/query.
"""

from __future__ import annotations

import time

import httpx
import pandas as pd

from eventwire.api.client import ServerClient, batches
from eventwire.batch.pipeline import IngestStats
from eventwire.cli.common import fail, warn
from eventwire.errors import EventwireError
from eventwire.ingest.limits import Limits
from eventwire.ingest.record import RecordError
from eventwire.ingest.sources import read_source


def ingest_via_api(url: str, api_key: str | None, sources: list[str], client: httpx.Client,
                   limits: Limits) -> IngestStats:
    """Read the sources here, have the server code and store them, and add up its counts."""
    stats = IngestStats(run_id="(server runs)")
    started = time.perf_counter()
    runs: list[str] = []

    def problem(source: str, record: str | None, reason: str) -> None:
        stats.errors += 1
        if len(stats.error_samples) < 5:
            stats.error_samples.append(f"{source} [{record}]: {reason}")

    def articles():  # noqa: ANN202 - a generator of the sources' articles
        for source in sources:
            for rec in read_source(source, client, None, limits):
                if isinstance(rec, RecordError):
                    problem(rec.source, rec.record, rec.reason)
                else:
                    stats.read += 1
                    yield rec

    try:
        with ServerClient(url, api_key) as server:
            for batch in batches(articles()):
                if not isinstance(batch, list):
                    problem(batch.source or "?", batch.id, "too large for one request to "
                            "the server: ingest it on the server's machine")
                    continue
                out = server.store(batch)
                runs.append(out["run_id"])
                stats.stored += out["stored"]
                stats.skipped += out["skipped"]
                stats.events += out["events"]
                for sample in out["error_samples"]:
                    problem("server", None, sample)
                stats.errors += out["errors"] - len(out["error_samples"])
    except EventwireError as exc:
        fail(f"{exc} (stored so far: {stats.stored} articles)")
    stats.seconds = time.perf_counter() - started
    stats.run_id = ", ".join(runs) or "none"
    return stats


def query_via_api(url: str, api_key: str | None, sql: str) -> pd.DataFrame:
    """The rows of `sql` as the server answers them; a cut result says so on stderr."""
    try:
        with ServerClient(url, api_key) as server:
            out = server.query(sql)
    except EventwireError as exc:
        fail(str(exc))
    if out["truncated"]:
        warn(f"the server returned the first {len(out['rows'])} rows only: add a LIMIT or "
             "narrow the query")
    return pd.DataFrame(out["rows"], columns=out["columns"])
