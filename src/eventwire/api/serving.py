"""uvicorn as `eventwire serve` runs it: slow or silent clients cannot hold connections.

uvicorn closes a connection idle after a response (keep-alive timeout) but sets no limit on
how long a client may take to send a request's headers, so a few hundred half-open
connections were held indefinitely. The protocol below closes a connection that has not
sent a complete request head within HEADER_TIMEOUT seconds of connecting or of its last
response.
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds to send a request's line and headers
KEEP_ALIVE_TIMEOUT = 5  # seconds an idle keep-alive connection stays open


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol plus a deadline for each request head."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._await_head()

    def _await_head(self) -> None:
        """Close the connection unless a new request (a new cycle) starts in time."""
        self.loop.call_later(HEADER_TIMEOUT, self._head_overdue, self.cycle)

    def _head_overdue(self, cycle: object) -> None:
        if self.cycle is cycle and not self.transport.is_closing():
            self.transport.close()


def server_config(app: Any, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration `eventwire serve` uses (tests and benchmarks use it too)."""
    return uvicorn.Config(app, http=HeaderTimeoutProtocol, timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
                          server_header=False, log_level="warning", **options)
