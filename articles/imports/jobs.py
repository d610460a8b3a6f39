"""Import step 2: confirm a preview, write it (inline or as a task), restart or discard it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Mapping
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils import timezone

from accounts.models import User
from articles.ingestion.dates import DateParseError, parse_published
from articles.models import ImportItem, ImportJob, ImportStatus, ItemDecision, ItemKind
from ops.config import conf as ops_conf
from ops.health import workers_alive

from .config import conf
from .items import items_delete, valid_url
from .preview import TO_WRITE
from .runs import ACTIVE, Chunk, Superseded, job_fail, job_guard, write_and_publish
from .sources import source_delete_unused
from .writer import ArticleRow, staged_delete

log = logging.getLogger(__name__)
EDITABLE = ("title", "outlet", "origin", "published", "url", "byline")
ALREADY_CONFIRMED = "This import was already confirmed or discarded."
STILL_READING = "The files of this import are still being read; confirm once the preview shows."


def import_commit(
    *, job: ImportJob, decisions: Mapping[int, Mapping[str, str]], user: User
) -> ImportJob:
    """Apply the analyst's edits and choices, then import: inline when small, else as a task.

    ``decisions`` maps item id to {"decision": create|skip|republication, and any of
    title, outlet, origin, published, url, byline}. Invalid input saves nothing.
    """
    if job.status == ImportStatus.READING:
        raise ValidationError(STILL_READING)
    if job.status != ImportStatus.PREVIEW:
        raise ValidationError(ALREADY_CONFIRMED)
    items = job.items.exclude(kind=ItemKind.REJECTED).in_bulk(list(decisions))
    errors = [e for pk, change in decisions.items() for e in _apply(items.get(pk), change)]
    missing = [i for i in items.values() if i.decision in TO_WRITE and not i.outlet.strip()]
    errors += [f"{_where(i)}: which outlet published it?" for i in missing]
    unedited = job.items.filter(decision__in=TO_WRITE, outlet="").exclude(pk__in=list(items))
    errors += [f"{_where(i)}: which outlet published it?" for i in unedited[:20]]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # claimed first: a second confirm of the same preview stops here, before any write
        _claim(job, Q(status=ImportStatus.PREVIEW), ALREADY_CONFIRMED)
        ImportItem.objects.bulk_update(list(items.values()), ["decision", *EDITABLE])
        job.total = job.items.filter(decision__in=TO_WRITE).count()
        if not job.total:
            raise ValidationError("Nothing to import: every item is skipped or rejected.")
        job.save(update_fields=["total"])
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


def _claim(job: ImportJob, allowed: Q, refused: str, progress: int = 0) -> None:
    """Move the job to QUEUED under a new attempt in one conditional UPDATE.

    Two requests (a double-click) read the same row; only one UPDATE can still match it,
    the other gets ``refused``. The caller holds the transaction.
    """
    claimed = ImportJob.objects.filter(allowed, pk=job.pk).update(
        status=ImportStatus.QUEUED,
        attempt=F("attempt") + 1,
        progress=progress,
        error="",
        heartbeat_at=timezone.now(),
        finished_at=None,
    )
    if not claimed:
        raise ValidationError(refused)
    job.refresh_from_db()


def _stalled_q() -> Q:
    """The database's form of ``job_stalled``, for conditional UPDATEs."""
    now = timezone.now()
    stale = Q(heartbeat_at__lt=now - dt.timedelta(seconds=conf("STALL_SECONDS")))
    queued = stale
    if workers_alive():
        queued = Q(heartbeat_at__lt=now - dt.timedelta(seconds=ops_conf("QUEUE_STALE_SECONDS")))
    working = (ImportStatus.RUNNING, ImportStatus.READING)
    return (Q(status__in=working) & stale) | (Q(status=ImportStatus.QUEUED) & queued)


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
    try:
        job_guard(job, attempt, status=ImportStatus.RUNNING)
        write_and_publish(job, attempt, _chunks(job))
    except Superseded:
        job.refresh_from_db()
        return job
    except Exception as err:  # a worker must leave a failed, restartable job, never a half-import
        log.exception("import %s failed", job.pk)
        job_fail(job, attempt, err)
        return job
    job.items.update(text="")  # the articles hold the text now
    source_delete_unused(sources=job.source_files.all())
    return job


def _chunks(job: ImportJob) -> Iterator[Chunk]:
    """The items not written yet (a resumed job skips those a dead worker already wrote)."""
    written = dict(job.items.filter(article__isnull=False).values_list("pk", "article_id"))
    pending = job.items.filter(decision__in=TO_WRITE, article__isnull=True).order_by("position")
    sizes = list(pending.annotate(chars=Length("text")).values_list("pk", "chars"))
    for ids in _batches(sizes, conf("CHUNK_SIZE"), conf("CHUNK_CHARS")):
        chunk = list(
            ImportItem.objects.filter(pk__in=ids)
            .select_related("source_file", "duplicate_of_item")
            .order_by("position")
        )
        in_chunk = {item.pk: n for n, item in enumerate(chunk)}
        rows = [_row(item, written, in_chunk) for item in chunk]
        yield Chunk(rows, partial(_link_items, chunk, written))


def _batches(sizes: list[tuple[int, int]], count: int, chars: int) -> Iterator[list[int]]:
    """Ids in order, at most ``count`` per batch and about ``chars`` of text: each batch is
    one write transaction, and its end is the job's heartbeat."""
    batch: list[int] = []
    total = 0
    for pk, size in sizes:
        if batch and (len(batch) >= count or total + (size or 0) > chars):
            yield batch
            batch, total = [], 0
        batch.append(pk)
        total += size or 0
    if batch:
        yield batch


def _link_items(chunk: list[ImportItem], written: dict[int, int], articles) -> None:
    for item, article in zip(chunk, articles, strict=True):
        item.article = article
        written[item.pk] = article.pk
    ImportItem.objects.bulk_update(chunk, ["article"])


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


def job_stalled(job: ImportJob) -> bool:
    """The job's worker stopped reporting: it likely died, and the job can be resumed.

    A running (or reading) job writes its heartbeat with every chunk; STALL_SECONDS without
    one means its process is gone. A queued job waits for a worker: it is stalled only when
    no worker is alive, or when it has waited QUEUE_STALE_SECONDS although one is.
    """
    if job.status not in STALLABLE or job.heartbeat_at is None:
        return False
    age = (timezone.now() - job.heartbeat_at).total_seconds()
    if job.status == ImportStatus.QUEUED and workers_alive():
        return age > ops_conf("QUEUE_STALE_SECONDS")
    return age > conf("STALL_SECONDS")


STALLABLE = (*ACTIVE, ImportStatus.READING)


def job_restart(*, job: ImportJob, user: User) -> ImportJob:
    """Run a failed or stalled job again.

    A stalled job resumes: each chunk its dead worker wrote is staged and linked to its items
    in one transaction, so exactly the items without an article are still to write. A failed
    job removed its staged rows when it failed, so it starts from the first item.
    """
    if job.kind == "command":
        raise ValidationError("Run the import_articles command again to resume this import.")
    with transaction.atomic():
        resumable = Q(status=ImportStatus.FAILED) | (_stalled_q() & Q(status__in=ACTIVE))
        done = job.items.filter(decision__in=TO_WRITE, article__isnull=False).count()
        _claim(job, resumable, "Only a failed or stalled import can be restarted.", done)
    return _dispatch(job)


def job_discard(*, job: ImportJob, user: User) -> ImportJob:
    """Drop an unconfirmed, failed or stalled import, with everything it staged or stored."""
    if job.status == ImportStatus.SUCCEEDED:
        raise ValidationError("This import is finished; delete its articles one by one instead.")
    droppable = Q(status__in=(ImportStatus.PREVIEW, ImportStatus.FAILED)) | _stalled_q()
    dropped = ImportJob.objects.filter(droppable, pk=job.pk).update(
        status=ImportStatus.DISCARDED, attempt=F("attempt") + 1
    )
    if not dropped:
        raise ValidationError(
            "This import is running or finished; wait for it or until it shows as stalled."
        )
    # DISCARDED is final (no restart can begin), so the clean-up may take many short steps
    staged_delete(job=job)
    items_delete(items=job.items.all())
    job.refresh_from_db()
    source_delete_unused(sources=job.source_files.all())
    return job


def job_state(job: ImportJob) -> dict:
    """What the job page polls."""
    stalled = job_stalled(job)
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job.get_status_display(),
        "stalled": stalled,
        "stall_reason": _stall_reason(job) if stalled else "",
        "resumable": job.kind != "command"
        and (stalled or job.status == ImportStatus.FAILED)
        and job.status != ImportStatus.READING,
        "progress": job.progress,
        "total": job.total,
        "error": job.error,
        "summary": job.summary,
        "done": job.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED, ImportStatus.DISCARDED),
        "event_url": job.event.get_absolute_url(),
    }


def _stall_reason(job: ImportJob) -> str:
    if job.status == ImportStatus.QUEUED and not workers_alive():
        return "No background worker is running (start one with manage.py run_worker)."
    if job.status == ImportStatus.QUEUED:
        return "The workers have not taken this import for a long time."
    if job.status == ImportStatus.READING:
        return "The request reading the files stopped; discard this import and upload again."
    return "The worker writing this import stopped reporting; resume it or discard it."
