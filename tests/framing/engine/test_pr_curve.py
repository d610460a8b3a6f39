"""The one-pass precision/recall curve behind the operating points equals scoring the
documents again at each threshold (``partial_pr``), on arbitrary spans and scores."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.engine.tagger_training import Doc, partial_pr, partial_pr_curve, points_from_spans

span = st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))
scored = st.tuples(span, st.floats(0, 1, allow_nan=False)).map(lambda t: (*t[0], t[1]))
documents = st.lists(
    st.tuples(st.lists(span, max_size=4), st.lists(scored, max_size=6)), min_size=1, max_size=5
)


def _docs(drawn):
    docs = [Doc("x" * 60, tuple((s, e, "loaded") for s, e in g), "babe", "dev") for g, _ in drawn]
    return docs, [p for _, p in drawn]


@settings(max_examples=200, deadline=None)
@given(documents, st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=8))
def test_the_curve_equals_partial_pr_at_every_threshold(drawn, grid):
    docs, spans = _docs(drawn)
    curve = partial_pr_curve(docs, spans, sorted(grid))
    for (p, r), t in zip(curve, sorted(grid), strict=True):
        assert (p, r) == pytest.approx(partial_pr(docs, spans, t), abs=1e-12)


def test_a_span_predicted_twice_counts_once_at_its_best_score():
    docs = [Doc("x" * 20, ((0, 4, "loaded"),), "babe", "dev")]
    spans = [[(0, 4, 0.3), (0, 4, 0.8), (10, 14, 0.5)]]
    assert partial_pr_curve(docs, spans, [0.6, 0.4]) == [(1.0, 1.0), (0.5, 1.0)]


def test_operating_points_are_chosen_on_the_curve():
    docs = [Doc("x" * 30, ((0, 4, "loaded"), (10, 14, "loaded")), "babe", "dev")]
    spans = [[(0, 4, 0.9), (10, 14, 0.6), (20, 24, 0.4)]]
    points = points_from_spans(docs, spans)
    assert points["balanced"]["threshold"] == 0.6
    assert points["balanced"]["precision"] == 1.0 and points["balanced"]["recall"] == 1.0
