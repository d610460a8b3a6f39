"""/healthz: database, queue age, running tasks, worker heartbeats; the owners' status page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ops.models import WorkerHeartbeat, WorkerState
from tests.factories import MembershipFactory

from .test_worker import double

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _ago(seconds: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=seconds)


def _worker(worker_id="w1", seen=1.0, **fields) -> WorkerHeartbeat:
    return WorkerHeartbeat.objects.create(worker_id=worker_id, pid=42, seen_at=_ago(seen), **fields)


def test_healthz_is_ok_with_an_empty_queue(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["degraded"], body["database"]) == ("ok", False, True)
    assert (body["queued"], body["oldest_queued_seconds"]) == (0, None)


def test_a_task_queued_too_long_makes_healthz_degraded(client, db_tasks):
    result = double.enqueue(12345)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=_ago(600))
    _worker()  # a worker is alive, yet the queue does not move
    response = client.get(reverse("healthz"))
    body = response.json()
    assert response.status_code == 503
    assert (body["status"], body["queued"]) == ("degraded", 1)
    assert body["oldest_queued_seconds"] >= 600
    assert "12345" not in response.content.decode()  # task arguments are never shown


def test_a_fresh_queue_with_a_live_worker_is_ok(client, db_tasks):
    double.enqueue(1)
    _worker()
    assert client.get(reverse("healthz")).status_code == 200


def test_tasks_queued_with_no_live_worker_are_reported(client, db_tasks):
    result = double.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=_ago(60))
    _worker(seen=120)
    body = client.get(reverse("healthz")).json()
    assert body["degraded"]
    assert any("no worker" in p for p in body["problems"])
    assert body["last_heartbeat_seconds"] >= 120


def test_a_running_task_whose_worker_stopped_reporting_is_reported(client, db_tasks):
    result = double.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=_ago(90), worker_ids=["dead-worker"]
    )
    _worker("dead-worker", seen=80, state=WorkerState.BUSY)
    body = client.get(reverse("healthz")).json()
    assert body["degraded"]
    (running,) = body["running"]
    assert (running["task"], running["worker_alive"]) == ("double", False)
    assert running["seconds"] >= 90


def test_a_long_task_of_a_live_worker_is_ok(client, db_tasks):
    result = double.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=_ago(90), worker_ids=["busy"]
    )
    _worker("busy", state=WorkerState.BUSY, task_name="tests.ops.test_worker.double")
    body = client.get(reverse("healthz")).json()
    assert body["status"] == "ok"
    assert body["workers"][0]["task"] == "double"


def test_healthz_says_down_when_the_database_cannot_be_reached(client, monkeypatch):
    from ops import health

    class Broken:
        def cursor(self):
            raise OperationalError("unable to open database file")

    monkeypatch.setattr(health, "connection", Broken())
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert (response.json()["status"], response.json()["database"]) == ("down", False)


def test_status_page_is_for_workspace_owners(client, db_tasks):
    owner = MembershipFactory(role="owner").user
    _worker(state=WorkerState.BACKOFF, failures=3)
    client.force_login(owner)
    response = client.get(reverse("system_status"))
    assert response.status_code == 200
    assert b"retrying after database errors" in response.content


def test_status_page_refuses_other_roles(client):
    client.force_login(MembershipFactory(role="analyst").user)
    assert client.get(reverse("system_status")).status_code == 403


def test_status_page_needs_a_login(client):
    assert client.get(reverse("system_status")).status_code == 302


def test_readyz_is_ready_when_migrated_and_reachable(client):
    response = client.get(reverse("readyz"))
    assert (response.status_code, response.json()["ready"]) == (200, True)


def test_readyz_is_not_ready_when_the_database_cannot_be_reached(client, monkeypatch):
    from ops import health

    class Broken:
        def cursor(self):
            raise OperationalError("unable to open database file")

    monkeypatch.setattr(health, "connection", Broken())
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert "database unreachable" in response.json()["detail"]


def test_health_probes_answer_over_plain_http_where_pages_go_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/readyz").status_code == 200
    assert client.get("/healthz").status_code != 301
    assert client.get("/accounts/login/").status_code == 301
