"""``collect_static``: ``collectstatic`` only when the static sources changed.

Collecting and compressing every static file (plotly's and Swagger's bundles with their source
maps, ~70 MB) costs over a minute of CPU; ``make serve`` used to pay it at every start. The
sources are hashed (every file the finders see, its path and content, and the settings that
shape the output) and the digest is kept beside the collected files: a start with the same
digest and the manifest in place collects nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand

STAMP_NAME = ".parallax-static-stamp"
MANIFEST_NAME = "staticfiles.json"  # written by the manifest storages on every collection


def static_sources_digest() -> str:
    """One digest of every static source file (path and content) and the storage settings."""
    digest = hashlib.blake2b(digest_size=16)
    storage = settings.STORAGES["staticfiles"]
    digest.update(repr((storage, settings.STATIC_URL)).encode())
    found: dict[str, Path] = {}
    for finder in get_finders():
        for path, source in finder.list(["CVS", ".*", "*~"]):
            prefix = getattr(source, "prefix", None) or ""
            # The first finder to list a path wins, as collectstatic copies it.
            found.setdefault(str(Path(prefix) / path), Path(source.path(path)))
    for name in sorted(found):
        digest.update(name.encode() + b"\0")
        with found[name].open("rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def _stamp_path() -> Path:
    return Path(settings.STATIC_ROOT) / STAMP_NAME


def static_is_current(digest: str) -> bool:
    root = Path(settings.STATIC_ROOT)
    stamp = _stamp_path()
    manifest_needed = "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]
    if manifest_needed and not (root / MANIFEST_NAME).is_file():
        return False  # the collected files were removed; the stamp alone proves nothing
    return stamp.is_file() and stamp.read_text().strip() == digest


class Command(BaseCommand):
    help = (
        "Collect (and compress) static files into STATIC_ROOT only when the static sources "
        "or the static storage settings changed since the last collection; --force always."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="collect even if unchanged")

    def handle(self, *, force: bool, verbosity: int, **options) -> None:
        digest = static_sources_digest()
        if not force and static_is_current(digest):
            if verbosity:
                self.stdout.write("Static files unchanged since the last collection.")
            return
        # Dropped first: a collection cut short must not pass for a whole one next time.
        _stamp_path().unlink(missing_ok=True)
        call_command("collectstatic", interactive=False, verbosity=max(verbosity - 1, 0))
        _stamp_path().parent.mkdir(parents=True, exist_ok=True)
        _stamp_path().write_text(digest + "\n")
        if verbosity:
            self.stdout.write("Static files collected.")
