"""Writes of the reports feature: saved configurations, generation jobs and share links."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from articles.models import Event
from reports.models import (
    ReportFormat,
    ReportJob,
    ReportJobStatus,
    SavedReport,
    ShareLink,
)
from reports.report.config import ReportConfig
from reports.report.content import build_report
from reports.report.docx import report_docx
from reports.report.html import report_html
from reports.report.methodology import data_fingerprint
from reports.report.pdf import report_pdf
from reports.summary import event_model_version

MAX_SHARE_DAYS = 90


def config_article_ids(event: Event, config: ReportConfig) -> list[int]:
    """The ids of the articles a configuration covers (what its fingerprint hashes)."""
    articles = event.articles.all()
    if config.outlets:
        articles = articles.filter(outlet_id__in=config.outlets)
    if config.articles:
        articles = articles.filter(pk__in=config.articles)
    return list(articles.order_by("pk").values_list("pk", flat=True))


def current_fingerprint(event: Event, config: ReportConfig) -> str:
    return data_fingerprint(
        event=event,
        article_ids=config_article_ids(event, config),
        model=event_model_version(event),
        point=config.point or event.operating_point,
    )


@dataclass(frozen=True)
class ReportState:
    data_changed: bool
    model_changed: bool
    fingerprint: str


def saved_report_state(report: SavedReport) -> ReportState:
    """Whether the data or the model moved since the report was saved (numbers may differ)."""
    config = ReportConfig.from_dict(report.config)
    fingerprint = current_fingerprint(report.event, config)
    model = event_model_version(report.event)
    return ReportState(
        data_changed=fingerprint != report.data_hash,
        model_changed=(model.pk if model else None) != report.model_version_id,
        fingerprint=fingerprint,
    )


def saved_report_save(
    *, event: Event, user: User, config: ReportConfig, report: SavedReport | None = None
) -> SavedReport:
    """Create (or update) a saved report, recording the model and data it stands on now."""
    fingerprint = current_fingerprint(event, config)  # reads only: outside the write
    report = report or SavedReport(workspace=event.workspace, event=event, created_by=user)
    report.title = config.title or f"How outlets covered: {event.title}"[:200]
    report.config = config.to_dict()
    report.model_version = event_model_version(event)
    report.data_hash = fingerprint
    report.updated_at = timezone.now()
    report.full_clean()
    report.save()
    return report


def report_job_start(*, report: SavedReport, fmt: str, user: User, base_url: str = "") -> ReportJob:
    """Queue the generation of ``report`` in ``fmt``; the page polls the job. Evidence links
    in the file are made absolute with ``base_url`` (the site as the user reached it)."""
    from reports import tasks

    if fmt not in ReportFormat.values:
        raise ValueError(f"Unknown format {fmt!r}; one of {', '.join(ReportFormat.values)}.")
    job = ReportJob(report=report, format=fmt, created_by=user, base_url=base_url)
    job.full_clean()
    job.save()
    tasks.build_report_file.enqueue(job.pk)
    return job


def _progress(job: ReportJob, percent: int, stage: str) -> None:
    ReportJob.objects.filter(pk=job.pk).update(progress=percent, stage=stage)


def report_job_run(*, job_id: int) -> str:
    """Build the job's file (run by the task): read the results, lay out, store."""
    job = ReportJob.objects.select_related("report__event__workspace").filter(pk=job_id).first()
    if job is None or job.status == ReportJobStatus.DONE:
        return "gone"
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.RUNNING, progress=5, stage="Reading the stored results"
    )
    try:
        config = ReportConfig.from_dict(job.report.config)
        report = build_report(job.report.event, config, fresh=True, saved_id=job.report.pk)
        _progress(job, 50, "Laying out the document")
        if job.format == ReportFormat.PDF:
            body = report_pdf(report, base_url=job.base_url)
        elif job.format == ReportFormat.DOCX:
            body = report_docx(report, base_url=job.base_url)
        else:
            body = report_html(report, base_url=job.base_url).encode()
        _progress(job, 90, "Saving the file")
        job.file.save(
            f"report-{job.report.pk}-{job.pk}.{job.format}", ContentFile(body), save=False
        )
    except Exception as exc:  # the page must say what failed, not spin forever
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJobStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.DONE,
        progress=100,
        stage="Done",
        file=job.file.name,
        data_hash=report.data_hash,
        finished_at=timezone.now(),
    )
    return job.file.name


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def share_link_create(*, report: SavedReport, user: User, days: int) -> tuple[ShareLink, str]:
    """A new read-only link to ``report`` valid for ``days`` days; returns it and its token
    (shown once: only its hash is stored)."""
    if not 1 <= days <= MAX_SHARE_DAYS:
        raise ValueError(f"A share link lasts 1 to {MAX_SHARE_DAYS} days.")
    token = secrets.token_urlsafe(32)
    link = ShareLink(
        report=report,
        token_hash=_token_hash(token),
        token_hint=token[:6],
        expires_at=timezone.now() + dt.timedelta(days=days),
        created_by=user,
    )
    link.full_clean()
    link.save()
    return link, token


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def share_link_resolve(token: str) -> ShareLink | None:
    """The active link with this token, or None (unknown, revoked and expired alike)."""
    if not token or len(token) > 100:
        return None
    link = (
        ShareLink.objects.select_related("report__event__workspace")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if link is None or not link.is_active():
        return None
    ShareLink.objects.filter(pk=link.pk).update(views=link.views + 1)
    return link
