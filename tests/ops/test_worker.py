"""The task worker survives database errors, gives up only after many, keeps a heartbeat."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError
from django.tasks import task
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from ops import worker as worker_module
from ops.models import WorkerHeartbeat, WorkerState
from ops.worker import ResilientWorker


@task
def double(n: int) -> int:
    return 2 * n


@task
def wait_for_busy_heartbeat() -> str:
    """Runs until the heartbeat thread has reported this task (or 5 s pass)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        row = WorkerHeartbeat.objects.filter(state=WorkerState.BUSY).first()
        if row is not None:
            return row.task_name
        time.sleep(0.05)
    return ""


WARMED: list[tuple[bool, int]] = []  # (a heartbeat row existed, tasks run) at each warm-up


def record_warm_up() -> None:
    WARMED.append(
        (
            WorkerHeartbeat.objects.exists(),
            DBTaskResult.objects.exclude(status="READY").count(),
        )
    )


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PARALLAX_WORKER = {
        "BACKOFF_SECONDS": 0.01,
        "BACKOFF_MAX_SECONDS": 0.02,
        "MAX_FAILURES": 4,
        "HEARTBEAT_SECONDS": 60,
    }
    return settings


def _worker(**options) -> ResilientWorker:
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker-under-test",
        excluded_queue_names=[],
        **options,
    )


def _locked_for(monkeypatch, times: int | None) -> dict:
    """``get_locked`` raises "database is locked" the first ``times`` calls (None: always)."""
    calls = {"n": 0}
    original = DBTaskResultQuerySet.get_locked

    def flaky(self):
        calls["n"] += 1
        if times is None or calls["n"] <= times:
            raise OperationalError("database is locked")
        return original(self)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", flaky)
    return calls


@pytest.mark.django_db
def test_worker_retries_after_database_errors_then_runs_the_task(db_tasks, monkeypatch):
    result = double.enqueue(21)
    calls = _locked_for(monkeypatch, times=3)
    _worker().run()
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, row.return_value) == ("SUCCESSFUL", 42)
    assert calls["n"] >= 4


@pytest.mark.django_db
def test_library_worker_would_die_on_the_same_error(db_tasks, monkeypatch):
    # what the issue saw: db_worker's loop lets the error out and the worker stops
    from django_tasks_db.management.commands.db_worker import Worker

    double.enqueue(21)
    _locked_for(monkeypatch, times=3)
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.is_locked_database_exception",
        lambda err: False,  # e.g. a dropped connection is not a "locked" error
    )
    plain = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="plain", excluded_queue_names=[],
    )  # fmt: skip
    with pytest.raises(OperationalError):
        plain.run()


@pytest.mark.django_db
def test_worker_exits_non_zero_after_too_many_errors_in_a_row(db_tasks, monkeypatch):
    double.enqueue(21)
    calls = _locked_for(monkeypatch, times=None)
    with pytest.raises(SystemExit) as exit_info:
        _worker().run()
    assert exit_info.value.code == 1
    assert calls["n"] == 4  # MAX_FAILURES


@pytest.mark.django_db
def test_worker_under_the_autoreloader_exits_with_the_restart_code(db_tasks, monkeypatch):
    double.enqueue(21)
    _locked_for(monkeypatch, times=None)

    class Exited(BaseException):  # like os._exit, nothing may catch it
        pass

    def fake_exit(code):
        raise Exited(code)

    monkeypatch.setattr(worker_module.os, "_exit", fake_exit)
    with pytest.raises(Exited) as exit_info:
        _worker(reload=True).run()
    assert exit_info.value.args == (worker_module.RESTART,)


@pytest.mark.django_db
def test_a_task_whose_outcome_could_not_be_saved_is_marked_failed(db_tasks, monkeypatch):
    result = double.enqueue(21)
    set_failed = DBTaskResult.set_failed
    calls = {"n": 0}

    def locked(self, *args):
        raise OperationalError("database is locked")

    def failing_once(self, exc):
        calls["n"] += 1
        if calls["n"] == 1:  # the library's own attempt to record the error
            raise OperationalError("database is locked")
        set_failed(self, exc)

    monkeypatch.setattr(DBTaskResult, "set_successful", locked)
    monkeypatch.setattr(DBTaskResult, "set_failed", failing_once)
    _worker().run()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "FAILED"  # not RUNNING for ever
    assert row.exception_class_path == "ops.worker.OutcomeLost"


@pytest.mark.django_db
def test_worker_row_is_removed_when_the_worker_exits(db_tasks):
    double.enqueue(1)
    _worker().run()
    assert not WorkerHeartbeat.objects.exists()


def test_heartbeat_reports_the_running_task_while_it_runs(file_database, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PARALLAX_WORKER = {"HEARTBEAT_SECONDS": 0.05}
    result = wait_for_busy_heartbeat.enqueue()
    worker = _worker()
    thread = threading.Thread(target=worker.run)
    thread.start()
    thread.join(30)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.return_value == "tests.ops.test_worker.wait_for_busy_heartbeat"
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.django_db
def test_a_task_left_running_by_a_dead_worker_is_marked_failed(db_tasks):
    import datetime as dt

    from django.utils import timezone

    ago = timezone.now() - dt.timedelta(seconds=120)
    dead, live = double.enqueue(1), double.enqueue(2)
    DBTaskResult.objects.filter(pk=dead.id).update(
        status="RUNNING", started_at=ago, worker_ids=["killed"]
    )
    DBTaskResult.objects.filter(pk=live.id).update(
        status="RUNNING", started_at=ago, worker_ids=["busy"]
    )
    WorkerHeartbeat.objects.create(worker_id="killed", pid=1, seen_at=ago)
    WorkerHeartbeat.objects.create(worker_id="busy", pid=2)
    _worker().run()
    dead_row, live_row = (DBTaskResult.objects.get(pk=r.id) for r in (dead, live))
    assert (dead_row.status, dead_row.exception_class_path) == ("FAILED", "ops.worker.WorkerLost")
    assert live_row.status == "RUNNING"


@pytest.mark.django_db
def test_worker_warms_up_once_before_it_reports_itself_or_claims_a_task(db_tasks):
    db_tasks.PARALLAX_WORKER = {**db_tasks.PARALLAX_WORKER, "WARM_UP": f"{__name__}.record_warm_up"}
    WARMED.clear()
    double.enqueue(1)
    double.enqueue(2)
    _worker().run()
    assert WARMED == [(False, 0)]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
