"""Does the adaptation guard keep the shipped tagger when a small workspace's gain does not
carry to new documents? A replay, at engine level, of round six's 25-passage point of
``bench_learning.py passages`` (issue 11): our dev + test passages, the bench's five outer
folds, the first 25 of the other folds' passages (the bench's fixed shuffle) as the
workspace, trained under several fold assignments (the workspace's article ids decide them
in the app), each held-out fold scored by the shipped and the adapted tagger at their
balanced points. The base is the packaged tagger of round six (commit da81569), which never
trained on the dev passages (today's does), so all 72 passages are unseen text.

Run: .venv/bin/python bench/bench_guard_replay.py [--folds 0 1 2 3 4] [--assignments 3]
Prints, per (fold, assignment), the out-of-fold scores, the guard's choice and the held-out
F1 of the shipped and of the stacked tagger; then the pooled held-out F1 per policy.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from framing.engine import adaptation as ad  # noqa: E402
from framing.engine import adaptation_guard as guard  # noqa: E402
from framing.engine.candidates import prepare  # noqa: E402
from framing.engine.evaluation import evaluate_spans  # noqa: E402
from framing.engine.tagger import load_tagger  # noqa: E402
from framing.engine.tagger_training import passage_docs  # noqa: E402

ROUND_SIX_TAGGER = "da81569:framing/engine/data/tagger_en.bin"
SIZE = 25


def fold(key: str) -> int:  # as bench_learning.fold
    return hashlib.sha256(key.encode()).digest()[0] % 5


def counts(tagger, docs) -> np.ndarray:
    """Summed (credit_pred, n_pred, credit_gold, n_gold) at the tagger's balanced point."""
    cut, out = tagger.threshold("balanced"), np.zeros(4)
    for d in docs:
        tags = tagger.tag(prepare(d.text, "en"), min_score=0.0)
        pred = [(t.start, t.end, "x") for t in tags if t.score >= cut]
        m = evaluate_spans([[(s, e, "x") for s, e, _ in d.spans]], [pred]).partial.micro
        out += (m.credit_pred, m.n_pred, m.credit_gold, m.n_gold)
    return out


def f1(c: np.ndarray) -> float:
    return float(guard.f1_rows(c))


def stacked_tagger(base, wdocs):
    """The stacked tagger as ``adapt_tagger`` stores it when the guard lets it through."""
    real = guard.sure_wins, guard.beyond_fold_noise
    guard.sure_wins = lambda rows, *a, **k: {"stacked"}
    guard.beyond_fold_noise = lambda rows, folds: {"stacked"}
    try:
        return ad.adapt_tagger(base, wdocs)[0]
    finally:
        guard.sure_wins, guard.beyond_fold_noise = real


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, nargs="*", default=[0, 1, 2, 3, 4])
    parser.add_argument("--assignments", type=int, default=3)
    args = parser.parse_args()
    blob = subprocess.run(["git", "show", ROUND_SIX_TAGGER], cwd=ROOT, capture_output=True)
    with tempfile.NamedTemporaryFile(suffix=".bin") as fh:
        fh.write(blob.stdout)
        fh.flush()
        base = load_tagger(fh.name)
    keyed = [(f"p{i}", d) for i, d in enumerate(passage_docs("dev") + passage_docs("test"))]
    pooled = {"built-in": np.zeros(4), "always stacked": np.zeros(4), "guard": np.zeros(4)}
    for f in args.folds:
        test = [d for k, d in keyed if fold(k) == f]
        pool = [kd for kd in keyed if fold(kd[0]) != f]
        pool.sort(key=lambda kd: hashlib.sha256(kd[0].encode()).hexdigest())
        shipped = counts(base, test)
        for a in range(args.assignments):
            wdocs = [
                ad.WorkspaceDoc(d.text, tuple(d.spans), (), f"article-{100 * a + j + 1}")
                for j, (_, d) in enumerate(pool[:SIZE])
            ]
            report, _ = ad.cross_validate(base, wdocs)
            stacked = counts(stacked_tagger(base, wdocs), test)
            chosen = stacked if report.chosen == "stacked" else shipped
            for name, c in (("built-in", shipped), ("always stacked", stacked), ("guard", chosen)):
                pooled[name] += c
            oof = {k: round(v["partial"]["f1"], 3) for k, v in report.scores.items()}
            print(
                f"fold {f} assignment {a}: out of fold {oof}, chose {report.chosen}; held out "
                f"shipped {f1(shipped):.3f}, stacked {f1(stacked):.3f}",
                flush=True,
            )
    for name, c in pooled.items():
        print(f"{name}: pooled held-out partial F1 {f1(c):.3f}")


if __name__ == "__main__":
    main()
