"""Competing labels and aligned facts against the demo gold files.

    .venv/bin/python bench/bench_labels.py            # today's figures
    .venv/bin/python bench/bench_labels.py --before   # the pipeline the page used before

Plain engine, no Django. Competing labels: framing/eval/demo_labels_caravan.json codes, for
each referent, the wordings each outlet uses; a coded wording is *captured* when the referent
the engine matched to that gold referent (one-to-one, greatest overlap first) lists it for
that outlet. Alignment: framing/eval/demo_alignment.json (naval, links with the wire report)
and framing/eval/demo_alignment_caravan.json (every pair) — precision and recall of the links
at "reported" and at "possibly" (reported or possibly), with 95 % bootstrap intervals
(1,000 resamples of the sentences links start from), also on the eight development events of
framing/eval/dev that the model is fitted on.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.alignment_eval import (  # noqa: E402
    DEV_LABELS,
    HELDOUT_LABELS,
    LABELS_GOLD,
    bootstrap_links,
    labels_captured,
    labels_precision,
    load_gold_event,
    stories_captured,
    system_referents,
)


def bench_labels(before: bool) -> None:
    gold = json.loads(LABELS_GOLD.read_text(encoding="utf-8"))
    texts = [a["text"] for a in json.loads((ROOT / gold["source"]).read_text())["articles"]]
    system = system_referents(texts, before=before)
    captured, coded = labels_captured(gold, system)
    hits, shown = labels_precision(gold, system)
    print(
        f"competing labels, caravan demo: {captured} of {coded} coded wordings captured "
        f"({captured / coded:.0%}); {hits} of {shown} wordings shown are coded "
        f"({hits / max(shown, 1):.0%})"
    )


def bench_stories(path: Path, name: str) -> None:
    if not path.exists():
        return
    results = stories_captured(path)
    for story, captured, coded, hits, shown in results:
        print(
            f"competing labels, {name}, {story}: {captured} of {coded}; shown coded {hits}/{shown}"
        )
    captured, coded = sum(r[1] for r in results), sum(r[2] for r in results)
    hits, shown = sum(r[3] for r in results), sum(r[4] for r in results)
    print(
        f"competing labels, {name}, all stories: {captured} of {coded} ({captured / coded:.0%}); "
        f"wordings shown that are coded {hits} of {shown} ({hits / max(shown, 1):.0%})"
    )


def bench_alignment(before: bool) -> None:
    # naval and dev … dev8 are what the model is fitted on; caravan is held out.
    for name in ("naval", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "caravan"):
        event = load_gold_event(name)
        for state in ("reported", "possibly"):
            s, p_ci, r_ci = bootstrap_links(event, state=state, legacy=before)
            print(
                f"alignment, {name} ({event.scope}), at {state!r}: "
                f"P {s.precision:.2f} [{p_ci[0]:.2f}, {p_ci[1]:.2f}] "
                f"R {s.recall:.2f} [{r_ci[0]:.2f}, {r_ci[1]:.2f}] F1 {s.f1:.2f}"
            )


def main() -> None:
    before = "--before" in sys.argv
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{'before' if before else 'after'}; load average {load} on {os.cpu_count()} cores")
    bench_labels(before)
    if not before:
        bench_stories(HELDOUT_LABELS, "held-out gold")
        bench_stories(DEV_LABELS, "development set")
    bench_alignment(before)


if __name__ == "__main__":
    main()
