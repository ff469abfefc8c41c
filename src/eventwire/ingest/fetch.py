"""Polite, bounded HTTP fetching: a timeout, a redirect limit and a size cap on every download."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from eventwire import __version__

TIMEOUT_S = 15.0
MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire)"


class FetchError(Exception):
    """A download that failed; the message says why in words a user can act on."""


@dataclass
class Fetched:
    """The body of a page and what the server said about it."""

    url: str  # after redirects
    content: bytes
    content_type: str


def make_client(timeout: float = TIMEOUT_S) -> httpx.Client:
    """One client per run, so connections are reused across the items of a feed."""
    return httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                        headers={"User-Agent": USER_AGENT})


def fetch(client: httpx.Client, url: str, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET a URL, refusing bodies over max_bytes; raises FetchError with a plain reason."""
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large ({declared} bytes > {max_bytes})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large (over {max_bytes} bytes)")
                chunks.append(chunk)
            return Fetched(str(resp.url), b"".join(chunks),
                           resp.headers.get("content-type", "").lower())
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {client.timeout.read}s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None
