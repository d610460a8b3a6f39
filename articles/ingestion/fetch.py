"""Fetching an article page by URL, guarded against server-side request forgery.

The host is resolved once, every address is checked, and the connection goes to exactly the
checked address (the hostname only travels in the Host header and in TLS SNI/certificate
checks), so a DNS answer that changes between check and connect cannot reach an internal
service. Each redirect is checked the same way. IPv6 forms that carry an IPv4 address (mapped,
IPv4-compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address inside them.

One deadline covers the whole fetch: DNS lookup, connect, every header line and body chunk, so a
server that drips bytes cannot hold a worker longer than ``FetchPolicy.timeout``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .decode import chosen_encoding, known_encoding
from .errors import IngestionError
from .streams import human_bytes

Resolver = Callable[[str, int], list[str]]
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
# Prefixes whose addresses reach IPv4 hosts through a translator: checked by the embedded IPv4.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# Local-use NAT64 (RFC 8215) translates to whatever the operator chose: never fetch through it.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    allow_private: bool = False  # tests set True to reach 127.0.0.1
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 15.0  # whole fetch, redirects included
    max_redirects: int = 5
    user_agent: str = "ParallaxFetcher/1.0 (+article import)"
    resolver: Resolver | None = None  # host, port -> addresses; None = system DNS
    ssl_context: ssl.SSLContext | None = None  # None = system trust store, verification on
    allowed_ports: frozenset[int] | None = field(default=None)  # None = any port


@dataclass(frozen=True, slots=True)
class FetchResult:
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: dt.datetime
    sha256: str


def fetch_url(url: str, policy: FetchPolicy | None = None) -> FetchResult:
    """GET ``url`` (http/https only) within the policy's address, size and time limits."""
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.timeout
    current = url
    for _hop in range(policy.max_redirects + 1):
        status, headers, body = _get_once(current, policy, deadline)
        location = headers.get("location")
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if status >= 400:
            raise IngestionError(f"the server answered HTTP {status}", source=current)
        return FetchResult(
            final_url=current,
            status=status,
            content_type=headers.get("content-type", ""),
            body=body,
            fetched_at=dt.datetime.now(dt.UTC),
            sha256=hashlib.sha256(body).hexdigest(),
        )
    raise IngestionError(f"more than {policy.max_redirects} redirects", source=url)


def check_address(address: str, policy: FetchPolicy) -> None:
    """Raise unless ``address`` is a public unicast address (or private ones are allowed)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if policy.allow_private:
        return
    if isinstance(ip, ipaddress.IPv6Address) and ip in _LOCAL_NAT64:
        raise IngestionError(f"refusing to fetch from non-public address {ip}")
    for candidate in (*_embedded_ipv4(ip), ip):  # name the IPv4 target first
        if not _is_public(candidate):
            raise IngestionError(f"refusing to fetch from non-public address {candidate}")


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def _embedded_ipv4(ip) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address would reach through a translator or tunnel."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    found = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)  # ::ffff:127.0.0.1 is loopback too
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):  # ::, ::1 are judged as IPv6
        found.append(low32)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)  # (server, client): either could be an internal host
    return found


def _get_once(url: str, policy: FetchPolicy, deadline: float):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise IngestionError("only http and https URLs can be fetched", source=url)
    if not parts.hostname:
        raise IngestionError("the URL has no host name", source=url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as err:
        raise IngestionError(f"invalid port ({err})", source=url) from err
    if policy.allowed_ports is not None and port not in policy.allowed_ports:
        raise IngestionError(f"port {port} is not allowed", source=url)
    address = _resolve_checked(parts.hostname, port, policy, deadline, url)
    connection = _PinnedConnection(
        address, port, hostname=parts.hostname, tls=parts.scheme == "https",
        context=policy.ssl_context, deadline=deadline, url=url,
    )  # fmt: skip
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = _host_header(parts.hostname, parts.port)
        connection.request(
            "GET",
            path,
            headers={"Host": host_header, "User-Agent": policy.user_agent, "Accept": "*/*"},
        )
        response = connection.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        body = b"" if response.status in _REDIRECTS else _read_body(response, policy, deadline, url)
        return response.status, headers, body
    except TimeoutError as err:
        raise IngestionError("fetching took too long", source=url) from err
    except (OSError, http.client.HTTPException) as err:
        raise IngestionError(f"could not fetch the page ({err})", source=url) from err
    finally:
        connection.close()


def _host_header(hostname: str, port: int | None) -> str:
    # urlsplit strips the brackets from IPv6 literals; the Host header needs them back.
    host = f"[{hostname}]" if ":" in hostname else hostname
    return host if port is None else f"{host}:{port}"


def _resolve_checked(host: str, port: int, policy: FetchPolicy, deadline: float, url: str) -> str:
    try:
        addresses = _resolve_within(policy.resolver or _system_resolver, host, port, deadline, url)
    except (OSError, UnicodeError) as err:
        raise IngestionError(f"cannot resolve host '{host}' ({err})", source=url) from err
    if not addresses:
        raise IngestionError(f"host '{host}' has no address", source=url)
    for address in addresses:  # every answer must pass: attackers choose the order
        try:
            check_address(address, policy)
        except IngestionError as err:
            raise IngestionError(err.message, source=url) from None
    return addresses[0]


def _resolve_within(resolver: Resolver, host: str, port: int, deadline: float, url: str):
    """Run the resolver in a daemon thread so a stalled DNS server cannot outlast the deadline.

    getaddrinfo cannot be interrupted; on timeout the thread is abandoned and ends on its own.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["addresses"] = resolver(host, port)
        except BaseException as err:  # handed to the caller's thread below
            outcome["error"] = err

    thread = threading.Thread(target=run, name="fetch-resolve", daemon=True)
    thread.start()
    thread.join(_remaining(deadline, url))
    if thread.is_alive():
        raise IngestionError(f"resolving host '{host}' took too long", source=url)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["addresses"]


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def _read_body(response, policy: FetchPolicy, deadline: float, url: str) -> bytes:
    declared = response.getheader("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise IngestionError(
            f"page is larger than the limit of {human_bytes(policy.max_bytes)}", source=url
        )
    chunks, total = [], 0
    while True:
        _remaining(deadline, url)
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > policy.max_bytes:
            raise IngestionError(
                f"page is larger than the limit of {human_bytes(policy.max_bytes)}", source=url
            )
        chunks.append(chunk)


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise IngestionError("fetching took too long", source=url)
    return left


class _DeadlineReader(socket.SocketIO):
    """Socket reader that re-arms the socket timeout to the time left before every read.

    A timeout fixed at connect time restarts with each byte received, so a server sending one
    header line every few seconds could otherwise keep the fetch open indefinitely.
    """

    def __init__(self, sock, deadline: float, url: str) -> None:
        super().__init__(sock, "rb")
        self._deadline = deadline
        self._url = url

    def readinto(self, b) -> int | None:
        self._sock.settimeout(_remaining(self._deadline, self._url))
        return super().readinto(b)


class _DeadlineSocket:
    """Wraps the connected socket so http.client's response reader honours the deadline."""

    def __init__(self, sock, deadline: float, url: str) -> None:
        self._sock = sock
        self._deadline = deadline
        self._url = url

    def makefile(self, mode: str = "rb", *args, **kwargs):
        # Same bookkeeping as socket.makefile: the connection closes its socket as soon as the
        # response is built, and the descriptor must stay open until the reader is closed.
        self._sock._io_refs += 1
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline, self._url))

    def sendall(self, data) -> None:
        self._sock.settimeout(_remaining(self._deadline, self._url))
        self._sock.sendall(data)

    def __getattr__(self, name: str):
        return getattr(self._sock, name)


class _PinnedConnection(http.client.HTTPConnection):
    """Connects to a given IP; for TLS, SNI and certificate checks use the original hostname."""

    def __init__(self, address, port, *, hostname, tls, context, deadline, url) -> None:
        super().__init__(address, port, timeout=_remaining(deadline, url))
        self._hostname = hostname
        self._tls = tls
        self._context = context or ssl.create_default_context()
        self._deadline = deadline
        self._url = url

    def connect(self) -> None:
        self.timeout = _remaining(self._deadline, self._url)
        super().connect()  # plain TCP to self.host, the checked address
        if self._tls:
            self.sock.settimeout(_remaining(self._deadline, self._url))  # bounds the handshake
            self.sock = self._context.wrap_socket(self.sock, server_hostname=self._hostname)
        self.sock = _DeadlineSocket(self.sock, self._deadline, self._url)


def read_fetched(result: FetchResult, *, limits=None):
    """Read a fetched page like an uploaded file; returns one ``ParsedArticle``."""
    from .dispatch import iter_records  # local: dispatch pulls in every reader
    from .limits import DEFAULT_LIMITS

    content_type = result.content_type.split(";", 1)[0].strip().lower()
    fmt = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
           "text/plain": "txt"}.get(content_type)  # fmt: skip
    url = result.final_url if fmt == "html" else None
    # The server's declared charset is the page's encoding, not a guess (a page's own
    # <meta charset> is honoured by the HTML reader).
    with chosen_encoding(known_encoding(result.content_type)):
        records = iter_records(
            result.body, fmt, name=result.final_url, limits=limits or DEFAULT_LIMITS, url=url
        )
        article = next(records)
    if fmt != "html":
        article.url = article.url or result.final_url
    return article
