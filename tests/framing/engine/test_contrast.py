import json
import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.engine.contrast import (
    AlignedRow,
    align_many,
    align_pair,
    alignment_scores,
    competing_labels,
    distinctive_terms,
    log_odds_z,
    rate_per_1000,
    row_pairs,
    terms,
    word_count,
)

# Fictional coverage of a fictional event: Varnia's coastguard closing the port of Ostrel.
AGENCY = [
    "Coastguard cutters from Varnia blockaded the port of Ostrel at dawn on Friday.",
    "The ministry called the blockade a lawful inspection regime.",
    "Fishermen in Ostrel said they could not sail.",
]
WIRE = [
    "Varnian ships sealed off Ostrel harbour early Friday, officials said.",
    "Grain prices rose in the capital.",
    "Fishermen said they could not sail from Ostrel.",
]
PAPER = [
    "At dawn on Friday Varnian ships blockaded Ostrel harbour.",
    "Grain prices climbed in the capital on the news.",
]

# ---------------------------------------------------------------- tokenisation


def test_terms_drop_stop_word_unigrams_and_bigrams_spanning_them():
    found = terms("The aggressive bloc of nations staged drills")
    assert found == [
        "aggressive",
        "bloc",
        "nations",
        "staged",
        "drills",
        "aggressive bloc",
        "nations staged",
        "staged drills",
    ]


def test_bigrams_do_not_cross_clause_punctuation():
    assert "drills aggressive" not in terms("They staged drills, aggressive ones.")


def test_terms_keep_hyphenated_words_whole():
    assert "self-defence" in terms("An act of self-defence.", (1, 1))


def test_curly_and_straight_apostrophes_give_the_same_term():
    assert terms("Velmar’s navy", (1, 1)) == terms("Velmar's navy", (1, 1))


def test_word_count_includes_stop_words():
    assert word_count("The bloc staged a drill.") == 5


# ---------------------------------------------------------------- log-odds


def test_log_odds_matches_hand_computation():
    # word 0: 10 in i, 0 in j; prior 1 each, a0 = 2, n_i = n_j = 10
    # odds_i = 11 / (10 + 2 - 10 - 1) = 11 ; odds_j = 1 / (10 + 2 - 0 - 1) = 1/11
    # delta = ln 121 ; var = 1/11 + 1/1
    delta, z = log_odds_z(np.array([10, 0]), np.array([0, 10]), np.array([1.0, 1.0]))
    assert delta[0] == pytest.approx(math.log(121))
    assert z[0] == pytest.approx(math.log(121) / math.sqrt(12 / 11))


count_vectors = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=2, max_size=8)


@given(count_vectors)
def test_z_is_antisymmetric_when_groups_swap(pairs):
    y_i = np.array([p[0] for p in pairs])
    y_j = np.array([p[1] for p in pairs])
    alpha = (y_i + y_j + 1) * 0.5
    _, forward = log_odds_z(y_i, y_j, alpha)
    _, backward = log_odds_z(y_j, y_i, alpha)
    np.testing.assert_allclose(forward, -backward, atol=1e-9)


def test_equal_usage_gives_zero_z():
    _, z = log_odds_z(np.array([5, 5]), np.array([5, 5]), np.array([1.0, 1.0]))
    np.testing.assert_allclose(z, 0.0, atol=1e-12)


# ---------------------------------------------------------------- distinctive terms

GROUPS = {
    "agency": [
        "The puppet regime in Ostrel obeys its foreign masters.",
        "Citizens reject the puppet regime and its masters.",
        "The puppet regime staged a provocation at the harbour.",
    ],
    "wire": [
        "The government in Ostrel said the harbour was closed.",
        "The government met envoys about the harbour.",
    ],
    "paper": [
        "Ostrel's government defended the harbour closure.",
        "Traders asked the government when the harbour reopens.",
    ],
}


def test_target_only_phrase_ranks_first():
    top = distinctive_terms(GROUPS, target="agency", top=3)
    assert top[0].term in {"puppet", "regime", "puppet regime"}
    assert {t.term for t in top} == {"puppet", "regime", "puppet regime"}


def test_term_shared_more_by_others_is_not_distinctive_for_target():
    found = {t.term for t in distinctive_terms(GROUPS, target="agency", top=100, min_count=1)}
    assert "harbour" not in found
    assert "government" not in found


def test_other_groups_vocabulary_is_distinctive_for_them():
    top = distinctive_terms(GROUPS, target="wire", top=1)
    assert top[0].term == "government"


def test_counts_and_rates_per_thousand_words():
    term = next(t for t in distinctive_terms(GROUPS, target="agency") if t.term == "puppet regime")
    agency_words = sum(word_count(t) for t in GROUPS["agency"])
    assert term.count_target == 3
    assert term.count_rest == 0
    assert term.rate_target_per_1000 == pytest.approx(3000 / agency_words)
    assert term.rate_rest_per_1000 == 0.0


def test_min_count_hides_rare_terms():
    found = {t.term for t in distinctive_terms(GROUPS, target="agency", top=100, min_count=2)}
    assert "provocation" not in found  # used once in the whole corpus
    assert "masters" in found


def test_frequent_term_outranks_single_use_term_with_same_ratio():
    groups = {"a": ["blockade " * 30 + "convoy"], "b": ["harbour " * 31]}
    ranked = [t.term for t in distinctive_terms(groups, target="a", ngram=(1, 1), min_count=1)]
    assert ranked.index("blockade") < ranked.index("convoy")


def test_smaller_prior_shrinks_less():
    strong = distinctive_terms(GROUPS, target="agency", top=1)[0]
    weak = distinctive_terms(GROUPS, target="agency", top=1, prior_size=5)[0]
    assert abs(weak.delta) > abs(strong.delta)


def test_unknown_target_is_an_error():
    with pytest.raises(KeyError):
        distinctive_terms(GROUPS, target="radio")


def test_term_to_dict_is_json_serialisable():
    term = distinctive_terms(GROUPS, target="agency", top=1)[0]
    assert json.loads(json.dumps(term.to_dict()))["term"] == term.term


# ---------------------------------------------------------------- pairwise alignment


def test_paraphrased_sentences_are_aligned():
    links = align_pair(AGENCY, WIRE)
    assert (2, 2) in {(i, j) for i, j, _ in links}


def test_unrelated_sentence_stays_unaligned():
    links = align_pair(AGENCY, WIRE)
    assert 1 not in {j for _, j, _ in links}  # grain prices: nothing in the agency text


def test_order_prior_prefers_the_sentence_in_the_same_position():
    a = ["Troops crossed the Vell river.", "Talks stalled.", "Shops shut early."]
    b = ["Troops crossed the Vell river.", "Rain fell.", "Troops crossed the Vell river."]
    links = align_pair(a, b)
    assert (0, 0) in {(i, j) for i, j, _ in links}


def test_order_prior_never_raises_a_score():
    plain = {(i, j): s for i, j, s in align_pair(AGENCY, WIRE, order_weight=0.0, threshold=0.01)}
    weighted = align_pair(AGENCY, WIRE, order_weight=0.5, threshold=0.01)
    assert all(s <= plain[(i, j)] + 1e-12 for i, j, s in weighted)


def test_threshold_removes_weak_links():
    assert align_pair(AGENCY, WIRE, threshold=1.01) == []


def test_stop_word_only_sentences_do_not_align():
    assert align_pair(["It was there."], ["It was there."]) == []


words = st.sampled_from(["ships", "port", "ostrel", "grain", "dawn", "talks", "fishermen", "the"])
sentences = st.lists(words, min_size=1, max_size=6).map(" ".join)


@given(st.lists(sentences, max_size=8), st.lists(sentences, max_size=8))
def test_pair_alignment_never_maps_a_sentence_twice(a, b):
    links = align_pair(a, b, threshold=0.05)
    assert len({i for i, _, _ in links}) == len(links)
    assert len({j for _, j, _ in links}) == len(links)


# ---------------------------------------------------------------- many-article alignment


def test_align_many_joins_a_sentence_through_a_third_article():
    # Agency and wire openings share too little to link directly; the paper's opening is
    # close to both, so all three end up in one row.
    assert (0, 0) not in row_pairs(align_many([AGENCY, WIRE]), 0, 1)
    assert (0, 0) in row_pairs(align_many([AGENCY, WIRE, PAPER]), 0, 1)


def test_align_many_aligns_facts_the_pivot_lacks():
    rows = align_many([AGENCY, WIRE, PAPER])
    grain = [row for row in rows if row.sentences[1] == 1]
    assert grain == [AlignedRow({0: None, 1: 1, 2: 1}, grain[0].score)]


def test_align_many_rows_follow_article_order():
    rows = align_many([AGENCY, WIRE, PAPER])
    agency_order = [row.sentences[0] for row in rows if row.sentences[0] is not None]
    assert agency_order == sorted(agency_order)


def test_align_many_can_leave_out_unmatched_sentences():
    rows = align_many([AGENCY, WIRE, PAPER], include_unmatched=False)
    assert all(len(row.members()) >= 2 for row in rows)


def test_align_many_needs_two_articles():
    with pytest.raises(ValueError):
        align_many([AGENCY])


@given(st.lists(st.lists(sentences, max_size=6), min_size=2, max_size=4))
def test_align_many_places_every_sentence_in_exactly_one_row(articles):
    rows = align_many(articles, threshold=0.05)
    placed = Counter((a, s) for row in rows for a, s in row.members().items())
    expected = {(a, s) for a, article in enumerate(articles) for s in range(len(article))}
    assert set(placed) == expected
    assert all(n == 1 for n in placed.values())


def test_aligned_row_to_dict_uses_string_keys():
    row = AlignedRow({0: 3, 1: None}, 0.5)
    assert json.loads(json.dumps(row.to_dict())) == {"sentences": {"0": 3, "1": None}, "score": 0.5}


# ---------------------------------------------------------------- alignment scores


def test_alignment_scores_hand_computed():
    predicted = [(0, 0, 0.9), (1, 1, 0.8), (2, 3, 0.4)]
    gold = [(0, 0), (1, 1), (2, 2), (3, 3)]
    p, r, f = alignment_scores(predicted, gold)
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(1 / 2))
    assert f == pytest.approx(4 / 7)


def test_alignment_scores_with_no_predictions_are_zero():
    assert alignment_scores([], [(0, 0)]) == (0.0, 0.0, 0.0)


# ---------------------------------------------------------------- competing labels


def _row(*pairs):
    return AlignedRow(dict(pairs), 1.0)


def test_wordings_in_the_same_slot_form_one_referent():
    arts = [
        ["The bloc staged a reckless provocation near the strait."],
        ["The bloc staged a routine exercise near the strait."],
    ]
    found = competing_labels(
        [_row((0, 0), (1, 0))],
        {(0, 0): ["The bloc", "reckless provocation"], (1, 0): ["The bloc", "routine exercise"]},
        arts,
        outlets=["Agency", "Wire"],
    )
    assert len(found) == 1
    assert found[0].wordings == {
        "Agency": Counter({"reckless provocation": 1}),
        "Wire": Counter({"routine exercise": 1}),
    }


def test_identical_wording_is_not_a_competing_label():
    arts = [["The bloc held drills."], ["The bloc held drills today."]]
    found = competing_labels(
        [_row((0, 0), (1, 0))], {(0, 0): ["The bloc"], (1, 0): ["The bloc"]}, arts
    )
    assert found == []


def test_several_terms_in_one_stretch_pair_in_reading_order():
    arts = [["Pyongyang fired a reckless provocation."], ["The DPRK fired a defensive test."]]
    found = competing_labels(
        [_row((0, 0), (1, 0))],
        {(0, 0): ["Pyongyang", "reckless provocation"], (1, 0): ["The DPRK", "defensive test"]},
        arts,
    )
    groups = sorted(sorted(w for c in r.wordings.values() for w in c) for r in found)
    assert groups == [["defensive test", "reckless provocation"], ["pyongyang", "the dprk"]]


def test_links_merge_across_rows_into_one_referent():
    arts = [
        ["The junta closed the port.", "The junta raised tariffs."],
        ["The government closed the port.", "The authorities raised tariffs."],
    ]
    terms_by_sentence = {
        (0, 0): ["The junta"],
        (1, 0): ["The government"],
        (0, 1): ["The junta"],
        (1, 1): ["The authorities"],
    }
    rows = [_row((0, 0), (1, 0)), _row((0, 1), (1, 1))]
    found = competing_labels(rows, terms_by_sentence, arts, outlets=["A", "B"])
    assert len(found) == 1
    assert found[0].key == "the junta"
    assert found[0].wordings["A"] == Counter({"the junta": 2})
    assert found[0].wordings["B"] == Counter({"the government": 1, "the authorities": 1})


def test_inserted_qualifier_makes_a_competing_wording():
    arts = [["Ships enforced the blockade overnight."], ["Ships enforced the illegal blockade."]]
    found = competing_labels(
        [_row((0, 0), (1, 0))], {(0, 0): ["the blockade"], (1, 0): ["the illegal blockade"]}, arts
    )
    assert found[0].wordings == {
        "0": Counter({"the blockade": 1}),
        "1": Counter({"the illegal blockade": 1}),
    }


def test_terms_outside_differing_stretches_are_not_linked():
    arts = [["The navy of Varnia closed the port."], ["The navy of Varnia sealed the harbour."]]
    found = competing_labels(
        [_row((0, 0), (1, 0))],
        {(0, 0): ["The navy of Varnia", "the port"], (1, 0): ["The navy", "the harbour"]},
        arts,
    )
    assert [sorted(w for c in r.wordings.values() for w in c) for r in found] == [
        ["the harbour", "the port"]
    ]


def test_terms_given_as_offsets_are_accepted():
    arts = [["Rebels took the bridge."], ["Patriots took the bridge."]]
    found = competing_labels([_row((0, 0), (1, 0))], {(0, 0): [(0, 6)], (1, 0): [(0, 8)]}, arts)
    assert found[0].wordings == {"0": Counter({"rebels": 1}), "1": Counter({"patriots": 1})}


def test_competing_labels_over_aligned_three_outlet_rows():
    rows = align_many([AGENCY, WIRE, PAPER])
    found = competing_labels(
        rows,
        {(0, 0): ["the port of Ostrel"], (1, 0): ["Ostrel harbour"], (2, 0): ["Ostrel harbour"]},
        [AGENCY, WIRE, PAPER],
        outlets=["Agency", "Wire", "Paper"],
    )
    assert found[0].wordings["Agency"] == Counter({"the port of ostrel": 1})
    assert found[0].wordings["Wire"] == Counter({"ostrel harbour": 1})


# ---------------------------------------------------------------- rates


def test_rate_scales_count_to_thousand_words():
    assert rate_per_1000(3, 1500).rate == pytest.approx(2.0)


def test_zero_count_interval_hand_computed():
    # chi-square with 2 df has cdf 1 - exp(-x/2): upper = -ln(0.025) events per 1,000 words
    result = rate_per_1000(0, 1000)
    assert result.low == 0.0
    assert result.high == pytest.approx(-math.log(0.025))


def test_single_count_upper_bound_solves_poisson_tail():
    # P(X <= 1 | m) = exp(-m) (1 + m) must equal 0.025 at the upper bound m
    m = rate_per_1000(1, 1000).high
    assert math.exp(-m) * (1 + m) == pytest.approx(0.025)


def test_lower_confidence_gives_narrower_interval():
    wide, narrow = rate_per_1000(5, 2000), rate_per_1000(5, 2000, confidence=0.8)
    assert narrow.high - narrow.low < wide.high - wide.low


@given(st.integers(0, 500), st.integers(1, 100_000))
def test_interval_contains_the_rate(count, n_words):
    result = rate_per_1000(count, n_words)
    assert result.low <= result.rate <= result.high


def test_rate_needs_positive_word_count():
    with pytest.raises(ValueError):
        rate_per_1000(1, 0)


def test_rates_of_many_cells_each_get_the_exact_poisson_interval():
    from scipy.stats import chi2

    from framing.engine.contrast import rates_per_1000

    counts, words = [0, 1, 7, 300], [100, 1000, 5000, 825]
    for rate, k, n in zip(rates_per_1000(counts, words), counts, words, strict=True):
        low = 0.0 if k == 0 else chi2.ppf(0.025, 2 * k) / 2 * 1000 / n
        assert (rate.count, rate.words) == (k, n)
        assert rate.low == pytest.approx(low, abs=1e-12)
        assert rate.high == pytest.approx(chi2.ppf(0.975, 2 * k + 2) / 2 * 1000 / n)


def test_rates_refuse_counts_and_words_of_different_lengths():
    from framing.engine.contrast import rates_per_1000

    with pytest.raises(ValueError, match="differ in length"):
        rates_per_1000([1, 2], [100])


def test_distinctive_terms_of_every_group_at_once_match_one_group_at_a_time():
    from framing.engine.contrast import distinctive_terms_by_group

    groups = {
        "a": ["The regime cracked down on protesters again.", "Regime forces fired on crowds."],
        "b": ["The government restored order after riots.", "Government forces restored calm."],
        "c": ["Officials said the unrest ended.", "Protesters and police clashed in the square."],
    }
    together = distinctive_terms_by_group(groups, top=10, min_count=1)
    for group in groups:
        assert together[group] == distinctive_terms(groups, target=group, top=10, min_count=1)
    assert together["a"]  # the groups differ: something is distinctive
