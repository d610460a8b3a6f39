"""Background imports through Django's Tasks API; the task only calls the service."""

from __future__ import annotations

from django.tasks import task

from .jobs import job_run


@task
def run_import_job(job_id: int, attempt: int) -> str:
    return job_run(job_id=job_id, attempt=attempt).status
