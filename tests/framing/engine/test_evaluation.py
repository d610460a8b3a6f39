import json
import math
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.engine.evaluation import (
    MISSED,
    OUTSIDE,
    SPURIOUS,
    cohen_kappa,
    evaluate_spans,
    exact_span_scores,
    krippendorff_alpha,
    partial_span_scores,
    span_agreement,
    span_confusion,
    units_labels,
)

# ---------------------------------------------------------------- exact span scores


def test_exact_scores_count_only_identical_offsets_and_label():
    gold = [[(0, 10, "pejorative_label"), (20, 30, "hyperbole")]]
    pred = [[(0, 10, "pejorative_label"), (21, 30, "hyperbole"), (40, 45, "hyperbole")]]
    scores = exact_span_scores(gold, pred)
    assert scores.micro.precision == pytest.approx(1 / 3)
    assert scores.micro.recall == pytest.approx(1 / 2)
    assert scores.micro.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_exact_per_label_scores_are_separate():
    gold = [[(0, 10, "a"), (20, 30, "b")]]
    pred = [[(0, 10, "a"), (20, 30, "a")]]
    scores = exact_span_scores(gold, pred)
    assert scores.per_label["a"].precision == pytest.approx(0.5)
    assert scores.per_label["a"].recall == pytest.approx(1.0)
    assert scores.per_label["b"].recall == 0.0
    assert scores.per_label["b"].n_pred == 0


def test_macro_averages_per_label_scores_without_weighting():
    # label a: 3/3 correct; label b: 0/1 -> macro P = (1 + 0) / 2, micro P = 3/4
    gold = [[(0, 2, "a"), (3, 5, "a"), (6, 8, "a"), (10, 12, "b")]]
    pred = [[(0, 2, "a"), (3, 5, "a"), (6, 8, "a"), (13, 15, "b")]]
    scores = exact_span_scores(gold, pred)
    assert scores.macro.precision == pytest.approx(0.5)
    assert scores.micro.precision == pytest.approx(0.75)


def test_documents_keyed_by_id_are_matched_by_key_not_position():
    gold = {"doc1": [(0, 5, "a")], "doc2": [(3, 9, "a")]}
    pred = {"doc2": [(3, 9, "a")], "doc1": [(0, 5, "a")]}
    assert exact_span_scores(gold, pred).micro.f1 == 1.0


def test_same_offsets_in_different_documents_do_not_match():
    gold = [[(0, 5, "a")], []]
    pred = [[], [(0, 5, "a")]]
    assert exact_span_scores(gold, pred).micro.f1 == 0.0


def test_span_objects_and_dicts_are_accepted():
    @dataclass
    class Term:
        start: int
        end: int
        category: str

    gold = [[{"start": 0, "end": 4, "label": "x"}]]
    pred = [[Term(0, 4, "x")]]
    assert exact_span_scores(gold, pred).micro.f1 == 1.0


def test_empty_span_is_rejected():
    with pytest.raises(ValueError):
        exact_span_scores([[(5, 5, "a")]], [[]])


def test_no_predictions_gives_zero_precision_not_an_error():
    scores = exact_span_scores([[(0, 4, "a")]], [[]])
    assert scores.micro.precision == 0.0
    assert scores.micro.f1 == 0.0


# ---------------------------------------------------------------- partial span scores


def test_partial_credit_is_fraction_of_overlapping_characters():
    # pred 5..15 overlaps gold 0..10 on 5 of its 10 chars, and covers 5 of gold's 10
    scores = partial_span_scores([[(0, 10, "a")]], [[(5, 15, "a")]])
    assert scores.micro.precision == pytest.approx(0.5)
    assert scores.micro.recall == pytest.approx(0.5)


def test_partial_recall_is_not_double_counted_by_overlapping_predictions():
    # both predictions lie inside the gold span; together they cover it exactly once
    scores = partial_span_scores([[(0, 10, "a")]], [[(0, 6, "a"), (4, 10, "a")]])
    assert scores.micro.recall == pytest.approx(1.0)
    assert scores.micro.precision == pytest.approx(1.0)


def test_partial_precision_is_not_double_counted_by_overlapping_gold():
    scores = partial_span_scores([[(0, 8, "a"), (4, 12, "a")]], [[(0, 16, "a")]])
    assert scores.micro.precision == pytest.approx(12 / 16)


def test_partial_overlap_with_other_label_earns_nothing():
    scores = partial_span_scores([[(0, 10, "a")]], [[(0, 10, "b")]])
    assert scores.micro.precision == 0.0
    assert scores.micro.recall == 0.0


def test_partial_scores_average_over_spans_not_characters():
    # a short perfect prediction and a long half-right one: mean of 1.0 and 0.5
    gold = [[(0, 4, "a"), (10, 30, "a")]]
    pred = [[(0, 4, "a"), (20, 40, "a")]]
    assert partial_span_scores(gold, pred).micro.precision == pytest.approx(0.75)


spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 15), st.sampled_from("ab")).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=6,
)


@given(spans_strategy, spans_strategy)
def test_partial_scores_stay_between_zero_and_one(gold, pred):
    scores = partial_span_scores([gold], [pred])
    for prf in [scores.micro, *scores.per_label.values()]:
        assert 0.0 <= prf.precision <= 1.0 + 1e-12
        assert 0.0 <= prf.recall <= 1.0 + 1e-12


@given(spans_strategy, spans_strategy)
def test_partial_scores_are_at_least_exact_scores(gold, pred):
    exact = exact_span_scores([gold], [pred]).micro
    partial = partial_span_scores([gold], [pred]).micro
    assert partial.precision >= exact.precision - 1e-12
    assert partial.recall >= exact.recall - 1e-12


@given(spans_strategy, spans_strategy)
def test_swapping_gold_and_prediction_swaps_partial_precision_and_recall(gold, pred):
    forward = partial_span_scores([gold], [pred]).micro
    backward = partial_span_scores([pred], [gold]).micro
    assert forward.precision == pytest.approx(backward.recall)


# ---------------------------------------------------------------- confusion


def test_confusion_counts_label_swaps_missed_and_spurious():
    gold = [[(0, 10, "a"), (20, 30, "b"), (40, 50, "a")]]
    pred = [[(0, 9, "a"), (22, 30, "a"), (60, 65, "b")]]
    conf = span_confusion(gold, pred)
    assert conf.counts == {("a", "a"): 1, ("b", "a"): 1, ("a", MISSED): 1, (SPURIOUS, "b"): 1}


def test_confusion_pairs_a_straddling_prediction_with_its_largest_overlap():
    # prediction covers 2 chars of gold "a" and 6 chars of gold "b": counted once, as b->c
    conf = span_confusion([[(0, 4, "a"), (4, 10, "b")]], [[(2, 10, "c")]])
    assert conf.counts == {("b", "c"): 1}


def test_confusion_helpers_read_missed_and_spurious():
    conf = span_confusion([[(0, 5, "a")]], [[(10, 12, "b")]])
    assert conf.missed("a") == 1
    assert conf.spurious("b") == 1
    assert conf.labels == ["a", "b"]


def test_evaluation_to_dict_is_json_serialisable():
    result = evaluate_spans([[(0, 10, "a")]], [[(5, 15, "b")]])
    decoded = json.loads(json.dumps(result.to_dict()))
    assert decoded["confusion"]["rows"] == [{"gold": "a", "pred": "b", "count": 1}]


# ---------------------------------------------------------------- Cohen's kappa


def test_cohen_kappa_matches_hand_computed_two_by_two_table():
    # yes/yes 4, yes/no 2, no/yes 1, no/no 3: p_o = .7, p_e = .6*.5 + .4*.5 = .5, kappa = .4
    a = ["yes"] * 6 + ["no"] * 4
    b = ["yes"] * 4 + ["no"] * 2 + ["yes"] + ["no"] * 3
    k = cohen_kappa(a, b)
    assert k.observed == pytest.approx(0.7)
    assert k.expected == pytest.approx(0.5)
    assert k.value == pytest.approx(0.4)


def test_cohen_kappa_three_categories_hand_computed():
    # a: x x x y y z ; b: x x y y z z -> p_o = 4/6
    # p_e = (3*2 + 2*2 + 1*2) / 36 = 12/36 ; kappa = (4/6 - 1/3) / (2/3) = 0.5
    k = cohen_kappa(list("xxxyyz"), list("xxyyzz"))
    assert k.value == pytest.approx(0.5)


def test_cohen_kappa_per_label_is_one_vs_rest():
    # for label z: a = 0 0 0 0 0 1, b = 0 0 0 0 1 1 -> p_o = 5/6,
    # p_e = (5*4 + 1*2)/36 = 22/36, kappa = (30/36 - 22/36) / (14/36) = 8/14
    k = cohen_kappa(list("xxxyyz"), list("xxyyzz"))
    assert k.per_label["z"] == pytest.approx(8 / 14)


def test_cohen_kappa_drops_units_missing_for_either_coder():
    k = cohen_kappa(["a", "b", None, "a"], ["a", "b", "b", None])
    assert k.n_units == 2
    assert k.value == pytest.approx(1.0)


def test_cohen_kappa_is_undefined_when_both_coders_use_one_label():
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]).value)


def test_cohen_kappa_rejects_different_lengths():
    with pytest.raises(ValueError):
        cohen_kappa(["a"], ["a", "b"])


codes = st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1, max_size=30)


@given(codes)
def test_cohen_kappa_is_symmetric_in_coders(pairs):
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    ab, ba = cohen_kappa(a, b).value, cohen_kappa(b, a).value
    assert (math.isnan(ab) and math.isnan(ba)) or ab == pytest.approx(ba)


@given(st.lists(st.sampled_from("abc"), min_size=2, max_size=30).filter(lambda v: len(set(v)) > 1))
def test_identical_coding_gives_kappa_one(values):
    assert cohen_kappa(values, values).value == pytest.approx(1.0)


# ---------------------------------------------------------------- Krippendorff's alpha


def test_alpha_matches_hand_computed_coincidence_matrix_with_missing_data():
    # units (coder A, B, C): u1 x x x, u2 x y -, u3 y y y, u4 x - -, u5 y x y
    # coincidences: o_xx = 3, o_xy = o_yx = 1 (u2) + 1 (u5) = 2, o_yy = 3 + 1 = 4
    # n_x = 5, n_y = 6, n = 11; D_o = 4/11; D_e = (121 - 25 - 36) / 110 = 6/11; alpha = 1/3
    coders = [
        ["x", "x", "y", "x", "y"],
        ["x", "y", "y", None, "x"],
        ["x", None, "y", None, "y"],
    ]
    alpha = krippendorff_alpha(coders)
    assert alpha.observed == pytest.approx(4 / 11)
    assert alpha.expected == pytest.approx(6 / 11)
    assert alpha.value == pytest.approx(1 / 3)


def test_alpha_ignores_units_coded_by_a_single_coder():
    alpha = krippendorff_alpha([["x", "y", "x"], ["x", "y", None]])
    assert alpha.n_units == 2
    assert alpha.value == pytest.approx(1.0)


def test_alpha_for_two_coders_hand_computed():
    # a: x x y y ; b: x y y y -> o_xx = 2, o_xy = o_yx = 1, o_yy = 4; n_x = 3, n_y = 5, n = 8
    # D_o = 2/8 ; D_e = (64 - 9 - 25) / 56 = 30/56 ; alpha = 1 - (2/8) / (30/56) = 1 - 7/15
    alpha = krippendorff_alpha([list("xxyy"), list("xyyy")])
    assert alpha.value == pytest.approx(8 / 15)


def test_alpha_is_undefined_without_variation():
    assert math.isnan(krippendorff_alpha([["a", "a"], ["a", "a"]]).value)


def test_alpha_rejects_ragged_rows():
    with pytest.raises(ValueError):
        krippendorff_alpha([["a", "b"], ["a"]])


@given(
    st.lists(st.sampled_from("abcd"), min_size=2, max_size=25).filter(lambda v: len(set(v)) > 1),
    st.integers(2, 5),
)
def test_perfect_agreement_gives_alpha_one(values, n_coders):
    assert krippendorff_alpha([values] * n_coders).value == pytest.approx(1.0)


@given(
    st.lists(
        st.lists(st.sampled_from(["a", "b", None]), min_size=6, max_size=6), min_size=2, max_size=4
    )
)
def test_alpha_does_not_depend_on_coder_order(coders):
    forward = krippendorff_alpha(coders).value
    backward = krippendorff_alpha(coders[::-1]).value
    assert (math.isnan(forward) and math.isnan(backward)) or forward == pytest.approx(backward)


@given(st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from("ab")), min_size=2, max_size=30))
def test_alpha_never_exceeds_one(pairs):
    value = krippendorff_alpha([[x for x, _ in pairs], [y for _, y in pairs]]).value
    assert math.isnan(value) or value <= 1.0 + 1e-12


# ---------------------------------------------------------------- span agreement

TEXT = "The bloc staged a reckless provocation near the strait."


def test_unit_labels_mark_characters_inside_spans():
    labels = units_labels([(4, 8, "pejorative_label")], [(i, i + 1) for i in range(10)])
    assert labels == [OUTSIDE] * 4 + ["pejorative_label"] * 4 + [OUTSIDE] * 2


def test_unit_labels_prefer_the_more_specific_nested_span():
    labels = units_labels([(0, 10, "outer"), (2, 4, "inner")], [(i, i + 1) for i in range(5)])
    assert labels == ["outer", "outer", "inner", "inner", "outer"]


def test_identical_span_annotations_agree_perfectly():
    spans = [(4, 8, "pejorative_label"), (18, 38, "hostile_intent")]
    result = span_agreement(TEXT, [spans, list(spans)])
    assert result.alpha.value == pytest.approx(1.0)
    assert result.kappa == pytest.approx(1.0)


def test_trailing_space_difference_is_ignored_by_default():
    result = span_agreement(TEXT, [[(4, 8, "x")], [(4, 9, "x")]])
    assert result.alpha.value == pytest.approx(1.0)


def test_span_agreement_hand_computed_on_characters():
    text = "abcdefghij"
    # coder 1 marks a..d (4 chars), coder 2 marks c..f: agree on c,d (L) and g..j (O)
    # per char: a,b L/O ; c,d L/L ; e,f O/L ; g..j O/O  -> 2x2 table L/L 2, L/O 2, O/L 2, O/O 4
    # p_o = .6, p_e = .4*.4 + .6*.6 = .52, kappa = .08 / .48
    result = span_agreement(text, [[(0, 4, "L")], [(2, 6, "L")]])
    assert result.kappa == pytest.approx(0.08 / 0.48)
    assert result.n_units == 10


def test_span_agreement_reports_per_label_coefficients():
    text = "aaaa bbbb cccc"
    one = [(0, 4, "p"), (5, 9, "q")]
    two = [(0, 4, "p"), (10, 14, "q")]
    result = span_agreement(text, [one, two])
    assert result.per_label_kappa["p"] == pytest.approx(1.0)
    assert result.alpha.per_label["p"] == pytest.approx(1.0)
    assert result.per_label_kappa["q"] < 0


def test_span_agreement_over_token_units():
    text = "reckless provocation by the bloc"
    tokens = [(0, 8), (9, 20), (21, 23), (24, 27), (28, 32)]
    # coder 2's span covers "provocation" only partially, but most of that token
    result = span_agreement(text, [[(0, 20, "h")], [(0, 15, "h")]], units=tokens)
    assert result.alpha.value == pytest.approx(1.0)


def test_annotator_who_did_not_code_the_text_is_treated_as_missing():
    spans = [(4, 8, "x")]
    result = span_agreement(TEXT, [spans, spans, None])
    assert result.alpha.value == pytest.approx(1.0)


def test_span_agreement_needs_two_annotators():
    with pytest.raises(ValueError):
        span_agreement(TEXT, [[(0, 3, "x")]])
