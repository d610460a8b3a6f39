"""Analysis workers: throughput with 1 and 2 workers, and a worker killed mid-batch.

    .venv/bin/python bench/bench_workers.py throughput --articles 600 --workers 1 2
    DATABASE_URL=postgres://parallax:parallax@127.0.0.1:5432/mybench \\
        .venv/bin/python bench/bench_workers.py throughput --articles 600 --workers 1 2
    DATABASE_URL=postgres://... .venv/bin/python bench/bench_workers.py kill --articles 300

Each run builds an event of unanalysed ~825-word articles (demo sentences, as
``bench_export.py`` draws them) in a fresh SQLite file, or in ``DATABASE_URL`` (which is
FLUSHED: give it a database of its own), queues its analysis as an import does, and starts
``manage.py run_worker`` processes.

``throughput`` reports articles analysed per second, from the first stored analysis to the
last, for each worker count, and the speed-up over the first count (issue 12: >= 1.7x with
2 workers on PostgreSQL).

``kill`` starts two workers, SIGKILLs one while it runs a batch, starts a replacement (what
systemd's ``Restart=always`` does) and checks that the event is finished within two minutes of
the kill with every article analysed exactly once and no task left running or failed. Exits
1 otherwise: ``.ci/run`` runs it against PostgreSQL.

Every figure is printed with the load average at the time (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
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


def _fresh_event(articles: int):
    """A fresh database holding one event of ``articles`` unanalysed articles, its analysis
    queued in batches as an import queues it."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django_tasks_db.models import DBTaskResult

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    import bench_export

    from accounts.services import user_signup, workspace_create
    from articles.imports.writer import analyse_event_on_commit
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
    DBTaskResult.objects.all().delete()  # per-article tasks of article_create: not an import's
    with transaction.atomic():
        analyse_event_on_commit(event)
    return event


def _start_worker(url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("PARALLAX_TESTING", None)
    command = [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--no-reload"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)


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


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process, all its threads, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_pids() -> list[int]:
    """PostgreSQL backends serving the workers (same machine only); [] on SQLite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def _cpu(pids: list[int]) -> dict[int, float]:
    return {pid: _cpu_seconds(pid) for pid in pids}


def throughput_once(url: str, articles: int, workers: int, timeout: float) -> float:
    """One run; articles per second from the first batch claimed to the last one finished
    (task rows' own times), so worker start-up is not counted and a batch's single commit
    does not make the first analyses appear late."""
    from django.db import connection
    from django.db.models import Max, Min
    from django_tasks_db.models import DBTaskResult

    from framing.models import Analysis

    event = _fresh_event(articles)
    batches = DBTaskResult.objects.filter(task_path="framing.tasks.analyse_batch")
    start = time.perf_counter()
    procs = [_start_worker(url) for _ in range(workers)]
    cpu0, servers, server0 = {}, [], {}
    try:
        while Analysis.objects.count() < articles:
            if not cpu0 and batches.filter(started_at__isnull=False).exists():
                # CPU from here on: start-up (imports, loading the model) is not throughput
                cpu0 = _cpu([p.pid for p in procs])
                servers = _server_pids()
                server0 = _cpu(servers)
            if time.perf_counter() - start > timeout:
                break
            time.sleep(0.05)
        cpu1, server1 = _cpu([p.pid for p in procs]), _cpu(servers)
        while batches.exclude(status="SUCCESSFUL").exists():  # the last finished_at
            if time.perf_counter() - start > timeout:
                break
            time.sleep(0.05)
    finally:
        _stop(procs)
    done = Analysis.objects.count()
    span = batches.aggregate(first=Min("started_at"), last=Max("finished_at"))
    seconds = (span["last"] - span["first"]).total_seconds()
    rate = done / seconds
    print(
        f"{connection.vendor}, {workers} worker(s): {done} of {articles} articles in "
        f"{seconds:.1f} s from the first batch claimed to the last finished = "
        f"{rate:.1f} articles/s (each once: {_each_once(event)}; {load()})"
    )
    worker_cpu = sum(cpu1.values()) - sum(cpu0.values())
    server_cpu = sum(server1.values()) - sum(server0.values())
    busy = ", ".join(f"{cpu1[p] - cpu0.get(p, 0.0):.1f}" for p in cpu1)
    print(
        f"  CPU per article: workers {1000 * worker_cpu / max(done, 1):.1f} ms, "
        f"database server {1000 * server_cpu / max(done, 1):.1f} ms; "
        f"CPU seconds per worker [{busy}]"
    )
    ran = Counter(row[-1] for row in batches.values_list("worker_ids", flat=True).iterator() if row)
    print(f"  batches run per worker: {sorted(ran.values(), reverse=True)}")
    return rate


def throughput(args) -> None:
    url, tmp = _database()
    _setup(url)
    try:
        rates = [throughput_once(url, args.articles, n, args.timeout) for n in args.workers]
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    for n, rate in zip(args.workers[1:], rates[1:], strict=True):
        print(f"speed-up, {n} vs {args.workers[0]} worker(s): {rate / rates[0]:.2f}x ({load()})")


def _stop_mid_batch(timeout: float):
    """SIGSTOP a worker while it runs an analysis batch; (task row, worker pid).

    Stopped first, then checked: a batch that finished just before the signal is not the
    case under test, so that worker is let go on and another running batch is tried.
    """
    from django_tasks_db.models import DBTaskResult

    from ops.models import WorkerHeartbeat

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        running = DBTaskResult.objects.running().filter(task_path="framing.tasks.analyse_batch")
        for task in running:
            beat = WorkerHeartbeat.objects.filter(worker_id=task.worker_ids[-1]).first()
            if beat is None:
                continue
            os.kill(beat.pid, signal.SIGSTOP)
            still = DBTaskResult.objects.running().filter(pk=task.pk, worker_ids=task.worker_ids)
            if still.exists():
                return task, beat.pid
            os.kill(beat.pid, signal.SIGCONT)
        time.sleep(0.05)
    raise SystemExit("no worker took an analysis batch in time")


def kill(args) -> int:
    url, tmp = _database()
    _setup(url)
    from django_tasks_db.models import DBTaskResult

    from framing.models import Analysis

    try:
        event = _fresh_event(args.articles)
        procs = [_start_worker(url), _start_worker(url)]
        try:
            while Analysis.objects.count() < args.articles // 4:
                time.sleep(0.1)
            task, pid = _stop_mid_batch(60)
            os.kill(pid, signal.SIGKILL)
            killed_at = time.perf_counter()
            stored = Analysis.objects.count()
            print(f"SIGKILLed worker pid {pid} in task {task.pk} at {stored} stored")
            procs.append(_start_worker(url))  # its supervisor starts a new one
            # Done when the killed batch and every other batch succeeded (the summary refresh
            # queued at the end is not part of the analysis).
            batches = DBTaskResult.objects.filter(task_path="framing.tasks.analyse_batch")
            while batches.exclude(status="SUCCESSFUL").exists():
                if time.perf_counter() - killed_at > KILL_DEADLINE + 30:
                    break
                time.sleep(0.2)
            finished = time.perf_counter() - killed_at
        finally:
            _stop(procs)
        task.refresh_from_db()
        failed = DBTaskResult.objects.filter(status="FAILED").count()
        once = _each_once(event)
        ok = once and not failed and task.status == "SUCCESSFUL"
        ok = ok and finished <= KILL_DEADLINE
        print(
            f"{'OK' if ok else 'FAILED'}: {Analysis.objects.count()} of {args.articles} analysed "
            f"{finished:.1f} s after the kill (limit {KILL_DEADLINE:.0f} s); each exactly once: "
            f"{once}; the killed batch {task.status} after runs by "
            f"{len(task.worker_ids)} workers; "
            f"tasks failed: {failed} ({load()})"
        )
        return 0 if ok else 1
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
    k = sub.add_parser("kill")
    k.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if args.what == "throughput":
        throughput(args)
    else:
        sys.exit(kill(args))


if __name__ == "__main__":
    main()
