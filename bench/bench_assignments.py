"""Assignments and progress at realistic sizes: CPU time and queries (load-independent).

    .venv/bin/python bench/bench_assignments.py                 # 200 × 5 and 2,000 × 10
    .venv/bin/python bench/bench_assignments.py --sizes 200x5 --repeat 11

For each size (articles × annotators) a fresh SQLite file database is migrated and given one
event of that many short articles (bulk-inserted text revisions, as an import leaves them);
the articles are split two annotators per article through ``assignments_split``, every coder
has one own tag and one decided suggestion on each of their articles, and the first half of
the articles are marked done by both of their coders. Then timed, each warmed once and run
``--repeat`` times: the split itself (on a copy of the event's articles, unassigned), the
``event_progress`` selector, the event's assignments page (GET through the test client:
progress table plus the 2 × N-row assignment table) and one annotator's "My assignments".
``time.process_time`` of this process is reported (the view, the template and SQLite all run
in it), which does not depend on how many other processes share the cores; the query count
shows that nothing grows with the number of rows. The load average is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _build(n_articles: int, n_annotators: int):
    from django.utils import timezone

    from accounts.models import Membership, User
    from accounts.services import workspace_create
    from articles.models import Article, Event, Outlet, TextRevision
    from framing.assignment_services import assignments_split
    from framing.models import Annotation, Assignment, Label, SpanDecision

    owner = User.objects.create_user(username="owner", email="owner@example.org", password="x")
    ws = workspace_create(user=owner, name="Assignment bench")
    event = Event.objects.create(workspace=ws, title="Assignment bench", created_by=owner)
    outlet = Outlet.objects.create(workspace=ws, name="Outlet")
    text = "The frigate sailed north on Tuesday, the ministry said, and crews waved. " * 8
    articles = Article.objects.bulk_create(
        Article(event=event, outlet=outlet, title=f"Report {i}") for i in range(n_articles)
    )
    revisions = TextRevision.objects.bulk_create(
        TextRevision(article=a, number=1, text=text) for a in articles
    )
    for a, r in zip(articles, revisions, strict=True):
        a.current_revision = r
    Article.objects.bulk_update(articles, ["current_revision"])
    coders = []
    for i in range(n_annotators):
        user = User.objects.create_user(username=f"coder{i}", email=f"c{i}@example.org")
        Membership.objects.create(workspace=ws, user=user, role="annotator")
        coders.append(user)
    assignments_split(event=event, annotators=coders, per_article=2, by=owner)
    label = Label.objects.filter(codebook_version__codebook__workspace=ws).first()
    rows = list(Assignment.objects.filter(article__event=event).select_related("article"))
    Annotation.objects.bulk_create(
        Annotation(revision_id=a.article.current_revision_id, start=0, end=3, label=label,
                   author_user_id=a.annotator_id, status="accepted")
        for a in rows
    )  # fmt: skip
    SpanDecision.objects.bulk_create(
        SpanDecision(revision_id=a.article.current_revision_id, start=4, end=11 + i % 9,
                     label_key=label.key, status="rejected", decided_by_id=a.annotator_id)
        for i, a in enumerate(rows)
    )  # fmt: skip
    first_half = {a.pk for a in articles[: n_articles // 2]}
    Assignment.objects.filter(article_id__in=first_half).update(done_at=timezone.now())
    return event, owner, coders


def _measure(fn, repeat: int) -> tuple[float, float, int]:
    from django.db import connection

    fn()  # warm
    cpu, queries = [], [0]

    def counting(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    for _ in range(repeat):
        queries[0] = 0
        with connection.execute_wrapper(counting):
            start = time.process_time()
            fn()
            cpu.append(1000 * (time.process_time() - start))
    return statistics.median(cpu), max(cpu), queries[0]


def run(size: str, repeat: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from framing.assignment_selectors import event_progress
    from framing.assignment_services import assignments_split
    from framing.models import Assignment

    n_articles, n_annotators = (int(x) for x in size.split("x"))
    call_command("flush", interactive=False, verbosity=0)
    start = time.process_time()
    event, owner, coders = _build(n_articles, n_annotators)
    build = time.process_time() - start
    client = Client()
    client.force_login(owner)
    coder = Client()
    coder.force_login(coders[0])

    def page():
        assert client.get(reverse("event_assignments", args=[event.pk])).status_code == 200

    def mine():
        assert coder.get(reverse("my_assignments")).status_code == 200

    split_queries = [0]

    def counting(execute, sql, params, many, context):
        split_queries[0] += 1
        return execute(sql, params, many, context)

    def split() -> float:
        # The split of the same articles, on the event with its assignments taken away;
        # they are put back as they were afterwards.
        rows = list(Assignment.objects.filter(article__event=event).values())
        split_queries[0] = 0
        Assignment.objects.filter(article__event=event).delete()
        with connection.execute_wrapper(counting):
            start = time.process_time()
            assignments_split(event=event, annotators=coders, per_article=2, by=owner)
            spent = time.process_time() - start
        Assignment.objects.filter(article__event=event).delete()
        Assignment.objects.bulk_create(Assignment(**r) for r in rows)
        return spent

    figures = {
        "event_progress": _measure(lambda: event_progress(event=event), repeat),
        "assignments page (GET)": _measure(page, repeat),
        "My assignments (GET)": _measure(mine, repeat),
    }
    split_cpu = sorted(1000 * split() for _ in range(max(3, repeat // 2)))
    print(
        f"\n{n_articles} articles × {n_annotators} annotators "
        f"({2 * n_articles} assignments; built in {build:.1f} s CPU; "
        f"{connection.vendor}; load {os.getloadavg()[0]:.1f})"
    )
    print("| what | CPU ms (median) | CPU ms (max) | queries |")
    print("|---|---|---|---|")
    for name, (median, worst, queries) in figures.items():
        print(f"| {name} | {median:.1f} | {worst:.1f} | {queries} |")
    print(f"| split, 2 per article (service) | {statistics.median(split_cpu):.1f} | "
          f"{max(split_cpu):.1f} | {split_queries[0]} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["200x5", "2000x10"])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-assign-"))
    try:
        import bench_scale

        bench_scale._setup(f"sqlite:///{tmp / 'a.sqlite3'}")
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        for size in args.sizes:
            run(size, args.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
