"""Database size per 1,000 analysed articles (SQLite), split into text and analysis tables.

Usage: .venv/bin/python bench/bench_storage.py [N_ARTICLES]
Builds a throwaway database in a temporary folder from the demo articles (recombined
paragraphs, ~800 words each), analyses every article, and reports bytes per table group.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(n: int) -> None:
    tmp = tempfile.mkdtemp(prefix="parallax-bench-")
    os.environ.update(DEBUG="1", PARALLAX_VAR_DIR=tmp, DJANGO_SETTINGS_MODULE="parallax.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from articles.demo_loader import demo_load
    from articles.services import article_create
    from framing.analysis_services import analysis_run

    event = demo_load()
    paragraphs = [p for a in event.articles.all() for p in a.current_revision.text.split("\n\n")]
    outlet = event.articles.first().outlet
    rng = random.Random(7)
    articles = []
    for i in range(n):
        body, words = [], 0
        while words < 800:
            p = rng.choice(paragraphs)
            body.append(p)
            words += len(p.split())
        articles.append(
            article_create(event=event, outlet=outlet, title=f"Bench {i}", text="\n\n".join(body))
        )
    started = time.perf_counter()
    for article in articles:
        analysis_run(revision=article.current_revision)
    elapsed = time.perf_counter() - started
    with connection.cursor() as cur:
        cur.execute("VACUUM")
        cur.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
        sizes = dict(cur.fetchall())
    analysis = sum(v for k, v in sizes.items() if "framing_" in k)
    text = sum(v for k, v in sizes.items() if "articles_" in k)
    scale = 1000 / n
    print(f"articles analysed: {n} in {elapsed:.1f} s ({n / elapsed:.0f}/s incl. storing)")
    print(f"analysis tables per 1,000 articles: {analysis * scale / 1e6:.1f} MB")
    print(f"article + revision tables per 1,000 articles: {text * scale / 1e6:.1f} MB")
    print(f"whole database: {sum(sizes.values()) / 1e6:.1f} MB")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {name:50} {size * scale / 1e6:6.2f} MB per 1,000 articles")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
