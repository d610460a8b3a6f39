"""Frame quality on held-out articles: article label sets and sentence frames.

Run:  .venv/bin/python bench/bench_quality_frames.py [--old /tmp/main-old] [--boot 1000]

For each held-out split — our own (``framing/engine/data/frames/heldout.txt``, frozen by
document before tuning) and, when present, the independent ``framing/eval/gold/frames_news``
— prints article-level micro/macro-F1 over the 14 Policy Frames Codebook frames ("other" is
left out, as in the codebook's evaluations) at the engine's own decision rule, with bootstrap
95% intervals over articles, next to:

- the constant answer: the k most frequent frames of our training articles for every article
  (k = 2, 3, 4 and the mean training label-set size, rounded);
- the old engine (``--old``: a checkout of main, e.g. ``git worktree add /tmp/main-old main``),
  at its 0.5 threshold and reading its top 4, run in a subprocess from that checkout.

Sentence level: accuracy and macro-F1 of the dominant frame (the strongest frame when its
probability reaches 0.3, else "no frame") against the first gold frame of each sentence.
Generic frames (Semetko & Valkenburg) on our held-out split: label-set micro/macro-F1 next to
the constant answer.

``evaluate()`` and ``splits()`` are importable (``bench/bench_quality.py`` calls them).
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
from framing.engine.frame_evaluation import (  # noqa: E402
    GENERIC_KEYS,
    SCORED_FRAMES,
    FrameGoldDoc,
    dominant_for_gold,
    evaluate_frames,
    label_set_scores,
    read_frame_gold,
    sentence_scores,
)
from framing.engine.frame_training import frame_split  # noqa: E402

GOLD_NEWS = ROOT / "framing" / "eval" / "gold" / "frames_news.jsonl"


def own_heldout() -> list[FrameGoldDoc]:
    """Our held-out articles (sentences joined by spaces, with their offsets)."""
    out = []
    for d in frame_split()[1]:
        spans, pos = [], 0
        for i, s in enumerate(d.sentences):
            spans.append((pos, pos + len(s), d.policy[i]))
            pos += len(s) + 1
        out.append(FrameGoldDoc(" ".join(d.sentences), d.labels("policy"), tuple(spans)))
    return out


def splits() -> dict[str, list[FrameGoldDoc]]:
    """Held-out splits by name: ours, and h-gold's frames_news when present."""
    out = {"own held-out (data/frames/heldout.txt)": own_heldout()}
    if GOLD_NEWS.exists():
        out["frames_news (framing/eval/gold, independent)"] = read_frame_gold(GOLD_NEWS)
    return out


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


def old_engine_outputs(root: Path, docs: list[FrameGoldDoc]) -> list[dict]:
    """Frames, sentence spans and sentence probabilities from the engine at ``root``."""
    run = subprocess.run(
        [sys.executable, "-c", _OLD_SCRIPT],
        input=json.dumps([d.text for d in docs]),
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=True,
    )
    return json.loads(run.stdout)


def evaluate(docs: list[FrameGoldDoc], *, old: Path | None = None, boot: int = 1000) -> dict:
    gold = [d.frames for d in docs]
    train = [set(d.labels("policy")) & set(SCORED_FRAMES) for d in frame_split()[0]]
    train = [s for s in train if s]
    freq = [k for k, _ in Counter(k for s in train for k in s).most_common()]
    k_mean = max(1, round(float(np.mean([len(s) for s in train]))))
    engine = evaluate_frames(docs, analyze, boot=boot)
    rows = {"engine": engine}
    for k in sorted({2, 3, 4, k_mean}):
        rows[f"constant top-{k}"] = label_set_scores(gold, [set(freq[:k])] * len(docs), boot=boot)
    result = {
        "articles": len(docs),
        "gold_mean_size": engine["gold_mean_size"],
        "rows": rows,
        "sentences": engine["sentences"],
    }
    if old is not None:
        outs = old_engine_outputs(old, docs)
        frames = [o["frames"] for o in outs]
        rows["old engine (p>=0.5)"] = label_set_scores(
            gold, [{k for k, p in fs if p >= 0.5} for fs in frames], boot=boot
        )
        rows["old engine (top 4)"] = label_set_scores(
            gold,
            [{k for k, _ in [f for f in fs if f[0] != "other"][:4]} for fs in frames],
            boot=boot,
        )
        old_gold, old_pred = [], []
        for doc, o in zip(docs, outs, strict=True):
            g, p = dominant_for_gold(doc, o["sentences"], o["probs"], o["keys"])
            old_gold += g
            old_pred += p
        result["old_sentences"] = sentence_scores(old_gold, old_pred)
    return result


def _print(name: str, result: dict) -> None:
    print(
        f"\n## {name}: {result['articles']} articles, "
        f"mean gold label-set size {result['gold_mean_size']:.2f}"
    )
    print(f"{'system':24} {'micro-F1':>20} {'macro-F1':>20} {'mean size':>9}")
    for system, r in result["rows"].items():
        mi = f"{r['micro']:.3f} [{r['micro_ci'][0]:.2f}, {r['micro_ci'][1]:.2f}]"
        ma = f"{r['macro']:.3f} [{r['macro_ci'][0]:.2f}, {r['macro_ci'][1]:.2f}]"
        print(f"{system:24} {mi:>20} {ma:>20} {r['mean_size']:>9.2f}")
    for label, key in (("engine", "sentences"), ("old engine", "old_sentences")):
        if key in result:
            s = result[key]
            print(
                f"sentences, {label} (dominant frame, n={s['n']}): "
                f"accuracy {s['accuracy']:.3f}, macro-F1 {s['macro']:.3f}"
            )


def generic_rows(boot: int = 1000) -> dict[str, dict]:
    """Generic frames on our held-out split: the engine and the constant answer."""
    held = frame_split()[1]
    gold = [d.labels("generic") for d in held]
    train = [set(d.labels("generic")) for d in frame_split()[0] if d.is_article]
    freq = [k for k, _ in Counter(k for s in train for k in s).most_common()]
    k = max(1, round(float(np.mean([len(s) for s in train]))))
    pred = [{f.key for f in analyze(d.text).frames["generic"] if f.selected} for d in held]
    return {
        "engine": label_set_scores(gold, pred, boot=boot, labels=GENERIC_KEYS),
        f"constant top-{k}": label_set_scores(
            gold, [set(freq[:k])] * len(held), boot=boot, labels=GENERIC_KEYS
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, help="checkout of the old engine (e.g. main)")
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples")
    args = parser.parse_args()
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, docs in splits().items():
        _print(name, evaluate(docs, old=args.old, boot=args.boot))
    if not GOLD_NEWS.exists():
        print("\nframes_news: not present in this checkout")
    print("\n## generic frames, own held-out")
    for system, r in generic_rows(args.boot).items():
        mi = f"{r['micro']:.3f} [{r['micro_ci'][0]:.2f}, {r['micro_ci'][1]:.2f}]"
        ma = f"{r['macro']:.3f} [{r['macro_ci'][0]:.2f}, {r['macro_ci'][1]:.2f}]"
        print(f"{system:24} {mi:>20} {ma:>20} {r['mean_size']:>9.2f}")


if __name__ == "__main__":
    main()
