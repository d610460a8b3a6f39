"""Scoring frame predictions against gold labels: article label sets (micro/macro-F1 with
bootstrap intervals, per-frame precision/recall/F1) and sentence dominant frames.

Gold comes from JSONL in the interchange format with two extra fields per article:
``"frames": ["crime_punishment", …]`` (the article's Policy Frames Codebook label set) and,
optionally, ``"sentences": [{"start": …, "end": …, "frames": [dominant first, …]}, …]``.
Records without ``"frames"`` are skipped (a file can hold span gold only).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .codebooks import GENERIC_FRAMES, POLICY_FRAMES

# The 14 frames the codebook's evaluations score ("other" is left out).
SCORED_FRAMES: tuple[str, ...] = tuple(d.key for d in POLICY_FRAMES if d.key != "other")
GENERIC_KEYS: tuple[str, ...] = tuple(d.key for d in GENERIC_FRAMES)
DOMINANT_MIN = 0.3  # as analysis.SENTENCE_FRAME_MIN and reports.summary.DOMINANT_FRAME_MIN
_KNOWN = frozenset(d.key for d in POLICY_FRAMES)


class FrameGoldError(ValueError):
    """A gold line cannot be read (the message names file, line and field)."""


@dataclass(frozen=True, slots=True)
class FrameGoldDoc:
    text: str
    frames: frozenset[str]
    sentences: tuple[tuple[int, int, tuple[str, ...]], ...] = ()


def read_frame_gold(path: Path) -> list[FrameGoldDoc]:
    """Articles of a JSONL file that carry a ``frames`` label set."""
    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                doc = _frame_doc(line, f"{Path(path).name}, line {number}")
                if doc is not None:
                    docs.append(doc)
    return docs


def _frame_doc(line: str, where: str) -> FrameGoldDoc | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FrameGoldError(f"{where}: not valid JSON ({exc.msg}).") from None
    if not isinstance(record, dict) or "frames" not in record:
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise FrameGoldError(f"{where}: field 'text' is missing or empty.")
    frames = _keys(record["frames"], f"{where}: field 'frames'")
    sentences = []
    for i, s in enumerate(record.get("sentences") or []):
        try:
            start, end = int(s["start"]), int(s["end"])
        except (KeyError, TypeError, ValueError):
            raise FrameGoldError(f"{where}: sentence {i} needs integer start and end.") from None
        if not 0 <= start < end <= len(text):
            raise FrameGoldError(f"{where}: sentence {i} ({start}–{end}) is outside the text.")
        keys = _keys(s.get("frames") or [], f"{where}: field 'frames' of sentence {i}")
        sentences.append((start, end, tuple(keys)))
    return FrameGoldDoc(text, frozenset(frames), tuple(sentences))


def _keys(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise FrameGoldError(f"{what} must be a list of frame keys.")
    unknown = [k for k in value if k not in _KNOWN]
    if unknown:
        raise FrameGoldError(f"{what} has unknown frame keys: {', '.join(unknown)}.")
    return list(value)


# --- article label sets ---------------------------------------------------------------------
def _counts(gold: Sequence[set[str]], pred: Sequence[set[str]], labels) -> np.ndarray:
    """(n_articles, n_frames, 3): true positives, false positives, false negatives."""
    out = np.zeros((len(gold), len(labels), 3))
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        for j, k in enumerate(labels):
            out[i, j] = (k in g and k in p, k in p and k not in g, k in g and k not in p)
    return out


def _micro_macro(c: np.ndarray) -> tuple[float, float]:
    tp, fp, fn = c.sum(axis=0).T
    denom = 2 * tp.sum() + fp.sum() + fn.sum()
    micro = 2 * tp.sum() / denom if denom else 0.0
    present = (tp + fn) > 0  # macro over the frames that occur in the gold data
    d = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, d, out=np.zeros_like(tp), where=d > 0)
    return float(micro), float(f1[present].mean()) if present.any() else 0.0


def label_set_scores(
    gold: Sequence[Iterable[str]],
    pred: Sequence[Iterable[str]],
    *,
    boot: int = 1000,
    seed: int = 7,
    labels: Sequence[str] = SCORED_FRAMES,
) -> dict[str, Any]:
    """Micro/macro-F1 over ``labels`` with bootstrap 95% intervals (articles resampled),
    per-frame precision/recall/F1 and the mean predicted set size."""
    gold_sets, pred_sets = [set(g) for g in gold], [set(p) for p in pred]
    c = _counts(gold_sets, pred_sets, labels)
    micro, macro = _micro_macro(c)
    lo = hi = np.zeros(2)
    if boot and len(c):
        rng = np.random.default_rng(seed)
        samples = np.array([_micro_macro(c[rng.integers(0, len(c), len(c))]) for _ in range(boot)])
        lo, hi = np.percentile(samples, [2.5, 97.5], axis=0)
    tp, fp, fn = c.sum(axis=0).T
    per_label = {}
    for j, k in enumerate(labels):
        p = tp[j] / (tp[j] + fp[j]) if tp[j] + fp[j] else 0.0
        r = tp[j] / (tp[j] + fn[j]) if tp[j] + fn[j] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_label[k] = {
            "precision": float(p),
            "recall": float(r),
            "f1": float(f),
            "n_gold": int(tp[j] + fn[j]),
            "n_pred": int(tp[j] + fp[j]),
        }
    scored = set(labels)
    return {
        "micro": micro,
        "micro_ci": [float(lo[0]), float(hi[0])],
        "macro": macro,
        "macro_ci": [float(lo[1]), float(hi[1])],
        "mean_size": float(np.mean([len(p & scored) for p in pred_sets])) if pred_sets else 0.0,
        "per_label": per_label,
    }


def sentence_scores(gold: Sequence[str | None], pred: Sequence[str | None]) -> dict[str, Any]:
    """Accuracy and macro-F1 of dominant frames ("no frame" is a class of its own)."""
    pairs = [(g or "-", p or "-") for g, p in zip(gold, pred, strict=True)]
    f1s = []
    for k in sorted({g for g, _ in pairs}):
        tp = sum(g == k and p == k for g, p in pairs)
        fp = sum(g != k and p == k for g, p in pairs)
        fn = sum(g == k and p != k for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return {
        "accuracy": float(np.mean([g == p for g, p in pairs])) if pairs else 0.0,
        "macro": float(np.mean(f1s)) if f1s else 0.0,
        "n": len(pairs),
    }


def dominant_for_gold(
    doc: FrameGoldDoc, spans: Sequence[tuple[int, int]], probs, keys: Sequence[str]
) -> tuple[list[str | None], list[str | None]]:
    """(gold, predicted) dominant frames of ``doc``'s gold sentences: the prediction of the
    analysed sentence holding each gold sentence's middle."""
    probs = np.asarray(probs, dtype=float)
    gold, pred = [], []
    for start, end, frames in doc.sentences:
        mid = (start + end) // 2
        i = next((i for i, (s, e) in enumerate(spans) if s <= mid < e), None)
        if i is None:
            continue
        best = int(np.argmax(probs[i]))
        pred.append(keys[best] if probs[i][best] >= DOMINANT_MIN else None)
        gold.append(frames[0] if frames else None)
    return gold, pred


def evaluate_frames(
    docs: Sequence[FrameGoldDoc], analyze: Callable[[str], Any], *, boot: int = 1000
) -> dict[str, Any]:
    """The engine's label sets (its own decision rule) and sentence dominant frames against
    ``docs``; ``analyze(text)`` returns an ``Analysis``."""
    pred_sets, sent_gold, sent_pred = [], [], []
    for doc in docs:
        a = analyze(doc.text)
        pred_sets.append({f.key for f in a.frames.get("policy", ()) if f.selected})
        spans = [(s.start, s.end) for s in a.sentences]
        probs, keys = a.sentence_frames.get("policy"), a.frame_keys.get("policy", ())
        if probs is not None and len(probs):
            g, p = dominant_for_gold(doc, spans, probs, keys)
            sent_gold += g
            sent_pred += p
    result = label_set_scores([d.frames for d in docs], pred_sets, boot=boot)
    result["documents"] = len(docs)
    result["gold_mean_size"] = (
        float(np.mean([len(d.frames & set(SCORED_FRAMES)) for d in docs])) if docs else 0.0
    )
    result["sentences"] = sentence_scores(sent_gold, sent_pred)
    return result


def format_frame_report(result: dict[str, Any]) -> str:
    """A plain-text table of ``evaluate_frames`` output."""
    lines = [
        f"\nFRAMES (Policy Frames Codebook, {result['documents']} articles, mean gold set "
        f"{result['gold_mean_size']:.2f}, mean predicted set {result['mean_size']:.2f})",
        f"  micro-F1 {result['micro']:.3f} [{result['micro_ci'][0]:.3f}, "
        f"{result['micro_ci'][1]:.3f}]   macro-F1 {result['macro']:.3f} "
        f"[{result['macro_ci'][0]:.3f}, {result['macro_ci'][1]:.3f}]",
        f"  {'frame':34}precision  recall     f1   gold  pred",
    ]
    for label, s in result["per_label"].items():
        lines.append(
            f"  {label:34}{s['precision']:9.3f}{s['recall']:8.3f}{s['f1']:7.3f}"
            f"{s['n_gold']:7d}{s['n_pred']:6d}"
        )
    s = result["sentences"]
    lines.append(
        f"  sentences (dominant frame, n={s['n']}): accuracy {s['accuracy']:.3f}, "
        f"macro-F1 {s['macro']:.3f}"
    )
    return "\n".join(lines)
