"""Who may write, and how much anyone may send: API keys, the body limit, the Host check."""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence

from fastapi import HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BODY = 1_000_000

# Declared for the OpenAPI spec (the lock icon in docs); the check itself is `require_writer`.
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="The server's API key (--api-key / EVENTWIRE_API_KEY).")
bearer = HTTPBearer(auto_error=False, description="The same API key as a bearer token.")


def presented_key(request: Request) -> str | None:
    """The key a client sent in X-API-Key or as `Authorization: Bearer KEY`, if any."""
    key = request.headers.get("x-api-key")
    if key:
        return key
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def check_write_access(request: Request) -> None:
    """Let a write through only with the configured key, or when anonymous writes are on."""
    expected: str | None = request.app.state.api_key
    if expected is None:
        if request.app.state.allow_anonymous_writes:
            return
        raise HTTPException(403, "this server is read-only: start it with --api-key KEY (or set "
                                 "EVENTWIRE_API_KEY) to accept writes with that key, or with "
                                 "--allow-anonymous-writes")
    given = presented_key(request)
    challenge = {"WWW-Authenticate": 'Bearer realm="eventwire"'}
    if given is None:
        raise HTTPException(401, "missing API key: send it in the X-API-Key header or as "
                                 "'Authorization: Bearer KEY'", headers=challenge)
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "wrong API key", headers=challenge)


class BodyLimit:
    """ASGI middleware: refuse a request body over `max_bytes` before anything parses it."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                await reject(send, 400, "the Content-Length header is not a number")
                return
            if too_big:
                await reject(send, 413, self._message())
                return
        # Read the body now (bounded) so chunked uploads without a length are limited too.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await reject(send, 413, self._message())
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self) -> str:
        return (f"request body too large: the limit is {self.max_bytes} bytes (send fewer "
                "articles per request, or start the server with a larger --max-body-bytes)")



async def reject(send: Send, status: int, message: str) -> None:
    """Answer with a JSON error and close the connection, before the app sees the request."""
    body = json.dumps({"error": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def host_name(header: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """ASGI middleware: refuse (400) a request whose Host is not one this server answers to,
    so a web page on another name cannot reach a loopback server through DNS rebinding.
    "*" allows every name; "*.example.org" a domain's subdomains."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]):
        self.app = app
        self.allowed = [a.strip().lower().strip("[]") for a in allowed if a.strip()]

    def allows(self, name: str) -> bool:
        return any(a == "*" or a == name or (a.startswith("*.") and name.endswith(a[1:]))
                   for a in self.allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not self.allows(host_name(raw)):
                await reject(send, 400, f"unknown Host {raw[:100]!r}: this server answers to "
                                        f"{', '.join(self.allowed)} (start it with "
                                        "--allowed-hosts to add names)")
                return
        await self.app(scope, receive, send)
