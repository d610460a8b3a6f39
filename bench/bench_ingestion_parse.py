"""Ingestion parse speed: 20,000-article JSONL, one ~5 MB HTML page, one ~5 MB PDF.

Run: .venv/bin/python bench/bench_ingestion_parse.py [n_articles]
Prints seconds per step and the process's peak RSS. All text is generated (fictional).
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.ingestion import Limits, content_hash, iter_records, read_file, sandbox
from tests.articles.ingestion.helpers import make_pdf

WORDS = [
    "ministry",
    "harbour",
    "patrol",
    "trawler",
    "shoals",
    "council",
    "talks",
    "delegation",
    "coast",
    "spokesperson",
    "said",
    "officials",
    "dispute",
    "fleet",
    "provocation",
    "response",
    "week",
    "regional",
    "fishermen",
    "capital",
    "boats",
    "night",
    "statement",
    "agency",
    "reported",
    "according",
    "minister",
    "defence",
    "exercise",
    "waters",
    "border",
    "treaty",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "on",
    "for",
    "with",
    "was",
    "were",
    "by",
    "its",
    "their",
    "as",
    "at",
    "from",
]


# one 5 MB document holds far more text than an article; lift the per-article text cap
BIG_DOCS = Limits(max_text_chars=20_000_000)


def _article_text(rng: random.Random, words: int) -> str:
    sentences = []
    for _ in range(words // 16):
        sentence = " ".join(rng.choice(WORDS) for _ in range(16))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_jsonl(tmp: Path, n: int) -> None:
    rng = random.Random(7)
    path = tmp / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = {
                "title": f"Report {i} on the shoals",
                "text": _article_text(rng, 800),
                "outlet": f"Outlet {i % 12}",
                "origin": "wire",
                "url": f"https://outlet{i % 12}.example/{i}",
                "published": "2024-06-28",
                "language": "en",
                "event": "Marren shoals",
            }
            out.write(json.dumps(record) + "\n")
    size_mb = path.stat().st_size / 1e6
    start = time.perf_counter()
    articles = rejections = 0
    for item in iter_records(path, "jsonl"):
        if hasattr(item, "text"):
            content_hash(item.text)
            articles += 1
        else:
            rejections += 1
    seconds = time.perf_counter() - start
    print(
        f"jsonl: {articles} articles ({size_mb:.0f} MB, {rejections} rejected) parsed+normalised"
        f"+hashed in {seconds:.2f} s; peak RSS {_peak_rss_mb():.0f} MB"
    )


def bench_html(tmp: Path) -> None:
    rng = random.Random(8)
    paragraphs = "".join(f"<p>{_article_text(rng, 80)}</p>\n" for _ in range(9000))
    html = (
        "<html><head><title>Long dossier</title></head><body><nav>Home World</nav>"
        f"<article><h1>Long dossier</h1>{paragraphs}</article></body></html>"
    )
    path = tmp / "big.html"
    path.write_text(html, encoding="utf-8")
    start = time.perf_counter()
    result = read_file(path, limits=BIG_DOCS)
    seconds = time.perf_counter() - start
    print(
        f"html: {path.stat().st_size / 1e6:.1f} MB -> {len(result.articles[0].text):,} chars in "
        f"{seconds:.2f} s; peak RSS {_peak_rss_mb():.0f} MB here, "
        f"{sandbox.usage.peak_rss_mb:.0f} MB in the sandbox's child"
    )


def bench_pdf(tmp: Path) -> None:
    rng = random.Random(9)
    pages = [
        [" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(50)] for _ in range(1100)
    ]
    path = tmp / "big.pdf"
    path.write_bytes(make_pdf(pages, title="Long dossier"))
    start = time.perf_counter()
    result = read_file(path, limits=BIG_DOCS)
    seconds = time.perf_counter() - start
    print(
        f"pdf: {path.stat().st_size / 1e6:.1f} MB, {len(pages)} pages -> "
        f"{len(result.articles[0].text):,} chars in {seconds:.2f} s; "
        f"peak RSS {_peak_rss_mb():.0f} MB here, {sandbox.usage.peak_rss_mb:.0f} MB in the child"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        bench_jsonl(Path(tmp), n)
        bench_html(Path(tmp))
        bench_pdf(Path(tmp))


if __name__ == "__main__":
    main()
