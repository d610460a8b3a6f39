"""CPU time per request of the comparison pages on the 2,000-article event (load-independent).

    .venv/bin/python bench/bench_page_cpu.py --db /tmp/scale-copy.sqlite3   # a migrated COPY
    .venv/bin/python bench/bench_page_cpu.py --db ... --profile "compare, 2 columns"
    .venv/bin/python bench/bench_page_cpu.py --db ... --only compare --decisions 7
    .venv/bin/python bench/bench_page_cpu.py --db ... --only CSV   # the span CSV, to the end
    .venv/bin/python bench/bench_page_cpu.py --db ... --only zzz --sample 60 --decisions 20

Wall time means little on a shared machine; ``time.process_time`` of this process (the
test client runs the view in it; SQLite runs in it too, so query work is counted) does not
depend on how many other processes compete for the cores. Each request is run once to warm
(the first queues the summary tasks, which are then run as a worker would), then
``--repeat`` times; the median and max CPU ms and the number of queries are printed, with
the load average. ``--profile NAME`` prints the top of a cProfile of that request.
``--decisions N`` then makes N annotation decisions, each followed by the queued tasks (run
at once, as an idle worker would) and requests of compare, charts page, density and tone
JSON, and prints the CPU of each step: what showing a decision costs (``--all-charts``:
every chart's JSON after each decision, not only density and tone).
``--sample N`` times the compare page with 2 and with 5 columns on N random choices of
articles each (seeded, so before and after see the same pages): median and p95 of CPU and
wall, as the load test asks for random pairs.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", default="")
    parser.add_argument("--only", default="")
    parser.add_argument("--decisions", type=int, default=0, help="then time pages after each")
    parser.add_argument("--all-charts", action="store_true", help="every chart after a decision")
    parser.add_argument("--sample", type=int, default=0, help="compare on N random article sets")
    args = parser.parse_args()
    from _scale_data import page_urls
    from bench_scale import _setup, _warm

    _setup(f"sqlite:///{args.db}")
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from accounts.models import User, Workspace
    from articles.models import Event
    from reports import figures

    call_command("migrate", verbosity=0)
    event = Event.objects.get(title="Export bench")
    workspace = Workspace.objects.get(pk=event.workspace_id)
    ids = list(event.articles.order_by("pk").values_list("pk", flat=True))
    client = Client()
    client.force_login(User.objects.get(username="bench"))
    urls = page_urls(event_id=event.pk, workspace_id=workspace.pk, ids=ids, charts=figures.CHARTS)
    every = {k: v for k, v in urls.items() if k != "event span CSV"}
    if not args.only:
        del urls["event span CSV"]  # an export (streamed to the end): ask with --only CSV
    if args.only:
        urls = {k: v for k, v in urls.items() if args.only in k}
    print(f"{len(ids):,} articles; load {os.getloadavg()[0]:.1f}")
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _warm(client, urls.values())
        for name, url in urls.items():
            cpu, wall = [], []
            queries: list[str] = []

            def count(run, sql, *rest, queries=queries):
                queries.append(sql)
                return run(sql, *rest)

            with connection.execute_wrapper(count):
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
            for _ in range(args.repeat):
                c0, w0 = time.process_time(), time.perf_counter()
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
                cpu.append(1000 * (time.process_time() - c0))
                wall.append(1000 * (time.perf_counter() - w0))
                assert response.status_code == 200, (url, response.status_code)
            print(
                f"{name:28} CPU median {statistics.median(cpu):7.1f} ms  max {max(cpu):7.1f} ms"
                f"  wall median {statistics.median(wall):7.1f} ms  queries {len(queries):3d}"
                f"  (load {os.getloadavg()[0]:.1f})"
            )
            if args.profile == name:
                prof = cProfile.Profile()
                prof.enable()
                client.get(url)
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
        if args.sample:
            compare_sample(client, event.pk, ids, args.sample)
        if args.decisions:
            keep = ("compare, 2 columns", "charts page", "chart density.json", "chart tone.json")
            chosen = {
                k: v
                for k, v in every.items()
                if k in keep or (args.all_charts and k.startswith("chart ") and "vocab" not in k)
            }
            after_decisions(client, event, chosen, args.decisions)


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def compare_sample(client, event_id: int, ids: list[int], n: int) -> None:
    """The compare page on ``n`` random sets of 2 and of 5 articles (seeded: the same sets
    on every run), each requested once after one warm-up request of another set."""
    from django.db import connection

    rng = random.Random(2026)
    base = f"/events/{event_id}/compare/"
    for columns in (2, 5):
        sets = [rng.sample(ids, columns) for _ in range(n + 1)]
        urls = [f"{base}?" + "&".join(f"a={i}" for i in chosen) for chosen in sets]
        queries: list[str] = []

        def count(run, sql, *rest, queries=queries):
            queries.append(sql)
            return run(sql, *rest)

        with connection.execute_wrapper(count):
            assert client.get(urls[0]).status_code == 200
        cpu, wall = [], []
        for url in urls[1:]:
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(url)
            cpu.append(1000 * (time.process_time() - c0))
            wall.append(1000 * (time.perf_counter() - w0))
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"compare, {columns} random columns ×{n}: CPU median {statistics.median(cpu):6.1f}"
            f" p95 {_p95(cpu):6.1f} max {max(cpu):6.1f} ms; wall median"
            f" {statistics.median(wall):6.1f} p95 {_p95(wall):6.1f} ms; queries {len(queries)}"
            f"  (load {os.getloadavg()[0]:.1f})"
        )


def after_decisions(client, event, urls: dict[str, str], repeat: int) -> None:
    """Per decision: the decision's own CPU (the service the decide view calls), the CPU of
    whatever task it queued (run here at once, as an idle worker would), then each page's CPU
    (what a web process pays to show the decision)."""
    from django_tasks_db.models import DBTaskResult

    from accounts.models import User
    from framing.models import Annotation, AnnotationStatus
    from framing.services import annotation_decide

    user = User.objects.get(username="bench")
    notes = list(
        Annotation.objects.filter(revision__article__event=event, analysis__isnull=False)
        .exclude(status=AnnotationStatus.REJECTED)
        .select_related("revision", "label")
        .order_by("-pk")[:repeat]
    )
    figures: dict[str, list[float]] = {"decision": []}

    walls: dict[str, list[float]] = {}

    def pages(when: str) -> None:
        for name, url in urls.items():
            c0, w0 = time.process_time(), time.perf_counter()
            assert client.get(url).status_code == 200
            figures.setdefault(f"{name}, {when}", []).append(1000 * (time.process_time() - c0))
            walls.setdefault(f"{name}, {when}", []).append(1000 * (time.perf_counter() - w0))

    for note in notes:
        c0 = time.process_time()
        annotation_decide(annotation=note, status=AnnotationStatus.REJECTED, user=user)
        figures["decision"].append(1000 * (time.process_time() - c0))
        pages("next")
        c0 = time.process_time()
        for row in DBTaskResult.objects.filter(status="READY"):
            row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
            row.delete()
        figures.setdefault("queued tasks", []).append(1000 * (time.process_time() - c0))
        pages("after the tasks")
    for name, cpu in figures.items():
        print(
            f"after a decision: {name:38} CPU median {statistics.median(cpu):7.1f} ms"
            f"  p95 {_p95(cpu):7.1f} ms  max {max(cpu):7.1f} ms"
            + (f"  wall p95 {_p95(walls[name]):7.1f} ms" if name in walls else "")
            + f"  (load {os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
