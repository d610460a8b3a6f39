"""Analysis workers: throughput with 1 and 2 workers, and a worker killed mid-batch.

    .venv/bin/python bench/bench_workers.py throughput --articles 600 --workers 1 2
    DATABASE_URL=postgres://parallax:parallax@127.0.0.1:5432/mybench \\
        .venv/bin/python bench/bench_workers.py throughput --articles 600 --workers 1 2 --repeat 3
    DATABASE_URL=postgres://... .venv/bin/python bench/bench_workers.py kill --articles 300

Each run builds an event of unanalysed ~825-word articles (demo sentences, as
``bench_export.py`` draws them) in a fresh SQLite file, or in ``DATABASE_URL`` (which is
FLUSHED: give it a database of its own), queues its analysis as an import does, and starts
``manage.py run_worker`` processes. With ``TASK_BACKEND=ops.rq.RQBackend`` and ``REDIS_URL``
the queue is RQ on that Redis database (also FLUSHED) instead of the database queue.

``throughput`` builds the event once, then for each worker count (alternating, ``--repeat``
times) removes its analyses, starts the workers, waits until each has loaded the engine and
is polling (as running workers are when an import arrives), queues the analysis and reports
articles analysed per second from the first batch claimed to the last finished, the CPU per
article of the workers and of the database server, and the share of the span the workers
spent in batches; then the median and range per count and the speed-up over the first count,
of the medians and of each back-to-back pair (issue 12: >= 1.7x with 2 workers on
PostgreSQL). ``--lock FILE`` holds an flock on FILE around each timed run only (not the
set-up), so timed benchmarks sharing a machine take turns; ``--batch N`` sets the batch size.

``profile`` runs one batch in this process and prints CPU, engine, query and commit time
per article (where a worker's time goes). COPY statements (the span rows of a batch on
PostgreSQL) do not pass Django's query wrappers and are not counted as queries.

``kill`` starts two workers, SIGKILLs one while it runs a batch, starts a replacement (what
systemd's ``Restart=always`` does) and checks that the event is finished within two minutes of
the kill with every article analysed exactly once and no task left running or failed. Exits
1 otherwise: ``.ci/run`` runs it against PostgreSQL.

Every figure is printed with the load average at the time (the machine is shared).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
KILL_DEADLINE = 120.0  # seconds from the kill to the last analysis (issue 12)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _database() -> tuple[str, Path | None]:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], None
    tmp = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    return f"sqlite:///{tmp / 'w.sqlite3'}", tmp


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("PARALLAX_TESTING", None)
    os.environ["DEBUG"] = "1"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # the task backend logs every task


def _fresh_event(articles: int, *, queue: bool = True):
    """A fresh database holding one event of ``articles`` unanalysed articles, its analysis
    queued in batches as an import queues it (unless ``queue`` is false)."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    import bench_export

    from accounts.services import user_signup, workspace_create
    from articles.services import article_create, event_create, outlet_get_or_create

    user = user_signup(email="w@example.org", password="bench-pass-123!", username="w")
    workspace = workspace_create(name="Workers", user=user)
    event = event_create(workspace=workspace, title="Workers bench", created_by=user)
    outlets = [outlet_get_or_create(workspace=workspace, name=f"Outlet {k}") for k in range(20)]
    pool = bench_export._pool()
    for k in range(articles):
        article_create(
            event=event, outlet=outlets[k % 20], title=f"W{k}", text=bench_export._text(pool)
        )
    _queue().clear()  # per-article tasks of article_create: not an import's
    if queue:
        _queue_analysis(event)
    return event


def _start_worker(url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("PARALLAX_TESTING", None)
    command = [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--no-reload"]
    # A session of its own: killing it kills the work horse RQ forks for each job too,
    # as when a machine dies.
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        proc.wait(30)


def _each_once(event) -> bool:
    from django.db.models import Count

    from framing.models import Analysis

    revisions = event.articles.values("current_revision")
    per = Analysis.objects.filter(revision__in=revisions).values("revision").annotate(n=Count("pk"))
    return event.articles.count() == len(per) and all(row["n"] == 1 for row in per)


BATCH = "framing.tasks.analyse_batch"


@dataclass
class Batch:
    """One analysis batch as the queue records it."""

    id: str
    status: str  # READY / RUNNING / SUCCESSFUL / FAILED
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    workers: list[str]


class DatabaseQueue:
    """django-tasks-db (the default): task rows in the database."""

    def clear(self) -> None:
        from django_tasks_db.models import DBTaskResult

        from ops.models import WorkerHeartbeat

        DBTaskResult.objects.all().delete()
        WorkerHeartbeat.objects.all().delete()  # rows of workers killed in an earlier run

    def batches(self) -> list[Batch]:
        from django_tasks_db.models import DBTaskResult

        rows = DBTaskResult.objects.filter(task_path=BATCH)
        return [
            Batch(str(t.pk), t.status, t.started_at, t.finished_at, list(t.worker_ids))
            for t in rows
        ]

    def ready_workers(self) -> int:
        from ops.models import WorkerHeartbeat

        return WorkerHeartbeat.objects.count()  # written once the engine is loaded

    def failed(self) -> int:
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status="FAILED").count()

    def running_pid(self, batch: Batch) -> int | None:
        from ops.models import WorkerHeartbeat

        beat = WorkerHeartbeat.objects.filter(worker_id=batch.workers[-1]).first()
        return beat.pid if beat else None


class RedisQueue:
    """django-tasks-rq (TASK_BACKEND=ops.rq.RQBackend): RQ jobs on the Redis server."""

    STATUS = {"queued": "READY", "scheduled": "READY", "deferred": "READY", "started": "RUNNING"}

    def __init__(self) -> None:
        import django_rq

        self.queue = django_rq.get_queue("default")

    def clear(self) -> None:
        self.queue.connection.flushdb()  # the bench's own Redis database

    def _jobs(self):
        from rq.job import Job

        q = self.queue
        ids = set(q.job_ids) | set(q.started_job_registry.get_job_ids())
        ids |= set(q.finished_job_registry.get_job_ids()) | set(q.failed_job_registry.get_job_ids())
        ids |= set(q.scheduled_job_registry.get_job_ids())
        jobs = Job.fetch_many(list(ids), connection=q.connection)
        return [job for job in jobs if job is not None]

    def batches(self) -> list[Batch]:
        out = []
        for job in self._jobs():
            if job.func_name != BATCH:
                continue
            status = job.get_status()
            state = "SUCCESSFUL" if status == "finished" else self.STATUS.get(status, "FAILED")
            workers = [r.worker_name for r in job.results()] + [job.worker_name or ""]
            out.append(
                Batch(
                    job.id,
                    state,
                    _aware(job.started_at),
                    _aware(job.ended_at),
                    [w for w in workers if w],
                )
            )
        return out

    def ready_workers(self) -> int:
        from rq.worker import Worker

        return Worker.count(queue=self.queue)  # registered after the engine is loaded

    def failed(self) -> int:
        return self.queue.failed_job_registry.count

    def running_pid(self, batch: Batch) -> int | None:
        from rq.worker import Worker

        worker = Worker.find_by_key(
            Worker.redis_worker_namespace_prefix + batch.workers[-1],
            connection=self.queue.connection,
        )
        return worker.pid if worker else None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _queue():
    from django.conf import settings

    rq = settings.TASKS["default"]["BACKEND"] == "ops.rq.RQBackend"
    return RedisQueue() if rq else DatabaseQueue()


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of a process, all its threads, and its children that have ended and been
    waited for (RQ's work horses; PostgreSQL's closed backends), from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _server_pids() -> list[int]:
    """The PostgreSQL server's processes (same machine only): its postmaster, which
    accounts for backends that have ended, and the live ones; [] on SQLite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        postmaster = int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return []
    return _tree([postmaster])


def _cpu(pids: list[int]) -> dict[int, float]:
    return {pid: _cpu_seconds(pid) for pid in pids}


def _reset(event) -> None:
    """The event as an import leaves it: no analyses (their rows go with them), no tasks."""
    from framing.models import Analysis

    Analysis.objects.filter(revision__article__event=event).delete()
    _queue().clear()


def _wait_ready(queue, procs: list[subprocess.Popen], timeout: float) -> None:
    """Until every worker has loaded the engine and is polling (as long-running workers are
    when an import queues work): start-up is not throughput."""
    end = time.monotonic() + timeout
    while queue.ready_workers() < len(procs):
        if time.monotonic() > end or any(p.poll() is not None for p in procs):
            raise SystemExit("the workers did not start")
        time.sleep(0.1)


def _queue_analysis(event) -> None:
    from django.db import transaction

    from articles.imports.writer import analyse_event_on_commit

    with transaction.atomic():
        analyse_event_on_commit(event)


@dataclass
class Run:
    workers: int
    rate: float
    busy: float  # the workers' share of the span spent running batches


def throughput_once(url: str, event, workers: int, timeout: float, lock: str | None) -> Run:
    """One run; articles per second from the first batch claimed to the last one finished
    (the queue's own times), so worker start-up is not counted and a batch's single commit
    does not make the first analyses appear late. The workers are started and warm before
    the analysis is queued, as in production; ``lock`` (a file) is held for the timed part
    only, so that timed benchmarks sharing a machine do not overlap."""
    from django.db import connection

    from framing.models import Analysis

    _reset(event)
    articles = event.articles.count()
    queue = _queue()
    with _locked(lock):
        procs = [_start_worker(url) for _ in range(workers)]
        start = time.perf_counter()
        cpu0, server0 = {}, {}
        try:
            _wait_ready(queue, procs, timeout)
            _queue_analysis(event)
            # Polled slowly: the figures come from the queue's timestamps, and the poller's
            # own CPU would be taken from the workers it measures.
            while Analysis.objects.filter(revision__article__event=event).count() < articles:
                if not cpu0 and any(b.started_at for b in queue.batches()):
                    # CPU from here on: start-up (imports, loading the model) is not throughput
                    cpu0 = _cpu(_tree([p.pid for p in procs]))
                    server0 = _cpu(_server_pids())
                if time.perf_counter() - start > timeout:
                    break
                time.sleep(0.25)
            cpu1, server1 = _cpu(_tree([p.pid for p in procs])), _cpu(_server_pids())
            while any(b.status != "SUCCESSFUL" for b in queue.batches()):  # the last finished_at
                if time.perf_counter() - start > timeout:
                    break
                time.sleep(0.1)
        finally:
            _stop(procs)
        load_now = load()
    done = Analysis.objects.filter(revision__article__event=event).count()
    batches = queue.batches()
    first = min(b.started_at for b in batches if b.started_at)
    last = max(b.finished_at for b in batches if b.finished_at)
    seconds = (last - first).total_seconds()
    rate = done / seconds
    busy = sum((b.finished_at - b.started_at).total_seconds() for b in batches if b.finished_at)
    print(
        f"{connection.vendor}, {type(queue).__name__}, {workers} worker(s): {done} of "
        f"{articles} articles in {seconds:.1f} s from the first batch claimed to the last "
        f"finished = {rate:.1f} articles/s (each once: {_each_once(event)}; {load_now})"
    )
    worker_cpu = sum(cpu1.values()) - sum(cpu0.values())
    # Backends that ended in between moved into the postmaster's own count.
    server_cpu = sum(server1.values()) - sum(server0.values())
    ran = Counter(b.workers[-1] for b in batches if b.workers)
    print(
        f"  CPU per article: workers {1000 * worker_cpu / max(done, 1):.1f} ms, "
        f"database server {1000 * server_cpu / max(done, 1):.1f} ms; batches run per worker: "
        f"{sorted(ran.values(), reverse=True)}; workers busy {100 * busy / seconds / workers:.0f} %"
        " of the span"
    )
    return Run(workers, rate, busy / seconds / workers)


@contextlib.contextmanager
def _locked(path: str | None):
    if path is None:
        yield
        return
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _tree(pids: list[int]) -> list[int]:
    """The workers and their children (RQ forks a work horse per job)."""
    out = list(pids)
    for pid in pids:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        out += _tree([int(c) for c in children])
    return out


def throughput(args) -> None:
    if args.batch:
        os.environ["PARALLAX_ANALYSIS_BATCH"] = str(args.batch)  # the workers split the event
    url, tmp = _database()
    _setup(url)
    runs: list[Run] = []
    try:
        event = _fresh_event(args.articles, queue=False)
        # Worker counts alternate (1, 2, 1, 2, …) so each pair runs back to back.
        for _ in range(args.repeat):
            runs += [throughput_once(url, event, n, args.timeout, args.lock) for n in args.workers]
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    rates = {n: sorted(r.rate for r in runs if r.workers == n) for n in args.workers}
    base = args.workers[0]
    for n in args.workers:
        print(
            f"{n} worker(s), {len(rates[n])} runs: median {statistics.median(rates[n]):.1f} "
            f"articles/s (range {rates[n][0]:.1f}–{rates[n][-1]:.1f})"
        )
    width = len(args.workers)
    for k, n in enumerate(args.workers[1:], start=1):
        pairs = [b.rate / a.rate for a, b in zip(runs[::width], runs[k::width], strict=True)]
        ratio = statistics.median(rates[n]) / statistics.median(rates[base])
        print(
            f"speed-up, {n} vs {base} worker(s): {ratio:.2f}x of the medians; back-to-back "
            f"pairs {', '.join(f'{p:.2f}x' for p in pairs)} ({load()})"
        )


def _stop_mid_batch(queue, timeout: float) -> tuple[Batch, int]:
    """SIGSTOP a worker (and its work horse) while it runs an analysis batch; (batch, pid).

    Stopped first, then checked: a batch that finished just before the signal is not the
    case under test, so that worker is let go on and another running batch is tried.
    """
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for batch in queue.batches():
            if batch.status != "RUNNING" or not batch.workers:
                continue
            pid = queue.running_pid(batch)
            if pid is None:
                continue
            os.killpg(pid, signal.SIGSTOP)
            still = [b for b in queue.batches() if b.id == batch.id]
            if still and still[0].status == "RUNNING" and still[0].workers == batch.workers:
                return batch, pid
            os.killpg(pid, signal.SIGCONT)
        time.sleep(0.05)
    raise SystemExit("no worker took an analysis batch in time")


def kill(args) -> int:
    url, tmp = _database()
    _setup(url)
    from framing.models import Analysis

    try:
        event = _fresh_event(args.articles)
        queue = _queue()
        procs = [_start_worker(url), _start_worker(url)]
        try:
            while not any(b.status == "SUCCESSFUL" for b in queue.batches()):
                time.sleep(0.1)
            batch, pid = _stop_mid_batch(queue, 60)
            os.killpg(pid, signal.SIGKILL)  # the worker and whatever it forked
            killed_at = time.perf_counter()
            stored = Analysis.objects.count()
            print(f"SIGKILLed worker pid {pid} in batch {batch.id} at {stored} stored")
            procs.append(_start_worker(url))  # its supervisor starts a new one
            # Done when the killed batch and every other batch succeeded (the summary refresh
            # queued at the end is not part of the analysis).
            while any(b.status != "SUCCESSFUL" for b in queue.batches()):
                if time.perf_counter() - killed_at > KILL_DEADLINE + 30:
                    break
                time.sleep(0.2)
            finished = time.perf_counter() - killed_at
        finally:
            _stop(procs)
        killed = next(b for b in queue.batches() if b.id == batch.id)
        failed = queue.failed()
        once = _each_once(event)
        ok = once and not failed and killed.status == "SUCCESSFUL"
        ok = ok and finished <= KILL_DEADLINE
        print(
            f"{'OK' if ok else 'FAILED'} ({type(queue).__name__}): "
            f"{Analysis.objects.count()} of {args.articles} analysed "
            f"{finished:.1f} s after the kill (limit {KILL_DEADLINE:.0f} s); each exactly once: "
            f"{once}; the killed batch {killed.status}, run by {len(set(killed.workers))} "
            f"workers; tasks failed: {failed} ({load()})"
        )
        return 0 if ok else 1
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def profile(args) -> None:
    """One batch analysed in this process, as a worker runs it: CPU and wall time per article,
    of which the engine; database round trips and the time spent waiting on them."""
    url, tmp = _database()
    _setup(url)
    from django.db import connection
    from django.db.backends.base.base import BaseDatabaseWrapper

    import framing.analysis_services as services
    from framing.tasks import analyse_batch

    try:
        event = _fresh_event(args.articles + 2)
        ids = list(event.articles.order_by("pk").values_list("current_revision", flat=True))
        model = services.builtin_model_version()
        services.revisions_analyse(revision_ids=ids[:2], model_version=model)  # warm up
        db, engine_cpu = [0, 0.0, 0, 0.0], [0.0]  # queries, their wall time, commits, theirs

        def timed_query(execute, sql, params, many, context):
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                db[0] += 1
                db[1] += time.perf_counter() - start

        commit, analyze = BaseDatabaseWrapper._commit, services.engine.analyze

        def timed_commit(self):
            start = time.perf_counter()
            try:
                return commit(self)
            finally:
                db[2] += 1
                db[3] += time.perf_counter() - start

        def timed_analyze(*a, **kw):
            start = time.process_time()
            try:
                return analyze(*a, **kw)
            finally:
                engine_cpu[0] += time.process_time() - start

        BaseDatabaseWrapper._commit, services.engine.analyze = timed_commit, timed_analyze
        with connection.execute_wrapper(timed_query):
            cpu, wall = time.process_time(), time.perf_counter()
            analyse_batch.call(ids[2:], model.pk)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        BaseDatabaseWrapper._commit, services.engine.analyze = commit, analyze
        n = len(ids) - 2
        print(
            f"{connection.vendor}, one batch of {n} articles, per article: wall "
            f"{1000 * wall / n:.1f} ms, CPU {1000 * cpu / n:.1f} ms (engine "
            f"{1000 * engine_cpu[0] / n:.1f} ms); {db[0] / n:.2f} queries waited on for "
            f"{1000 * db[1] / n:.1f} ms; {db[2] / n:.2f} commits, {1000 * db[3] / n:.1f} ms "
            f"({load()})"
        )
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--articles", type=int, default=600)
    t.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    t.add_argument("--timeout", type=float, default=900)
    t.add_argument("--repeat", type=int, default=1, help="runs of each worker count")
    t.add_argument("--batch", type=int, help="articles per batch (PARALLAX_ANALYSIS_BATCH)")
    t.add_argument("--lock", help="a file to flock around each timed run (shared machines)")
    p = sub.add_parser("profile")
    p.add_argument("--articles", type=int, default=50)
    k = sub.add_parser("kill")
    k.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if args.what == "throughput":
        throughput(args)
    elif args.what == "profile":
        profile(args)
    else:
        sys.exit(kill(args))


if __name__ == "__main__":
    main()
