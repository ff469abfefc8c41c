"""POST /v1/query: `eventwire query` over HTTP, so a held database can still be asked.

The same read-only guard as the command line (store/readonly_sql.py), and more, since the
client may be on another machine: the server's DuckDB has file and network access switched off
(no read_csv('/etc/passwd')), a query is interrupted after QUERY_TIMEOUT_S, and at most
MAX_QUERY_ROWS rows come back.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from decimal import Decimal
from typing import Any

import duckdb
from fastapi import HTTPException

from eventwire.api.models import MAX_QUERY_ROWS
from eventwire.store.readonly_sql import refusal

QUERY_TIMEOUT_S = 20.0


def json_value(value: Any) -> Any:
    """A DuckDB value as JSON can carry it (NaN and infinities as null, the rest as text)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return str(value)


def run_query(cur: duckdb.DuckDBPyConnection, sql: str) -> dict[str, Any]:
    """Columns, rows and whether rows were cut; a refused or failed query is a 400 in words."""
    refused = refusal(sql)
    if refused:
        raise HTTPException(400, f"refused: only read-only SQL runs here; {refused}")
    timer = threading.Timer(QUERY_TIMEOUT_S, cur.interrupt)
    timer.start()
    try:
        cur.execute(sql)
        names = [d[0] for d in cur.description or []]
        rows = cur.fetchmany(MAX_QUERY_ROWS + 1) if names else []
    except duckdb.InterruptException:
        raise HTTPException(400, f"query stopped after {QUERY_TIMEOUT_S:.0f}s: ask for less "
                                 "(a LIMIT, a narrower WHERE)") from None
    except duckdb.Error as exc:
        raise HTTPException(400, f"query failed: {str(exc).splitlines()[0]}") from None
    finally:
        timer.cancel()
    return {"columns": names, "rows": [[json_value(v) for v in r] for r in rows[:MAX_QUERY_ROWS]],
            "truncated": len(rows) > MAX_QUERY_ROWS}
