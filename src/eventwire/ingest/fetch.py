"""Polite, bounded HTTP fetching: a timeout, a redirect limit and a size cap on every download."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from eventwire import __version__
from eventwire.ingest.urlguard import UrlRefused, check_scheme, guard_hooks, private_allowed_by_env

TIMEOUT_S = 15.0
TOTAL_TIMEOUTS = 4  # a whole download may take this many timeouts (a server dripping bytes)
MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire)"


class FetchError(Exception):
    """A download that failed; the message says why in words a user can act on."""


class FetchRefused(FetchError):
    """A URL the SSRF guard would not fetch (scheme or address): never silently skipped."""


@dataclass
class Fetched:
    """The body of a page and what the server said about it."""

    url: str  # after redirects
    content: bytes
    content_type: str


def make_client(timeout: float = TIMEOUT_S, allow_private: bool | None = None) -> httpx.Client:
    """One client per run, so connections are reused across the items of a feed.

    Private, loopback and reserved addresses are refused unless `allow_private` (default:
    EVENTWIRE_ALLOW_PRIVATE_URLS) says otherwise; see SECURITY.md.
    """
    allow = private_allowed_by_env() if allow_private is None else allow_private
    return httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                        headers={"User-Agent": USER_AGENT}, event_hooks=guard_hooks(allow))


def fetch(client: httpx.Client, url: str, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET a URL, refusing bodies over max_bytes; raises FetchError with a plain reason."""
    read_timeout = client.timeout.read or TIMEOUT_S
    deadline = time.monotonic() + TOTAL_TIMEOUTS * read_timeout
    try:
        check_scheme(url)
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
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out: the download took over "
                                     f"{TOTAL_TIMEOUTS * read_timeout:g}s")
                chunks.append(chunk)
            return Fetched(str(resp.url), b"".join(chunks),
                           resp.headers.get("content-type", "").lower())
    except UrlRefused as exc:
        raise FetchRefused(str(exc)) from None
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {read_timeout:g}s") from None
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None
