"""scripts/api_workflow.py — an analyst's whole workflow through the API only — against a
live server: gunicorn with the production settings and a task worker, as deployed."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.test_production_server import GUNICORN, ROOT, _free_port, _get, _production_env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip()


# One process for what the create_user, create_workspace and create_api_token commands do.
SETUP = """
from django.core.management import call_command
call_command("create_user", email="lee@example.org", username="lee")
call_command("create_workspace", owner="lee@example.org", name="Newsroom")
call_command("create_api_token", "lee@example.org", scope="write")
"""


@pytest.fixture
def live(tmp_path):
    port = _free_port()
    env = {**_production_env(tmp_path, port), "PARALLAX_PASSWORD": "live-server-pass-2931"}
    _manage(env, "migrate", "--noinput", "-v0")
    token = _manage(env, "shell", "-c", SETUP).splitlines()[-1]
    log = open(tmp_path / "server.log", "w+")  # noqa: SIM115 (closed below)
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        for command in (
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "parallax.wsgi"],
            [sys.executable, "manage.py", "run_worker", "--interval", "0.5"],
        )
    ]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    yield base, token, tmp_path / "server.log"
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)
    log.close()


def test_the_api_workflow_script_runs_against_a_live_server(live):
    base, token, log = live
    env = {**os.environ, "PARALLAX_URL": base, "PARALLAX_TOKEN": token}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_workflow.py")],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr + log.read_text()[-3000:]
    out = done.stdout
    assert "import" in out and "preview of 4 new articles" in out
    assert "analysed 4 of 4 articles" in out
    assert "per outlet: Harbour Watch 2, Coastal Herald 1, State Wire 1" in out
    assert "trained model" in out and "event now shows model" in out
    assert "exported event-" in out and "-spans.csv" in out
    assert "exported the report event-" in out and "-report.html" in out
    csv_lines = out.split("outlet_id,", 1)[1].splitlines()
    assert len(csv_lines) == 1 + 3  # the header's rest and three outlets
