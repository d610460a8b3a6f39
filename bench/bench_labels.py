"""Competing labels and aligned facts against the demo gold files.

    .venv/bin/python bench/bench_labels.py            # today's figures
    .venv/bin/python bench/bench_labels.py --before   # the pipeline the page used before

Plain engine, no Django. Competing labels: framing/eval/demo_labels_caravan.json codes, for
each referent, the wordings each outlet uses; a coded wording is *captured* when the referent
the engine matched to that gold referent (one-to-one, greatest overlap first) lists it for
that outlet. Alignment: framing/eval/demo_alignment.json (naval, links with the wire report)
and framing/eval/demo_alignment_caravan.json (every pair) — precision and recall of the links
at "reported" and at "possibly" (reported or possibly).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.alignment_eval import (  # noqa: E402
    LABELS_GOLD,
    labels_captured,
    load_gold_event,
    score_links,
    system_referents,
)


def bench_labels(before: bool) -> None:
    gold = json.loads(LABELS_GOLD.read_text(encoding="utf-8"))
    texts = [a["text"] for a in json.loads((ROOT / gold["source"]).read_text())["articles"]]
    captured, coded = labels_captured(gold, system_referents(texts, before=before))
    print(
        f"competing labels, caravan demo: {captured} of {coded} coded wordings captured "
        f"({captured / coded:.0%})"
    )


def bench_alignment(before: bool) -> None:
    for name in ("naval", "caravan"):
        event = load_gold_event(name)
        for state in ("reported", "possibly"):
            s = score_links(event, state=state, legacy=before)
            print(
                f"alignment, {name} demo ({event.scope}), at {state!r}: P {s.precision:.2f} "
                f"R {s.recall:.2f} F1 {s.f1:.2f}"
            )


def main() -> None:
    before = "--before" in sys.argv
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{'before' if before else 'after'}; load average {load} on {os.cpu_count()} cores")
    bench_labels(before)
    bench_alignment(before)


if __name__ == "__main__":
    main()
