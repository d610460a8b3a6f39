"""Export jobs: queue one, run its generator in a worker, report progress, expire files.

Every write is one conditional UPDATE naming the run (``started_at``), so a worker that
was taken for dead and replaced never overwrites its successor's progress or file.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename

from accounts.models import User
from articles.models import Event
from ops.health import workers_alive
from reports import tasks
from reports.exports.config import conf
from reports.exports.registry import KINDS, ExportCancelled, ExportOutput
from reports.models import ExportJob, ExportStatus

log = logging.getLogger(__name__)
ACTIVE = (ExportStatus.QUEUED, ExportStatus.RUNNING)
FOLDER = "exports"


def export_start(
    *,
    user: User,
    event: Event,
    kind: str,
    params: Mapping[str, Any] | None = None,
    base_url: str = "",
) -> ExportJob:
    """Queue an export of ``event`` and return at once; the caller has checked the rights
    (``KINDS[kind].capability``). Bad params raise ``ValidationError`` before anything is
    stored. ``base_url`` ("https://host", from the request) is kept as ``params["base_url"]``
    so links in the file work outside the site."""
    spec = KINDS.get(kind)
    if spec is None:
        raise ValidationError(f"Unknown export format {kind!r}.")
    clean = spec.clean(params or {}) if spec.clean else dict(params or {})
    job = ExportJob(
        workspace_id=event.workspace_id,
        event=event,
        created_by=user,
        kind=kind,
        params={**clean, "base_url": base_url} if base_url else clean,
        heartbeat_at=timezone.now(),
    )
    job.full_clean()
    job.save()
    exports_expire()  # one indexed query when nothing expired: no scheduler needed
    tasks.run_export.enqueue(job.pk)
    job.refresh_from_db()
    return job


def export_run(*, job_id: int) -> ExportJob | None:
    """The task's body: claim the job, run its generator, store the file (or the error)."""
    job = ExportJob.objects.select_related("event", "workspace").filter(pk=job_id).first()
    if job is None or not _claim(job):
        return job
    try:
        spec = KINDS.get(job.kind)
        if spec is None:
            raise ValidationError(f"Unknown export format {job.kind!r}.")
        output = ExportOutput(*spec.generator(job, _Progress(job)))
        _store(job, output)
    except ExportCancelled:
        pass
    except ValidationError as err:
        _fail(job, " ".join(err.messages))
    except Exception as err:  # a worker must leave a failed job the user can see, not a spinner
        log.exception("export %s (%s) failed", job.pk, job.kind)
        _fail(job, f"The export failed ({type(err).__name__}). Try again, or tell an owner.")
    return ExportJob.objects.filter(pk=job_id).first()  # None: its event was deleted meanwhile


def _claim(job: ExportJob) -> bool:
    """Move a queued job (or one whose worker died) to RUNNING under a new ``started_at``."""
    now = timezone.now()
    claimable = Q(status=ExportStatus.QUEUED) | Q(
        status=ExportStatus.RUNNING, heartbeat_at__lt=now - _stall()
    )
    claimed = ExportJob.objects.filter(claimable, pk=job.pk).update(
        status=ExportStatus.RUNNING, started_at=now, heartbeat_at=now, progress=0, error=""
    )
    job.refresh_from_db()
    return bool(claimed)


def _stall() -> dt.timedelta:
    return dt.timedelta(seconds=conf("STALL_SECONDS"))


def _mine(job: ExportJob):
    """This run's row: still running and claimed by this run."""
    return ExportJob.objects.filter(
        pk=job.pk, status=ExportStatus.RUNNING, started_at=job.started_at
    )


class _Progress:
    """The ``progress(percent, message="")`` handed to generators. Writes at most twice a
    second (a generator may call it per row), and at least a heartbeat every 5 s it is called."""

    def __init__(self, job: ExportJob) -> None:
        self.job = job
        self.last: tuple[int, str] = (0, "")
        self.written = time.monotonic() - 60  # the first call always writes

    def __call__(self, percent: float, message: str = "") -> None:
        state = (max(0, min(99, int(percent))), message[:200])
        since = time.monotonic() - self.written
        if since < 5 and (state == self.last or since < 0.5):
            return
        updated = _mine(self.job).update(
            progress=state[0], message=state[1], heartbeat_at=timezone.now()
        )
        if not updated:
            raise ExportCancelled
        self.last, self.written = state, time.monotonic()


def _store(job: ExportJob, output: ExportOutput) -> None:
    """Save the file outside any transaction, then mark the job done; a run that lost its
    claim meanwhile deletes what it saved."""
    filename = get_valid_filename(output.filename) or f"export-{job.pk}"
    content = output.content
    body = ContentFile(content) if isinstance(content, bytes) else File(content)
    try:
        name = default_storage.save(f"{FOLDER}/{job.pk}/{filename}", body)
    finally:
        if not isinstance(content, bytes):
            content.close()
    now = timezone.now()
    done = _mine(job).update(
        status=ExportStatus.SUCCEEDED,
        file=name,
        filename=filename,
        content_type=output.content_type,
        size=default_storage.size(name),
        progress=100,
        message="",
        heartbeat_at=now,
        finished_at=now,
        expires_at=now + dt.timedelta(hours=conf("TTL_HOURS")),
    )
    if not done:
        default_storage.delete(name)


def _fail(job: ExportJob, message: str) -> None:
    now = timezone.now()
    _mine(job).update(
        status=ExportStatus.FAILED,
        error=message[:2000],
        message="",
        finished_at=now,
        expires_at=now + dt.timedelta(hours=conf("TTL_HOURS")),
    )


def export_stalled(job: ExportJob) -> bool:
    """The worker stopped reporting (RUNNING), or no worker is there to take it (QUEUED)."""
    if job.status not in ACTIVE or job.heartbeat_at is None:
        return False
    age = timezone.now() - job.heartbeat_at
    if job.status == ExportStatus.QUEUED:
        return age > _stall() and not workers_alive()
    return age > _stall()


def export_state(job: ExportJob) -> dict[str, Any]:
    """What the browser polls (and the page renders first)."""
    spec = KINDS.get(job.kind)
    stalled = export_stalled(job)
    ready = export_ready(job)
    return {
        "id": job.pk,
        "kind": job.kind,
        "label": spec.label if spec else job.kind,
        "status": job.status,
        "status_label": "Stalled" if stalled else job.get_status_display(),
        "progress": job.progress,
        "message": job.message,
        "error": job.error or (_stall_reason(job) if stalled else ""),
        "stalled": stalled,
        "done": job.status not in ACTIVE,
        "filename": job.filename,
        "size": job.size,
        "created_at": job.created_at.isoformat(),
        "expires_at": job.expires_at.isoformat() if job.expires_at else None,
        "url": job.get_absolute_url(),
        "state_url": reverse("reports:export_state", args=[job.pk]),
        "download_url": reverse("reports:export_download", args=[job.pk]) if ready else "",
    }


def export_ready(job: ExportJob) -> bool:
    """The file is there to download (an expired one may wait for the clean-up: refused)."""
    fresh = job.expires_at is None or job.expires_at > timezone.now()
    return job.status == ExportStatus.SUCCEEDED and bool(job.file) and fresh


def _stall_reason(job: ExportJob) -> str:
    if job.status == ExportStatus.QUEUED:
        return "No background worker is running (start one with manage.py run_worker)."
    return "The worker making this file stopped reporting; start the export again."


def exports_cleanup(*, now: dt.datetime | None = None) -> int:
    """``exports_expire`` plus the files no job row names any more (their event was
    deleted); returns how many files went. ``manage.py cleanup_exports`` runs it."""
    return exports_expire(now=now) + _orphans_delete()


def exports_expire(*, now: dt.datetime | None = None) -> int:
    """Delete the files of expired exports (the rows stay a while, marked expired, so the
    panel can say so), and rows past RETENTION_DAYS (a job that never ran has no expiry:
    its age counts); returns how many files went."""
    now = now or timezone.now()
    old = now - dt.timedelta(days=conf("RETENTION_DAYS"))
    expired = ExportJob.objects.filter(expires_at__lt=now).exclude(status=ExportStatus.EXPIRED)
    stale = ExportJob.objects.filter(Q(expires_at__lt=old) | Q(created_at__lt=old))
    files = dict(expired.exclude(file="").values_list("pk", "file"))
    files.update(stale.exclude(file="").values_list("pk", "file"))
    for name in files.values():
        default_storage.delete(name)
    # by id: a job that expires meanwhile keeps its file until the next clean-up
    ExportJob.objects.filter(pk__in=list(files)).update(file="")
    expired.filter(file="").update(status=ExportStatus.EXPIRED)
    stale.delete()
    return len(files)


def _orphans_delete() -> int:
    """Folders ``exports/<job id>/`` whose job no longer exists."""
    try:
        folders, _ = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    ids = {int(f) for f in folders if f.isdigit()}
    orphans = ids - set(ExportJob.objects.filter(pk__in=ids).values_list("pk", flat=True))
    gone = 0
    for pk in orphans:
        for name in default_storage.listdir(f"{FOLDER}/{pk}")[1]:
            default_storage.delete(f"{FOLDER}/{pk}/{name}")
            gone += 1
    return gone
