"""Worker and health settings (``settings.PARALLAX_WORKER``), with defaults."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "HEARTBEAT_SECONDS": 5,  # how often a worker writes its row
    "STALE_SECONDS": 30,  # a worker not seen for this long is taken for dead
    # How often each worker looks for tasks of dead workers: a killed worker's task is queued
    # again at most STALE_SECONDS + REAP_SECONDS after its last heartbeat.
    "REAP_SECONDS": 10,
    # After a database error the worker waits BACKOFF_SECONDS, doubling up to the maximum…
    "BACKOFF_SECONDS": 0.5,
    "BACKOFF_MAX_SECONDS": 30,
    # …and after this many errors in a row it exits so that its supervisor starts it afresh.
    "MAX_FAILURES": 12,
    "QUEUE_STALE_SECONDS": 300,  # a task queued this long makes /healthz report "degraded"
    "RUNNING_STALE_SECONDS": 3600,  # likewise a task running this long
    # Tasks safe to run again after their worker died (a re-run redoes only what is missing):
    # they are queued again, up to MAX_ATTEMPTS runs in all; other tasks are marked failed.
    "REQUEUE_TASKS": [
        "framing.tasks.analyse_batch",
        "framing.tasks.analyse_event",
        "framing.tasks.analyse_revision",
        "framing.tasks.upgrade_event_model",
        "reports.tasks.refresh_summary",
        "reports.tasks.refresh_vocabulary",
        "reports.tasks.refresh_span_csv",
        "reports.tasks.run_export",
    ],
    "MAX_ATTEMPTS": 3,
    "TASK_RETENTION_DAYS": 7,  # finished task rows older than this are deleted
    # Called once when an RQ worker starts, before it forks a process per job, so that every
    # job starts with the engine loaded (the database worker runs tasks in its own process).
    "WARM_UP": "framing.analysis_services.engine_warm_up",
}


def conf(key: str) -> Any:
    return {**DEFAULTS, **getattr(settings, "PARALLAX_WORKER", {})}[key]
