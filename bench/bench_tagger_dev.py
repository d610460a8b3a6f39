"""Loaded-term tagger figures on the dev split only, for choosing data and features.

Run:  nice -n 19 .venv/bin/python bench/bench_tagger_dev.py [--mode quick|oof]

No held-out split is read. The CRF trains on the training split alone (``train_on_dev``
off), so the dev documents (BABE dev, our dev passages) are unseen:

  quick  one CRF; calibration and operating points fitted on the dev split itself (the
         criterion of the earlier rounds: a dozen calibration weights, slightly optimistic,
         the same for every variant compared).
  oof    six CRFs; calibration and operating points fitted on out-of-fold spans of the
         training split only, so every dev figure is out of sample.

Prints, per dev source, partial P / R / F1 at the three stored points and at the best
threshold, the recall ceiling (every extracted span at any score) and how many dev-passage
gold spans no extracted span touches, then calibrated scores of a few literal-sense and
idiom probe sentences written for this script (never training data).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Written for this script only (not in the training data or the tests): literal senses that
# should stay untagged, and figurative uses that should be tagged.
PROBES = (
    "The old cinema on the high street has been empty since the spring.",
    "Firefighters said the children had been playing with fire in the shed.",
    "The concert sold out within an hour of tickets going on sale.",
    "The runner crossed the line in 10.2 seconds to win the final.",
    "The minister flew into a rage when reporters asked about the contract.",
    "The bill is nothing less than an assault on the free press, the editorial said.",
    "Critics poured scorn on the plan and said it was a recipe for chaos.",
    "The opposition launched a smear campaign against the judge.",
    # added in the word-sense round (issue 8): literal twins and hyperbole
    "A fire safety officer said the twins had played with fire using a candle in their room.",
    "Ticket sales rose 25 per cent in the first quarter, the theatre said.",
    "The governor won an unprecedented fourth term in office on Sunday.",
    "The opposition said the new tax was an utter catastrophe for small farms.",
    "Fuel prices are skyrocketing and the minister's plan is nothing short of a disgrace.",
    # added in word-sense round 2: war words met literally, two judgements beside a name
    "Sappers found an unexploded time bomb under the school yard and removed it on Monday.",
    "The junta in Casterly will pay dearly for its reckless provocation, the spokesman said.",
)


def dev_rows_and_points(params, mode: str):
    from framing.engine import tagger_training as tt

    train = tt.training_docs()
    weights = [tt._copies(d, params) for d in train]
    tagger = tt.fit_crf(train, params, weights)
    tagger.trim = params.trim
    tt.fit_categories(tagger, train)
    dev = tt.dev_docs()
    if mode == "quick":
        rows = tt.dev_span_rows(tagger, dev)
        tt.calibrate_pooled(tagger, dev, rows)
    else:
        pooled = [replace(d, source="passages") if d.source == "seed" else d for d in train]
        rows = tt.out_of_fold_rows(train, weights, replace(params, calib_folds=5))
        tt.calibrate_pooled(tagger, pooled, rows)
    return tagger, dev


def report(tagger, dev) -> None:
    from framing.engine import tagger_training as tt
    from framing.engine.candidates import prepare

    spans_by_doc = []
    for doc in dev:
        found = tagger.tag(prepare(doc.text, "en"), min_score=0.0)
        spans_by_doc.append([(t.start, t.end, t.score) for t in found])
    print("points:", {k: round(v["threshold"], 3) for k, v in tagger.points.items()})
    means: dict[str, list[float]] = {}
    for source in ("babe", "passages"):
        ks = [k for k, d in enumerate(dev) if d.source == source]
        docs, spans = [dev[k] for k in ks], [spans_by_doc[k] for k in ks]
        line = [f"{source:9s}"]
        for name in ("precision", "balanced", "recall"):
            p, r = tt.partial_pr(docs, spans, tagger.points[name]["threshold"])
            f = 2 * p * r / (p + r) if p + r else 0.0
            means.setdefault(name, []).append(f)
            line.append(f"{name} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        grid = sorted({round(s, 3) for sp in spans for *_, s in sp} | {0.0})
        curve = tt.partial_pr_curve(docs, spans, grid)
        best = max(2 * p * r / (p + r) if p + r else 0.0 for p, r in curve)
        means.setdefault("best", []).append(best)
        line.append(f"best F1 {best:.3f}; ceiling R {curve[0][1]:.3f}")
        print(" | ".join(line))
        if source == "passages":
            gold = [(k, s, e) for k, d in zip(ks, docs, strict=True) for s, e, *_ in d.spans]
            untouched = [
                dev[k].text[s:e]
                for k, s, e in gold
                if not any(a < e and s < b for a, b, _ in spans_by_doc[k])
            ]
            print(f"dev passages: {len(untouched)} of {len(gold)} gold spans have no span")
            print("   ", "; ".join(untouched))
    print("mean over sources:", {k: round(sum(v) / len(v), 4) for k, v in means.items()})
    bal = tagger.points["balanced"]["threshold"]
    for text in PROBES:
        found = tagger.tag(prepare(text, "en"), min_score=0.0)
        tags = ", ".join(f"{text[t.start : t.end]!r} {t.score:.2f}" for t in found)
        print(f"  probe (balanced ≥ {bal:.3f}): {text[:60]}… -> {tags or '-'}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=("quick", "oof"), default="quick")
    ap.add_argument("--copies", type=int, help="passage copies (default: Params)")
    ap.add_argument("--save", type=Path, help="write the fitted tagger here (tagger bytes)")
    args = ap.parse_args()
    from framing.engine import tagger_training as tt

    params = tt.Params(train_on_dev=False)
    if args.copies:
        params = replace(params, passage_copies=args.copies)
    t0 = time.time()
    tagger, dev = dev_rows_and_points(params, args.mode)
    report(tagger, dev)
    if args.save:
        from framing.engine.tagger import dumps

        args.save.write_bytes(dumps(tagger))
    cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    print(f"mode {args.mode}: {time.time() - t0:.0f} s wall, {cpu:.0f} s CPU")


if __name__ == "__main__":
    main()
