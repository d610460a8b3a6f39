"""Export settings (``settings.PARALLAX_EXPORTS``), with defaults."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "TTL_HOURS": 24,  # a finished file can be downloaded this long, then it is deleted
    "STALL_SECONDS": 60,  # a running job without a heartbeat this long is taken for dead
    "RETENTION_DAYS": 30,  # rows of expired and failed jobs are deleted after this
    "RECENT_JOBS": 8,  # jobs listed in an event's export panel
}


def conf(key: str) -> Any:
    return {**DEFAULTS, **getattr(settings, "PARALLAX_EXPORTS", {})}[key]
