"""Near-duplicate detection on republished wire copy: a CSV of N near-identical ~800-word rows
(one story republished by N sites, each with its own opening line and a few words changed)
through the import preview (parse, store items, classify duplicates), and the same number of
varied rows for comparison.

Run: .venv/bin/python bench/bench_dedup.py [n_rows] [near|varied|both]   (default 20000 both)
Prints wall and CPU time (CPU is the stable figure on a shared machine), the time spent
classifying, how the copies were grouped, and the load
average (the machine is shared). Throwaway SQLite database (WAL) in a temporary directory.
"""

from __future__ import annotations

import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_import import _env, _manage  # noqa: E402
from bench.bench_ingestion_parse import _article_text  # noqa: E402

TARGET_SECONDS = 30


def _rows(n: int, *, near: bool) -> bytes:
    rng = random.Random(11)
    story = _article_text(rng, 800).split()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text", "outlet", "published"])
    for i in range(n):
        if near:
            words = list(story)
            for position in rng.sample(range(len(words)), 20):  # a word in 40 edited
                words[position] = rng.choice(story)
            text = f"Site {i} reports. " + " ".join(words)
        else:
            text = _article_text(rng, 800)
        writer.writerow([f"Shoals report {i}", text, f"Site {i % 50}", "2024-06-28"])
    return out.getvalue().encode()


def bench(tmp: Path, n: int, near: bool) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User, Workspace
    from articles.imports import import_preview
    from articles.imports import preview as preview_module
    from articles.models import Event, ItemKind

    data = _rows(n, near=near)
    user = User.objects.get_or_create(username="bench", email="bench@example.org")[0]
    workspace = Workspace.objects.create(name=f"Dedup {n} {near}")
    event = Event.objects.create(workspace=workspace, title="Marren shoals")
    classify = preview_module.classify
    spent = []

    def timed_classify(*, job):
        start, cpu = time.perf_counter(), time.process_time()
        classify(job=job)
        spent.append((time.perf_counter() - start, time.process_time() - cpu))

    preview_module.classify = timed_classify
    try:
        start, cpu = time.perf_counter(), time.process_time()
        job = import_preview(event=event, files=[SimpleUploadedFile("wire.csv", data)], user=user)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        preview_module.classify = classify
    kinds = dict.fromkeys(ItemKind.values, 0)
    for kind in job.items.values_list("kind", flat=True):
        kinds[kind] += 1
    first = job.items.order_by("position").values_list("pk", flat=True).first()
    to_first = job.items.filter(duplicate_of_item=first).count()
    label = "near-identical" if near else "varied"
    print(
        f"preview of {n:,} {label} ~800-word rows ({len(data) / 1e6:.0f} MB CSV): "
        f"{seconds:.1f} s wall, {cpu:.1f} s CPU (target {TARGET_SECONDS} s); classify "
        f"{spent[0][0]:.1f} s wall, {spent[0][1]:.1f} s CPU; "
        f"kinds {kinds}; {to_first:,} point at the first row; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    args = sys.argv[1:]
    n = int(args[0]) if args and args[0].isdigit() else 20_000
    which = next((a for a in args if a in ("near", "varied", "both")), "both")
    with tempfile.TemporaryDirectory() as tmp:
        _manage(Path(tmp), "migrate", "-v", "0")
        os.environ.update(_env(Path(tmp)))
        import django

        django.setup()
        for near in {"near": (True,), "varied": (False,), "both": (True, False)}[which]:
            bench(Path(tmp), n, near)


if __name__ == "__main__":
    main()
