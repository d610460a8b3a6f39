"""``collect_static``: `make serve` collects and compresses static files only when changed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture
def static_dirs(settings, tmp_path):
    source, root = tmp_path / "src", tmp_path / "out"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text("body { color: black; }\n" * 50)
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    return source, root


def _collect() -> str:
    out = io.StringIO()
    call_command("collect_static", stdout=out)
    return out.getvalue()


def _hashed_css(root: Path) -> str:
    return json.loads((root / "staticfiles.json").read_text())["paths"]["css/site.css"]


def test_a_second_start_with_unchanged_sources_collects_nothing(static_dirs):
    _, root = static_dirs
    assert "collected" in _collect()
    manifest = root / "staticfiles.json"
    written = manifest.stat().st_mtime_ns
    assert (root / _hashed_css(root)).with_suffix(".css.gz").is_file()  # compressed

    assert "unchanged" in _collect()
    # collectstatic rewrites the manifest every time it runs: untouched means not run.
    assert manifest.stat().st_mtime_ns == written


def test_a_changed_source_file_is_collected_under_its_new_hashed_name(static_dirs):
    source, root = static_dirs
    _collect()
    before = _hashed_css(root)
    (source / "css" / "site.css").write_text("body { color: navy; }\n")

    assert "collected" in _collect()
    after = _hashed_css(root)
    assert after != before
    assert (root / after).read_text() == "body { color: navy; }\n"


def test_an_added_source_file_is_collected(static_dirs):
    source, root = static_dirs
    _collect()
    (source / "css" / "print.css").write_text("nav { display: none; }\n")

    _collect()
    paths = json.loads((root / "staticfiles.json").read_text())["paths"]
    assert "css/print.css" in paths


def test_removed_collected_files_are_collected_again_despite_the_stamp(static_dirs):
    _, root = static_dirs
    _collect()
    (root / "staticfiles.json").unlink()

    assert "collected" in _collect()
    assert (root / "staticfiles.json").is_file()


def test_force_collects_even_when_unchanged(static_dirs):
    _, root = static_dirs
    _collect()
    written = (root / "staticfiles.json").stat().st_mtime_ns
    out = io.StringIO()

    call_command("collect_static", "--force", stdout=out)
    assert "collected" in out.getvalue()
    assert (root / "staticfiles.json").stat().st_mtime_ns != written
