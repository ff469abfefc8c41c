"""The per-article time budget: a cooperative deadline the coder checks between its steps.

The coder stays a pure function of its input: nothing interrupts it from outside (no signal,
no killed thread). Each stage calls `check()` between sentences, chunks and candidates; past
the deadline it raises `ArticleTimeout`, which the caller turns into an error record naming
the article. A check costs one clock read, so it is cheap enough to make every loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from eventwire.errors import EventwireError

DEFAULT_SECONDS = 30.0

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("eventwire_deadline",
                                                                default=None)


class ArticleTimeout(EventwireError):
    """An article took longer to code than its budget allows."""

    def __init__(self, seconds: float):
        super().__init__(f"coding stopped after {seconds:g} s, the per-article budget "
                         "(--max-seconds-per-article); the article is not stored")
        self.seconds = seconds


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a deadline `seconds` from now (None: no deadline)."""
    if seconds is None:
        token = _deadline.set(None)
    else:
        token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise ArticleTimeout once the current deadline has passed."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise ArticleTimeout(current[1])
