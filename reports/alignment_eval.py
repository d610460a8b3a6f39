"""Measure sentence alignment against the gold alignment of the demo event.

Plain Python (no Django): the gold file names sentences by their text, so each gold
sentence is mapped to the engine sentence that contains most of it, and the predicted rows
of ``align_many`` over a set of articles are compared pair by pair with the gold links.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.engine.contrast import AlignmentScores, align_many, row_pairs

GOLD_FILE = Path(__file__).resolve().parents[1] / "framing" / "eval" / "demo_alignment.json"
DEMO_FILE = Path(__file__).resolve().parents[1] / "articles" / "demo" / "naval_exercise.json"


@dataclass(frozen=True)
class GoldResult:
    scores: AlignmentScores
    predicted: int
    gold: int
    unmapped: int  # gold sentences no engine sentence overlapped


def sentence_index(spans: Sequence[tuple[int, int]], start: int, end: int) -> int | None:
    """The sentence overlapping [start, end) the most, or None."""
    best, best_overlap = None, 0
    for k, (s, e) in enumerate(spans):
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def evaluate(
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    gold: dict,
    columns: Sequence[int],
    anchor: int | None = None,
) -> GoldResult:
    """P/R/F1 of ``align_many`` over the articles ``columns`` (indices into the gold file).

    Links are compared as (article a, sentence, article b, sentence) with a < b; gold pairs
    whose two articles are not both among ``columns`` are left out. With ``anchor``, only
    links that involve that article count, on both sides: the gold file is exhaustive for the
    wire report's links but lists only some links between the other outlets.
    """
    chosen = list(columns)
    sentences = [[texts[c][s:e] for s, e in spans[c]] for c in chosen]
    rows = align_many(sentences)
    predicted = set()
    for i, a in enumerate(chosen):
        for j, b in enumerate(chosen):
            if a < b:
                predicted |= {(a, x, b, y) for x, y in row_pairs(rows, i, j)}
    wanted, unmapped = set(), 0
    for pair in gold["pairs"]:
        a, b = pair["a"], pair["b"]
        if a not in chosen or b not in chosen:
            continue
        ia = _locate(texts[a], spans[a], pair["a_sentence"])
        ib = _locate(texts[b], spans[b], pair["b_sentence"])
        if ia is None or ib is None:
            unmapped += 1
            continue
        wanted.add((a, ia, b, ib) if a < b else (b, ib, a, ia))
    if anchor is not None:
        predicted = {p for p in predicted if anchor in (p[0], p[2])}
        wanted = {p for p in wanted if anchor in (p[0], p[2])}
    hits = len(predicted & wanted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return GoldResult(AlignmentScores(precision, recall, f1), len(predicted), len(wanted), unmapped)


def _locate(text: str, spans: Sequence[tuple[int, int]], sentence: str) -> int | None:
    start = text.find(sentence)
    return None if start < 0 else sentence_index(spans, start, start + len(sentence))


def load_gold() -> tuple[dict, list[str]]:
    """The gold alignment and the demo texts in the order it indexes them."""
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return gold, [a["text"] for a in demo["articles"]]
