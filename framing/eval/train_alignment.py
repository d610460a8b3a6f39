"""Fit the aligned-facts similarity model and choose its operating points.

    .venv/bin/python framing/eval/train_alignment.py           # fit, print, write the model
    .venv/bin/python framing/eval/train_alignment.py --check   # print only

Training data: the first demo event (naval exercise; every pair of a wire-report sentence with
a sentence of another column) and the two development events of ``framing/eval/dev`` (every
pair of sentences from two articles), positive when the gold links them. The operating points
are chosen on the same three events pooled, by running the whole aligner: "possibly" is the
lowest point whose precision reaches 0.8, "reported" the lowest point above it whose precision
reaches 0.9. The second demo event (caravan) is held out: it is only scored, never used to fit
or choose anything.
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
from reports.alignment_eval import load_gold_event, score_links  # noqa: E402

TARGET_PRECISION = 0.9
POSSIBLE_PRECISION = 0.8
TRAINING_EVENTS = ("naval", "dev", "dev2")


def training_pairs(event) -> tuple[np.ndarray, np.ndarray]:
    """Features and gold labels of the pairs the event's gold is complete for."""
    cols = event.columns
    features = PairFeatures([event.sentences[c] for c in cols])
    xs, ys = [], []
    for ka, a in enumerate(cols):
        for kb, b in enumerate(cols):
            if a >= b or (event.anchor is not None and event.anchor not in (a, b)):
                continue
            block = features.pair(ka, kb)
            for i in range(block.shape[0]):
                for j in range(block.shape[1]):
                    xs.append(block[i, j])
                    ys.append((a, i, b, j) in event.links)
    return np.array(xs), np.array(ys)


def fit(events) -> dict:
    pairs = [training_pairs(e) for e in events]
    x = np.concatenate([p[0] for p in pairs])
    y = np.concatenate([p[1] for p in pairs])
    clf = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = {f: round(float(w), 4) for f, w in zip(FEATURES, clf.coef_[0], strict=True)}
    return {"weights": weights, "intercept": round(float(clf.intercept_[0]), 4)}


def worst_precision(events, *, state: str, weights: dict) -> float:
    """The lowest precision over the events: pooled links let an easy event with many links
    hide a hard one, and the held-out event may be the hard one."""
    return min(score_links(e, state=state, weights=weights).precision for e in events)


def choose_points(events, fitted: dict) -> dict:
    """ "possibly": the lowest point whose links are right at least POSSIBLE_PRECISION of the
    time (candidates worth an analyst's look); "reported": the lowest point above it whose
    links reach TARGET_PRECISION, with the rows built at "possibly"."""
    grid = [round(float(p), 2) for p in np.arange(0.1, 0.95, 0.05)]
    possible = next(
        (
            p
            for p in grid
            if worst_precision(
                events, state="possibly", weights={**fitted, "possible": p, "reported": p}
            )
            >= POSSIBLE_PRECISION
        ),
        grid[-1],
    )
    reported = next(
        (
            p
            for p in grid
            if p >= possible
            and worst_precision(
                events, state="reported", weights={**fitted, "possible": possible, "reported": p}
            )
            >= TARGET_PRECISION
        ),
        grid[-1],
    )
    return {**fitted, "possible": possible, "reported": reported}


def main() -> None:
    train = [load_gold_event(name) for name in TRAINING_EVENTS]
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
