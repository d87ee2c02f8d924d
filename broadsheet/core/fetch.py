"""Fetch a URL from the internet through one guarded door: every outbound request goes here.

The guard: http and https only; the host is resolved first and refused when any of its
addresses is private, loopback, link-local, multicast, reserved, unspecified or IPv4-mapped;
the connection goes to the address that was checked (no second lookup); redirects are refused,
never followed; the body is capped in bytes and the whole exchange in seconds.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_TIMEOUT_SECONDS = 20.0
CHUNK_BYTES = 64 * 1024
USER_AGENT = "Broadsheet-fetch/1.0"

Resolver = Callable[[str, int], list[str]]
"""``resolver(host, port) -> addresses``: how host names become IP addresses."""


class FetchError(Exception):
    """The URL was refused or could not be fetched; the message says why, in plain words."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchResult:
    url: str
    address: str
    content_type: str
    size_bytes: int


def resolve_host(host: str, port: int) -> list[str]:
    """Return every address the system resolver gives for ``host``, in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f'The host "{host}" could not be found.') from error
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def is_public_address(address: str) -> bool:
    """Return whether ``address`` is a globally routable unicast address outside mapped ranges."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and (
        ip.ipv4_mapped is not None or ip.sixtofour is not None or ip.teredo is not None
    ):
        return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str


def _parse(url: str) -> _Target:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchError(f'"{url}" is not a valid URL.') from error
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(f'Only http and https URLs may be fetched, not "{scheme or url}".')
    if not parts.hostname:
        raise FetchError(f'"{url}" has no host.')
    if parts.username is not None or parts.password is not None:
        raise FetchError("URLs with a user name or password are refused.")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return _Target(
        scheme=scheme,
        host=parts.hostname,
        port=port or (443 if scheme == "https" else 80),
        path=path,
    )


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address already checked, whatever the Host header says."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.pinned_address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned_address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to an address already checked; the certificate is checked by name."""

    def __init__(
        self, host: str, port: int, *, address: str, timeout: float, context: ssl.SSLContext
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self.pinned_address = address
        self.tls_context = context

    def connect(self) -> None:
        raw = socket.create_connection((self.pinned_address, self.port), self.timeout)
        self.sock = self.tls_context.wrap_socket(raw, server_hostname=self.host)


def fetch(
    url: str,
    into: BinaryIO,
    *,
    max_bytes: int | None = None,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    allow_private: bool = False,
    resolver: Resolver = resolve_host,
) -> FetchResult:
    """Fetch ``url`` with GET and write its body to ``into``.

    ``max_bytes`` defaults to ``settings.BROADSHEET_FETCH_MAX_BYTES``. Raises FetchError when the
    URL is refused (scheme, credentials, an address inside the network), on a redirect or any
    answer other than 200, when the body is larger than the cap, or when the whole exchange takes
    longer than ``timeout_seconds``; ``into`` may then hold part of the body. ``allow_private``
    lets tests fetch from a loopback server and must never be set in production code.
    """
    limit = settings.BROADSHEET_FETCH_MAX_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + timeout_seconds
    target = _parse(url)
    addresses = resolver(target.host, target.port)
    if not addresses:
        raise FetchError(f'The host "{target.host}" could not be found.')
    if not allow_private:
        refused = [address for address in addresses if not is_public_address(address)]
        if refused:
            raise FetchError(
                f'"{target.host}" points inside the network ({refused[0]}); '
                "only public internet addresses may be fetched."
            )
    address = addresses[0]
    connection: http.client.HTTPConnection
    if target.scheme == "https":
        connection = _PinnedHTTPSConnection(
            target.host,
            target.port,
            address=address,
            timeout=timeout_seconds,
            context=ssl.create_default_context(),
        )
    else:
        connection = _PinnedHTTPConnection(
            target.host, target.port, address=address, timeout=timeout_seconds
        )
    try:
        return _exchange(
            connection, target, url=url, address=address, into=into, limit=limit, deadline=deadline
        )
    except TimeoutError as error:
        raise FetchError(f"Fetching {url} took longer than {timeout_seconds:g} seconds.") from error
    except ssl.SSLError as error:
        raise FetchError(f"The secure connection to {target.host} failed: {error}.") from error
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"Could not fetch {url}: {error}.") from error
    finally:
        connection.close()


def _exchange(
    connection: http.client.HTTPConnection,
    target: _Target,
    *,
    url: str,
    address: str,
    into: BinaryIO,
    limit: int,
    deadline: float,
) -> FetchResult:
    connection.request(
        "GET",
        target.path,
        headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "identity"},
    )
    response = connection.getresponse()
    if 300 <= response.status < 400:
        location = response.getheader("Location", "")
        raise FetchError(
            f"{url} answered with a redirect (HTTP {response.status}) to {location[:200]!r}; "
            "redirects are not followed."
        )
    if response.status != 200:
        raise FetchError(f"{url} answered HTTP {response.status} {response.reason}.")
    declared = response.getheader("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url} is larger than the {_megabytes(limit)} limit.")
    size = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        if connection.sock is not None:
            connection.sock.settimeout(remaining)
        # read1 returns as soon as some bytes arrive, so a slow drip cannot outlast the deadline.
        chunk = response.read1(CHUNK_BYTES)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url} is larger than the {_megabytes(limit)} limit.")
        into.write(chunk)
    return FetchResult(
        url=url,
        address=address,
        content_type=(response.getheader("Content-Type") or "").split(";", 1)[0].strip(),
        size_bytes=size,
    )


def _megabytes(limit: int) -> str:
    if limit < 1024 * 1024:
        return f"{limit} bytes"
    return f"{limit / (1024 * 1024):g} MB"
