"""A django-tasks-db worker that survives database errors and reports a heartbeat.

``db_worker``'s loop lets a database error escape (e.g. "database is locked" when another
writer holds SQLite past the busy timeout, or a dropped PostgreSQL connection). Without
``--reload`` the process then exits; with it (the default under DEBUG) only the worker thread
dies and the process stays up running nothing. This loop retries with exponential backoff
and, after ``MAX_FAILURES`` errors in a row, exits so that a supervisor (systemd, the
autoreloader under ``make run``) starts it afresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import random
import socket
import threading
import time
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, connections
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .config import conf
from .models import WorkerHeartbeat, WorkerState

log = logging.getLogger(__name__)
RESTART = 3  # the exit code Django's autoreloader answers by starting the process again


def _close_old_connections() -> None:
    """Django's ``close_old_connections``, minus connections inside a transaction (which
    only a test holds around the worker: closing it would end the test's transaction)."""
    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close_if_unusable_or_obsolete()


class OutcomeLost(RuntimeError):
    """The task ran, but a database error stopped the worker from recording how it ended."""


@dataclass
class Beat:
    """What the heartbeat thread writes next; the worker loop changes it."""

    state: str = WorkerState.IDLE
    task_id: str = ""
    task_name: str = ""
    task_started_at: object = None
    failures: int = 0
    last_error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def set(self, **changes) -> None:
        with self.lock:
            for name, value in changes.items():
                setattr(self, name, value)

    def row(self) -> dict:
        with self.lock:
            return {
                "state": self.state,
                "task_id": self.task_id,
                "task_name": self.task_name[:200],
                "task_started_at": self.task_started_at,
                "failures": self.failures,
                "last_error": self.last_error[:2000],
            }


class Heartbeat:
    """Writes the worker's row every HEARTBEAT_SECONDS from its own thread, so a long task
    does not make a live worker look dead; stops (and stops writing) with the worker loop."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self.beat = Beat()
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.write()
        self._thread = threading.Thread(target=self._run, name="worker-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def forget(self) -> None:
        """A worker that exits removes its row (and rows of workers long dead)."""
        day_ago = timezone.now() - dt.timedelta(days=1)
        try:
            WorkerHeartbeat.objects.filter(
                Q(worker_id=self.worker_id) | Q(seen_at__lt=day_ago)
            ).delete()
        except DatabaseError as err:
            log.warning("worker %s: heartbeat row not removed: %s", self.worker_id[:8], err)

    def _run(self) -> None:
        try:
            while not self._stop.wait(conf("HEARTBEAT_SECONDS")):
                self.write()
        finally:
            connection.close()  # this thread's own connection

    def write(self) -> bool:
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    **self.beat.row(),
                    "seen_at": timezone.now(),
                    "hostname": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": self.started_at,
                },
            )
        except DatabaseError as err:  # the next beat tries again; the loop has its own retry
            log.warning("worker %s: heartbeat not written: %s", self.worker_id[:8], err)
            return False
        return True


class WorkerLost(RuntimeError):
    """The worker running the task stopped reporting (killed, or its machine went away)."""


def reap_abandoned_tasks() -> int:
    """Re-queue or fail RUNNING tasks whose worker stopped reporting; returns how many.

    A killed worker leaves its task RUNNING for ever: no worker runs it again, and /healthz
    would report it for ever. A task listed in REQUEUE_TASKS (idempotent work) goes back to
    the queue until it has been claimed MAX_ATTEMPTS times (each claim adds a worker id);
    any other task is marked failed. Work that must survive (imports) has its own resume.
    """
    cutoff = timezone.now() - dt.timedelta(seconds=conf("STALE_SECONDS"))
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    reaped = 0
    for task in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        if task.task_path in conf("REQUEUE_TASKS") and len(task.worker_ids) < conf("MAX_ATTEMPTS"):
            # Only the claim we looked at: another worker's reaper may have re-queued it, and
            # a worker may have claimed it since (a new claim changes started_at).
            requeued = DBTaskResult.objects.filter(
                pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
            ).update(status=TaskResultStatus.READY, started_at=None)
            if requeued:
                log.warning("task %s (%s): its worker died; queued again", task.pk, task.task_path)
            reaped += requeued
            continue
        log.warning("task %s (%s): its worker stopped reporting", task.pk, task.task_path)
        task.set_failed(WorkerLost("the worker running this task stopped reporting"))
        reaped += 1
    return reaped


def prune_finished_tasks() -> int:
    """Delete finished task rows older than TASK_RETENTION_DAYS; the queue table stays small."""
    cutoff = timezone.now() - dt.timedelta(days=conf("TASK_RETENTION_DAYS"))
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


class ResilientWorker(Worker):
    """``db_worker``'s Worker with its loop replaced: same claiming, retries, heartbeat."""

    def __init__(self, *, reload: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.reload = reload
        self.failures = 0
        self.heartbeat = Heartbeat(self.worker_id)
        self._unrecorded: DBTaskResult | None = None

    def run(self) -> None:
        log.info("worker %s started", self.worker_id[:8])
        try:
            self._warm_up()
            self.heartbeat.start()
            self._loop()
        except Exception:
            log.exception("worker %s stopped by an unexpected error", self.worker_id[:8])
            if self.reload:  # only this thread would die; end the process instead
                os._exit(1)
            raise
        finally:
            self.heartbeat.stop()
            self.heartbeat.forget()

    def _warm_up(self) -> None:
        # Load the engine before the first claim (as RQ's worker does before forking): a
        # batch then costs the same whichever worker takes it, and a worker's row appears
        # only once it is ready to work.
        if conf("WARM_UP"):
            import_string(conf("WARM_UP"))()

    def _loop(self) -> None:
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # several workers start at once
        next_reap = 0.0
        while self.running:
            try:
                self._record_lost_outcome()
                if time.monotonic() >= next_reap:
                    reap_abandoned_tasks()
                    prune_finished_tasks()
                    next_reap = time.monotonic() + conf("REAP_SECONDS")
                found = self._poll()
            except DatabaseError as err:
                self._back_off(err)
                continue
            if self.failures:
                log.info("worker %s: database reachable again", self.worker_id[:8])
                self.failures = 0
                self.heartbeat.beat.set(state=WorkerState.IDLE, failures=0, last_error="")
            if not found and self.batch:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            if not found and self.running:
                time.sleep(self.interval)

    def _poll(self) -> bool:
        """Claim and run the next ready task; False when there is none."""
        _close_old_connections()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)  # no other worker runs it now
        if task_result is None:
            return False
        self.heartbeat.beat.set(
            state=WorkerState.BUSY,
            task_id=str(task_result.pk),
            task_name=task_result.task_path,
            task_started_at=task_result.started_at,
        )
        try:
            self.run_task(task_result)  # records the task's own errors; not the database's
        except DatabaseError:
            self._unrecorded = task_result
            raise
        finally:
            self.heartbeat.beat.set(
                state=WorkerState.IDLE, task_id="", task_name="", task_started_at=None
            )
        _close_old_connections()
        return True

    def _record_lost_outcome(self) -> None:
        # A task left RUNNING would block nothing but would look stuck forever on /healthz.
        if self._unrecorded is not None:
            self._unrecorded.set_failed(
                OutcomeLost("the worker could not record the outcome (database error)")
            )
            self._unrecorded = None

    def _back_off(self, err: DatabaseError) -> None:
        self.failures += 1
        self.heartbeat.beat.set(
            state=WorkerState.BACKOFF, failures=self.failures, last_error=str(err)
        )
        for conn in connections.all(initialized_only=True):
            if not conn.in_atomic_block:  # a broken connection is opened afresh on the next try
                with contextlib.suppress(DatabaseError):
                    conn.close()
        if self.failures >= conf("MAX_FAILURES"):
            self._give_up(err)
        base, cap = conf("BACKOFF_SECONDS"), conf("BACKOFF_MAX_SECONDS")
        delay = min(cap, base * 2 ** (self.failures - 1)) * random.uniform(0.5, 1.0)
        log.warning(
            "worker %s: database error (%s in a row), retrying in %.1f s: %s",
            self.worker_id[:8],
            self.failures,
            delay,
            err,
        )
        self._sleep(delay)

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while self.running and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 1.0))

    def _give_up(self, err: BaseException) -> None:
        log.error(
            "worker %s: %s database errors in a row (last: %s); exiting so it is restarted",
            self.worker_id[:8],
            self.failures,
            err,
        )
        if self.reload:
            os._exit(RESTART)  # the autoreloader starts a fresh process
        raise SystemExit(1)
