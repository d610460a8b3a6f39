"""The team queue (django-tasks-rq on Redis): idempotent tasks carry RQ retries, and RQ's own
registry maintenance re-queues the job of a worker that died, which then completes once.

Runs against a private redis-server started for the test; skipped where none is installed
(``.ci/run`` installs Debian's ``redis-server``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
from django.db.models import Count

from framing.analysis_services import builtin_model_version
from framing.models import Analysis
from framing.services import codebooks_install_defaults
from framing.tasks import analyse_batch, train_model
from tests.factories import EventFactory, make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server not installed"),
]


@pytest.fixture(scope="module")
def redis_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(["redis-server", *options], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.fixture
def queue(settings, redis_url):
    import django_rq
    from django_tasks_rq.backend import Job

    settings.TASKS = {"default": {"BACKEND": "ops.rq.RQBackend"}}
    settings.RQ_QUEUES = {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 600}}
    settings.PARALLAX_WORKER = {"MAX_ATTEMPTS": 3, "WARM_UP": ""}
    queue = django_rq.get_queue("default", job_class=Job)  # as RQ's worker gets it
    queue.connection.flushdb()
    return queue


@pytest.fixture
def revisions(workspace):
    codebooks_install_defaults(workspace=workspace)
    event = EventFactory(workspace=workspace)
    texts = [
        "The ministry called the drills a reckless provocation on Monday.",
        "Officials said the ironclad commitment of the partners stands.",
    ]
    articles = [make_article(event=event, title=f"R{i}", text=t) for i, t in enumerate(texts)]
    Analysis.objects.all().delete()  # made by the immediate backend when the articles were
    return [a.current_revision_id for a in articles]


def _job(queue, result):
    from django_tasks_rq.backend import Job

    return Job.fetch(result.id, connection=queue.connection)


def _run_in_process(queue) -> None:
    """Run queued jobs in this process (RQ's SimpleWorker), inside the test's transaction."""
    from django_tasks_rq.backend import Job
    from rq.worker import SimpleWorker

    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)


def test_idempotent_tasks_are_enqueued_with_rq_retries(queue, revisions):
    result = analyse_batch.enqueue(revisions, builtin_model_version().pk)
    assert _job(queue, result).retries_left == 2  # three runs in all (MAX_ATTEMPTS)


def test_tasks_that_are_not_idempotent_get_no_retries(queue, workspace):
    result = train_model.enqueue(workspace.pk)
    assert not _job(queue, result).retries_left


def test_a_dead_workers_job_is_queued_again_by_rq_and_completes_once(queue, revisions):
    from django_tasks_rq.backend import Job

    from ops.rq import ParallaxWorker

    result = analyse_batch.enqueue(revisions, builtin_model_version().pk)
    # A worker takes the job as RQ does just before running it, then dies without a word.
    dead = ParallaxWorker([queue], connection=queue.connection, name="dead")
    job, _ = queue.dequeue_any([queue], None, connection=queue.connection, job_class=Job)
    dead.prepare_execution(job)
    dead.prepare_job_execution(job)
    assert queue.started_job_registry.get_job_ids() == [result.id]
    assert queue.count == 0

    # Past its last heartbeat's lifetime, RQ's registry maintenance (what every worker runs
    # each maintenance interval) hands the job back to the queue.
    later = time.time() + dead.get_heartbeat_ttl(job) + 1
    queue.started_job_registry.cleanup(timestamp=later)
    assert queue.job_ids == [result.id]

    _run_in_process(queue)
    assert _job(queue, result).get_status() == "finished"
    counts = Analysis.objects.values("revision").annotate(n=Count("pk"))
    assert sorted((r["revision"], r["n"]) for r in counts) == [(i, 1) for i in sorted(revisions)]


def test_a_dead_workers_job_is_noticed_within_a_minute(queue, revisions):
    """A running job's registry entry outlives each heartbeat by the heartbeat lifetime; a
    worker's maintenance pass runs every maintenance interval: together, the longest wait."""
    from ops.rq import ParallaxWorker

    result = analyse_batch.enqueue(revisions, builtin_model_version().pk)
    worker = ParallaxWorker([queue], connection=queue.connection)
    waits = worker.get_heartbeat_ttl(_job(queue, result)) + worker.maintenance_interval
    assert waits <= 60


def test_healthz_counts_the_jobs_waiting_on_the_rq_queue(client, queue, revisions):
    analyse_batch.enqueue(revisions, builtin_model_version().pk)
    report = client.get("/healthz").json()
    assert report["queued"] == 1
    assert report["oldest_queued_seconds"] is not None


def test_healthz_is_degraded_when_the_redis_server_cannot_be_reached(client, queue, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{closed}/0"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "The task queue (Redis) cannot be reached." in response.json()["problems"]
