"""Worker and health settings (``settings.PARALLAX_WORKER``), with defaults."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "HEARTBEAT_SECONDS": 5,  # how often a worker writes its row
    "STALE_SECONDS": 30,  # a worker not seen for this long is taken for dead
    # After a database error the worker waits BACKOFF_SECONDS, doubling up to the maximum…
    "BACKOFF_SECONDS": 0.5,
    "BACKOFF_MAX_SECONDS": 30,
    # …and after this many errors in a row it exits so that its supervisor starts it afresh.
    "MAX_FAILURES": 12,
    "QUEUE_STALE_SECONDS": 300,  # a task queued this long makes /healthz report "degraded"
    "RUNNING_STALE_SECONDS": 3600,  # likewise a task running this long
}


def conf(key: str) -> Any:
    return {**DEFAULTS, **getattr(settings, "PARALLAX_WORKER", {})}[key]
