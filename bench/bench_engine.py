"""Benchmark the framing engine: analyze() per 1,000 words, and import + model load.

Run:  .venv/bin/python bench/bench_engine.py [--processes 5] [--root CHECKOUT] [--ab OLD]

Prints, as before, the median analyze() time on one core over 300 runs of a generated
1,018-word article (denser than real news: a quote or attribution in most sentences) and the
cold import + default-model load time (fresh interpreters, nothing cached). Then, because on
this shared VM the median of one process moves by several ms between identical runs, a
protocol meant to hold still under noise: several fresh processes (``--processes``), each
pinned to one core (alternating cores), each timing

* the dense article (60 runs) and
* a realistic corpus: every demo article and every gold/dev/held-out text of >= 300 words
  (the real-style news we wrote; ``analyze_outputs.corpus``), 9 passes,

and keeping, per article, the median of its fastest third of runs ("fastest-k"). Per process
the corpus figure is the words-weighted median of the articles' ms per 1,000 words; the
printed figure is the median over processes. Plain medians (every run) are printed beside
them, and the load average before and after. ``--root`` times another checkout's engine on
this checkout's texts; ``--ab OLD`` alternates fresh processes of OLD and this checkout
(order flipped every round) and prints both, for before/after pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Sentences we wrote for the benchmark: a fictional crisis reported by several outlets, mixing
# quotes, reported speech, loaded and neutral language.
SENTENCES = [
    "The foreign ministry of the Republic of Norland on Friday denounced the joint air drills.",
    '"The US-led Asian-version NATO is a grave threat to peace," a ministry spokesperson said.',
    "According to the Meridian Agency, the Central Dispatch quoted the ministry as saying "
    "the drills were part of a plot.",
    "Officials in Seoul said the exercise was routine and posed no threat to anyone.",
    "The State Department reaffirmed its ironclad commitment to the alliance on Thursday.",
    "Fishermen in the port town said they had stayed ashore for three days after the warnings.",
    "The navy said two destroyers and a supply ship would take part in the exercise next week.",
    "Analysts at the Hallasan Institute said the drills were larger than last year's.",
    "The puppet regime will pay dearly for its reckless provocation, the commentary warned.",
    "Prices of fuel and rice rose in the capital as shoppers stocked up on essentials.",
    "The minister told parliament that the budget for coastal defence would rise by 8 percent.",
    'The so-called "defensive" drills brazenly provoke the region, the editorial said.',
    "Residents near the base complained about noise from low-flying jets at night.",
    "Freedom-loving nations must stand together against coercion, the senator said in a speech.",
    "The two leaders are expected to meet in Geneva later this month to discuss a hotline.",
    "Critics said the government had failed to explain the cost of the new radar system.",
    "The state newspaper accused Washington of a Cold War mentality and of stoking tensions.",
    "A poll published on Sunday found that most respondents supported talks with the North.",
    "The coast guard rescued six sailors after their boat capsized in heavy seas.",
    "Defence officials described the strike as a surgical strike with no collateral damage.",
    # Plain narration, as most of a news article is.
    "The exercise began at dawn with a formation of transport aircraft crossing the coast.",
    "Heavy rain delayed the first day of training, and two ferry routes were suspended.",
    "The port handles about a third of the country's grain imports each year.",
    "Schools near the base will close early on Wednesday and Thursday.",
    "The last comparable drills, in 2019, lasted nine days and involved fewer ships.",
    "Local businesses reported fewer customers as visitors stayed away from the coast.",
    "The foreign ministers of both countries are due to speak by telephone on Monday.",
    "A ferry carrying 300 passengers was diverted to a northern harbour as a precaution.",
    "The island has a population of about 40,000, most of whom work in fishing and tourism.",
    "The parliament's defence committee will review the cost of the exercise next month.",
]


def make_article(n_words: int = 1000, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, words = [], 0
    while words < n_words:
        para = " ".join(rng.sample(SENTENCES, 3))
        paragraphs.append(para)
        words += len(para.split())
    return "\n\n".join(paragraphs)


def bench_analyze(repeats: int = 300) -> dict[str, float]:
    """Wall-clock and CPU time of analyze() on one generated 1,000-word article."""
    from framing.engine import analyze

    text = make_article()
    analyze(text)  # warm caches (lexicon, model, wordfreq table)
    wall, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        analyze(text)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - t)
    median = statistics.median(wall)
    return {
        "words": len(text.split()),
        "median_ms": median * 1000,
        "per_second": 1.0 / median,
        "cpu_median_ms": statistics.median(cpu) * 1000,
        "min_ms": min(wall) * 1000,
    }


def bench_load(root: Path = ROOT) -> float:
    """Cold import of the engine plus everything loaded lazily (default model, lexicon
    automata, VADER lexicon, wordfreq table), measured in fresh interpreters."""
    code = (
        "import time; t=time.perf_counter(); from framing.engine import analyze; "
        "analyze('Warm-up: the ministry said the drills were routine.'); "
        "print(time.perf_counter()-t)"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env=env,
                cwd=root,
            ).stdout
        )
        for _ in range(3)
    ]
    return statistics.median(runs)


MIN_WORDS = 300  # the realistic corpus: articles at least this long
DENSE_RUNS = 60  # dense-article runs per process (protocol)
PASSES = 9  # passes over the realistic corpus per process


def realistic_corpus() -> list[tuple[str, str, str]]:
    """(id, language, text) of the demo articles and gold/dev/held-out texts of >= 300 words."""
    sys.path.insert(0, str(ROOT / "bench"))
    from analyze_outputs import corpus

    return [(k, lang, t) for k, lang, t in corpus(ROOT) if len(t.split()) >= MIN_WORDS]


def fastest_k(runs: list[float]) -> float:
    """Median of the fastest third of ``runs``: the load adds time, it never removes any."""
    keep = sorted(runs)[: max(1, -(-len(runs) // 3))]
    return statistics.median(keep)


def weighted_median(values: list[float], weights: list[float]) -> float:
    """The value at which half the weight lies below (lower median on a tie)."""
    pairs = sorted(zip(values, weights, strict=True))
    half, acc = sum(weights) / 2.0, 0.0
    for v, w in pairs:
        acc += w
        if acc >= half:
            return v
    return pairs[-1][0]


def child(engine_root: Path) -> dict:
    """One fresh process's figures (run with ``--child``): dense article and corpus, CPU and
    wall, fastest-k and plain medians; ms per 1,000 words for the corpus."""
    sys.path.insert(0, str(engine_root))
    import framing.engine
    from framing.engine import analyze

    assert Path(framing.engine.__file__).is_relative_to(engine_root), framing.engine.__file__
    dense = make_article()
    texts = realistic_corpus()
    analyze(dense)
    for _, lang, text in texts:  # warm caches (word features, lexicon automata)
        analyze(text, language=lang)
    d_wall, d_cpu = [], []
    for _ in range(DENSE_RUNS):
        t, c = time.perf_counter(), time.process_time()
        analyze(dense)
        d_cpu.append(time.process_time() - c)
        d_wall.append(time.perf_counter() - t)
    a_wall: list[list[float]] = [[] for _ in texts]
    a_cpu: list[list[float]] = [[] for _ in texts]
    for _ in range(PASSES):
        for k, (_, lang, text) in enumerate(texts):
            t, c = time.perf_counter(), time.process_time()
            analyze(text, language=lang)
            a_cpu[k].append(time.process_time() - c)
            a_wall[k].append(time.perf_counter() - t)
    words = [len(t.split()) for _, _, t in texts]

    def per_1000(runs: list[list[float]], pick) -> float:
        ms = [pick(r) * 1e6 / w for r, w in zip(runs, words, strict=True)]
        return weighted_median(ms, words)

    return {
        "dense_words": len(dense.split()),
        "dense_cpu_fk": fastest_k(d_cpu) * 1000,
        "dense_wall_fk": fastest_k(d_wall) * 1000,
        "dense_cpu_median": statistics.median(d_cpu) * 1000,
        "dense_wall_median": statistics.median(d_wall) * 1000,
        "dense_fastest": min(d_wall) * 1000,
        "articles": len(texts),
        "words": sum(words),
        "corpus_cpu_fk": per_1000(a_cpu, fastest_k),
        "corpus_wall_fk": per_1000(a_wall, fastest_k),
        "corpus_cpu_median": per_1000(a_cpu, statistics.median),
        "corpus_wall_median": per_1000(a_wall, statistics.median),
        # the whole corpus once (sum of each article's fastest-k) per 1,000 words
        "corpus_total_fk": sum(map(fastest_k, a_cpu)) * 1e6 / sum(words),
    }


def run_child(engine_root: Path, core: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--root", str(engine_root)]
    if core is not None:
        cmd += ["--core", str(core)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def protocol(roots: list[Path], processes: int) -> dict[Path, list[dict]]:
    """``processes`` fresh processes per checkout, interleaved (order flipped every round),
    each pinned to one core, alternating between the first two cores."""
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [None]
    runs: dict[Path, list[dict]] = {r: [] for r in roots}
    for i in range(processes):
        for j, r in enumerate(roots if i % 2 == 0 else roots[::-1]):
            runs[r].append(run_child(r, cores[(i + j) % min(2, len(cores))]))
    return runs


def report(root: Path, figs: list[dict]) -> None:
    def med(key: str) -> float:
        return statistics.median(f[key] for f in figs)

    def spread(key: str) -> str:
        vals = [f[key] for f in figs]
        return f"{min(vals):.2f}-{max(vals):.2f}"

    f0 = figs[0]
    print(f"  engine {root}, {len(figs)} fresh processes, each pinned to one core:")
    print(
        f"  dense {f0['dense_words']}-word article, {DENSE_RUNS} runs per process: "
        f"fastest-k CPU {med('dense_cpu_fk'):.2f} ms (processes {spread('dense_cpu_fk')}), "
        f"wall {med('dense_wall_fk'):.2f} ms; plain median CPU {med('dense_cpu_median'):.2f} "
        f"(processes {spread('dense_cpu_median')}), wall {med('dense_wall_median'):.2f} ms; "
        f"fastest {min(f['dense_fastest'] for f in figs):.2f} ms"
    )
    print(
        f"  realistic corpus, {f0['articles']} articles >= {MIN_WORDS} words "
        f"({f0['words']:,} words), {PASSES} passes: ms per 1,000 words, words-weighted median "
        f"over articles: fastest-k CPU {med('corpus_cpu_fk'):.2f} "
        f"(processes {spread('corpus_cpu_fk')}), wall {med('corpus_wall_fk'):.2f}; "
        f"plain median CPU {med('corpus_cpu_median'):.2f} (processes "
        f"{spread('corpus_cpu_median')}), wall {med('corpus_wall_median'):.2f}; "
        f"whole corpus {med('corpus_total_fk'):.2f} ms per 1,000 words (target <= 15)"
    )


def load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path, default=ROOT, help="checkout whose engine to time")
    p.add_argument("--ab", type=Path, help="an older checkout: interleaved before/after pairs")
    p.add_argument("--processes", type=int, default=5)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--core", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    root = args.root.resolve()
    if args.child:
        if args.core is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {args.core})
        print(json.dumps(child(root)))
        return
    print(f"load average before: {load_average()}")
    if args.ab is None:
        # The original figure, unchanged, so earlier rounds compare with it.
        sys.path.insert(0, str(root))
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
        r = bench_analyze()
        print(
            f"analyze() on a {r['words']}-word article: median {r['median_ms']:.2f} ms "
            f"({r['per_second']:.0f} articles/s, one core; target <= 15 ms, issue 8); "
            f"CPU median {r['cpu_median_ms']:.2f} ms, fastest {r['min_ms']:.2f} ms"
        )
        print(f"load average while measuring: {load_average()} (figures inflate above 1)")
        print(
            f"engine import + model load (first analyze() of a short text included): "
            f"{bench_load(root) * 1000:.0f} ms (target <= 1500 ms)"
        )
        data = root / "framing" / "engine" / "data"
        size = sum(f.stat().st_size for f in data.rglob("*") if f.is_file())
        print(f"packaged model data ({data}): {size / 1e6:.1f} MB (target <= 30 MB)")
    roots = [root] if args.ab is None else [args.ab.resolve(), root]
    print("protocol (fresh processes, fastest-k = median of each measure's fastest third):")
    for r, figs in protocol(roots, args.processes).items():
        report(r, figs)
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
