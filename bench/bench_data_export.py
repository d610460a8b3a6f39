"""Data exports of a 2,000-article event: time and peak memory of each format.

    .venv/bin/python bench/bench_data_export.py --db /tmp/scale.sqlite3          # build once, reuse
    .venv/bin/python bench/bench_data_export.py --db /tmp/scale.sqlite3 --kinds data_xlsx

The event is ``bench_scale.py``'s (built as ``bench_export.py`` builds it: 2,000 ~825-word
articles drawn from the demo sentences, analysed by the real engine, 15 visible spans each,
20 outlets) in ``--db``, built there unless the file exists. Each format runs in a child
process of its own (so its peak resident memory is its own), as a worker runs it: the
export service claims the job, runs the generator and stores the file. The event summary is
brought up to date first, as the pages would have. Also timed: the request that starts an
export and the progress JSON the page polls (issue 13: the page never blocks > 1 s), with
the database task queue as in production. Targets (issue 13): the XLSX in ≤ 20 s and
≤ 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

KINDS = (
    "data_xlsx",
    "data_zip",
    "data_json",
    "csv_spans",
    "csv_sentences",
    "csv_articles",
    "csv_outlets",
    "csv_quotes",
    "csv_alignment",
)


def _event():
    from articles.models import Event

    return Event.objects.get(title="Export bench")


def _peak_mb() -> int:
    """This process's peak resident memory. Not ``getrusage``'s ru_maxrss: Linux carries the
    parent's peak across fork and exec into it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def one(args) -> None:
    """Child: run one export and print its figures as JSON."""
    import bench_scale

    bench_scale._setup(f"sqlite:///{args.db}")
    from accounts.models import User
    from reports.exports import jobs
    from reports.models import ExportJob

    event = _event()
    user = User.objects.get(username="bench")
    job = ExportJob.objects.create(
        workspace=event.workspace, event=event, created_by=user, kind=args.kind
    )
    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    job = jobs.export_run(job_id=job.pk)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert job.status == "succeeded", job.error
    peak = _peak_mb()
    figures = {
        "kind": args.kind,
        "seconds": round(seconds, 2),
        "cpu": round(cpu, 2),
        "mb": round(job.size / 1e6, 1),
        "peak_rss_mb": peak,
        "rss_before_mb": before,
        "load": round(bench_scale.os.getloadavg()[0], 1),
    }
    job.file.delete()
    job.delete()
    print(json.dumps(figures))


def main(args) -> None:
    import bench_scale

    db = Path(args.db)
    fresh = not db.exists()
    bench_scale._setup(f"sqlite:///{db}")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if fresh:
        import bench_export

        start = time.perf_counter()
        bench_export._build(2000)
        print(f"built in {time.perf_counter() - start:.0f} s ({bench_scale.load()})")
    from reports.summary import summary_refresh

    event = _event()
    start = time.perf_counter()
    how = summary_refresh(event)
    print(f"summary refresh ({how}): {time.perf_counter() - start:.1f} s")
    _requests(event)
    for kind in args.kinds or KINDS:
        out = subprocess.run(
            [sys.executable, __file__, "--db", str(db), "--one", kind],
            capture_output=True,
            text=True,
            check=True,
        )
        f = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{f['kind']:14} {f['seconds']:7.2f} s (CPU {f['cpu']:6.2f} s)  "
            f"{f['mb']:6.1f} MB file  peak RSS {f['peak_rss_mb']:4} MB "
            f"(before {f['rss_before_mb']} MB)  load {f['load']}"
        )


def _requests(event) -> None:
    """The start request and the progress JSON, with tasks queued in the database."""
    from django.test import Client
    from django.test.utils import override_settings

    from accounts.models import User
    from reports.models import ExportJob

    client = Client()
    client.force_login(User.objects.get(username="bench"))
    url = f"/events/{event.pk}/exports/"
    queued = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    starts, polls = [], []
    with override_settings(TASKS=queued):
        # The first request of a process imports every view (the URL configuration): once.
        t = time.perf_counter()
        client.post(url, {"kind": "data_xlsx"}, headers={"Accept": "application/json"})
        first = 1000 * (time.perf_counter() - t)
        for _ in range(9):
            t = time.perf_counter()
            response = client.post(
                url, {"kind": "data_xlsx"}, headers={"Accept": "application/json"}
            )
            starts.append(1000 * (time.perf_counter() - t))
            assert response.status_code == 202, response.status_code
            state_url = response.json()["state_url"]
            t = time.perf_counter()
            assert client.get(state_url).status_code == 200
            polls.append(1000 * (time.perf_counter() - t))
    ExportJob.objects.filter(event=event).delete()
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(task_path="reports.tasks.run_export").delete()
    print(f"first request of the process (imports the URL configuration): {first:.0f} ms")
    print(
        f"start request: median {statistics.median(starts):.0f} ms, max {max(starts):.0f} ms; "
        f"progress JSON: median {statistics.median(polls):.0f} ms, max {max(polls):.0f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/scale.sqlite3")
    parser.add_argument("--kinds", nargs="*", choices=KINDS)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parsed = parser.parse_args()
    if parsed.one:
        parsed.kind = parsed.one
        one(parsed)
    else:
        main(parsed)
