"""Pages and analysis workers at scale: one event of 2,000 ~825-word articles.

    .venv/bin/python bench/bench_scale.py pages --db /tmp/scale.sqlite3    # build once, reuse
    .venv/bin/python bench/bench_scale.py pages --db /tmp/scale.sqlite3 --quick   # 200 articles
    .venv/bin/python bench/bench_scale.py pages --db /tmp/scale.sqlite3 --events 4  # 8,000 in all
    .venv/bin/python bench/bench_scale.py workers --articles 400 --workers 1
    .venv/bin/python bench/bench_scale.py workers --articles 400 --workers 2

``--events 4`` adds three copies of the event (``_scale_data.clone_event``: same texts,
analyses and tags) so that the workspace explorer reads 8,000 articles.

``pages`` builds the event the way ``bench_export.py`` does (articles drawn from the demo
sentences, analysed by the real engine, 15 visible spans each) into ``--db`` unless that
file exists, so the same database serves a run on main and one on a branch (copy it first:
a branch's migrations change it). Then, through Django's test client as the owner, it times
repeated requests (median and p95): compare with 2 and 4 columns, the charts page and each
chart's JSON, the vocabulary page, the event and workspace span explorers, the event's span
CSV (streamed to the end), an article page,
and an annotation decision (the service, as the decide view calls it) followed by a compare
request. Tasks go to the database queue as in production (no worker runs them here); where
the code queues a summary refresh instead of rebuilding, the refresh task is timed apart.

``workers`` builds an event of unanalysed articles in a fresh SQLite file (or
``DATABASE_URL`` if set), queues its analysis as an import does, starts N
``manage.py run_worker`` processes and reports articles analysed per second.

Every figure is printed with the load average at the time (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(database_url: str, *, testing: bool = True) -> None:
    os.environ["DATABASE_URL"] = database_url
    if testing:
        os.environ["PARALLAX_TESTING"] = "1"
    os.environ["DEBUG"] = "1"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # the task backend logs every task


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _times(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def _get(client, url: str):
    def once() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)

    return once


def pages(args) -> None:
    db = Path(args.db)
    fresh = not db.exists()
    _setup(f"sqlite:///{db}")
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    sys.path.insert(0, str(ROOT / "bench"))
    import bench_export
    from _scale_data import clone_event, page_urls

    from accounts.models import User, Workspace
    from articles.models import Article, Event
    from framing.models import Annotation, AnnotationStatus
    from framing.services import annotation_decide
    from reports import figures

    call_command("migrate", verbosity=0)
    if fresh:
        start = time.perf_counter()
        bench_export._build(200 if args.quick else 2000)
        print(f"built in {time.perf_counter() - start:.0f} s ({load()})")
    event = Event.objects.get(title="Export bench")
    workspace = Workspace.objects.get(pk=event.workspace_id)
    user = User.objects.get(username="bench")
    for k in range(2, args.events + 1):  # copies of the event: the workspace explorer
        if not Event.objects.filter(title=f"Export bench {k}").exists():
            clone_event(event, title=f"Export bench {k}")
            print(f"event {k}: a copy of the first ({load()})")
    ids = list(event.articles.order_by("pk").values_list("pk", flat=True))
    print(f"{len(ids):,} articles, {Annotation.objects.count():,} annotations")
    client = Client()
    client.force_login(user)
    urls = page_urls(event_id=event.pk, workspace_id=workspace.pk, ids=ids, charts=figures.CHARTS)
    queued = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=queued):
        _warm(client, urls.values())
        for name, url in urls.items():
            median, p95 = _times(_get(client, url), args.repeat)
            print(f"{name:32} median {median:8.1f} ms  p95 {p95:8.1f} ms  ({load()})")
        notes = list(
            Annotation.objects.filter(revision__article__event=event, analysis__isnull=False)
            .select_related("revision")
            .order_by("pk")[: 2 * (args.repeat + 1)]
        )
        compare = _get(client, urls["compare, 2 columns"])
        statuses = iter(
            [AnnotationStatus.REJECTED, AnnotationStatus.ACCEPTED] * (2 * args.repeat + 2)
        )

        def decide_then_compare() -> None:
            note = notes.pop()
            annotation_decide(annotation=note, status=next(statuses), user=user)
            compare()

        median, p95 = _times(decide_then_compare, args.repeat)
        print(f"{'decision + compare':32} median {median:8.1f} ms  p95 {p95:8.1f} ms  ({load()})")
    _time_refresh(event)
    print(f"articles: {Article.objects.count():,}; {load()}")


def _warm(client, urls) -> None:
    """First requests (a summary or vocabulary built where the code builds them on demand);
    where it queues them instead, run the queued tasks once, as a worker would."""
    for url in urls:
        _get(client, url)()
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return
    for row in DBTaskResult.objects.filter(status="READY"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()


def _time_refresh(event) -> None:
    try:
        from reports.summary import summary_refresh, vocabulary_refresh
    except ImportError:
        return  # main: pages rebuild the summary themselves (timed above)
    for name, fn in (("summary refresh task", summary_refresh),):
        start = time.perf_counter()
        how = fn(event)
        ms = 1000 * (time.perf_counter() - start)
        print(f"{name} ({how}) after the decisions: {ms:8.1f} ms  ({load()})")
    start = time.perf_counter()
    vocabulary_refresh(event)
    ms = 1000 * (time.perf_counter() - start)
    print(f"vocabulary refresh task:             {ms:8.1f} ms  ({load()})")


def workers(args) -> None:
    url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-scale-')) / 'w.sqlite3'}"
    )
    _setup(url, testing=False)
    from django.core.management import call_command
    from django.db import connection

    from framing.models import Analysis

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_export
    from django.db import transaction

    from accounts.services import user_signup, workspace_create
    from articles.imports.writer import analyse_event_on_commit
    from articles.services import article_create, event_create, outlet_get_or_create

    user = user_signup(email="w@example.org", password="bench-pass-123!", username="w")
    workspace = workspace_create(name="Workers", user=user)
    event = event_create(workspace=workspace, title="Workers bench", created_by=user)
    outlets = [outlet_get_or_create(workspace=workspace, name=f"Outlet {k}") for k in range(20)]
    pool = bench_export._pool()
    from django_tasks_db.models import DBTaskResult

    for k in range(args.articles):
        article_create(
            event=event, outlet=outlets[k % 20], title=f"W{k}", text=bench_export._text(pool)
        )
    DBTaskResult.objects.all().delete()  # per-article tasks of article_create: not an import's
    with transaction.atomic():
        analyse_event_on_commit(event)
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("PARALLAX_TESTING", None)
    command = [sys.executable, "manage.py", "run_worker", "--interval", "0.1"]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        for _ in range(args.workers)
    ]
    first = None  # when the first analysis appeared: worker start-up is not throughput
    try:
        while (count := Analysis.objects.count()) < args.articles:
            if first is None and count:
                first = (time.perf_counter(), count)
            if time.perf_counter() - start > args.timeout:
                break
            time.sleep(0.1)
        end = time.perf_counter()
        first = first or (start, 0)
        elapsed = end - first[0]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)
    done = Analysis.objects.count()
    once = Analysis.objects.values("revision").distinct().count() == done
    print(
        f"{connection.vendor}, {args.workers} worker(s): {done} of {args.articles} articles, "
        f"{done - first[1]} in {elapsed:.1f} s after the first = "
        f"{(done - first[1]) / elapsed:.1f} articles/s (each once: {once}; {load()})"
    )
    ran = Counter(
        row[-1] for row in DBTaskResult.objects.values_list("worker_ids", flat=True) if row
    )
    print(f"  tasks run per worker: {sorted(ran.values(), reverse=True)}")
    if url.startswith("sqlite:///") and "bench-scale-" in url:
        shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("pages")
    p.add_argument("--db", required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--repeat", type=int, default=11)
    p.add_argument("--events", type=int, default=1, help="4: the workspace has 8,000 articles")
    w = sub.add_parser("workers")
    w.add_argument("--articles", type=int, default=400)
    w.add_argument("--workers", type=int, default=1)
    w.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    pages(args) if args.what == "pages" else workers(args)


if __name__ == "__main__":
    main()
