import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles.ingestion import FetchPolicy, IngestionError, fetch_url, read_fetched
from articles.ingestion.fetch import check_address

from .helpers import STORY

PAGE = (
    "<html><head><title>Patrols</title></head><body>"
    f"<article><p>{STORY}</p></article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        routes = {
            "/page": (200, PAGE.encode(), "text/html; charset=utf-8"),
            "/big": (200, b"x" * 50_000, "text/plain"),
        }
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/host":
            body = self.headers["Host"].encode()
            routes["/host"] = (200, body, "text/plain")
        status, body, ctype = routes.get(self.path, (404, b"missing", "text/plain"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.end_headers()  # no Content-Length: the client must stop on its own
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


ALLOW_LOCAL = FetchPolicy(allow_private=True, timeout=5)


def test_fetch_returns_body_hash_and_aware_time(server):
    result = fetch_url(f"{server}/page", ALLOW_LOCAL)
    assert (result.status, result.body) == (200, PAGE.encode())
    assert result.fetched_at.tzinfo is not None and len(result.sha256) == 64


def test_fetched_page_reads_like_an_uploaded_html_file(server):
    article = read_fetched(fetch_url(f"{server}/page", ALLOW_LOCAL))
    assert (article.text, article.source_name) == (STORY, f"{server}/page")


def test_redirect_is_followed_to_final_url(server):
    assert fetch_url(f"{server}/redirect", ALLOW_LOCAL).final_url == f"{server}/page"


def test_redirect_loop_stops_at_the_limit(server):
    policy = FetchPolicy(allow_private=True, max_redirects=3, timeout=5)
    with pytest.raises(IngestionError, match="more than 3 redirects"):
        fetch_url(f"{server}/loop", policy)


def test_body_over_max_bytes_is_cut_off(server):
    policy = FetchPolicy(allow_private=True, max_bytes=10_000, timeout=5)
    with pytest.raises(IngestionError, match="page is larger than the limit"):
        fetch_url(f"{server}/big", policy)


def test_http_error_status_is_reported(server):
    with pytest.raises(IngestionError, match="HTTP 404"):
        fetch_url(f"{server}/nowhere", ALLOW_LOCAL)


def test_loopback_is_refused_by_default(server):
    with pytest.raises(IngestionError, match=r"non-public address 127\.0\.0\.1"):
        fetch_url(f"{server}/page")


def test_connection_goes_to_the_checked_address_with_the_original_host_header(server):
    port = server.rsplit(":", 1)[1]
    policy = FetchPolicy(allow_private=True, timeout=5, resolver=lambda host, p: ["127.0.0.1"])
    result = fetch_url(f"http://news.example:{port}/host", policy)
    assert result.body == f"news.example:{port}".encode()


def test_hostname_resolving_to_a_private_address_is_refused():
    policy = FetchPolicy(resolver=lambda host, port: ["93.184.0.10", "10.1.2.3"])
    with pytest.raises(IngestionError, match=r"non-public address 10\.1\.2\.3"):
        fetch_url("http://rebind.example/a", policy)


def test_non_http_scheme_is_refused():
    with pytest.raises(IngestionError, match="only http and https"):
        fetch_url("file:///etc/passwd")


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.0.0.8", "172.16.4.4", "192.168.1.1", "169.254.169.254", "0.0.0.0",
     "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::",
     "100.64.0.1"],
)  # fmt: skip
def test_non_public_addresses_are_refused(address):
    with pytest.raises(IngestionError, match="non-public address"):
        check_address(address, FetchPolicy())


@pytest.mark.parametrize("address", ["93.184.0.10", "2a00:1450:4001::1"])
def test_public_addresses_pass(address):
    check_address(address, FetchPolicy())
