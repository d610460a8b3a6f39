"""Where ``analyze()`` spends its time: CPU time per pipeline component (and per step of the
loaded-term tagger) on ``bench_engine``'s 1,018-word article.

Run:  .venv/bin/python bench/bench_engine_stages.py [CHECKOUT] [--repeats 300] [--corpus]
``--corpus`` times ``bench_engine``'s realistic corpus instead (every article >= 300 words,
each stage summed over one pass, in ms per 1,000 words; use ``--repeats 20``).
CHECKOUT (default: this one) runs another tree's engine, e.g. ``git archive main | tar -x -C
/tmp/m``, to compare stage by stage. Prints the fastest and the median CPU time of each stage
over the repeats: on a loaded machine the fastest run moves least with the load, so compare
fastest with fastest, and run both checkouts back to back.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkout", nargs="?", default=str(ROOT))
    parser.add_argument("--repeats", type=int, default=300)
    parser.add_argument(
        "--corpus",
        action="store_true",
        help="bench_engine's realistic corpus (articles >= 300 words; per 1,000 words, summed)",
    )
    args = parser.parse_args()
    # The texts come from this checkout's bench_engine (which puts this checkout on the
    # path); the engine from CHECKOUT, put first afterwards.
    sys.path[:0] = [str(ROOT / "bench")]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from bench_engine import make_article, realistic_corpus

    sys.path.insert(0, args.checkout)

    from framing.engine import tagger as tagger_mod
    from framing.engine.analysis import to_analysis
    from framing.engine.artifacts import default_model
    from framing.engine.pipeline import for_model

    texts = [t for _, _, t in realistic_corpus()] if args.corpus else [make_article()]
    model = default_model()
    pipe = for_model(model)
    tagger = model.loaded_term_tagger()
    for text in texts:
        to_analysis(pipe(text), model)  # warm caches
    clock = time.process_time
    times: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        one = run_text(texts, pipe, model, tagger, clock)
        for name, ts in one.items():
            times.setdefault(name, []).append(ts)
    words = sum(len(t.split()) for t in texts) if args.corpus else 1000
    unit = "ms per 1,000 words (whole corpus)" if args.corpus else "ms"
    print(f"engine: {Path(tagger_mod.__file__).parent}; {len(texts)} texts; {unit}")
    for name, ts in times.items():
        fastest, median = min(ts) * 1e6 / words, statistics.median(ts) * 1e6 / words
        print(f"{name:32s} fastest {fastest:6.2f}   median {median:6.2f}")
    if hasattr(os, "getloadavg"):
        print(f"load average: {os.getloadavg()[0]:.2f}")


def run_text(texts, pipe, model, tagger, clock) -> dict[str, float]:
    """CPU seconds per stage, summed over ``texts`` (one pass)."""
    from framing.engine import tagger as tagger_mod
    from framing.engine.analysis import to_analysis
    from framing.engine.doc import make_doc

    times: dict[str, float] = {}

    def add(name: str, t: float) -> None:
        times[name] = times.get(name, 0.0) + t

    for text in texts:
        t0 = clock()
        doc = make_doc(text, "en")
        add("make_doc", clock() - t0)
        for component in pipe.components:
            t = clock()
            doc = component(doc)
            add(component.name, clock() - t)
        t = clock()
        to_analysis(doc, model)
        add("to_analysis", clock() - t)
        add("analyze() in all", clock() - t0)
        if tagger is not None:  # the tagger's steps, again, on the finished Doc
            t = clock()
            # The tagger's own path: ``doc_features`` where the checkout has it (the token
            # features not yet laid out per token), ``token_parts`` before.
            parts = getattr(tagger_mod, "doc_features", tagger_mod.token_parts)(doc)
            add("  tagger: token_parts", clock() - t)
            t = clock()
            comp = tagger.compile(parts)
            add("  tagger: compile", clock() - t)
            t = clock()
            tagger.raw_spans(doc, comp)
            add("  tagger: raw_spans (marginals)", clock() - t)
    return times


if __name__ == "__main__":
    main()
