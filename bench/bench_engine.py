"""Benchmark the framing engine: analyze() on a 1,000-word article and import + model load.

Run:  .venv/bin/python bench/bench_engine.py
Prints the median analyze() time on one core, articles per second, and the cold import +
default-model load time (measured in a fresh interpreter so nothing is cached).
"""

from __future__ import annotations

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


def bench_load() -> float:
    """Cold import of the engine plus everything loaded lazily (default model, lexicon
    automata, VADER lexicon, wordfreq table), measured in fresh interpreters."""
    code = (
        "import time; t=time.perf_counter(); from framing.engine import analyze; "
        "analyze('Warm-up: the ministry said the drills were routine.'); "
        "print(time.perf_counter()-t)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env=env,
                cwd=ROOT,
            ).stdout
        )
        for _ in range(3)
    ]
    return statistics.median(runs)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    r = bench_analyze()
    print(
        f"analyze() on a {r['words']}-word article: median {r['median_ms']:.2f} ms "
        f"({r['per_second']:.0f} articles/s, one core; target <= 15 ms, issue 8); "
        f"CPU median {r['cpu_median_ms']:.2f} ms, fastest {r['min_ms']:.2f} ms"
    )
    if hasattr(os, "getloadavg"):
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} (figures inflate above 1)")
    print(
        f"engine import + model load (first analyze() of a short text included): "
        f"{bench_load() * 1000:.0f} ms (target <= 1500 ms)"
    )


if __name__ == "__main__":
    main()
