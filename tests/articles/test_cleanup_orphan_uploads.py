"""cleanup_orphan_uploads: finds stored files no row names; deletes them only with --delete."""

from __future__ import annotations

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from articles.imports import import_preview
from tests.factories import EventFactory

from .imports.helpers import STORY, upload

pytestmark = pytest.mark.django_db
DAY = 24 * 3600


def _stored(name: str, age_seconds: float) -> str:
    name = default_storage.save(name, ContentFile(b"left behind"))
    old = time.time() - age_seconds
    os.utime(default_storage.path(name), (old, old))
    return name


def _run(*args) -> str:
    out = io.StringIO()
    call_command("cleanup_orphan_uploads", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def files(workspace, analyst):
    job = import_preview(
        event=EventFactory(workspace=workspace), files=[upload("a.txt", STORY)], user=analyst
    )
    source = job.source_files.get()
    _age(source.file.name, DAY)  # an old file with its row is never an orphan
    return {
        "kept": source.file.name,
        "orphan": _stored("sources/2026/11/crashed-upload.csv", DAY),
        "young": _stored("sources/2026/12/uploading-now.csv", 60),
        "model": _stored("models/abandoned.bin", DAY),
        "not ours": _stored("elsewhere/notes.txt", DAY),
    }


def _age(name: str, seconds: float) -> None:
    old = time.time() - seconds
    os.utime(default_storage.path(name), (old, old))


def test_dry_run_lists_old_orphans_and_deletes_nothing(files):
    out = _run()
    assert files["orphan"] in out and files["model"] in out
    assert files["kept"] not in out
    assert files["young"] not in out  # may be an upload whose row is not committed yet
    assert files["not ours"] not in out  # only our upload folders are looked at
    assert "2 orphaned file(s)" in out and "Dry run" in out
    assert all(default_storage.exists(name) for name in files.values())


def test_delete_removes_only_the_orphans(files):
    out = _run("--delete")
    assert "Deleted 2 orphaned file(s)" in out
    assert not default_storage.exists(files["orphan"])
    assert not default_storage.exists(files["model"])
    for key in ("kept", "young", "not ours"):
        assert default_storage.exists(files[key]), key


def test_min_age_can_be_lowered(files):
    assert files["young"] in _run("--min-age-hours", "0")
