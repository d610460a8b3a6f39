"""cleanup_orphan_uploads: finds stored files no row names; deletes them only with --delete."""

from __future__ import annotations

import datetime as dt
import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

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
    assert "Deleted 0 abandoned preview(s), 0 unused source(s), 2 orphaned file(s)" in out
    assert not default_storage.exists(files["orphan"])
    assert not default_storage.exists(files["model"])
    for key in ("kept", "young", "not ours"):
        assert default_storage.exists(files[key]), key


def test_min_age_can_be_lowered(files):
    assert files["young"] in _run("--min-age-hours", "0")


def _reading_job(event, user, hours: float):
    from articles.models import ImportJob, ImportStatus

    job = import_preview(event=event, files=[upload("b.txt", STORY + " More.")], user=user)
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.READING, heartbeat_at=timezone.now() - dt.timedelta(hours=hours)
    )
    return job


def test_previews_whose_reading_stopped_are_discarded_with_their_sources(workspace, analyst):
    from articles.models import ImportStatus, SourceFile

    event = EventFactory(workspace=workspace)
    dead, live = _reading_job(event, analyst, hours=2), _reading_job(event, analyst, hours=0)
    dead_source = dead.source_files.get()
    out = _run()
    assert f"abandoned preview: import {dead.pk} " in out
    assert f"import {live.pk} " not in out
    _run("--delete")
    dead.refresh_from_db()
    live.refresh_from_db()
    assert (dead.status, dead.items.count()) == (ImportStatus.DISCARDED, 0)
    assert not SourceFile.objects.filter(pk=dead_source.pk).exists()
    assert live.status == ImportStatus.READING and live.items.exists()


def test_sources_no_import_or_article_uses_are_removed(workspace, analyst):
    from articles.imports.sources import source_store_upload
    from articles.models import SourceFile

    stray = source_store_upload(workspace=workspace, upload=upload("c.txt", STORY), user=analyst)
    SourceFile.objects.filter(pk=stray.pk).update(created_at=timezone.now() - dt.timedelta(days=1))
    assert f"unused source: {stray.pk} " in _run()
    _run("--delete")
    assert not SourceFile.objects.filter(pk=stray.pk).exists()
    assert not default_storage.exists(stray.file.name)
