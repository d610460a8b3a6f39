"""Evaluate the engine's loaded-term tags against a gold JSONL file (our interchange format).

Django-free so that the management command, the bench and the model-version page share it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from framing.engine.evaluation import evaluate_spans


@dataclass(frozen=True, slots=True)
class GoldDoc:
    text: str
    spans: list[tuple[int, int, str]]
    group: str  # outlet type, or "" when the file does not say
    side: str = ""  # political side the passage speaks for, when the file says


class GoldFileError(ValueError):
    pass


def read_gold(path: Path) -> list[GoldDoc]:
    """Parse a gold JSONL file; a bad line raises GoldFileError naming the line and field."""
    docs = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                docs.append(_gold_doc(line, f"{path.name}, line {number}"))
    if not docs:
        raise GoldFileError(f"{path.name}: no articles in the file.")
    return docs


def _gold_doc(line: str, where: str) -> GoldDoc:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{where}: not valid JSON ({exc.msg}).") from None
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise GoldFileError(f"{where}: field 'text' is missing or empty.")
    spans = []
    for i, span in enumerate(record.get("spans") or []):
        try:
            start, end, label = int(span["start"]), int(span["end"]), str(span["label"])
        except (KeyError, TypeError, ValueError):
            raise GoldFileError(
                f"{where}: span {i} needs integer start, end and a label."
            ) from None
        if not 0 <= start < end <= len(text):
            raise GoldFileError(f"{where}: span {i} ({start}–{end}) is outside the text.")
        spans.append((start, end, label))
    return GoldDoc(
        text=text,
        spans=spans,
        group=str(record.get("outlet_type") or ""),
        side=str(record.get("side") or ""),
    )


def evaluate_gold(
    docs: Sequence[GoldDoc],
    predict: Callable[[str], Iterable[Any]],
    *,
    labels: set[str] | None = None,
    bootstrap: int = 0,
) -> dict[str, Any]:
    """Scores overall and per outlet type; `predict(text)` returns spans with a category.
    ``all_labels`` holds the label-agnostic scores (a span counts whatever its category),
    with 95 % bootstrap intervals over documents when ``bootstrap`` resamples are asked."""
    keep = (lambda label: label in labels) if labels else (lambda label: True)
    gold_all, pred_all = [], []
    by_group: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    by_side: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for doc in docs:
        gold = [s for s in doc.spans if keep(s[2])]
        pred = [(t.start, t.end, t.category) for t in predict(doc.text) if keep(t.category)]
        gold_all.append(gold)
        pred_all.append(pred)
        for key, groups in ((doc.group, by_group), (doc.side, by_side)):
            if key:
                groups[key][0].append(gold)
                groups[key][1].append(pred)
    result = evaluate_spans(gold_all, pred_all).to_dict()
    result["documents"] = len(docs)
    result["all_labels"] = _agnostic(gold_all, pred_all, bootstrap)
    result["by_group"] = {group: _group_scores(g, p) for group, (g, p) in sorted(by_group.items())}
    result["by_side"] = {side: _group_scores(g, p) for side, (g, p) in sorted(by_side.items())}
    return result


def _agnostic(gold: list, pred: list, resamples: int) -> dict[str, Any]:
    """Label-agnostic exact and partial micro scores, with bootstrap intervals."""
    import numpy as np

    one = lambda spans: [(s, e, "loaded") for s, e, _ in spans]  # noqa: E731
    per_doc = [evaluate_spans([one(g)], [one(p)]) for g, p in zip(gold, pred, strict=True)]
    out: dict[str, Any] = {}
    for mode in ("exact", "partial"):
        rows = np.array(
            [
                [m.credit_pred, m.n_pred, m.credit_gold, m.n_gold]
                for m in (getattr(d, mode).micro for d in per_doc)
            ],
            dtype=float,
        ).reshape(-1, 4)
        row = _prf_row(rows.sum(axis=0))
        if resamples and len(rows):
            rng = np.random.default_rng(7)
            draws = rows[rng.integers(0, len(rows), size=(resamples, len(rows)))].sum(axis=1)
            boot = [_prf_row(d) for d in draws]
            row["ci95"] = {
                k: [float(np.percentile([b[k] for b in boot], q)) for q in (2.5, 97.5)]
                for k in ("precision", "recall", "f1")
            }
        out[mode] = row
    return out


def _prf_row(c) -> dict[str, Any]:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": float(p), "recall": float(r), "f1": float(f), "n_gold": int(c[3]),
            "n_pred": int(c[1])}  # fmt: skip


def _group_scores(gold: list, pred: list) -> dict[str, Any]:
    scores = evaluate_spans(gold, pred)
    return {
        "documents": len(gold),
        "exact": scores.exact.micro.to_dict(),
        "partial": scores.partial.micro.to_dict(),
    }


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of the numbers in `result`."""
    lines = [f"{result['documents']} documents"]
    for mode in ("exact", "partial"):
        scores = result[mode]
        lines.append(f"\n{mode.upper()} MATCH{'':22}precision  recall     f1   gold  pred")
        rows = [*scores["per_label"].items(), ("(micro)", scores["micro"])]
        rows.append(("(macro)", scores["macro"]))
        for label, s in rows:
            lines.append(
                f"  {label:34}{s['precision']:9.3f}{s['recall']:8.3f}{s['f1']:7.3f}"
                f"{s['n_gold']:7d}{s['n_pred']:6d}"
            )
    agnostic = result.get("all_labels") or {}
    if agnostic:
        lines.append(f"\nALL LABELS (label-agnostic){'':8}precision  recall     f1   gold  pred")
        for mode in ("exact", "partial"):
            s = agnostic[mode]
            ci = s.get("ci95")
            tail = (
                f"   95% CI F1 {ci['f1'][0]:.3f}–{ci['f1'][1]:.3f}, P {ci['precision'][0]:.3f}–"
                f"{ci['precision'][1]:.3f}, R {ci['recall'][0]:.3f}–{ci['recall'][1]:.3f}"
                if ci
                else ""
            )
            lines.append(
                f"  {mode:34}{s['precision']:9.3f}{s['recall']:8.3f}{s['f1']:7.3f}"
                f"{s['n_gold']:7d}{s['n_pred']:6d}{tail}"
            )
    for title, key in (("OUTLET TYPE", "by_group"), ("SIDE", "by_side")):
        if not result.get(key):
            continue
        lines.append(f"\nBY {title + ' (micro)':31}exact P  exact R  partial P  partial R")
        for group, g in result[key].items():
            ex, pa = g["exact"], g["partial"]
            lines.append(
                f"  {group:34}{ex['precision']:7.3f}{ex['recall']:9.3f}"
                f"{pa['precision']:11.3f}{pa['recall']:11.3f}"
            )
    lines.append("\nCONFUSION (gold label → predicted label: count)")
    for row in result["confusion"]["rows"]:
        lines.append(f"  {row['gold']:30} → {row['pred']:30}{row['count']:5d}")
    return "\n".join(lines)


def parse_label_map(pairs: list[str]) -> dict[str, str]:
    """``["Loaded_Language=hyperbole", "Doubt="]`` → {their label: our key ("" = drop)}."""
    mapping = {}
    for pair in pairs:
        source, sep, target = pair.partition("=")
        if not sep or not source.strip():
            raise GoldFileError(f"--map {pair!r}: write THEIR_LABEL=our_label (or THEIR_LABEL=).")
        mapping[source.strip()] = target.strip()
    return mapping


def map_labels(docs: list[GoldDoc], mapping: dict[str, str]) -> list[GoldDoc]:
    """The gold documents with span labels renamed by ``mapping``; a label mapped to "" drops
    its spans. Labels not in the mapping are kept as they are."""
    if not mapping:
        return docs
    out = []
    for doc in docs:
        spans = [
            (s, e, mapping.get(label, label))
            for s, e, label in doc.spans
            if mapping.get(label, label)
        ]
        out.append(replace(doc, spans=spans))
    return out
