"""Streaming import of a large local file (the ``import_articles`` command).

Memory stays bounded: records are read one at a time and written in chunks of staged
articles, published in one step at the end. Re-running is idempotent: an article whose
content hash is already in the event is skipped.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from articles.ingestion import ColumnMapping, ParsedArticle, Rejection, iter_records
from articles.models import Article, Event, ImportJob, ImportStatus

from .config import conf, import_limits
from .items import outlet_from_url, valid_url
from .sources import source_store_upload
from .writer import (
    ArticleRow,
    LabelIndex,
    OutletCache,
    analyse_event_on_commit,
    publish,
    staged_delete,
    write_chunk,
)

Progress = Callable[[int, int, int], None]  # bytes read, total bytes, articles so far


@dataclass
class CommandResult:
    job: ImportJob
    created: int = 0
    skipped: int = 0
    rejections: list[Rejection] = field(default_factory=list)


class _Counting(io.RawIOBase):
    """Counts bytes as the reader pulls them, for the progress bar."""

    def __init__(self, raw) -> None:
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.raw.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self.count += len(chunk)
        return len(chunk)


def import_path(
    *,
    event: Event,
    path: Path,
    user: User | None,
    fmt: str | None = None,
    mapping: ColumnMapping | None = None,
    default_outlet: str = "",
    store_source: bool = True,
    analyse: bool = True,
    progress: Progress | None = None,
) -> CommandResult:
    """Import every article of ``path`` into ``event``, all or nothing."""
    discard_abandoned(event=event)
    job = ImportJob.objects.create(
        workspace=event.workspace,
        event=event,
        kind="command",
        created_by=user,
        status=ImportStatus.RUNNING,
        heartbeat_at=timezone.now(),
        attempt=1,
        mapping=mapping.to_dict() if mapping else None,
    )
    result = CommandResult(job=job)
    try:
        source = _store(event, path, user) if store_source else None
        if source is not None:
            job.source_files.add(source)
        _stream(job, path, fmt, mapping, default_outlet, source, result, progress)
        with transaction.atomic():
            result.created = publish(job=job)
            job.status, job.finished_at = ImportStatus.SUCCEEDED, timezone.now()
            job.summary = {
                "created": result.created,
                "skipped": result.skipped,
                "rejected": len(result.rejections),
            }
            job.save(update_fields=["status", "finished_at", "summary"])
            if analyse and result.created:
                analyse_event_on_commit(event)
    except BaseException as err:  # Ctrl-C included: leave nothing half-imported
        staged_delete(job=job)
        job.status, job.error = ImportStatus.FAILED, str(err) or type(err).__name__
        job.save(update_fields=["status", "error"])
        raise
    return result


def discard_abandoned(*, event: Event) -> int:
    """Staged rows of earlier command runs that died (killed process) are removed."""
    count = 0
    for job in ImportJob.objects.filter(event=event, kind="command").exclude(
        status=ImportStatus.SUCCEEDED
    ):
        count += staged_delete(job=job)
        if job.status != ImportStatus.FAILED:
            job.status, job.error = ImportStatus.FAILED, "abandoned (the process stopped)"
            job.save(update_fields=["status", "error"])
    return count


def _store(event: Event, path: Path, user: User | None):
    with open(path, "rb") as handle:
        return source_store_upload(
            workspace=event.workspace, upload=File(handle), user=user, name=path.name
        )


def _stream(job, path, fmt, mapping, default_outlet, source, result, progress) -> None:
    event = job.event
    seen = set(Article.objects.filter(event=event).values_list("content_hash", flat=True))
    outlets, labels = OutletCache(event.workspace), LabelIndex(event.workspace)
    size, chunk = os.path.getsize(path), []
    limits = import_limits()
    with open(path, "rb") as raw:
        counting = _Counting(raw)
        stream = io.BufferedReader(counting, buffer_size=256 * 1024)
        records = iter_records(stream, fmt, name=path.name, mapping=mapping, limits=limits)
        for record in records:
            row = _row(record, result, seen, default_outlet, source)
            if row is not None:
                chunk.append(row)
            if len(chunk) >= conf("CHUNK_SIZE"):
                _flush(job, chunk, outlets, labels, result, progress, counting.count, size)
                chunk = []
        _flush(job, chunk, outlets, labels, result, progress, size, size)


def _row(record, result: CommandResult, seen: set[str], default_outlet: str, source):
    if isinstance(record, Rejection):
        result.rejections.append(record)
        return None
    assert isinstance(record, ParsedArticle)
    from articles.services import text_sha256

    digest = text_sha256(record.text)
    if digest in seen:
        result.skipped += 1
        return None
    url = record.url if record.url and valid_url(record.url) else ""
    outlet = record.outlet or outlet_from_url(url) or default_outlet
    if not outlet:
        result.rejections.append(
            Rejection(
                record.source_name,
                record.location or "",
                "outlet",
                "no outlet given (use --outlet)",
            )
        )
        return None
    seen.add(digest)
    return ArticleRow(
        title=record.title,
        text=record.text,
        outlet=outlet,
        origin=record.origin or "",
        published=record.published,
        url=url,
        byline=record.byline or "",
        language=record.language or "",
        source_format=record.source_format,
        source_file=source,
        source_location=record.location or "",
        spans=record.spans,
    )


def _flush(job, chunk, outlets, labels, result, progress, done, size) -> None:
    if chunk:
        with transaction.atomic():
            write_chunk(
                job=job,
                event=job.event,
                rows=chunk,
                user=job.created_by,
                outlets=outlets,
                labels=labels,
            )
            job.progress += len(chunk)
            job.heartbeat_at = timezone.now()
            job.save(update_fields=["progress", "heartbeat_at"])
    if progress is not None:
        progress(done, size, job.progress)
