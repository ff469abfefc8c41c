"""Coding for the API off the request threads: one coder thread, a bounded queue, fair clients.

Reads must never wait behind coding. Coding requests are awaited, not run on the server's
request threads: they go to one worker thread (a spaCy pipeline is not shared by threads, and
a second thread would only share the GIL) with at most `queue` more waiting. A request that
finds the queue full is refused at once with 503 and a Retry-After. Each client (by address)
may also start only `per_minute` coding requests a minute, with bursts of `burst`, and send
at most `max_chars` characters of text; the per-article time budget bounds each job.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from eventwire.coder import Coder
from eventwire.nlp.deadline import DEFAULT_SECONDS

T = TypeVar("T")


@dataclass(frozen=True)
class CodingLimits:
    """What the coding endpoints allow: queue length, per-client rate, text size, budget."""

    queue: int = 8
    per_minute: float = 60.0
    burst: int = 20
    max_chars: int = 100_000
    max_seconds: float | None = DEFAULT_SECONDS


class Busy(Exception):
    """The coding queue is full or a client is over its rate; retry after `retry_after` s."""

    def __init__(self, message: str, retry_after: int, status: int):
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class ClientRates:
    """Token buckets per client address: `per_minute` refill, `burst` at most."""

    MAX_CLIENTS = 10_000  # the oldest buckets are forgotten past this (memory stays bounded)

    def __init__(self, per_minute: float, burst: int):
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        """Spend one request for the client, or raise Busy (429) saying when to come back."""
        if self.rate <= 0:
            return
        now = time.monotonic()
        with self._lock:
            tokens, then = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                wait = math.ceil((1.0 - tokens) / self.rate)
                raise Busy(f"too many coding requests from {client}: the limit is "
                           f"{self.rate * 60:g} a minute (bursts of {self.burst:g})", wait, 429)
            self._buckets[client] = (tokens - 1.0, now)
            while len(self._buckets) > self.MAX_CLIENTS:
                self._buckets.popitem(last=False)


class CodingPool:
    """One coder thread and a bounded queue; loads the coder on first use."""

    def __init__(self, coder: Coder | None, limits: CodingLimits):
        self.limits = limits
        self.rates = ClientRates(limits.per_minute, limits.burst)
        self._coder = coder
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-coder")
        self._admitted = 0
        self._lock = threading.Lock()
        self._mean_seconds = 1.0

    async def run(self, job: Callable[[Coder], T]) -> T:
        """Run job(coder) on the coder thread, or raise Busy (503) when the queue is full."""
        with self._lock:
            if self._admitted > self.limits.queue:
                wait = max(1, math.ceil(self._mean_seconds * self._admitted))
                raise Busy(f"the coder is busy ({self._admitted} requests running or waiting); "
                           "retry later", wait, 503)
            self._admitted += 1
        try:
            return await asyncio.wrap_future(self._executor.submit(self._timed, job))
        finally:
            with self._lock:
                self._admitted -= 1

    def _timed(self, job: Callable[[Coder], T]) -> T:
        started = time.monotonic()
        try:
            return job(self._loaded())
        finally:
            self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * (time.monotonic() - started)

    def _loaded(self) -> Coder:
        if self._coder is None:
            self._coder = Coder.load(max_seconds=self.limits.max_seconds)
        return self._coder

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
