"""Production settings: strict by default, `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    # A production process sees none of the test harness's variables.
    harness = {"DEBUG", "PARALLAX_TESTING"}
    clean = {k: v for k, v in os.environ.items() if k not in harness and not k.startswith("DJANGO")}
    clean.update(env, DJANGO_SETTINGS_MODULE="parallax.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_without_debug_a_secret_key_is_required():
    result = _run("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_environment(tmp_path):
    result = _run(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "k3y-for-the-deploy-check-only-0123456789abcdef",
        ALLOWED_HOSTS="parallax.example.org",
        PARALLAX_VAR_DIR=str(tmp_path),
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stderr + result.stdout
