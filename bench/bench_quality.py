"""Loaded-term quality on every held-out split, old engine vs new, with bootstrap intervals.

Run:  .venv/bin/python bench/bench_quality.py [--old REF] [--resamples 1000] [--only NEW|OLD]

Splits (never used for training or tuning):
  heldout      framing/eval/heldout.jsonl (our held-out passages)
  loaded_news  framing/eval/gold/loaded_news.jsonl (independent gold, when present)
  babe_test    BABE test split (by document; words listed side by side joined into phrases)
  passages     our phrase-annotated passages, test split
  state_media  state-media statements relayed through agencies (passages, split state_test)

For each split and engine it prints exact and partial (SemEval-2020 Task 11 style character
overlap) precision / recall / F1, label-agnostic and per category, with 95 % bootstrap
intervals over documents. The old engine is the code and model of ``--old`` (default
``main``), extracted with ``git archive`` into a temporary directory and run in a subprocess,
so the comparison needs no second copy of the engine in the tree. The new engine reports at
every operating point of its tagger (``balanced`` is the default).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "framing" / "eval" / "gold"
AGNOSTIC = "loaded"
DEFAULT_POINT = "balanced"


def load_splits() -> dict[str, list[dict]]:
    """name -> [{"text", "spans": [(start, end, label)]}]; BABE spans carry AGNOSTIC."""
    from framing.engine import tagger_training as tt

    out: dict[str, list[dict]] = {}
    for name, path in (
        ("heldout", ROOT / "framing/eval/heldout.jsonl"),
        ("loaded_news", ROOT / "framing/eval/gold/loaded_news.jsonl"),
    ):
        if path.exists():
            rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
            out[name] = [
                {
                    "text": r["text"],
                    "spans": [(s["start"], s["end"], s["label"]) for s in r["spans"]],
                }
                for r in rows
            ]
    out["babe_test"] = [{"text": d.text, "spans": list(d.spans)} for d in tt.babe_docs("test")]
    out["passages"] = [{"text": d.text, "spans": list(d.spans)} for d in tt.passage_docs("test")]
    out["state_media"] = [
        {"text": d.text, "spans": list(d.spans)} for d in tt.passage_docs("state_test")
    ]
    return out


# --- prediction (runs inside whichever engine is on sys.path) --------------------------
def predict(texts: list[str]) -> list[list[list]]:
    from framing.engine import analyze

    return [
        [[t.start, t.end, t.category, t.score] for t in analyze(text).loaded_terms]
        for text in texts
    ]


def _extract(ref: str, into: Path) -> None:
    """``ref``'s engine (code and packaged models) into a directory, importable from there."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "framing/engine", "framing/__init__.py"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def predict_old(ref: str, texts: list[str]) -> list[list[list]]:
    """Run ``ref``'s engine on the texts in a subprocess with its own code and model."""
    with tempfile.TemporaryDirectory() as tmp:
        _extract(ref, Path(tmp))
        env = {**os.environ, "PYTHONPATH": tmp}
        proc = subprocess.run(
            [sys.executable, __file__, "--predict-stdin", "--root", tmp],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    return json.loads(proc.stdout)


# --- scoring --------------------------------------------------------------------------
def doc_credits(gold: list, pred: list, agnostic: bool) -> dict[tuple[str, str], np.ndarray]:
    """(mode, label) -> [credit_pred, n_pred, credit_gold, n_gold] for one document."""
    from framing.engine.evaluation import exact_span_scores, partial_span_scores

    if agnostic:
        gold = [(s, e, AGNOSTIC) for s, e, *_ in gold]
        pred = [(s, e, AGNOSTIC) for s, e, *_ in pred]
    else:
        gold = [(s, e, lab) for s, e, lab, *_ in gold]
        pred = [(s, e, lab) for s, e, lab, *_ in pred]
    out = {}
    for mode, fn in (("exact", exact_span_scores), ("partial", partial_span_scores)):
        for label, prf in fn([gold], [pred]).per_label.items():
            out[(mode, label)] = np.array(
                [prf.credit_pred, prf.n_pred, prf.credit_gold, prf.n_gold], dtype=float
            )
    return out


def prf(c: np.ndarray) -> tuple[float, float, float]:
    p = c[..., 0] / np.maximum(c[..., 1], 1)
    r = c[..., 2] / np.maximum(c[..., 3], 1)
    f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
    return p, r, f


def score(
    gold_docs: list[list], preds: list[list], agnostic: bool, resamples: int, seed: int = 7
) -> dict[tuple[str, str], dict]:
    per_doc = [doc_credits(g, p, agnostic) for g, p in zip(gold_docs, preds, strict=True)]
    keys = sorted({k for d in per_doc for k in d})
    rng = np.random.default_rng(seed)
    n = len(per_doc)
    draws = rng.integers(0, n, size=(resamples, n))
    out = {}
    for key in keys:
        mat = np.array([d.get(key, np.zeros(4)) for d in per_doc])  # (n, 4)
        total = mat.sum(axis=0)
        p, r, f = prf(total)
        boot = mat[draws].sum(axis=1)  # (resamples, 4)
        bp, br, bf = prf(boot)
        out[key] = {
            "p": float(p),
            "r": float(r),
            "f1": float(f),
            "n_gold": int(total[3]),
            "n_pred": int(total[1]),
            "ci": {
                name: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))]
                for name, v in (("p", bp), ("r", br), ("f1", bf))
            },
        }
    return out


def scare_overlap_precision(gold: list, preds: list) -> str:
    """Share of predicted scare_quotes spans that overlap any gold span of that label."""
    hits = total = 0
    for g, p in zip(gold, preds, strict=True):
        marks = [(a, b) for a, b, lab, *_ in g if lab == "scare_quotes"]
        for s, e, lab, *_ in p:
            if lab == "scare_quotes":
                total += 1
                hits += any(a < e and s < b for a, b in marks)
    return f"{hits}/{total}"


def fmt(row: dict) -> str:
    ci = row["ci"]
    return (
        f"P {row['p']:.3f} [{ci['p'][0]:.2f}-{ci['p'][1]:.2f}]  "
        f"R {row['r']:.3f} [{ci['r'][0]:.2f}-{ci['r'][1]:.2f}]  "
        f"F1 {row['f1']:.3f} [{ci['f1'][0]:.2f}-{ci['f1'][1]:.2f}]  "
        f"gold {row['n_gold']} pred {row['n_pred']}"
    )


def report(name: str, docs: list[dict], preds: list[list], resamples: int, per_label: bool):
    gold = [d["spans"] for d in docs]
    agn = score(gold, preds, True, resamples)
    for mode in ("exact", "partial"):
        print(f"    {mode:8} all labels   {fmt(agn[(mode, AGNOSTIC)])}")
    if not per_label:
        return agn
    lab = score(gold, preds, False, resamples)
    for (mode, label), row in lab.items():
        if mode == "partial" and row["n_gold"]:
            print(f"      partial {label:22} {fmt(row)}")
    return agn


def main() -> None:
    ap = argparse.ArgumentParser()
    # d691914: the last commit before the open-vocabulary tagger and the new frame models.
    ap.add_argument("--old", default="d691914", help="git ref of the old engine")
    ap.add_argument(
        "--loaded-only", action="store_true", help="skip the frame, voice and label figures"
    )
    ap.add_argument("--only", choices=["old", "new"])
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--predict-stdin", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--root", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.predict_stdin:
        sys.path.insert(0, args.root)
        print(json.dumps(predict(json.loads(sys.stdin.read()))))
        return
    sys.path.insert(0, str(ROOT))
    from framing.engine.artifacts import default_model

    print(f"load average {os.getloadavg()[0]:.2f}")
    splits = load_splits()
    points = default_model().operating_points()
    # Scare-quote precision pooled over every held-out split but BABE (whose annotators mark
    # words, not quote marks): issue 8 asks for >= 0.6 on held-out data.
    scare: dict[str, tuple[list, list]] = {"old": ([], []), "new": ([], [])}
    for name, docs in splits.items():
        texts = [d["text"] for d in docs]
        n_gold = sum(len(d["spans"]) for d in docs)
        print(f"\n== {name}: {len(docs)} documents, {n_gold} gold spans")
        per_label = name != "babe_test"
        if args.only != "new":
            t0 = time.perf_counter()
            old = predict_old(args.old, texts)
            print(f"  OLD engine ({args.old}) [{time.perf_counter() - t0:.1f} s]")
            report(name, docs, old, args.resamples, per_label)
            if per_label:
                scare["old"][0].extend(d["spans"] for d in docs)
                scare["old"][1].extend(old)
        if args.only != "old":
            t0 = time.perf_counter()
            new = predict(texts)
            print(f"  NEW engine [{time.perf_counter() - t0:.1f} s]")
            for point in ("precision", "balanced", "recall"):
                if point not in points:
                    continue
                t = points[point]["threshold"]
                kept = [[s for s in doc if s[3] >= t] for doc in new]
                print(f"   at {point} (score >= {t:.3f})")
                report(name, docs, kept, args.resamples, per_label and point == "balanced")
                if per_label and point == DEFAULT_POINT:
                    scare["new"][0].extend(d["spans"] for d in docs)
                    scare["new"][1].extend(kept)
    print("\n== scare quotes, pooled over the held-out splits except BABE (label scare_quotes)")
    for engine, (gold, preds) in scare.items():
        if gold:
            row = score(gold, preds, False, args.resamples).get(("partial", "scare_quotes"))
            any_hit = scare_overlap_precision(gold, preds)
            if row:
                print(f"  {engine}: partial {fmt(row)}; any-overlap precision {any_hit}")
    if not args.loaded_only:
        _other_figures(args.old)


def _other_figures(old_ref: str) -> None:
    """Frames, speakers/relays and labels/alignment: each has its own script (one script per
    figure); they run here too so one command prints every quality figure."""
    with tempfile.TemporaryDirectory() as old_root:
        _extract(old_ref, Path(old_root))
        for script, args in (
            ("bench_quality_frames.py", ["--old", old_root]),
            ("bench_voice.py", ["--before", old_root]),
            # the relay and credit figures of issue 10, on each held-out wire set
            *(
                (
                    "bench_voice.py",
                    ["--before", old_root, "--gold", str(GOLD_DIR / f"{name}.jsonl")],
                )
                for name in (
                    "relays_news",
                    "relays_news2",
                    "relays_news3",
                    "relays_news4",
                    "relays_news5",
                    "relays_news6",
                )
            ),
            ("bench_labels.py", []),
        ):
            print(f"\n==== {script} {' '.join(args)}", flush=True)
            subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], check=False)


if __name__ == "__main__":
    main()
