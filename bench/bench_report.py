"""Report generation time on a realistic event: 20 articles of ~825 words, 10 outlets.

    .venv/bin/python bench/bench_report.py              # HTML, PDF, DOCX; median of 3
    .venv/bin/python bench/bench_report.py --kaleido    # also plotly's static export (if installed)

Builds the event in a throw-away SQLite file from sentences of the demo event's articles,
analysed by the real engine, with the stored summary and vocabulary built (as they are after
the event's analysis). Then it times what a report task does: ``build_report`` (every number,
the aligned facts over six articles, the methodology with the data fingerprint) and each
format's layout, separately and end to end. Targets (issue 13): HTML ≤ 2 s, PDF ≤ 10 s.

``--kaleido`` measures the other route to static charts: plotly's own export driving Debian's
Chromium (kaleido 1.x, BROWSER_PATH=/usr/bin/chromium), against our SVG drawing.
Every figure is printed with the load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_DB = Path(tempfile.mkdtemp(prefix="bench-report-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{_DB}"
os.environ["PARALLAX_TESTING"] = "1"
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parallax.settings")

import django  # noqa: E402

django.setup()

import logging  # noqa: E402

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402

from accounts.services import user_signup, workspace_create  # noqa: E402
from articles.services import article_create, event_create, outlet_get_or_create  # noqa: E402
from framing.analysis_services import event_analyse  # noqa: E402
from framing.engine import analyze  # noqa: E402
from reports.alignment_eval import load_gold  # noqa: E402
from reports.report.config import ReportConfig  # noqa: E402
from reports.report.content import build_report  # noqa: E402
from reports.report.docx import report_docx  # noqa: E402
from reports.report.html import report_html  # noqa: E402
from reports.report.pdf import report_pdf  # noqa: E402
from reports.report.svg import chart_svg  # noqa: E402
from reports.summary import event_summary, event_vocabulary  # noqa: E402

RNG = np.random.default_rng(2026)
REPEAT = 3


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _event(n_articles: int, words: int):
    call_command("migrate", verbosity=0)
    user = user_signup(email="bench@example.org", username="bench", password="x" * 16)
    workspace = workspace_create(user=user, name="Bench")
    _, texts = load_gold()
    pool = [t[s.start : s.end] for t in texts for s in analyze(t).sentences]
    event = event_create(workspace=workspace, title=f"Bench {n_articles}", created_by=user)
    outlets = [outlet_get_or_create(workspace=workspace, name=f"Outlet {k}") for k in range(10)]
    for k in range(n_articles):
        out, n = [], 0
        while n < words:
            sentence = pool[RNG.integers(len(pool))]
            out.append(sentence)
            n += len(sentence.split())
        text = "\n\n".join(" ".join(out[i : i + 4]) for i in range(0, len(out), 4))
        article_create(
            event=event, outlet=outlets[k % 10], title=f"Article {k}", text=text, added_by=user
        )
    event_analyse(event=event)
    event_summary(event)
    event_vocabulary(event)
    return event


CPU: list[float] = []  # CPU seconds of the last _median's runs: wall time on a loaded
# shared machine mostly measures the other processes, CPU time measures ours.


def _median(fn) -> tuple[float, object]:
    times, result = [], None
    CPU.clear()
    for _ in range(REPEAT):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return statistics.median(times), result


def _cpu() -> str:
    return f"CPU {statistics.median(CPU):.2f} s"


def _kaleido(report) -> None:
    try:
        import kaleido
    except ImportError:
        print("kaleido is not installed: pip install kaleido to measure that route")
        return
    os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")

    async def export():
        start = time.perf_counter()
        async with kaleido.Kaleido(n=1) as k:
            started = time.perf_counter() - start
            each = []
            for chart in report.charts:
                t = time.perf_counter()
                await k.calc_fig(chart.figure, opts={"format": "svg"})
                each.append(time.perf_counter() - t)
        return started, each, time.perf_counter() - start

    started, each, total = asyncio.run(export())
    print(
        f"kaleido + chromium: start {started:.2f} s, {len(each)} charts median "
        f"{statistics.median(each):.2f} s each, total {total:.2f} s ({_load()})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--words", type=int, default=825)
    parser.add_argument("--kaleido", action="store_true")
    args = parser.parse_args()
    event = _event(args.articles, args.words)
    logging.disable(logging.CRITICAL)  # WeasyPrint logs every layout step at INFO
    print(f"== event of {args.articles} articles x ~{args.words} words, 10 outlets ({_load()})")
    config = ReportConfig()
    seconds, report = _median(lambda: build_report(event, config))
    print(f"content (numbers, alignment, methodology): {seconds:6.2f} s, {_cpu()} ({_load()})")
    seconds, _ = _median(lambda: [chart_svg(c.figure) for c in report.charts])
    print(f"our SVG of {len(report.charts)} charts:                {seconds:6.3f} s")
    for name, fn in (("HTML", report_html), ("PDF", report_pdf), ("DOCX", report_docx)):
        seconds, body = _median(lambda fn=fn: fn(report))
        layout_cpu = _cpu()
        total, _ = _median(lambda fn=fn: fn(build_report(event, config)))
        size = len(body) / 1024
        print(
            f"{name:4} layout {seconds:6.2f} s ({layout_cpu}); end to end (content + layout) "
            f"{total:6.2f} s ({_cpu()}); {size:,.0f} KiB ({_load()})"
        )
    if args.kaleido:
        _kaleido(report)


if __name__ == "__main__":
    main()
