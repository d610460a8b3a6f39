"""Streaming import of a large local file (the ``import_articles`` command).

Memory stays bounded: records are read one at a time and written in chunks of staged
articles, published in one step at the end. Re-running is idempotent: an article whose
content hash is already in the event is skipped.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.utils import timezone

from accounts.models import User
from articles.ingestion import ColumnMapping, IngestionError, Rejection, iter_records
from articles.models import Article, Event, ImportJob, ImportStatus
from articles.services import text_sha256

from .config import conf, import_limits
from .items import row_from_record
from .jobs import job_stalled
from .runs import ACTIVE, Chunk, Superseded, job_fail, write_and_publish
from .sources import source_store_upload
from .writer import staged_delete

Progress = Callable[[int, int, int], None]  # bytes read, total bytes, articles so far


@dataclass
class CommandResult:
    job: ImportJob
    created: int = 0
    skipped: int = 0
    written: int = 0  # staged so far, for the progress bar
    rejections: list[Rejection] = field(default_factory=list)

    def summary(self) -> dict:
        return {"skipped": self.skipped, "rejected": len(self.rejections)}


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
        chunks = _chunks(job, path, fmt, mapping, default_outlet, source, result, progress)
        result.created = write_and_publish(
            job, job.attempt, chunks, summary=result.summary, analyse=analyse
        )
    except Superseded as err:
        # another run found this one stalled and cleaned it up: nothing of it is left
        raise IngestionError(
            "this run was taken over as stalled by another import_articles run on the event"
        ) from err
    except BaseException as err:  # Ctrl-C included: leave nothing half-imported
        job_fail(job, job.attempt, err)
        raise
    return result


def discard_abandoned(*, event: Event) -> int:
    """Staged rows of earlier command runs that died (killed process) are removed.

    A run still reporting progress is left alone: two runs on one event may go side by side.
    """
    count = 0
    for job in ImportJob.objects.filter(event=event, kind="command").exclude(
        status=ImportStatus.SUCCEEDED
    ):
        if job.status in ACTIVE:
            if not job_stalled(job):
                continue
            # the conditional update decides who cleans up, and stops a worker that was only slow
            err = IngestionError("abandoned (the process stopped)")
            if not job_fail(job, job.attempt, err):
                continue
        count += staged_delete(job=job)
    return count


def _store(event: Event, path: Path, user: User | None):
    with open(path, "rb") as handle:
        return source_store_upload(
            workspace=event.workspace, upload=File(handle), user=user, name=path.name
        )


def _chunks(job, path, fmt, mapping, default_outlet, source, result, progress) -> Iterator[Chunk]:
    seen = set(Article.objects.filter(event=job.event).values_list("content_hash", flat=True))
    size, rows, chars = os.path.getsize(path), [], 0
    with open(path, "rb") as raw:
        counting = _Counting(raw)
        stream = io.BufferedReader(counting, buffer_size=256 * 1024)
        records = iter_records(stream, fmt, name=path.name, mapping=mapping, limits=import_limits())
        for record in records:
            row = _row(record, result, seen, default_outlet, source)
            if row is not None:
                rows.append(row)
                chars += len(row.text)
            if len(rows) >= conf("CHUNK_SIZE") or chars >= conf("CHUNK_CHARS"):
                yield Chunk(rows)
                result.written += len(rows)
                rows, chars = [], 0
                if progress is not None:
                    progress(counting.count, size, result.written)
        yield Chunk(rows)
        result.written += len(rows)
    if progress is not None:
        progress(size, size, result.written)


def _row(record, result: CommandResult, seen: set[str], default_outlet: str, source):
    if isinstance(record, Rejection):
        result.rejections.append(record)
        return None
    digest = text_sha256(record.text)
    if digest in seen:
        result.skipped += 1
        return None
    row, _ = row_from_record(record, default_outlet=default_outlet, source=source)
    if not row.outlet:
        why = "no outlet given (use --outlet)"
        where = record.location or ""
        result.rejections.append(Rejection(record.source_name, where, "outlet", why))
        return None
    seen.add(digest)
    return row
