"""Writes of the reports feature: saved configurations, generation jobs and share links."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from accounts.models import User
from articles.models import Event
from reports.models import (
    ExportJob,
    SavedReport,
    ShareLink,
)
from reports.report.config import ReportConfig
from reports.report.methodology import data_fingerprint
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


def saved_report_exports(*, report: SavedReport, limit: int = 10):
    """The latest files generated from ``report`` (background export jobs)."""
    kinds = ("report_html", "report_pdf", "report_docx")
    return ExportJob.objects.filter(
        event_id=report.event_id, kind__in=kinds, params__report=report.pk
    )[:limit]


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
    ShareLink.objects.filter(pk=link.pk).update(views=F("views") + 1)
    return link
