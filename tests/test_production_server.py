"""The shipped production layout: gunicorn serving Parallax with WhiteNoise static files."""

from __future__ import annotations

import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _production_env(tmp_path: Path, port: int) -> dict[str, str]:
    harness = {"DEBUG", "PARALLAX_TESTING", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in harness and not k.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE="parallax.settings",
        SECRET_KEY="pr0duction-layout-test-" + "q7Zt9xWv2LmN4bKc8RfD1sHj6GpY3eTa",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        PARALLAX_VAR_DIR=str(tmp_path),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_WORKERS="1",
        REQUEST_LOG_LEVEL="INFO",
    )
    return env


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    env = _production_env(tmp_path, port)
    for command in (["migrate", "--noinput", "-v0"], ["collect_static", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    log = open(tmp_path / "server.log", "w+")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "parallax.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _get(base + "/accounts/login/")
            break
        except OSError:
            time.sleep(0.2)
    yield base, tmp_path / "server.log"
    server.terminate()
    server.wait(timeout=20)
    log.close()


def test_gunicorn_serves_pages_hashed_static_files_and_a_favicon(served):
    base, log_path = served
    status, _, body = _get(base + "/accounts/login/")
    assert status == 200
    page = body.decode()
    css = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert css.startswith("/static/css/parallax.") and css.count(".") >= 2  # hashed name
    status, headers, _ = _get(base + css)
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "max-age=315360000" in headers.get("Cache-Control", "")
    status, headers, _ = _get(base + "/favicon.ico")
    assert status == 302
    assert _get(base + headers["Location"])[0] == 200
    # One JSON request-log line per request, with its timing.
    log = log_path.read_text()
    assert '"path": "/accounts/login/", "status": 200' in log
    assert '"ms": ' in log


def _gunicorn_settings(monkeypatch, **env: str) -> dict:
    for name in ("WEB_THREADS", "WEB_CONNECTIONS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))


def test_a_gunicorn_process_holds_at_most_one_connection_more_than_its_threads(monkeypatch):
    # A busy process must leave a burst of connections to the kernel's queue (and so to
    # the next free process) instead of accepting them into its own queue.
    assert _gunicorn_settings(monkeypatch, WEB_THREADS="4")["worker_connections"] == 5


def test_web_connections_overrides_the_connections_a_gunicorn_process_holds(monkeypatch):
    settings = _gunicorn_settings(monkeypatch, WEB_THREADS="4", WEB_CONNECTIONS="100")
    assert settings["worker_connections"] == 100
