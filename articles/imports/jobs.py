"""Import step 2: confirm a preview, write it (inline or as a task), restart or discard it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from articles.ingestion.dates import DateParseError, parse_published
from articles.models import ImportItem, ImportJob, ImportStatus, ItemDecision, ItemKind

from .config import conf
from .items import valid_url
from .preview import TO_WRITE
from .sources import source_delete_unused
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
EDITABLE = ("title", "outlet", "origin", "published", "url", "byline")
ACTIVE = (ImportStatus.QUEUED, ImportStatus.RUNNING)


class _Superseded(Exception):
    """The job was restarted or discarded while this worker was writing it."""


def import_commit(
    *, job: ImportJob, decisions: Mapping[int, Mapping[str, str]], user: User
) -> ImportJob:
    """Apply the analyst's edits and choices, then import: inline when small, else as a task.

    ``decisions`` maps item id to {"decision": create|skip|republication, and any of
    title, outlet, origin, published, url, byline}. Invalid input saves nothing.
    """
    if job.status != ImportStatus.PREVIEW:
        raise ValidationError("This import was already confirmed or discarded.")
    items = job.items.exclude(kind=ItemKind.REJECTED).in_bulk(list(decisions))
    errors = [e for pk, change in decisions.items() for e in _apply(items.get(pk), change)]
    missing = [i for i in items.values() if i.decision in TO_WRITE and not i.outlet.strip()]
    errors += [f"{_where(i)}: which outlet published it?" for i in missing]
    unedited = job.items.filter(decision__in=TO_WRITE, outlet="").exclude(pk__in=list(items))
    errors += [f"{_where(i)}: which outlet published it?" for i in unedited[:20]]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        ImportItem.objects.bulk_update(list(items.values()), ["decision", *EDITABLE])
        job.total = job.items.filter(decision__in=TO_WRITE).count()
        if not job.total:
            raise ValidationError("Nothing to import: every item is skipped or rejected.")
        _queue(job)
    return _dispatch(job)


def _where(item: ImportItem) -> str:
    return f"{item.source_name}, {item.location}" if item.location else item.source_name


def _apply(item: ImportItem | None, change: Mapping[str, str]) -> list[str]:
    if item is None:
        return ["An item of this import no longer exists; reload the preview."]
    decision = change.get("decision", item.decision)
    if decision not in ItemDecision.values:
        return [f"{_where(item)}: unknown choice {decision!r}"]
    if decision == ItemDecision.REPUBLICATION and not (
        item.duplicate_of_article_id or item.duplicate_of_item_id
    ):
        return [f"{_where(item)}: only a duplicate can be kept as a republication"]
    item.decision = decision
    for name in EDITABLE:
        if name in change:
            setattr(item, name, " ".join(str(change[name]).split()))
    errors = []
    if item.decision in TO_WRITE and not item.title:
        errors.append(f"{_where(item)}: the title is empty")
    if item.url and not valid_url(item.url):
        errors.append(f"{_where(item)}: '{item.url[:80]}' is not a valid http(s) URL")
    try:
        parse_published(item.published or None)
    except DateParseError as err:
        errors.append(f"{_where(item)}: published date {err}")
    return errors


def _queue(job: ImportJob) -> None:
    job.status = ImportStatus.QUEUED
    job.attempt += 1
    job.progress = 0
    job.error = ""
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "attempt", "progress", "error", "heartbeat_at", "total"])


def _dispatch(job: ImportJob) -> ImportJob:
    if job.total <= conf("INLINE_MAX_ARTICLES"):
        return job_run(job_id=job.pk, attempt=job.attempt)
    from .tasks import run_import_job

    run_import_job.enqueue(job.pk, job.attempt)
    job.refresh_from_db()
    return job


def job_run(*, job_id: int, attempt: int) -> ImportJob:
    """Write a confirmed job in short chunks, then publish it in one step (the task's body)."""
    job = ImportJob.objects.select_related("event__workspace").get(pk=job_id)
    if job.attempt != attempt or job.status not in ACTIVE:
        return job
    _beat(job, status=ImportStatus.RUNNING)
    try:
        _write_items(job, attempt)
        with transaction.atomic():
            _check_attempt(job, attempt)
            created = publish(job=job)
            job.status, job.finished_at = ImportStatus.SUCCEEDED, timezone.now()
            job.summary = {**job.summary, "created": created}
            job.save(update_fields=["status", "finished_at", "summary"])
            analyse_event_on_commit(job.event)
    except _Superseded:
        return job
    except Exception as err:  # a worker must leave a failed, restartable job, never a half-import
        log.exception("import %s failed", job.pk)
        _fail(job, err)
        return job
    job.items.update(text="")  # the articles hold the text now
    source_delete_unused(sources=job.source_files.all())
    return job


def _write_items(job: ImportJob, attempt: int) -> None:
    outlets, labels = OutletCache(job.workspace), LabelIndex(job.workspace)
    written = dict(job.items.filter(article__isnull=False).values_list("pk", "article_id"))
    pending = job.items.filter(decision__in=TO_WRITE, article__isnull=True).order_by("position")
    ids = list(pending.values_list("pk", flat=True))
    size = conf("CHUNK_SIZE")
    for start in range(0, len(ids), size):
        _check_attempt(job, attempt)
        chunk = list(
            ImportItem.objects.filter(pk__in=ids[start : start + size])
            .select_related("source_file", "duplicate_of_item")
            .order_by("position")
        )
        in_chunk = {item.pk: n for n, item in enumerate(chunk)}
        rows = [_row(item, written, in_chunk) for item in chunk]
        with transaction.atomic():
            articles = write_chunk(
                job=job,
                event=job.event,
                rows=rows,
                user=job.created_by,
                outlets=outlets,
                labels=labels,
            )
            for item, article in zip(chunk, articles, strict=True):
                item.article = article
                written[item.pk] = article.pk
            ImportItem.objects.bulk_update(chunk, ["article"])
            job.progress += len(chunk)
            _beat(job)


def _row(item: ImportItem, written: dict[int, int], in_chunk: dict[int, int]) -> ArticleRow:
    target = target_row = None
    if item.decision == ItemDecision.REPUBLICATION:
        target = item.duplicate_of_article_id
        dup = item.duplicate_of_item
        if dup is not None and dup.pk in in_chunk:
            target_row = in_chunk[dup.pk]
        elif dup is not None:
            # a skipped original that was itself a copy of an event article: link to that one
            target = written.get(dup.pk) or dup.duplicate_of_article_id
    return ArticleRow(
        title=item.title,
        text=item.text,
        outlet=item.outlet,
        origin=item.origin,
        published=parse_published(item.published or None),
        url=item.url,
        byline=item.byline,
        language=item.language,
        source_format=item.source_format,
        source_file=item.source_file,
        source_location=item.location,
        republication_of_id=target,
        republication_of_row=target_row,
        spans=item.spans,
    )


def _beat(job: ImportJob, *, status: str | None = None) -> None:
    job.heartbeat_at = timezone.now()
    fields = ["heartbeat_at", "progress"]
    if status:
        job.status = status
        fields.append("status")
    job.save(update_fields=fields)


def _check_attempt(job: ImportJob, attempt: int) -> None:
    current = ImportJob.objects.filter(pk=job.pk).values_list("attempt", "status").first()
    if current is None or current[0] != attempt or current[1] not in ACTIVE:
        raise _Superseded


def _fail(job: ImportJob, err: Exception) -> None:
    staged_delete(job=job)
    job.items.update(article=None)
    job.status, job.finished_at = ImportStatus.FAILED, timezone.now()
    job.error = str(err) or type(err).__name__
    job.progress = 0
    job.save(update_fields=["status", "finished_at", "error", "progress"])


def job_stalled(job: ImportJob) -> bool:
    """A queued/running job whose worker has not reported for STALL_SECONDS (it likely died)."""
    if job.status not in ACTIVE or job.heartbeat_at is None:
        return False
    limit = dt.timedelta(seconds=conf("STALL_SECONDS"))
    return timezone.now() - job.heartbeat_at > limit


def job_restart(*, job: ImportJob, user: User) -> ImportJob:
    """Start a failed or stalled job again from scratch (its staged rows are removed first)."""
    if not (job.status == ImportStatus.FAILED or job_stalled(job)):
        raise ValidationError("Only a failed or stalled import can be restarted.")
    with transaction.atomic():
        staged_delete(job=job)
        job.items.update(article=None)
        _queue(job)
    return _dispatch(job)


def job_discard(*, job: ImportJob, user: User) -> ImportJob:
    """Drop an unconfirmed, failed or stalled import, with everything it staged or stored."""
    if job.status in ACTIVE and not job_stalled(job):
        raise ValidationError("This import is running; wait for it or until it shows as stalled.")
    if job.status == ImportStatus.SUCCEEDED:
        raise ValidationError("This import is finished; delete its articles one by one instead.")
    with transaction.atomic():
        job.status, job.attempt = ImportStatus.DISCARDED, job.attempt + 1
        job.save(update_fields=["status", "attempt"])
        staged_delete(job=job)
        job.items.all().delete()
    source_delete_unused(sources=job.source_files.all())
    return job


def job_state(job: ImportJob) -> dict:
    """What the job page polls."""
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job.get_status_display(),
        "stalled": job_stalled(job),
        "progress": job.progress,
        "total": job.total,
        "error": job.error,
        "summary": job.summary,
        "done": job.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED, ImportStatus.DISCARDED),
        "event_url": job.event.get_absolute_url(),
    }
