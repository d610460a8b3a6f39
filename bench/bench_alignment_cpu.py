"""CPU time of one cold aligned-facts alignment (6 columns of the two demo events).

    .venv/bin/python bench/bench_alignment_cpu.py

Plain engine, no Django. CPU time (time.process_time), so the figure holds while other work
shares the machine; the token cache is cleared before each run, as for texts not seen before.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing.engine.contrast.similarity as similarity  # noqa: E402
from framing.engine.contrast import align_facts  # noqa: E402
from reports.alignment_eval import load_gold_event  # noqa: E402

ROUNDS = 10


def _cached_modules() -> list:
    """The modules holding per-sentence caches (numbers moved to ``quantities`` in round 6; the
    script also runs on older checkouts for before/after pairs)."""
    modules = [similarity]
    for name in ("quantities", "attribution_frame"):  # rounds 6 and 9
        with contextlib.suppress(ImportError):
            modules.append(importlib.import_module(f"framing.engine.contrast.{name}"))
    return modules


def main() -> None:
    events = [load_gold_event(name) for name in ("naval", "caravan")]
    articles = [e.sentences[c] for e in events for c in e.columns]
    sets = [articles[:6], articles[5:11]]
    align_facts(sets[0])  # imports and the model file
    start = time.process_time()
    for _ in range(ROUNDS):
        for columns in sets:
            # the per-sentence caches, where they exist (older versions kept them elsewhere)
            for module in _cached_modules():
                for cached in (
                    "_tokens",
                    "_inner_names",
                    "_digits",
                    "digits",
                    "number_kinds",
                    "_normalised",
                    "attribution_spans",
                    "without_attribution",
                ):
                    if hasattr(module, cached):
                        getattr(module, cached).cache_clear()
            align_facts(columns)
    ms = 1000 * (time.process_time() - start) / (ROUNDS * len(sets))
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"align_facts, 6 columns, cold: {ms:.1f} ms CPU per alignment; load {load}")


if __name__ == "__main__":
    main()
