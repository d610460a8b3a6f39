"""Is the site healthy: database reachable, task queue moving, a worker alive.

Reads only; no user data (task names and ages, never their arguments).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .config import conf
from .models import WorkerHeartbeat

RUNNING_SHOWN = 20


@dataclass
class Health:
    database: bool
    queued: int = 0
    oldest_queued_seconds: float | None = None
    running: list[dict] = field(default_factory=list)
    workers: list[dict] = field(default_factory=list)
    last_heartbeat_seconds: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if not self.database:
            return "down"
        return "degraded" if self.problems else "ok"

    def as_dict(self) -> dict:
        return {"status": self.status, "degraded": self.status != "ok", **asdict(self)}


def _age(now: dt.datetime, then: dt.datetime | None) -> float | None:
    return None if then is None else round((now - then).total_seconds(), 1)


def workers_alive() -> bool:
    """A worker reported within STALE_SECONDS (busy with a long task counts: it still beats)."""
    cutoff = timezone.now() - dt.timedelta(seconds=conf("STALE_SECONDS"))
    return WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).exists()


def health_check() -> Health:
    now = timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        health = Health(database=True)
        if settings.TASKS["default"]["BACKEND"] == "ops.rq.RQBackend":
            from .rq import rq_health  # the team queue; its client is imported only here

            rq_health(health, now)
            return health
        alive = _workers(health, now)
        _queue(health, now, alive)
    except DatabaseError:
        return Health(database=False, problems=["The database cannot be reached."])
    return health


def _queue(health: Health, now: dt.datetime, alive: set[str]) -> None:
    ready = DBTaskResult.objects.ready()
    health.queued = ready.count()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    health.oldest_queued_seconds = _age(now, oldest)
    waited = health.oldest_queued_seconds or 0.0
    if waited > conf("QUEUE_STALE_SECONDS"):
        health.problems.append(f"A task has waited {waited:.0f} s in the queue.")
    elif health.queued and not alive and waited > conf("STALE_SECONDS"):
        health.problems.append("Tasks are queued but no worker has reported recently.")
    running = DBTaskResult.objects.running().order_by("started_at")
    for task in running.values("task_path", "started_at", "worker_ids")[:RUNNING_SHOWN]:
        age = _age(now, task["started_at"]) or 0.0
        worker = str((task["worker_ids"] or [""])[-1])
        name = task["task_path"].rsplit(".", 1)[-1]
        health.running.append(
            {"task": name, "seconds": age, "worker": worker[:8], "worker_alive": worker in alive}
        )
        if age > conf("RUNNING_STALE_SECONDS"):
            health.problems.append(f"A task ({name}) has run for {age:.0f} s.")
        elif worker not in alive and age > conf("STALE_SECONDS"):
            health.problems.append(f"A task ({name}) is running but its worker stopped reporting.")


def _workers(health: Health, now: dt.datetime) -> set[str]:
    """Lists the workers; returns the ids of those alive."""
    stale, alive = conf("STALE_SECONDS"), set()
    for worker in WorkerHeartbeat.objects.order_by("-seen_at")[:20]:
        age = _age(now, worker.seen_at)
        health.workers.append(
            {
                "worker": worker.worker_id[:8],
                "host": worker.hostname,
                "pid": worker.pid,
                "state": worker.state,
                "seen_seconds": age,
                "alive": age <= stale,
                "task": worker.task_name.rsplit(".", 1)[-1],
                "task_seconds": _age(now, worker.task_started_at),
                "database_errors": worker.failures,
            }
        )
        if age <= stale:
            alive.add(worker.worker_id)
    if health.workers:
        health.last_heartbeat_seconds = health.workers[0]["seen_seconds"]
    if any(w["alive"] and w["state"] == "backoff" for w in health.workers):
        health.problems.append("A worker is retrying after database errors.")
    return alive


def readiness() -> tuple[bool, str]:
    """(ready, why): the database answers and every migration is applied, so a load balancer
    may send this process requests. Queue health is /healthz's business, not readiness."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as err:
        return False, f"database unreachable: {err}"
    if pending:
        return False, f"{len(pending)} migration(s) not applied"
    return True, "ready"
