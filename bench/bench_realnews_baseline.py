"""Reference point for ``bench_learning.py realnews``: a plain in-domain token logistic
regression (issue 11's yardstick: "a plain in-domain token logistic regression reaches
0.24"), trained on exactly the same training documents (same 5 folds by document, same
prefixes of the same fixed shuffle) and scored on the same held-out documents with the same
label-agnostic partial F1. Outside the app: no workspace, no built-in knowledge.

Features per token: the word lower-cased, its shape (capitalised / all caps), its last three
letters, and the previous and next words lower-cased. Tokens with probability ≥ a threshold
form spans (adjacent ones joined); the threshold is chosen on the training documents' own
3-fold out-of-fold probabilities (partial F1), so no held-out text sets it.

Run: .venv/bin/python bench/bench_realnews_baseline.py --gne PATH [sizes...]
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from _realnews_corpus import realnews_docs  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from framing.engine.evaluation import evaluate_spans  # noqa: E402

FOLDS = 5
SIZES = (25, 50, 100, 200, 300)
TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def fold(key: str) -> int:  # as bench_learning.fold
    return hashlib.sha256(key.encode()).digest()[0] % FOLDS


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def features(toks: list[tuple[int, int, str]]) -> list[dict]:
    out = []
    for i, (_, _, w) in enumerate(toks):
        low = w.lower()
        out.append({
            "w=" + low: 1, "suf=" + low[-3:]: 1, "title": float(w[:1].isupper()),
            "upper": float(w.isupper() and len(w) > 1),
            "prev=" + (toks[i - 1][2].lower() if i else "<s>"): 1,
            "next=" + (toks[i + 1][2].lower() if i + 1 < len(toks) else "</s>"): 1,
        })  # fmt: skip
    return out


def labels(toks, spans) -> list[int]:
    return [int(any(s < e2 and s2 < e for s2, e2, *_ in spans)) for s, e, _ in toks]


def spans_from(toks, probs, cut: float) -> list[tuple[int, int, str]]:
    out: list[list] = []
    for i, ((s, e, _), p) in enumerate(zip(toks, probs, strict=True)):
        if p < cut:
            continue
        if out and out[-1][2] == i - 1:
            out[-1][1], out[-1][2] = e, i
        else:
            out.append([s, e, i])
    return [(s, e, "x") for s, e, _ in out]


def rows(gold_docs, pred_docs) -> list[list[float]]:
    return [
        [m.credit_pred, m.n_pred, m.credit_gold, m.n_gold]
        for m in (
            evaluate_spans([g], [p]).partial.micro
            for g, p in zip(gold_docs, pred_docs, strict=True)
        )
    ]


def f1(c) -> float:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def interval(r: list) -> tuple[float, float]:  # as bench_learning.interval
    a = np.array(r, dtype=float)
    draws = a[np.random.default_rng(7).integers(0, len(a), size=(1000, len(a)))].sum(axis=1)
    f = sorted(f1(d) for d in draws)
    return f[25], f[974]


def fit_and_cut(train) -> tuple[DictVectorizer, LogisticRegression, float]:
    toks = [tokens(t) for _, t, _, _ in train]
    X_rows = [f for tk in toks for f in features(tk)]
    y = np.array([v for tk, d in zip(toks, train, strict=True) for v in labels(tk, d[2])])
    groups = np.array([i for i, tk in enumerate(toks) for _ in tk])
    vec = DictVectorizer()
    X = vec.fit_transform(X_rows)
    oof = np.zeros(len(y))
    for a, b in GroupKFold(3).split(X, y, groups):
        oof[b] = LogisticRegression(max_iter=2000).fit(X[a], y[a]).predict_proba(X[b])[:, 1]
    starts = np.cumsum([0] + [len(tk) for tk in toks])
    gold = [[(s, e, "x") for s, e, _ in d[2]] for d in train]
    best = (-1.0, 0.5)
    for cut in np.arange(0.05, 0.95, 0.025):
        pred = [spans_from(tk, oof[starts[i] : starts[i + 1]], cut) for i, tk in enumerate(toks)]
        best = max(best, (f1(np.sum(rows(gold, pred), axis=0)), float(cut)))
    return vec, LogisticRegression(max_iter=2000).fit(X, y), best[1]


def main() -> None:
    args = sys.argv[1:]
    gne = Path(args.pop(args.index("--gne") + 1))
    args.remove("--gne")
    sizes = tuple(int(a) for a in args) or SIZES
    docs = realnews_docs(gne)
    table: dict[int, list] = {n: [] for n in sizes}
    for f in range(FOLDS):
        test = [d for d in docs if fold(d[0]) == f]
        pool = sorted(
            (d for d in docs if fold(d[0]) != f),
            key=lambda d: hashlib.sha256(d[0].encode()).hexdigest(),
        )
        gold = [[(s, e, "x") for s, e, _ in d[2]] for d in test]
        for n in sizes:
            vec, model, cut = fit_and_cut(pool[:n])
            pred = []
            for _, text, _, _ in test:
                tk = tokens(text)
                pred.append(
                    spans_from(tk, model.predict_proba(vec.transform(features(tk)))[:, 1], cut)
                )
            r = rows(gold, pred)
            table[n] += r
            print(f"fold {f} n={n}: token LR F1 {f1(np.sum(r, axis=0)):.3f} (cut {cut:.3f})")
    print("\n| training articles | token LR partial F1 | 95 % CI |")
    for n in sizes:
        lo, hi = interval(table[n])
        print(f"| {n} | {f1(np.sum(table[n], axis=0)):.3f} | {lo:.3f}–{hi:.3f} |")


if __name__ == "__main__":
    main()
