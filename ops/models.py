from __future__ import annotations

from django.db import models
from django.utils import timezone


class WorkerState(models.TextChoices):
    IDLE = "idle", "Waiting for tasks"
    BUSY = "busy", "Running a task"
    BACKOFF = "backoff", "Waiting after a database error"


class WorkerHeartbeat(models.Model):
    """A task worker process as it last reported itself, written every few seconds.

    The task framework records tasks, not the processes that run them; without this a worker
    that died looks the same as one that is idle.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    state = models.CharField(max_length=12, choices=WorkerState.choices, default=WorkerState.IDLE)
    task_id = models.CharField(max_length=64, blank=True)
    task_name = models.CharField(max_length=200, blank=True)
    task_started_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)  # database errors in a row
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"worker {self.worker_id[:8]} on {self.hostname} (pid {self.pid})"
