"""Background work of the reports app; each task only calls a service.

The summary tasks are idempotent (they store what the data gives now), and an export run
re-claims only a job whose worker stopped reporting, so the worker re-queues any of them
whose worker died (``ops`` REQUEUE_TASKS).
"""

from __future__ import annotations

from django.tasks import task

from articles.models import Event
from reports.exports import jobs as export_jobs
from reports.models import EventSummary
from reports.span_export import span_csv_refresh
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
def refresh_span_csv(event_id: int) -> int:
    # Cleared first: an export that finds stale lines while this runs queues another run.
    EventSummary.objects.filter(event_id=event_id).update(span_csv_requested_at=None)
    event = Event.objects.filter(pk=event_id).first()
    return span_csv_refresh(event) if event is not None else 0


@task
def run_export(job_id: int) -> str:
    job = export_jobs.export_run(job_id=job_id)
    return job.status if job is not None else "gone"
