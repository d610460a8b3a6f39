"""Reads of export jobs shared by views and the event page's panel."""

from __future__ import annotations

from articles.models import Event
from reports.exports.config import conf
from reports.models import ExportJob


def event_exports(*, event: Event, limit: int | None = None) -> list[ExportJob]:
    """The event's recent export jobs, newest first."""
    return list(event.export_jobs.all()[: limit or conf("RECENT_JOBS")])
