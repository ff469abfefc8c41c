"""Who holds a DuckDB file: DuckDB lets one process write it, and names that process's PID."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_HELD = re.compile(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")


BRIEF_BATCH = 64  # articles written per opening of the file by a batch ingest
BRIEF_WAIT_S = 120.0  # how long a batch waits for a file another process holds

@dataclass(frozen=True)
class Holder:
    """The process that holds a database file, as DuckDB's lock error and /proc name it."""

    pid: int
    command: str

    @property
    def is_server(self) -> bool:
        """An `eventwire serve`: its API can take the work instead."""
        return " serve" in f" {self.command}"

    @property
    def url(self) -> str:
        """Where a server holder listens, from its --host and --port (else the defaults)."""
        args = self.command.split()
        found = {"--host": "127.0.0.1", "--port": "8000"}
        for i, arg in enumerate(args):
            name, eq, value = arg.partition("=")
            if name in found:
                found[name] = value if eq else (args[i + 1] if i + 1 < len(args) else "")
        host = found["--host"] if found["--host"] not in ("0.0.0.0", "::", "") else "127.0.0.1"
        return f"http://{host}:{found['--port']}"


def holder_of(error: BaseException) -> Holder | None:
    """The holder named by a DuckDB 'Could not set lock' error, or None for any other error."""
    found = _HELD.search(str(error))
    if found is None:
        return None
    pid = int(found["pid"])
    return Holder(pid, _command_line(pid) or found["exe"])


def _command_line(pid: int) -> str | None:
    """`eventwire serve --db x.duckdb` rather than /usr/bin/python3.11, where /proc tells."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    if not args:
        return None
    if len(args) > 2 and Path(args[0]).name.startswith("python") and args[1] == "-m":
        args = args[2:]  # python -m eventwire serve ... -> eventwire serve ...
    elif len(args) > 1 and Path(args[0]).name.startswith("python"):
        args = args[1:]
    return " ".join(_redacted([Path(args[0]).name, *args[1:]]))[:300]


def _redacted(args: list[str]) -> list[str]:
    """The arguments with secrets (an --api-key value) replaced: messages get printed."""
    out = []
    for i, arg in enumerate(args):
        if i and args[i - 1] == "--api-key":
            out.append("***")
        elif arg.startswith("--api-key="):
            out.append("--api-key=***")
        else:
            out.append(arg)
    return out


def advice(holder: Holder, api_hint: str | None) -> str:
    """What to do about a held database, in words for the command that found it held."""
    if holder.is_server and api_hint:
        return f"send the work through the server instead ({api_hint}), or stop it first"
    return f"stop it first (kill {holder.pid}), or wait until it ends"


def retry_while_held(attempt: Callable[[], object], error_type: type[BaseException],
                     wait_s: float, on_wait: Callable[[Holder], None] | None = None,
                     pause_s: float = 0.2) -> object:
    """Call `attempt` until it stops failing with a held lock or `wait_s` seconds have passed.

    `on_wait` is told once, on the first held attempt; the last error is raised at the end.
    """
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            return attempt()
        except error_type as exc:
            holder = getattr(exc, "holder", None)
            if holder is None or time.monotonic() >= deadline:
                raise
            if on_wait is not None and not told:
                on_wait(holder)
                told = True
            time.sleep(pause_s)
