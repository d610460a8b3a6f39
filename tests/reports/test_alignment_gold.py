"""Alignment quality on the demo event's gold alignment (the engine's own sentences).

The floors are below the measured figures (bench/bench_compare.py prints them) so that a
real regression fails, not a change in the last decimal.
"""

from __future__ import annotations

import pytest

from framing.engine import analyze
from reports.alignment_eval import evaluate, load_gold


@pytest.fixture(scope="module")
def demo():
    gold, texts = load_gold()
    spans = [[(s.start, s.end) for s in analyze(t).sentences] for t in texts]
    return gold, texts, spans


def test_every_gold_sentence_maps_to_an_engine_sentence(demo):
    gold, texts, spans = demo
    assert evaluate(texts, spans, gold, [0, 1, 2, 3, 4, 6]).unmapped == 0


def test_wire_anchored_alignment_over_six_columns_meets_the_floor(demo):
    gold, texts, spans = demo
    result = evaluate(texts, spans, gold, [0, 1, 2, 3, 4, 6], anchor=1)
    assert result.scores.precision >= 0.5 and result.scores.recall >= 0.6


def test_pairwise_wire_alignment_meets_the_floor(demo):
    gold, texts, spans = demo
    for other in (0, 2, 3, 4, 6):
        result = evaluate(texts, spans, gold, [1, other])
        assert result.scores.f1 >= 0.6, other
