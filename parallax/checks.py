"""Deployment checks of our own (run by `manage.py check --deploy`).

Django's W009 only asks for 50 characters and 5 distinct ones. A key copied from the
repository (a test's, the development default) passes that and is public; so does a long
but patterned key. Both sign sessions and password-reset links that anyone could forge.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register

# Any stretch this long shared with a file of the repository means the key was copied from it.
_WINDOW = 20
_MIN_BITS = 128
_SKIP_DIRS = {".git", ".venv", "venv", "var", "node_modules", "__pycache__", ".hypothesis"}
_SKIP_DIRS |= {".ruff_cache", ".pytest_cache", "media", "staticfiles"}
_MAX_FILE_BYTES = 2 * 1024 * 1024


def estimated_bits(key: str) -> float:
    """A rough entropy estimate: bits per character times the length that does not repeat.

    Shannon entropy of the characters alone rates "abcdefghij" * 6 like a random key; counting
    only distinct 4-character stretches charges repeats and runs.
    """
    if not key:
        return 0.0
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    distinct_stretches = len({key[i : i + 4] for i in range(max(len(key) - 3, 1))})
    return per_char * distinct_stretches


def _repository_files(root: Path):
    skip = {Path(settings.MEDIA_ROOT).resolve(), Path(settings.STATIC_ROOT).resolve()}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [
            d for d in dirnames if d not in _SKIP_DIRS and (Path(dirpath) / d).resolve() not in skip
        ]
        for name in filenames:
            # .env is where a deployment keeps its real key, outside version control.
            if name != ".env":
                yield Path(dirpath) / name


def key_found_in(root: Path, key: str) -> Path | None:
    """The first file under `root` that shares a `_WINDOW`-character stretch with `key`."""
    data = key.encode()
    stretches = {data[i : i + _WINDOW] for i in range(max(len(data) - _WINDOW + 1, 1))}
    for path in _repository_files(root):
        try:
            if path.stat().st_size > _MAX_FILE_BYTES:
                continue
            content = path.read_bytes()
        except OSError:
            continue
        if any(stretch in content for stretch in stretches):
            return path
    return None


@register(Tags.security, deploy=True)
def check_secret_key_is_secret(app_configs=None, **kwargs) -> list[CheckMessage]:
    key = str(settings.SECRET_KEY)
    errors: list[CheckMessage] = []
    found = key_found_in(Path(settings.BASE_DIR), key)
    if found is not None:
        errors.append(
            Error(
                f"SECRET_KEY (or part of it) appears in {found.relative_to(settings.BASE_DIR)}, "
                "so it is public.",
                hint="Generate a fresh one: python -c 'import secrets; "
                "print(secrets.token_urlsafe(50))'",
                id="parallax.E001",
            )
        )
    if estimated_bits(key) < _MIN_BITS:
        errors.append(
            Error(
                f"SECRET_KEY is guessable (about {estimated_bits(key):.0f} bits of entropy; "
                f"{_MIN_BITS} needed).",
                hint="Use a random key: python -c 'import secrets; "
                "print(secrets.token_urlsafe(50))'",
                id="parallax.E002",
            )
        )
    return errors
