"""SSRF guard: feeds name URLs we did not choose, so only public http(s) hosts are fetched."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # httpx is imported when a URL is checked, not by `eventwire --help`
    import httpx

ALLOW_PRIVATE_ENV = "EVENTWIRE_ALLOW_PRIVATE_URLS"
SCHEMES = ("http", "https")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UrlRefused(Exception):
    """A URL the guard will not fetch; the message says why and how to allow it."""


def private_allowed_by_env() -> bool:
    """EVENTWIRE_ALLOW_PRIVATE_URLS=1 lets a trusted setup fetch from its own network."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def is_public(ip: IPAddress) -> bool:
    """Only globally routable unicast addresses: no loopback, private, link-local or reserved."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_scheme(url: httpx.URL | str) -> None:
    """Refuse file:, ftp:, gopher: and every scheme but http and https."""
    import httpx

    scheme = (httpx.URL(url) if isinstance(url, str) else url).scheme
    if scheme not in SCHEMES:
        raise UrlRefused(f"refused: only http and https URLs are fetched, not {scheme or '?'}:")


def _refused(host: str, ip: IPAddress) -> UrlRefused:
    what = host if host.strip("[]") == str(ip) else f"{host} ({ip})"
    return UrlRefused(f"refused: {what} is a private, loopback or reserved address; set "
                      f"{ALLOW_PRIVATE_ENV}=1 or pass --allow-private-urls to fetch it")


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address a host name resolves to (an IP literal is its own answer)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise UrlRefused(f"cannot resolve host {host!r}: {exc}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def check_url(url: httpx.URL, allow_private: bool) -> None:
    """Refuse a bad scheme, and unless allowed a host with any non-public address."""
    check_scheme(url)
    if allow_private:
        return
    host = url.host
    if not host:
        raise UrlRefused("refused: the URL has no host")
    port = url.port or (443 if url.scheme == "https" else 80)
    for ip in resolve(host, port):
        if not is_public(ip):
            raise _refused(host, ip)


def _behind_proxy(scheme: str) -> bool:
    """With a proxy the peer we see is the proxy itself, so only the name check applies."""
    import urllib.request  # http.client and ssl: loaded when a URL is fetched, not by --help

    proxies = urllib.request.getproxies()
    return bool(proxies.get(scheme) or proxies.get("all"))


def guard_hooks(allow_private: bool) -> dict[str, list]:
    """httpx event hooks: check every request (redirects too) before it is sent, and the
    address actually connected to (against DNS rebinding) before its body is read."""

    def on_request(request: httpx.Request) -> None:
        check_url(request.url, allow_private)

    def on_response(response: httpx.Response) -> None:
        if allow_private or _behind_proxy(response.request.url.scheme):
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return
        ip = ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
        if not is_public(ip):
            raise _refused(response.request.url.host, ip)

    return {"request": [on_request], "response": [on_response]}
