"""Frame quality on held-out articles: article label sets and sentence frames.

Run:  .venv/bin/python bench/bench_quality_frames.py [--old /tmp/main-old] [--boot 1000]

For each held-out split — our own (``framing/engine/data/frames/heldout.txt``, frozen by
document before tuning) and, when present, the independent ``framing/eval/gold/frames_news``
— prints article-level micro/macro-F1 over the 14 Policy Frames Codebook frames ("other" is
left out, as in the codebook's evaluations) at the engine's own decision rule, with bootstrap
95% intervals over articles, next to:

- the constant answer: the k most frequent frames of our training articles for every article
  (k = the mean training label-set size, rounded, and k = 4);
- the old engine (``--old``: a checkout of main, e.g. ``git worktree add /tmp/main-old main``),
  at its 0.5 threshold and reading its top 4, run in a subprocess from that checkout.

Sentence level: accuracy and macro-F1 of the dominant frame (the strongest frame when its
probability reaches 0.3, else "no frame") against the first gold frame of each sentence.

``evaluate()`` is importable (``bench/bench_quality.py`` calls it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.engine import analyze  # noqa: E402
from framing.engine.codebooks import POLICY_FRAMES  # noqa: E402
from framing.engine.frame_training import frame_split  # noqa: E402

LABELS = tuple(d.key for d in POLICY_FRAMES if d.key != "other")
GOLD_NEWS = ROOT / "framing" / "eval" / "gold" / "frames_news.jsonl"
DOMINANT_MIN = 0.3  # as analysis.SENTENCE_FRAME_MIN and reports.summary.DOMINANT_FRAME_MIN


def own_heldout() -> list[dict]:
    """Our held-out articles as {text, frames, sentences: [(start, end, frames)]}."""
    out = []
    for d in frame_split()[1]:
        text, spans, pos = "", [], 0
        for i, s in enumerate(d.sentences):
            if i:
                text += " "
                pos += 1
            spans.append((pos, pos + len(s), list(d.policy[i])))
            text += s
            pos += len(s)
        frames = sorted(d.labels("policy"))
        out.append({"id": d.id, "text": text, "frames": frames, "sentences": spans})
    return out


def gold_news() -> list[dict]:
    """The independent held-out set (h-gold), same shape."""
    out = []
    for line in GOLD_NEWS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        sents = [(s["start"], s["end"], list(s.get("frames") or [])) for s in r["sentences"]]
        out.append({"id": r["id"], "text": r["text"], "frames": r["frames"], "sentences": sents})
    return out


def train_label_sets() -> list[set[str]]:
    return [set(d.labels("policy")) for d in frame_split()[0] if d.is_article]


# --- metrics ------------------------------------------------------------------------------
def _counts(gold: list[set[str]], pred: list[set[str]]) -> np.ndarray:
    """(n_articles, n_labels, 3) true positives, false positives, false negatives."""
    out = np.zeros((len(gold), len(LABELS), 3))
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        for j, k in enumerate(LABELS):
            out[i, j] = (k in g and k in p, k in p and k not in g, k in g and k not in p)
    return out


def _micro_macro(c: np.ndarray) -> tuple[float, float]:
    tp, fp, fn = c.sum(axis=0).T  # per label
    micro_d = 2 * tp.sum() + fp.sum() + fn.sum()
    micro = 2 * tp.sum() / micro_d if micro_d else 0.0
    present = (tp + fn) > 0  # macro over frames that occur in the gold data
    d = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, d, out=np.zeros_like(tp), where=d > 0)
    macro = float(f1[present].mean()) if present.any() else 0.0
    return float(micro), macro


def scores(gold: list[set[str]], pred: list[set[str]], boot: int = 1000, seed: int = 7) -> dict:
    """Micro/macro-F1 with bootstrap 95% intervals (articles resampled)."""
    c = _counts(gold, pred)
    micro, macro = _micro_macro(c)
    rng = np.random.default_rng(seed)
    samples = np.array(
        [_micro_macro(c[rng.integers(0, len(c), len(c))]) for _ in range(boot)]
    ).reshape(-1, 2)
    lo, hi = np.percentile(samples, [2.5, 97.5], axis=0) if boot else (np.zeros(2), np.zeros(2))
    return {
        "micro": micro,
        "micro_ci": (float(lo[0]), float(hi[0])),
        "macro": macro,
        "macro_ci": (float(lo[1]), float(hi[1])),
        "mean_size": float(np.mean([len(p & set(LABELS)) for p in pred])) if pred else 0.0,
    }


def sentence_scores(gold: list[str | None], pred: list[str | None]) -> dict:
    """Accuracy and macro-F1 (over gold frames, "no frame" included as a class)."""
    acc = float(np.mean([g == p for g, p in zip(gold, pred, strict=True)])) if gold else 0.0
    f1s = []
    for k in sorted({g or "-" for g in gold}):
        tp = sum((g or "-") == k and (p or "-") == k for g, p in zip(gold, pred, strict=True))
        fp = sum((g or "-") != k and (p or "-") == k for g, p in zip(gold, pred, strict=True))
        fn = sum((g or "-") == k and (p or "-") != k for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return {"accuracy": acc, "macro": float(np.mean(f1s)) if f1s else 0.0, "n": len(gold)}


# --- systems ------------------------------------------------------------------------------
def _dominant(doc: dict, spans, probs, keys, pred: list, gold: list) -> None:
    """Dominant frame of the engine sentence holding each gold sentence's middle."""
    probs = np.asarray(probs, dtype=float)
    for start, end, frames in doc["sentences"]:
        mid = (start + end) // 2
        i = next((i for i, (s, e) in enumerate(spans) if s <= mid < e), None)
        if i is None:
            continue
        best = int(np.argmax(probs[i]))
        pred.append(keys[best] if probs[i][best] >= DOMINANT_MIN else None)
        gold.append(frames[0] if frames else None)


def engine_predictions(docs: list[dict]) -> tuple[list[set[str]], list[str | None], list]:
    """Label sets (the engine's own rule), and dominant frames of the gold sentences."""
    sets, sent_pred, sent_gold = [], [], []
    for doc in docs:
        a = analyze(doc["text"])
        sets.append({f.key for f in a.frames["policy"] if f.selected})
        spans = [(s.start, s.end) for s in a.sentences]
        probs, keys = a.sentence_frames["policy"], a.frame_keys["policy"]
        _dominant(doc, spans, probs, keys, sent_pred, sent_gold)
    return sets, sent_pred, sent_gold


_OLD_SCRIPT = """
import json, sys
from framing.engine import analyze
out = []
for text in json.load(sys.stdin):
    a = analyze(text)
    out.append({
        "frames": [[f.key, f.probability] for f in a.frames["policy"]],
        "sentences": [[s.start, s.end] for s in a.sentences],
        "probs": a.sentence_frames["policy"].tolist(),
        "keys": list(a.frame_keys["policy"]),
    })
json.dump(out, sys.stdout)
"""


def old_engine_predictions(root: Path, docs: list[dict]) -> list[dict]:
    """Frames, sentence spans and sentence frame probabilities from the engine at ``root``
    (a checkout of main)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = subprocess.run(
        [sys.executable, "-c", _OLD_SCRIPT],
        input=json.dumps([d["text"] for d in docs]),
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=True,
    )
    return json.loads(run.stdout)


def evaluate(docs: list[dict], *, old: Path | None = None, boot: int = 1000) -> dict:
    gold = [set(d["frames"]) for d in docs]
    train = train_label_sets()
    freq = [k for k, _ in Counter(k for s in train for k in s if k in LABELS).most_common()]
    k_mean = max(1, round(float(np.mean([len(s & set(LABELS)) for s in train]))))
    pred, sent_pred, sent_gold = engine_predictions(docs)
    rows = {"engine": scores(gold, pred, boot)}
    for k in sorted({k_mean, 4}):
        rows[f"constant top-{k}"] = scores(gold, [set(freq[:k])] * len(docs), boot)
    result = {
        "articles": len(docs),
        "gold_mean_size": float(np.mean([len(g & set(LABELS)) for g in gold])),
        "rows": rows,
        "sentences": sentence_scores(sent_gold, sent_pred),
    }
    if old is not None:
        outs = old_engine_predictions(old, docs)
        frames = [o["frames"] for o in outs]
        rows["old engine (p>=0.5)"] = scores(
            gold, [{k for k, p in fs if p >= 0.5} for fs in frames], boot
        )
        rows["old engine (top 4)"] = scores(
            gold, [{k for k, _ in [f for f in fs if f[0] != "other"][:4]} for fs in frames], boot
        )
        old_pred, old_gold = [], []
        for doc, o in zip(docs, outs, strict=True):
            _dominant(doc, o["sentences"], o["probs"], o["keys"], old_pred, old_gold)
        result["old_sentences"] = sentence_scores(old_gold, old_pred)
    return result


def _print(name: str, result: dict) -> None:
    print(
        f"\n## {name}: {result['articles']} articles, mean gold label-set size "
        f"{result['gold_mean_size']:.2f}"
    )
    print(f"{'system':24} {'micro-F1':>20} {'macro-F1':>20} {'mean size':>9}")
    for system, r in result["rows"].items():
        mi = f"{r['micro']:.3f} [{r['micro_ci'][0]:.2f}, {r['micro_ci'][1]:.2f}]"
        ma = f"{r['macro']:.3f} [{r['macro_ci'][0]:.2f}, {r['macro_ci'][1]:.2f}]"
        print(f"{system:24} {mi:>20} {ma:>20} {r['mean_size']:>9.2f}")
    s = result["sentences"]
    print(
        f"sentences (dominant frame, n={s['n']}): accuracy {s['accuracy']:.3f}, "
        f"macro-F1 {s['macro']:.3f}"
    )
    if "old_sentences" in result:
        o = result["old_sentences"]
        print(
            f"old engine sentences (n={o['n']}): accuracy {o['accuracy']:.3f}, "
            f"macro-F1 {o['macro']:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, help="checkout of the old engine (e.g. main)")
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples")
    args = parser.parse_args()
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    own = evaluate(own_heldout(), old=args.old, boot=args.boot)
    _print("own held-out (data/frames/heldout.txt)", own)
    if GOLD_NEWS.exists():
        news = evaluate(gold_news(), old=args.old, boot=args.boot)
        _print("frames_news (framing/eval/gold, independent)", news)
    else:
        print("\nframes_news: not present in this checkout")


if __name__ == "__main__":
    main()
