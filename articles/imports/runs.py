"""Writing a running job: chunks and the final publish, each guarded by the job's attempt.

A restart or discard bumps ``ImportJob.attempt`` (or changes the status) in one conditional
UPDATE. Every write of a worker starts its transaction with a conditional UPDATE on the same
row, so a worker that lost the job notices inside the transaction that would have written,
and its writes roll back instead of mixing with the new attempt's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.ingestion import IngestionError
from articles.models import Article, ImportJob, ImportStatus

from .writer import (
    ArticleRow,
    LabelIndex,
    OutletCache,
    analyse_event_on_commit,
    publish,
    staged_delete,
    write_chunk,
)

log = logging.getLogger(__name__)
ACTIVE = (ImportStatus.QUEUED, ImportStatus.RUNNING)
UNEXPECTED = "The import failed because of an internal error; it has been logged."


class Superseded(Exception):
    """The job was restarted, discarded or taken over while this worker was writing it."""


@dataclass(slots=True)
class Chunk:
    """Rows written in one short transaction; ``written`` sees their articles before commit."""

    rows: list[ArticleRow]
    written: Callable[[list[Article]], None] | None = None


def job_guard(job: ImportJob, attempt: int, **changes) -> None:
    """Heartbeat (plus ``changes``) if ``attempt`` still owns the job, else ``Superseded``."""
    owned = ImportJob.objects.filter(pk=job.pk, attempt=attempt, status__in=ACTIVE).update(
        heartbeat_at=timezone.now(), **changes
    )
    if not owned:
        raise Superseded


def write_and_publish(
    job: ImportJob,
    attempt: int,
    chunks: Iterable[Chunk],
    *,
    summary: Callable[[], dict] = dict,
    analyse: bool = True,
) -> int:
    """Write ``chunks`` as staged articles, then publish them all and mark the job succeeded.

    Returns the number of articles published. ``summary`` is called once every chunk is
    written (a streaming reader knows its skip and reject counts only then).
    """
    outlets, labels = OutletCache(job.workspace), LabelIndex(job.workspace)
    for chunk in chunks:
        if not chunk.rows:
            continue
        with transaction.atomic():
            job_guard(job, attempt, progress=F("progress") + len(chunk.rows))
            articles = write_chunk(
                job=job,
                event=job.event,
                rows=chunk.rows,
                user=job.created_by,
                outlets=outlets,
                labels=labels,
            )
            if chunk.written is not None:
                chunk.written(articles)
    with transaction.atomic():
        job_guard(job, attempt, status=ImportStatus.SUCCEEDED, finished_at=timezone.now())
        created = publish(job=job)
        job.summary = {**job.summary, **summary(), "created": created}
        ImportJob.objects.filter(pk=job.pk).update(summary=job.summary)
        if analyse and created:
            analyse_event_on_commit(job.event)
    job.refresh_from_db(fields=["status", "finished_at", "progress", "heartbeat_at"])
    return created


def job_fail(job: ImportJob, attempt: int, err: BaseException) -> bool:
    """Remove what the attempt staged, then mark it failed; False if it no longer owns the job.

    Removal comes first, in short transactions each guarded by the attempt (a superseded
    worker must not touch rows that may belong to the newer attempt): once the job shows
    FAILED a restart may begin, and must find nothing of this attempt left.
    """
    try:
        staged_delete(job=job, guard=lambda: job_guard(job, attempt))
    except Superseded:
        job.refresh_from_db()
        return False
    owned = ImportJob.objects.filter(pk=job.pk, attempt=attempt, status__in=ACTIVE).update(
        status=ImportStatus.FAILED,
        finished_at=timezone.now(),
        error=error_message(err),
        progress=0,
    )
    job.refresh_from_db()
    return bool(owned)


def error_message(err: BaseException) -> str:
    """What the job page may show: our own messages as they are, anything else generic."""
    if isinstance(err, IngestionError):
        return str(err)
    if isinstance(err, ValidationError):
        return " ".join(err.messages)
    if isinstance(err, KeyboardInterrupt):
        return "interrupted"
    return UNEXPECTED
