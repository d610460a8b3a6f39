"""Regexes on hostile input (issue 9): time per input size for every audited case.

Run: .venv/bin/python bench/bench_regex.py [case-substring]
Each case is an input built against one pattern (see tests/*/test_regex_linear.py, which check
the same cases at two sizes). Prints the best of three runs at 256 KB, 1 MB and 4 MB and the
growth exponent between the two larger sizes (about 1 for linear time, 2 for quadratic), and
the load average, since the machine is shared. Inputs start at 256 KB because smaller ones
fit the CPU caches and run disproportionately fast (on a loaded machine a 64 KB run can be
20 times faster per character than a 256 KB one), which would inflate the exponent.
"""

from __future__ import annotations

import gc
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.ingestion import read_file
from articles.ingestion.normalize import normalize_text
from articles.ingestion.readers.html import strip_doctype
from articles.ingestion.readers.text import strip_markdown
from framing.engine import analyze
from framing.engine.text import split_sentences
from tests.articles.ingestion.test_regex_linear import MARKDOWN_LINES
from tests.framing.engine.test_regex_linear import SENTENCE_REGEXES

SIZES = (1, 4, 16)
BASE_CHARS = 256_000


def _html(text: str) -> None:
    read_file(text.encode(), name="hostile.html")


def cases():
    """(name, function, make(n) -> input, base n)."""
    yield "html page of '<!DOCTYPE ['", _html, lambda n: "<!DOCTYPE [" * n + "<p>x</p>", 2_000
    yield "doctype cut, '<!DOCTYPE '", strip_doctype, lambda n: "<!DOCTYPE " * n, 2_000
    yield "normalize_text, spaces then a letter", normalize_text, lambda n: "a" + " " * n, 4_000
    yield (
        "markdown heading + blanks",
        lambda s: strip_markdown([s]),
        lambda n: "# x" + " " * n,
        4_000,
    )
    for name, unit in MARKDOWN_LINES.items():
        yield (
            f"markdown line of {name}",
            lambda s: strip_markdown([s]),
            lambda n, u=unit: u * n,
            1_500,
        )
    for unit in (".", "!?", "…"):
        yield (
            f"sentence split of {unit!r} runs",
            split_sentences,
            lambda n, u=unit: "a" + u * n,
            4_000,
        )
    yield "analyze() of a run of dots", analyze, lambda n: "The ministry said so" + "." * n, 4_000
    for name, (search, unit) in SENTENCE_REGEXES.items():
        yield f"attribution: {name}", search, lambda n, u=unit: u * n, 20_000 // len(unit)


def best(fn, arg) -> float:
    gc.disable()
    try:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            fn(arg)
            runs.append(time.perf_counter() - start)
        return min(runs)
    finally:
        gc.enable()


def main() -> None:
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    _html("<p>warm up the readers and the language model before timing</p>")
    analyze("Warm up the engine.")
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, fn, make, n in cases():
        if only not in name:
            continue
        n = max(1, n * BASE_CHARS // len(make(n)))
        times = [best(fn, make(n * k)) for k in SIZES]
        growth = math.log(max(times[-1], 1e-6) / max(times[-2], 1e-6)) / math.log(
            SIZES[-1] / SIZES[-2]
        )
        shown = ", ".join(
            f"{len(make(n * k)) / 1000:,.0f} KB {t * 1e3:.1f} ms"
            for k, t in zip(SIZES, times, strict=True)
        )
        print(f"{name}: {shown}; growth exponent {growth:.2f}", flush=True)


if __name__ == "__main__":
    main()
