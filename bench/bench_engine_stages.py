"""Where ``analyze()`` spends its time: CPU time per pipeline component (and per step of the
loaded-term tagger) on ``bench_engine``'s 1,018-word article.

Run:  .venv/bin/python bench/bench_engine_stages.py [CHECKOUT] [--repeats 300]
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
    args = parser.parse_args()
    sys.path[:0] = [args.checkout, str(Path(args.checkout) / "bench")]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from bench_engine import make_article

    from framing.engine import tagger as tagger_mod
    from framing.engine.analysis import to_analysis
    from framing.engine.artifacts import default_model
    from framing.engine.doc import make_doc
    from framing.engine.pipeline import for_model

    text = make_article()
    model = default_model()
    pipe = for_model(model)
    tagger = model.loaded_term_tagger()
    to_analysis(pipe(text), model)  # warm caches
    clock = time.process_time
    times: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        t0 = clock()
        doc = make_doc(text, "en")
        times.setdefault("make_doc", []).append(clock() - t0)
        for component in pipe.components:
            t = clock()
            doc = component(doc)
            times.setdefault(component.name, []).append(clock() - t)
        t = clock()
        to_analysis(doc, model)
        times.setdefault("to_analysis", []).append(clock() - t)
        times.setdefault("analyze() in all", []).append(clock() - t0)
        if tagger is not None:  # the tagger's steps, again, on the finished Doc
            t = clock()
            parts = tagger_mod.token_parts(doc)
            times.setdefault("  tagger: token_parts", []).append(clock() - t)
            t = clock()
            comp = tagger.compile(parts)
            times.setdefault("  tagger: compile", []).append(clock() - t)
            t = clock()
            tagger.raw_spans(doc, comp)
            times.setdefault("  tagger: raw_spans (marginals)", []).append(clock() - t)
    print(f"engine: {Path(tagger_mod.__file__).parent}")
    for name, ts in times.items():
        fastest, median = min(ts) * 1000, statistics.median(ts) * 1000
        print(f"{name:32s} fastest {fastest:6.2f} ms   median {median:6.2f} ms")
    if hasattr(os, "getloadavg"):
        print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
