"""Which SQL `eventwire query` runs: reads only, since a read-only DuckDB still writes files."""

from __future__ import annotations

import re

import duckdb

# DuckDB opened read_only refuses DROP/INSERT, but COPY ... TO, EXPORT DATABASE, EXPLAIN
# ANALYZE COPY, profiling_output and INSTALL still write files or reach the network.
_LEAD = r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*"
_EXPLAIN = re.compile(_LEAD + r"EXPLAIN\s+(?:ANALY[SZ]E\s+)?(?:\([^()]*\)\s*)?",
                      re.IGNORECASE | re.DOTALL)
_SELECT = duckdb.StatementType.SELECT


def _kind(statement: duckdb.Statement) -> str:
    return statement.type.name


def refusal(sql: str) -> str | None:
    """Why `sql` cannot run read-only, or None when every statement in it only reads.

    SQL that does not parse gets None: running it then reports DuckDB's own parser message.
    """
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error:
        return None
    for statement in statements:
        if statement.type == _SELECT:
            continue
        if statement.type == duckdb.StatementType.EXPLAIN:
            found = _EXPLAIN.match(statement.query)
            try:
                inner = duckdb.extract_statements(statement.query[found.end():]) if found else []
            except duckdb.Error:
                inner = []
            if inner and all(s.type == _SELECT for s in inner):
                continue
            return "EXPLAIN runs only on a SELECT here"
        return (f"{_kind(statement)} statements are not allowed (use SELECT, WITH, FROM, "
                "DESCRIBE, SHOW or SUMMARIZE)")
    return None
