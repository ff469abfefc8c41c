"""What every atheris target shares: the allowed outcomes, scratch files and the main loop."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import atheris

from eventwire.errors import EventwireError  # plain classes: nothing to instrument

# Documented outcomes: anything else escaping a target is a bug (atheris reports a crash).
DOCUMENTED = (EventwireError,)
_EVENTWIRE = ("eventwire.ingest", "eventwire.knowledge.gazetteer", "eventwire.knowledge.lexicon")


def instrument(*libraries: str) -> None:
    """Import eventwire and the parsers a target exercises with coverage hooks; only those,
    because instrumenting every dependency (dateparser, pandas...) takes minutes."""
    with atheris.instrument_imports(include=["eventwire", *libraries]):
        for name in (*libraries, *_EVENTWIRE):
            importlib.import_module(name)
_SCRATCH = Path(tempfile.mkdtemp(prefix="eventwire-fuzz-",
                                 dir="/dev/shm" if os.path.isdir("/dev/shm") else None))


def scratch_file(data: bytes, name: str) -> Path:
    """Write one input where a file reader can open it (RAM-backed when the OS offers it)."""
    path = _SCRATCH / name
    path.write_bytes(data)
    return path


def check_records(records: Iterable[object]) -> int:
    """Every record is an Article (storable as UTF-8) or a RecordError with a reason."""
    from eventwire.ingest.record import RecordError
    from eventwire.model import Article

    n = 0
    for rec in records:
        n += 1
        if isinstance(rec, RecordError):
            if not rec.reason:
                raise AssertionError(f"RecordError without a reason: {rec!r}")
            continue
        if not isinstance(rec, Article):
            raise AssertionError(f"reader yielded {type(rec).__name__}, not Article/RecordError")
        if not rec.text or rec.text != rec.text.strip():
            raise AssertionError(f"article text empty or not stripped: {rec.text[:80]!r}")
        for value in (rec.id, rec.text, rec.title or "", rec.url or "", rec.source or ""):
            value.encode("utf-8")  # a surrogate here would fail in DuckDB
    return n


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Hand the target to libFuzzer with the command line's options (-runs, -max_total_time)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
