"""Polling feeds on a schedule: each poll ingests only items not yet stored, and survives errors."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from eventwire.batch.pipeline import IngestStats, Progress, ingest
from eventwire.coder import Coder
from eventwire.errors import InputError
from eventwire.ingest.limits import Limits
from eventwire.store.db import Store

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'15m', '30s', '1h', '2d' or plain seconds -> seconds."""
    m = _INTERVAL.match(text.lower())
    if not m or float(m[1]) <= 0:
        raise InputError(f"--every {text!r}: expected a duration like 30s, 15m, 1h or 1d")
    return float(m[1]) * _UNIT_S[m[2]]


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs or paths, one a line; blank lines and # comments are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the feed list: {exc}") from None
    feeds = [ln.split("#", 1)[0].strip() for ln in lines]
    feeds = [f for f in feeds if f]
    if not feeds:
        raise InputError(f"{path}: no feeds listed (one URL or file path a line)")
    return feeds


def poll(store: Store, feeds: list[str], coder: Coder, progress: Progress | None = None,
         client: httpx.Client | None = None, limits: Limits | None = None) -> IngestStats:
    """One pass over all feeds; items already stored are skipped before their pages are fetched."""
    return ingest(store, feeds, coder=coder, progress=progress, skip_known=True, client=client,
                  limits=limits)


def watch(store: Store, feeds_file: Path, every_s: float, coder: Coder, once: bool = False,
          report: Callable[[IngestStats | None, str | None], None] | None = None,
          sleep: Callable[[float], None] = time.sleep, client: httpx.Client | None = None,
          limits: Limits | None = None) -> int:
    """Poll until interrupted (or once); a poll that fails is reported and the next one runs."""
    polls = 0
    while True:
        polls += 1
        try:
            feeds = read_feed_list(feeds_file)  # re-read: feeds can be added while watching
            stats, problem = poll(store, feeds, coder, client=client, limits=limits), None
        except InputError as exc:
            stats, problem = None, str(exc)
        except Exception as exc:  # noqa: BLE001 - a watcher must outlive any one bad poll
            stats, problem = None, f"poll failed: {type(exc).__name__}: {exc}"
        if report is not None:
            report(stats, problem)
        if once:
            return polls
        sleep(every_s)
