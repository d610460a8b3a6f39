"""Span CSV export and span explorers at scale: 2,000 articles, 30,000 visible spans.

    .venv/bin/python bench/bench_export.py              # 2,000 articles, 30,000 spans
    .venv/bin/python bench/bench_export.py --quick      # 200 articles, 3,000 spans

Builds one event in a throw-away SQLite file: ~825-word articles drawn from the demo
articles' sentences, analysed by the real engine, then topped up with model suggestions on
real words so exactly 15 spans per article are visible. Times, through Django's test client
as the owner (median of repeated requests): the event's span CSV streamed to the end, the
event span explorer page and the workspace span explorer page (targets in issue 12: CSV of
30,000 spans ≤ 1 s; workspace explorer ≤ 300 ms).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_DB = Path(tempfile.mkdtemp(prefix="bench-export-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{_DB}"
os.environ["PARALLAX_TESTING"] = "1"
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")

import django  # noqa: E402

django.setup()
import logging  # noqa: E402

logging.disable(logging.INFO)  # the task backend logs every analysis

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.services import user_signup, workspace_create  # noqa: E402
from articles.demo_loader import DEMO_FILE  # noqa: E402
from articles.models import Article  # noqa: E402
from articles.services import event_create, outlet_get_or_create  # noqa: E402
from framing.analysis_services import event_analyse  # noqa: E402
from framing.models import Analysis, Annotation, AnnotationStatus  # noqa: E402

RNG = np.random.default_rng(2026)
REPEAT = 7
SPANS_PER_ARTICLE = 15


def _pool() -> list[str]:
    import json

    from framing.engine.text import split_sentences

    docs = json.loads(Path(DEMO_FILE).read_text())["articles"]
    return [d["text"][s:e] for d in docs for s, e in split_sentences(d["text"])]


def _text(pool: list[str], words: int = 825) -> str:
    out, n = [], 0
    while n < words:
        out.append(pool[RNG.integers(len(pool))])
        n += len(out[-1].split())
    return "\n\n".join(" ".join(out[i : i + 4]) for i in range(0, len(out), 4))


def _build(n_articles: int, *, user=None, workspace=None, title: str = "Export bench"):
    """One event of ``n_articles`` analysed articles; a new user and workspace unless given
    (more events in one workspace make the workspace explorer's 8,000 articles)."""
    from articles.services import article_create

    if user is None:
        user = user_signup(email="bench@example.org", password="bench-pass-123!", username="bench")
        workspace = workspace_create(name="Bench", user=user)
    event = event_create(workspace=workspace, title=title, created_by=user)
    outlets = [outlet_get_or_create(workspace=workspace, name=f"Outlet {k}") for k in range(20)]
    pool = _pool()
    for k in range(n_articles):
        article_create(
            event=event, outlet=outlets[k % 20], title=f"A{k}", text=_text(pool), added_by=user
        )
    event_analyse(event=event)
    _top_up(event)
    return user, workspace, event


def _top_up(event) -> None:
    """Exactly SPANS_PER_ARTICLE suggestions per article: drop extras, add real words."""
    label = Annotation.objects.filter(revision__article__event=event).first().label
    extra = []
    for analysis in Analysis.objects.filter(revision__article__event=event).select_related(
        "revision", "model_version"
    ):
        have = list(analysis.annotations.order_by("start").values_list("pk", flat=True))
        if len(have) > SPANS_PER_ARTICLE:
            Annotation.objects.filter(pk__in=have[SPANS_PER_ARTICLE:]).delete()
        text, pos = analysis.revision.text, 0
        for _ in range(SPANS_PER_ARTICLE - min(len(have), SPANS_PER_ARTICLE)):
            pos = text.find(" ", pos + 40)
            end = text.find(" ", pos + 1)
            extra.append(
                Annotation(
                    revision=analysis.revision,
                    start=pos + 1,
                    end=end,
                    label=label,
                    author_model=analysis.model_version,
                    analysis=analysis,
                    status=AnnotationStatus.SUGGESTED,
                    score=0.9,
                    source="model",
                    voice="own",
                )
            )
    Annotation.objects.bulk_create(extra, batch_size=1000)


def _median(client: Client, url: str, *, stream: bool = False) -> tuple[float, int]:
    def once() -> int:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = b"".join(response.streaming_content) if stream else response.content
        return len(body)

    once()
    times, size = [], 0
    for _ in range(REPEAT):
        start = time.perf_counter()
        size = once()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), size


def main() -> None:
    n = 200 if "--quick" in sys.argv else 2000
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    user, workspace, event = _build(n)
    print(f"built {n} articles in {time.perf_counter() - start:.0f} s")
    client = Client()
    client.force_login(user)
    spans = Annotation.objects.filter(revision__article__event=event).count()
    ms, size = _median(client, f"/events/{event.pk}/compare/spans/?format=csv", stream=True)
    lines = size and client.get(f"/events/{event.pk}/compare/spans/?format=csv")
    rows = sum(1 for _ in lines.streaming_content) - 1 if lines else 0
    print(f"span CSV, {rows:,} lines of {spans:,} spans: {ms:8.1f} ms ({size / 1e6:.1f} MB)")
    ms, _ = _median(client, f"/events/{event.pk}/compare/spans/")
    print(f"event span explorer, first page:      {ms:8.1f} ms")
    ms, _ = _median(client, f"/w/{workspace.pk}/spans/")
    print(f"workspace span explorer, first page:  {ms:8.1f} ms")
    print(f"articles: {Article.objects.count():,}; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
