"""Compare ``analyze()`` speed of two checkouts on the same machine, interleaved.

Run:  .venv/bin/python bench/bench_engine_ab.py OLD_CHECKOUT [NEW_CHECKOUT] [--rounds 10]
(e.g. OLD from ``git archive main | tar -x -C /tmp/main-old``; NEW defaults to this one).

On a shared machine the load moves more between two runs of ``bench_engine.py`` than a
refactor moves the figure, so this alternates fresh processes of the two checkouts (the
order flips every round), each timing ``bench_engine``'s 1,000-word article on one core
(CPU time, median of 60 runs), and prints the median of those medians per checkout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CHILD = r"""
import os, statistics, sys, time
sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "bench")]
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from bench_engine import make_article
from framing.engine import analyze
text = make_article()
analyze(text)
cpu = []
for _ in range(60):
    c = time.process_time()
    analyze(text)
    cpu.append(time.process_time() - c)
print(statistics.median(cpu) * 1000)
"""


def one_run(checkout: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=checkout, capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path, nargs="?", default=ROOT)
    p.add_argument("--rounds", type=int, default=10)
    args = p.parse_args()
    checkouts = [args.old.resolve(), args.new.resolve()]
    runs: dict[Path, list[float]] = {c: [] for c in checkouts}
    for i in range(args.rounds):
        for c in checkouts if i % 2 == 0 else checkouts[::-1]:
            runs[c].append(one_run(c))
    for c, ms in runs.items():
        print(
            f"{c}: analyze() CPU median {statistics.median(ms):.2f} ms "
            f"(process medians {min(ms):.2f}-{max(ms):.2f}, {len(ms)} processes)"
        )
    if hasattr(os, "getloadavg"):
        print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
