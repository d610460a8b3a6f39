"""The team queue: django-tasks-rq on a Redis server, with RQ's own dead-worker recovery.

RQ keeps every running job in a registry entry that the worker's heartbeat extends; when a
worker dies the entry expires, and the next worker's maintenance pass moves the job back to
the queue if it has retries left (or to the failed registry if not). This module only sets
those numbers: idempotent tasks (``PARALLAX_WORKER["REQUEUE_TASKS"]``) are enqueued with
retries, and the worker heartbeats and cleans often enough that a dead worker's job runs
again within a minute. No reaper of our own runs on this backend.
"""

from __future__ import annotations

import datetime as dt

import django_rq
from django.utils.module_loading import import_string
from django_tasks.base import TASK_MAX_PRIORITY, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id
from django_tasks_rq import backend as rq_backend
from redis.exceptions import RedisError
from rq import Callback, Retry
from rq.job import Job as RQJob
from rq.job import JobStatus
from rq.worker import Worker

from .config import conf


class RQBackend(rq_backend.RQBackend):
    """django-tasks-rq's backend; idempotent tasks get RQ retries (a dead worker's job is
    re-run by the next worker), other tasks fail as they would on the database queue."""

    def enqueue(self, task, args, kwargs) -> TaskResult:
        # django-tasks-rq's enqueue with one change: RQ's ``retry`` for idempotent tasks
        # (its backend has no option for it).
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        queue = django_rq.get_queue(task.queue_name, job_class=rq_backend.Job)
        retries = conf("MAX_ATTEMPTS") - 1
        job = queue.create_job(
            task.module_path,
            args=args,
            kwargs=kwargs,
            job_id=result.id,
            status=JobStatus.SCHEDULED if task.run_after else JobStatus.QUEUED,
            on_failure=Callback(rq_backend.failed_callback),
            on_success=Callback(rq_backend.success_callback),
            meta={"backend_name": self.alias},
            retry=(
                Retry(max=retries)
                if task.module_path in conf("REQUEUE_TASKS") and retries > 0
                else None
            ),
        )
        if task.run_after is None:
            job = queue.enqueue_job(job, at_front=task.priority == TASK_MAX_PRIORITY)
        else:
            job = queue.schedule_job(job, task.run_after)
        object.__setattr__(result, "enqueued_at", job.enqueued_at)
        task_enqueued.send(type(self), task_result=result)
        return result


class ParallaxWorker(Worker):
    """RQ's forking worker with a short heartbeat and frequent registry maintenance.

    RQ's defaults (heartbeat every 30 s, a job abandoned 60 s after its last heartbeat,
    maintenance every 10 minutes) would leave a dead worker's job waiting up to 11 minutes.
    The engine is loaded before forking, so each job's work horse starts warm.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("job_monitoring_interval", conf("HEARTBEAT_SECONDS"))
        kwargs.setdefault("maintenance_interval", conf("REAP_SECONDS"))
        kwargs.setdefault("job_class", rq_backend.Job)
        super().__init__(*args, **kwargs)
        if conf("WARM_UP"):
            import_string(conf("WARM_UP"))()

    def get_heartbeat_ttl(self, job: RQJob) -> int:
        # A running job's registry entry lives this long past each heartbeat (RQ's default
        # is the heartbeat interval + 60 s; a job longer than its timeout is stopped anyway).
        return self.job_monitoring_interval + conf("STALE_SECONDS")


def rq_health(health, now: dt.datetime) -> None:
    """Fill /healthz's queue and worker fields from the Redis server: jobs waiting (and the
    oldest one's age), jobs running, RQ's registered workers (each beats within its TTL)."""
    queue = django_rq.get_queue("default", job_class=rq_backend.Job)
    try:
        health.queued = queue.count
        oldest = queue.get_jobs(0, 0)
        running = queue.started_job_registry.get_job_ids()
        workers = Worker.all(queue=queue)
    except RedisError:
        health.problems.append("The task queue (Redis) cannot be reached.")
        return
    if oldest and oldest[0].enqueued_at:
        health.oldest_queued_seconds = round(
            (now - _aware(oldest[0].enqueued_at)).total_seconds(), 1
        )
    for worker in workers[:20]:
        seen = _aware(worker.last_heartbeat)
        health.workers.append(
            {
                "worker": worker.name[:8],
                "host": worker.hostname,
                "pid": worker.pid,
                "state": worker.get_state(),
                "seen_seconds": round((now - seen).total_seconds(), 1) if seen else None,
                "alive": True,  # RQ drops a worker whose heartbeat lapsed
            }
        )
    health.running = [{"task": job_id[:8], "worker_alive": True} for job_id in running[:20]]
    waited = health.oldest_queued_seconds or 0.0
    if waited > conf("QUEUE_STALE_SECONDS"):
        health.problems.append(f"A task has waited {waited:.0f} s in the queue.")
    elif health.queued and not workers and waited > conf("STALE_SECONDS"):
        health.problems.append("Tasks are queued but no worker has reported recently.")


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # RQ stores naive UTC times.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value
