"""Importing a web page by URL: a local test server stands in for the web (no internet)."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading

import pytest
from django.urls import reverse

from accounts.models import Role
from articles.imports import import_commit, import_url
from articles.models import Article, ImportJob, SourceFile
from tests.articles.imports.helpers import STORY, STORY_3
from tests.factories import EventFactory, MembershipFactory

pytestmark = pytest.mark.django_db

PAGE = f"""<!doctype html><html><head><title>Drills off the cape - Castrel Courier</title>
<meta property="og:site_name" content="Castrel Courier">
<meta property="article:published_time" content="2024-06-28T08:00:00+00:00">
<link rel="canonical" href="https://courier.example/drills"></head>
<body><nav>Home | World</nav><article><h1>Drills off the cape</h1>
<p>{STORY_3}</p><p>{STORY}</p></article><footer>Contact</footer></body></html>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.end_headers()
            return
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve(context: ssl.SSLContext | None = None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def server():
    server = _serve()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def allow_local(settings):
    settings.PARALLAX_IMPORT = {"FETCH_ALLOW_PRIVATE": True, "FETCH_TIMEOUT": 5}


@pytest.fixture
def event(workspace):
    return EventFactory(workspace=workspace, title="Cape drills")


def test_fetched_page_is_previewed_with_its_metadata(event, analyst, server, allow_local):
    job = import_url(event=event, url=f"{server}/story", user=analyst)
    item = job.items.get()
    assert (item.title, item.outlet, item.url) == (
        "Drills off the cape",
        "Castrel Courier",
        "https://courier.example/drills",
    )
    assert item.published.startswith("2024-06-28")
    assert STORY_3 in item.text and "Contact" not in item.text


def test_fetched_page_is_kept_as_evidence_with_final_url_and_time(
    event, analyst, server, allow_local
):
    job = import_url(event=event, url=f"{server}/moved", user=analyst)
    source = job.source_files.get()
    assert (source.url, source.final_url) == (f"{server}/moved", f"{server}/story")
    assert source.fetched_at is not None
    assert source.file.read() == PAGE.encode()


def test_confirmed_url_import_links_the_article_to_its_page(event, analyst, server, allow_local):
    job = import_url(event=event, url=f"{server}/story", user=analyst)
    import_commit(job=job, decisions={}, user=analyst)
    article = event.articles.get()
    assert article.source_file == job.source_files.get()
    assert article.source_format == "html"


def test_loopback_url_is_refused_by_the_ssrf_guard_and_nothing_saved(client, event, server):
    client.force_login(MembershipFactory(workspace=event.workspace, role=Role.ANALYST).user)
    response = client.post(reverse("import_url", args=[event.pk]), {"url": f"{server}/story"})
    assert response.status_code == 400
    assert "refusing to fetch from non-public address 127.0.0.1" in response.content.decode()
    assert (ImportJob.objects.count(), SourceFile.objects.count()) == (0, 0)
    assert Article.all_objects.count() == 0


def test_private_network_address_is_refused(client, event):
    client.force_login(MembershipFactory(workspace=event.workspace, role=Role.ANALYST).user)
    url = "http://10.0.0.8/admin"
    response = client.post(reverse("import_url", args=[event.pk]), {"url": url})
    assert "refusing to fetch from non-public address 10.0.0.8" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_url_view_redirects_to_the_preview(client, event, server, allow_local):
    client.force_login(MembershipFactory(workspace=event.workspace, role=Role.ANALYST).user)
    response = client.post(reverse("import_url", args=[event.pk]), {"url": f"{server}/story"})
    assert response.status_code == 302
    assert response["Location"] == ImportJob.objects.get().get_absolute_url()


@pytest.fixture
def tls_server(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = _serve(context)
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_https_page_is_fetched_when_its_certificate_is_trusted(
    event, analyst, tls_server, settings
):
    url, cert = tls_server
    settings.PARALLAX_IMPORT = {"FETCH_ALLOW_PRIVATE": True, "FETCH_CA_FILE": str(cert)}
    job = import_url(event=event, url=f"{url}/story", user=analyst)
    assert job.items.get().title == "Drills off the cape"


def test_https_page_with_untrusted_certificate_is_refused(event, analyst, tls_server, settings):
    from django.core.exceptions import ValidationError

    url, _cert = tls_server
    settings.PARALLAX_IMPORT = {"FETCH_ALLOW_PRIVATE": True, "FETCH_TIMEOUT": 5}
    with pytest.raises(ValidationError, match="CERTIFICATE_VERIFY_FAILED"):
        import_url(event=event, url=f"{url}/story", user=analyst)
    assert ImportJob.objects.count() == 0
