"""Background work of the reports app; each task only calls a service.

Both tasks are idempotent (they store what the data gives now), so the worker re-queues one
whose worker died (``ops`` REQUEUE_TASKS).
"""

from __future__ import annotations

from django.tasks import task

from articles.models import Event
from reports.report.services import report_job_run
from reports.summary import summary_refresh, vocabulary_refresh


@task
def refresh_summary(event_id: int) -> str:
    event = Event.objects.filter(pk=event_id).first()
    return summary_refresh(event) if event is not None else "gone"


@task
def refresh_vocabulary(event_id: int) -> int:
    event = Event.objects.filter(pk=event_id).first()
    return len(vocabulary_refresh(event)) if event is not None else 0


@task
def build_report_file(job_id: int) -> str:
    """Generate one saved report's file."""
    return report_job_run(job_id=job_id)
