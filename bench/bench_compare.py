"""Server-side render time of the comparison pages, and alignment quality on the gold set.

    .venv/bin/python bench/bench_compare.py            # 20 and 200 articles
    .venv/bin/python bench/bench_compare.py --quick    # 20 articles only

Builds events in a throw-away SQLite file: articles of ~1,500 words made by drawing sentences
of the demo event's articles (so the real engine finds real loaded terms, quotes and frames),
analysed by the real engine. Then, with the per-event summary already built (it is rebuilt only
when the event changes), it times the columns page, the charts page and every chart's JSON
through Django's test client, median of repeated requests, and the summary rebuild itself.
Last, it prints alignment precision/recall against framing/eval/demo_alignment.json (and,
for the calibrated aligner the page uses, against both demo events' gold files).
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
_DB = Path(tempfile.mkdtemp(prefix="bench-compare-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{_DB}"
os.environ["PARALLAX_TESTING"] = "1"
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.services import user_signup, workspace_create  # noqa: E402
from articles.services import article_create, event_create, outlet_get_or_create  # noqa: E402
from framing.analysis_services import event_analyse  # noqa: E402
from framing.engine import analyze  # noqa: E402
from reports.alignment import _aligned  # noqa: E402
from reports.alignment_eval import (  # noqa: E402
    evaluate,
    load_gold,
    load_gold_event,
    score_links,
)
from reports.figures import CHARTS  # noqa: E402
from reports.models import EventSummary  # noqa: E402
from reports.summary import event_summary  # noqa: E402

RNG = np.random.default_rng(2026)
REPEAT = 15


def _sentence_pool() -> list[str]:
    _, texts = load_gold()
    return [t[s.start : s.end] for t in texts for s in analyze(t).sentences]


def _article_text(pool: list[str], words: int = 1500) -> str:
    out, n = [], 0
    while n < words:
        sentence = pool[RNG.integers(len(pool))]
        out.append(sentence)
        n += len(sentence.split())
    # Paragraphs of four sentences, as news copy comes.
    return "\n\n".join(" ".join(out[i : i + 4]) for i in range(0, len(out), 4))


def _event(user, workspace, n_articles: int, pool: list[str]):
    event = event_create(workspace=workspace, title=f"Bench {n_articles}", created_by=user)
    outlets = [
        outlet_get_or_create(workspace=workspace, name=f"Outlet {k}")
        for k in range(min(10, n_articles))
    ]
    for k in range(n_articles):
        article_create(
            event=event,
            outlet=outlets[k % len(outlets)],
            title=f"Article {k}",
            text=_article_text(pool),
            added_by=user,
        )
    event_analyse(event=event)
    return event


def _median_ms(client: Client, url: str) -> float:
    client.get(url)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return 1000 * statistics.median(times)


def _bench_event(client: Client, event) -> None:
    words = sum(len(a.current_revision.text.split()) for a in event.articles.all())
    n = event.articles.count()
    start = time.perf_counter()
    EventSummary.objects.filter(event=event).delete()
    event_summary(event)
    build = 1000 * (time.perf_counter() - start)
    print(f"\n== event of {n} articles, {words:,} words")
    print(f"summary rebuild (after a change):   {build:8.1f} ms")
    base = f"/events/{event.pk}/compare/"
    print(f"columns page (4 columns), median:   {_median_ms(client, base):8.1f} ms")
    print(f"charts page, median:                {_median_ms(client, base + 'charts/'):8.1f} ms")
    for key in CHARTS:
        ms = _median_ms(client, f"{base}charts/{key}.json")
        size = len(client.get(f"{base}charts/{key}.json").content)
        print(f"chart {key + '.json':14} median:       {ms:8.1f} ms ({size / 1024:.0f} KiB)")
    ids = "&".join(f"a={a.pk}" for a in event.articles.all()[:6])
    aligned = f"{base}aligned/?{ids}"
    size = len(client.get(aligned).content)
    print(
        f"aligned facts (6 columns), median:  {_median_ms(client, aligned):8.1f} ms"
        f" ({size / 1024:.0f} KiB as owner)"
    )
    cold = []
    for _ in range(5):  # the alignment of the same texts is kept between requests
        _aligned.cache_clear()
        start = time.perf_counter()
        client.get(aligned)
        cold.append(1000 * (time.perf_counter() - start))
    print(f"aligned facts, texts not seen before: {statistics.median(cold):6.1f} ms (median of 5)")
    print(f"span explorer (event), median:      {_median_ms(client, base + 'spans/'):8.1f} ms")
    for name in ("sources", "republication", "vocabulary"):
        ms = _median_ms(client, f"{base}{name}/")
        print(f"{name + ' page, median:':36}{ms:8.1f} ms")


def _bench_workspace(client: Client, workspace) -> None:
    """Workspace-wide pages over every event built so far."""
    from articles.models import Article

    n = Article.objects.filter(event__workspace=workspace).count()
    print(f"\n== workspace of {n} articles")
    url = f"/w/{workspace.pk}/spans/"
    print(f"span explorer + matrix, median:     {_median_ms(client, url):8.1f} ms")
    label = "pejorative_label"
    print(
        f"span explorer, one label, median:   {_median_ms(client, f'{url}?label={label}'):8.1f} ms"
    )
    print(f"span explorer, page 5, median:      {_median_ms(client, f'{url}?page=5'):8.1f} ms")
    start = time.perf_counter()
    response = client.get(f"{url}?format=csv")
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
    print(
        f"CSV export (streamed), all lines:   {1000 * (time.perf_counter() - start):8.1f} ms"
        f" ({rows:,} lines)"
    )
    outlet = workspace.outlets.order_by("pk").first()
    print(
        f"outlet profile page, median:        "
        f"{_median_ms(client, f'/outlets/{outlet.pk}/profile/'):8.1f} ms"
    )
    print(
        f"outlet profile density.json:        "
        f"{_median_ms(client, f'/outlets/{outlet.pk}/profile/density.json'):8.1f} ms"
    )


def _bench_gold() -> None:
    gold, texts = load_gold()
    spans = [[(s.start, s.end) for s in analyze(t).sentences] for t in texts]
    print("\n== alignment against framing/eval/demo_alignment.json (engine sentences)")
    result = evaluate(texts, spans, gold, [0, 1, 2, 3, 4, 6], anchor=1)
    s = result.scores
    print(
        f"6 columns, links with the wire report: P {s.precision:.2f} R {s.recall:.2f} "
        f"F1 {s.f1:.2f} ({result.predicted} predicted, {result.gold} gold)"
    )
    result = evaluate(texts, spans, gold, [0, 1, 2, 3, 4, 6])
    s = result.scores
    print(
        f"6 columns, all links (gold lists only some non-wire links): P {s.precision:.2f} "
        f"R {s.recall:.2f} F1 {s.f1:.2f}"
    )
    for other in (0, 2, 3, 4, 6):
        s = evaluate(texts, spans, gold, [1, other]).scores
        print(f"wire vs article {other} (2 columns): P {s.precision:.2f} R {s.recall:.2f}")
    print("(above: the uncalibrated align_many; the page uses align_facts, below)")
    for name in ("naval", "caravan"):
        event = load_gold_event(name)
        for state in ("reported", "possibly"):
            s = score_links(event, state=state)
            print(
                f"align_facts, {name} ({event.scope}) at {state!r}: P {s.precision:.2f} "
                f"R {s.recall:.2f}"
            )


def _profile_summary(user, workspace, pool) -> None:
    """Where a 200-article summary rebuild spends its time (top functions by own time)."""
    import cProfile
    import pstats

    event = _event(user, workspace, 200, pool)
    profiler = cProfile.Profile()
    profiler.runcall(event_summary, event)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


def _load() -> str:
    """The machine's 1/5/15-minute load average: timings mean little without it."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    print(f"load average at start: {_load()}")
    call_command("migrate", verbosity=0)
    user = user_signup(email="bench@example.org", username="bench", password="bench-pw-123")
    workspace = workspace_create(user=user, name="Bench")
    client = Client()
    client.force_login(user)
    pool = _sentence_pool()
    sizes = [20] if "--quick" in sys.argv else [20, 200]
    if "--profile-summary" in sys.argv:
        _profile_summary(user, workspace, pool)
        return
    for n in sizes:
        start = time.perf_counter()
        event = _event(user, workspace, n, pool)
        print(f"(setup: {n} articles created and analysed in {time.perf_counter() - start:.0f} s)")
        _bench_event(client, event)
    _bench_workspace(client, workspace)
    _bench_gold()
    print(f"\nload average at end: {_load()}")


if __name__ == "__main__":
    main()
