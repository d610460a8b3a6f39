"""Fit the aligned-facts similarity model and choose its operating points.

    .venv/bin/python framing/eval/train_alignment.py           # fit, print, write the model
    .venv/bin/python framing/eval/train_alignment.py --check   # print only
    .venv/bin/python framing/eval/train_alignment.py --loeo    # leave one training event out
    .venv/bin/python framing/eval/train_alignment.py --loeo 0.88 0.92  # … for these targets
    .venv/bin/python framing/eval/train_alignment.py --loeo --units    # … aligning clauses

Training data: the first demo event (naval exercise; every pair of a wire-report sentence with
a sentence of another column) and the eight development events of ``framing/eval/dev`` (every
pair of sentences from two articles), positive when the gold links them. The operating points
are chosen on the same events by running the whole aligner, out of fold (each event scored by
the model fitted on the others): "possibly" is the lowest point from which every event's
precision stays at or above 0.8, "reported" the lowest point above it from which every event's
precision stays at or above TARGET_PRECISION (the first crossing alone can be a dip of a small
event's curve; the top of the grid when some event never gets there), lowered while the naval
event's recall is below RECALL_FLOOR. ``--loeo`` fits and chooses on all training events but
one and scores that one, for each in turn: how the choices (the target among them) were made
without the held-out event. The second demo event (caravan) is held out: it is only scored,
never used to fit or choose anything.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from framing.engine.contrast.similarity import FEATURES, MODEL_FILE, PairFeatures  # noqa: E402
from reports.alignment_eval import (  # noqa: E402
    event_units,
    load_gold_event,
    score_links,
    unit_links,
)

# Points chosen on easier events are too low for a harder new one: with 0.88 here the left-out
# naval event got 0.85. Round 8 added a long development event (dev7, articles as long as real
# ones), which the round-7 model scored at 0.88; 0.93 is the lowest target at which every
# left-out event (``--loeo``) still reaches 0.90 (at 0.90 and 0.92 the left-out dev7 gets 0.88
# and 0.90), a margin over the 0.85 the issue asks for on real stories.
TARGET_PRECISION = 0.93
POSSIBLE_PRECISION = 0.8
# Round 10 added dev8 (leads that name facts in passing, as real stories do), which no point
# brings to the target out of fold (0.84 at best): the target alone would then put "reported"
# at the top of the grid, where naval — the training event written and annotated like the
# demo events and real stories — keeps 55 % of its links. "reported" is the point the target
# chooses, lowered until naval's out-of-fold recall is at least the 0.6.
RECALL_FLOOR = 0.6
RECALL_EVENT = "naval"
TRAINING_EVENTS = ("naval", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8")


def training_pairs(event, *, units: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Features and gold labels of the pairs the event's gold is complete for, positive when
    the gold links them; with ``units``, pairs of fact units (clauses) and the gold's links
    carried to them (``unit_links``)."""
    cols = event.columns
    aligned = event_units(event, units=units)
    gold = unit_links(event, aligned)
    features = PairFeatures([[u.text for u in column] for column in aligned])
    xs, ys = [], []
    for ka, a in enumerate(cols):
        for kb, b in enumerate(cols):
            if a >= b or (event.anchor is not None and event.anchor not in (a, b)):
                continue
            block = features.pair(ka, kb)
            xs.append(block.reshape(-1, block.shape[-1]))
            ys += [
                (a, i, b, j) in gold for i in range(block.shape[0]) for j in range(block.shape[1])
            ]
    return np.concatenate(xs), np.array(ys)


_PAIRS: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = {}
# Round 7's experiment (``--units``): align fact units (clauses) instead of sentences.
UNITS = "--units" in sys.argv


def fit(events) -> dict:
    for e in events:
        if (e.name, UNITS) not in _PAIRS:
            _PAIRS[(e.name, UNITS)] = training_pairs(e, units=UNITS)
    x = np.concatenate([_PAIRS[(e.name, UNITS)][0] for e in events])
    y = np.concatenate([_PAIRS[(e.name, UNITS)][1] for e in events])
    clf = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = {f: round(float(w), 4) for f, w in zip(FEATURES, clf.coef_[0], strict=True)}
    return {"weights": weights, "intercept": round(float(clf.intercept_[0]), 4)}


def worst_precision(scored, *, state: str, possible: float, reported: float) -> float:
    """The lowest precision over the (event, model) pairs: pooled links let an easy event with
    many links hide a hard one, and the held-out event may be the hard one."""
    return min(
        score_links(
            e,
            state=state,
            weights={**fitted, "possible": possible, "reported": reported},
            units=UNITS,
        ).precision
        for e, fitted in scored
    )


def _lowest_stable(grid: list[float], meets) -> float:
    """The lowest grid point from which every higher point also ``meets`` the target."""
    k = len(grid) - 1
    while k > 0 and meets(grid[k - 1]):
        k -= 1
    return grid[k]


def choose_points(events, fitted: dict, *, target: float = TARGET_PRECISION) -> dict:
    """Operating points for ``fitted`` (the model fitted on all ``events``), chosen out of fold:
    each event is scored by the model fitted on the others, as a new event will be, since a
    model's probabilities on the pairs it learnt from are higher than on new ones.
    "possibly": the lowest point from which links are right at least POSSIBLE_PRECISION of the
    time on every event (candidates worth an analyst's look); "reported": the lowest point above
    it from which links reach ``target``, with the rows built at "possibly"."""
    scored = [(e, fit([o for o in events if o is not e])) for e in events]
    grid = [round(float(p), 2) for p in np.arange(0.1, 0.95, 0.05)]
    possible = _lowest_stable(
        grid,
        lambda p: (
            worst_precision(scored, state="possibly", possible=p, reported=p) >= POSSIBLE_PRECISION
        ),
    )
    reported = _lowest_stable(
        [p for p in grid if p >= possible],
        lambda p: (
            worst_precision(scored, state="reported", possible=possible, reported=p) >= target
        ),
    )
    return {**fitted, "possible": possible, "reported": _recall_floor(scored, possible, reported)}


def _recall_floor(scored, possible: float, reported: float) -> float:
    """``reported``, or the highest point below it at which RECALL_EVENT (when among the
    events) keeps an out-of-fold recall of at least RECALL_FLOOR."""
    for e, fitted in scored:
        if e.name == RECALL_EVENT:
            points = [round(float(p), 2) for p in np.arange(reported, possible - 1e-9, -0.05)]
            for p in points:
                weights = {**fitted, "possible": possible, "reported": p}
                if score_links(e, state="reported", weights=weights, units=UNITS).recall >= (
                    RECALL_FLOOR
                ):
                    return p
            return possible
    return reported


def leave_one_out(train, target: float) -> None:
    """Fit and choose (for ``target``) on all training events but one, score that one at
    "reported"."""
    from reports.alignment_eval import pooled_intervals, predicted_links

    hits = found_total = gold_total = 0
    results = []
    print(f"target {target}:")
    for held in train:
        rest = [e for e in train if e is not held]
        fitted = choose_points(rest, fit(rest), target=target)
        found = predicted_links(held, state="reported", weights=fitted, units=UNITS)
        gold = (
            held.links
            if held.anchor is None
            else {p for p in held.links if held.anchor in (p[0], p[2])}
        )
        hit = len(found & gold)
        results.append((held.name, found, gold))
        hits, found_total, gold_total = hits + hit, found_total + len(found), gold_total + len(gold)
        print(
            f"{held.name} left out (points {fitted['possible']}, {fitted['reported']}): "
            f"P {hit / max(len(found), 1):.2f} R {hit / len(gold):.2f}",
            flush=True,
        )
    (p_low, p_high), (r_low, r_high) = pooled_intervals(results)
    print(
        f"pooled: P {hits / max(found_total, 1):.3f} [{p_low:.2f}, {p_high:.2f}] "
        f"R {hits / gold_total:.3f} [{r_low:.2f}, {r_high:.2f}] ({found_total - hits} wrong)"
    )


def main() -> None:
    train = [load_gold_event(name) for name in TRAINING_EVENTS]
    if "--loeo" in sys.argv:
        after = sys.argv[sys.argv.index("--loeo") + 1 :]
        targets = [float(a) for a in after if not a.startswith("--")]
        for target in targets or [TARGET_PRECISION]:
            leave_one_out(train, target)
        return
    if UNITS:
        sys.exit("--units is an experiment: use it with --loeo (the page aligns sentences)")
    fitted = choose_points(train, fit(train))
    print(json.dumps(fitted, indent=2))
    named = [(f"{e.name} (training)", e) for e in train]
    if "--no-held-out" not in sys.argv:
        named.append(("caravan (held out)", load_gold_event("caravan")))
    for name, event in named:
        for state in ("reported", "possibly"):
            s = score_links(event, state=state, weights=fitted)
            print(f"{name} at {state}: P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}")
    if "--check" not in sys.argv:
        MODEL_FILE.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
