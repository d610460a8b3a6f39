"""What a killed process can leave behind, for ``cleanup_orphan_uploads``.

The services remove what they wrote when an error is raised; a process killed outright (or a
clean-up that failed too) can leave stored files no row names, previews still READING whose
request is gone, and stored sources no import and no article refers to.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.core.files.storage import Storage, default_storage
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from articles.models import Article, ImportJob, ImportStatus, SourceFile


@dataclass(frozen=True, slots=True)
class Orphan:
    name: str
    size: int
    modified: dt.datetime


def _file_fields() -> Iterator[tuple[type[models.Model], models.FileField]]:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def _roots() -> set[str]:
    """The top folders our FileFields upload into ("sources", "models"): nothing else is
    ours to delete, whatever else the storage holds."""
    roots = set()
    for _, field in _file_fields():
        if isinstance(field.upload_to, str) and field.upload_to.strip("/"):
            roots.add(field.upload_to.strip("/").split("/")[0])
    return roots


def _referenced() -> set[str]:
    names: set[str] = set()
    for model, field in _file_fields():
        rows = model._base_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
        names.update(rows.iterator())
    return names


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    if not storage.exists(folder):
        return
    folders, files = storage.listdir(folder)
    for name in files:
        yield posixpath.join(folder, name)
    for sub in folders:
        yield from _walk(storage, posixpath.join(folder, sub))


def orphan_uploads(*, min_age: dt.timedelta, storage: Storage = default_storage) -> list[Orphan]:
    """Files under our upload folders that no row names and that are older than ``min_age``
    (a younger one may belong to an upload whose row is about to be committed)."""
    cutoff = timezone.now() - min_age
    referenced = _referenced()
    orphans = []
    for root in sorted(_roots()):
        for name in _walk(storage, root):
            if name in referenced:
                continue
            modified = storage.get_modified_time(name)
            if modified < cutoff:
                orphans.append(Orphan(name, storage.size(name), modified))
    return orphans


def orphans_delete(*, orphans: list[Orphan], storage: Storage = default_storage) -> int:
    """Delete the files, checking each again: a row may have claimed the name meanwhile."""
    referenced = _referenced()
    deleted = 0
    for orphan in orphans:
        if orphan.name not in referenced and storage.exists(orphan.name):
            storage.delete(orphan.name)
            deleted += 1
    return deleted


def abandoned_previews(*, min_age: dt.timedelta) -> QuerySet[ImportJob]:
    """Previews still READING whose request stopped reporting ``min_age`` ago."""
    cutoff = timezone.now() - min_age
    return ImportJob.objects.filter(status=ImportStatus.READING, heartbeat_at__lt=cutoff)


def unused_sources(*, min_age: dt.timedelta) -> QuerySet[SourceFile]:
    """Stored sources no import job and no article refers to, older than ``min_age`` (a
    younger one may be an upload not yet linked to its job)."""
    cutoff = timezone.now() - min_age
    used = Article.all_objects.filter(source_file__isnull=False).values("source_file")
    return SourceFile.objects.filter(created_at__lt=cutoff, import_jobs__isnull=True).exclude(
        pk__in=used
    )
