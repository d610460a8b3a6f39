"""Address checks for translated IPv6 forms, whole-fetch deadlines and the IPv6 Host header."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler, ThreadingTCPServer

import pytest

from articles.ingestion import FetchPolicy, IngestionError, fetch_url
from articles.ingestion.fetch import check_address

STOP = threading.Event()


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b:1::5db8:a",  # local-use NAT64, whatever it embeds
        "::a00:1",  # IPv4-compatible 10.0.0.1
        "::a9fe:a9fe",  # IPv4-compatible 169.254.169.254
        "2002:a00:1::1",  # 6to4 around 10.0.0.1
        "2001:0:a00:1::1",  # Teredo with server 10.0.0.1
    ],
)
def test_ipv6_forms_carrying_a_private_ipv4_are_refused(address):
    with pytest.raises(IngestionError, match="non-public address"):
        check_address(address, FetchPolicy())


def test_refusal_names_the_embedded_private_ipv4():
    with pytest.raises(IngestionError, match=r"non-public address 10\.0\.0\.1"):
        check_address("64:ff9b::a00:1", FetchPolicy())


def test_allow_private_policy_accepts_translated_forms():
    check_address("64:ff9b::a00:1", FetchPolicy(allow_private=True))


class _Drip(BaseRequestHandler):
    """Answers with a status line, then one header line every 0.2 s for ten seconds."""

    def handle(self):
        self.request.recv(4096)
        self.request.sendall(b"HTTP/1.1 200 OK\r\n")
        for n in range(50):
            if STOP.wait(0.2):
                return
            try:
                self.request.sendall(f"X-Drip-{n}: x\r\n".encode())
            except OSError:
                return  # the client gave up, as it should
        self.request.sendall(b"Content-Length: 2\r\n\r\nok")


@pytest.fixture
def dripping_server():
    STOP.clear()
    server = ThreadingTCPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    STOP.set()
    server.shutdown()
    server.server_close()


def test_server_dripping_header_lines_is_cut_off_at_the_total_timeout(dripping_server):
    started = time.monotonic()
    with pytest.raises(IngestionError, match="took too long"):
        fetch_url(f"{dripping_server}/slow", FetchPolicy(allow_private=True, timeout=1.0))
    assert time.monotonic() - started < 3.0  # the drip alone lasts ten seconds


def test_stalled_dns_lookup_is_cut_off_at_the_total_timeout():
    release = threading.Event()

    def stalled(host, port):
        release.wait(10)
        return ["93.184.0.10"]

    started = time.monotonic()
    try:
        with pytest.raises(IngestionError, match=r"resolving host 'slow\.example' took too long"):
            fetch_url("http://slow.example/a", FetchPolicy(timeout=0.5, resolver=stalled))
        assert time.monotonic() - started < 3.0
    finally:
        release.set()


def test_resolver_errors_still_reach_the_caller():
    def failing(host, port):
        raise socket.gaierror("no such host")

    with pytest.raises(IngestionError, match=r"cannot resolve host 'gone\.example'"):
        fetch_url("http://gone.example/a", FetchPolicy(resolver=failing))


class _EchoHost(BaseHTTPRequestHandler):
    def do_GET(self):
        body = self.headers["Host"].encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def echo_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHost)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_ipv6_literal_url_sends_a_bracketed_host_header(echo_server):
    policy = FetchPolicy(allow_private=True, timeout=5, resolver=lambda host, p: ["127.0.0.1"])
    result = fetch_url(f"http://[2001:db8::7]:{echo_server}/host", policy)
    assert result.body == f"[2001:db8::7]:{echo_server}".encode()
