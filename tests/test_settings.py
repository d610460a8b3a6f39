"""Production settings: strict by default, `check --deploy` clean."""

import os
import secrets
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


def _production_env(tmp_path, **extra: str) -> dict[str, str]:
    # A key made now, so it is in no file of the repository.
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "parallax.example.org",
        "PARALLAX_VAR_DIR": str(tmp_path),
        **extra,
    }


def _check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    return _run("check", "--deploy", "--fail-level", "WARNING", SECURE_HSTS_PRELOAD="1", **env)


def test_check_deploy_is_clean_with_production_environment(tmp_path):
    result = _check_deploy(_production_env(tmp_path))
    assert result.returncode == 0, result.stderr + result.stdout


def test_check_deploy_refuses_a_key_written_in_the_repository(tmp_path):
    # The key this suite used to deploy-check with: long and varied, but public.
    copied = "x" * 20 + "k3y-for-the-deploy-check-only-0123456789abcdef"
    result = _check_deploy(_production_env(tmp_path, SECRET_KEY=copied))
    assert result.returncode != 0
    assert "parallax.E001" in result.stderr and "tests/test_settings.py" in result.stderr


def test_check_deploy_refuses_the_development_default_key(tmp_path):
    env = _production_env(tmp_path, DEBUG="1")
    del env["SECRET_KEY"]  # development falls back to the default written in settings.py
    result = _check_deploy(env)
    assert result.returncode != 0
    assert "parallax.E001" in result.stderr and "parallax/settings.py" in result.stderr


def test_check_deploy_refuses_a_long_but_patterned_key(tmp_path):
    patterned = "".join(chr(ord("a") + i) for i in range(10)) * 6
    result = _check_deploy(_production_env(tmp_path, SECRET_KEY=patterned))
    assert result.returncode != 0
    assert "parallax.E002" in result.stderr and "parallax.E001" not in result.stderr


_PRINT_PROXY_HEADER = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"


def test_x_forwarded_proto_is_ignored_unless_a_proxy_is_declared(tmp_path):
    result = _run("shell", "--no-imports", "-c", _PRINT_PROXY_HEADER, **_production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"


def test_x_forwarded_proto_is_trusted_when_the_setting_says_a_proxy_sets_it(tmp_path):
    env = _production_env(tmp_path, TRUST_X_FORWARDED_PROTO="1")
    result = _run("shell", "--no-imports", "-c", _PRINT_PROXY_HEADER, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"
