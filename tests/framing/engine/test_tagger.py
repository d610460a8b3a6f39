"""The loaded-term tagger: byte format, CRF marginals, operating points, open vocabulary."""

import numpy as np
import pytest

from framing.engine import analyze
from framing.engine.artifacts import default_model
from framing.engine.candidates import prepare
from framing.engine.lexicon import load_lexicon
from framing.engine.tagger import (
    DEFAULT_TAGGER_PATH,
    TaggerFormatError,
    _paired_passes,
    _plain_passes,
    batched_marginals,
    default_tagger,
    doc_features,
    dumps,
    forward_backward,
    loads,
    token_features,
    token_parts,
)
from framing.engine.tagger_training import (
    data_fingerprint,
    merge_adjacent,
    parse_marked,
    passage_docs,
)


def test_tagger_bytes_round_trip_unchanged():
    data = DEFAULT_TAGGER_PATH.read_bytes()
    tagger = loads(data)
    assert dumps(tagger) == data
    assert tagger.sha256 == default_tagger().sha256


def test_foreign_bytes_are_refused():
    with pytest.raises(TaggerFormatError):
        loads(b"PLXMODEL1\n" + b"\0" * 40)
    with pytest.raises(TaggerFormatError):
        loads(DEFAULT_TAGGER_PATH.read_bytes()[:300])


def test_batched_marginals_equal_one_sequence_at_a_time():
    rng = np.random.default_rng(3)
    scores = rng.normal(size=(40, 3)) * 2
    trans = rng.normal(size=(3, 3))
    bounds = [(0, 1), (1, 12), (12, 12), (12, 40)]
    got = batched_marginals(scores, bounds, trans)
    want = np.vstack([forward_backward(scores[a:b], trans) for a, b in bounds if b > a])
    assert np.allclose(got, want)
    assert np.allclose(got.sum(axis=1), 1.0)


@pytest.mark.parametrize("seed", range(6))
def test_paired_passes_are_the_plain_passes_value_for_value(seed):
    """Forward and backward run in the same steps give the very same floats (sentences of
    several lengths, so the beta reset at each sentence's last token is exercised)."""
    rng = np.random.default_rng(seed)
    lens = np.sort(rng.integers(1, 30, size=int(rng.integers(2, 40))))
    width = int(lens.max())
    emit = np.exp(rng.normal(size=(width, len(lens), 3)) * 3)
    last = np.searchsorted(lens, np.arange(1, width + 1), side="left").tolist()
    t = np.exp(rng.normal(size=(3, 3)))
    paired, plain = _paired_passes(emit, last, t), _plain_passes(emit, last, t)
    for got, want in zip(paired, plain, strict=True):
        for i, n in enumerate(lens.tolist()):  # positions inside each sentence
            assert np.array_equal(got[:n, i], want[:n, i])


def test_compiling_word_type_features_equals_compiling_token_parts():
    """``compile`` of ``doc_features`` (one look-up per word type) gives the scores and the
    explanation rows of ``compile`` of the laid-out ``token_parts``, exactly."""
    text = (
        "MERRIN, May 3 -- The puppet regime will pay dearly for its reckless provocation, the "
        'commentary warned. Officials said the so-called "defensive" drills were routine.\n\n'
        "Minister Slams Crazed Protesters After Defeat\n\nThe storm battered the coast."
    )
    prep = prepare(text)
    tagger = default_tagger()
    fast, plain = tagger.compile(doc_features(prep)), tagger.compile(token_parts(prep))
    assert fast.bounds == plain.bounds and len(fast.bounds) > 3
    assert np.array_equal(fast.scores, plain.scores)
    n = len(fast.scores)
    assert all(
        fast.rows(i, min(i + 2, n - 1)) == plain.rows(i, min(i + 2, n - 1)) for i in range(n)
    )


def test_operating_points_are_ordered_and_carry_dev_figures():
    points = default_model().operating_points()
    assert set(points) == {"precision", "balanced", "recall"}
    t = {k: v["threshold"] for k, v in points.items()}
    assert t["recall"] <= t["balanced"] <= t["precision"]
    assert points["precision"]["precision"] >= points["recall"]["precision"]
    assert points["recall"]["recall"] >= points["precision"]["recall"]


def test_analyze_keeps_spans_down_to_the_recall_point_with_probabilities():
    text = (
        "The senator's bizarre rant was a shameful display of arrogance, and the ministry "
        "called the allies lapdogs of Washington."
    )
    floor = default_model().operating_points()["recall"]["threshold"]
    terms = analyze(text).loaded_terms
    assert terms
    for t in terms:
        assert floor <= t.score <= 1.0
        assert text[t.start : t.end] == t.text
        assert t.explanation.startswith("tagger p=")


def test_a_word_in_no_lexicon_or_pattern_is_found():
    # Open vocabulary: "bizarre" is in neither our lexicon nor a pattern rule.
    text = "The senator gave a bizarre speech on Tuesday."
    assert not load_lexicon("en").find(text.lower())
    assert any("bizarre" in t.text for t in analyze(text).loaded_terms)


def test_state_media_threat_phrase_is_tagged_in_the_quoted_voice():
    text = (
        "MARSK, Oct 2 (State News Service) -- Citing the foreign ministry, the agency said the "
        'allied states were "servile stooges" of the alliance.'
    )
    term = next(t for t in analyze(text).loaded_terms if "stooges" in t.text)
    assert term.voice == "quoted"
    assert term.category == "pejorative_label"


def test_features_are_grouped_by_sentence_and_see_the_layers():
    prep = prepare('The so-called "defensive" drills began. Rain fell.')
    feats = token_features(prep)
    assert [len(s) for s in feats] == [6, 2]  # "so-called" is two tokens
    names = {n for tok in feats[0] for n, _ in tok}
    assert "scare" in names or "pat" in names


def test_passage_markup_and_babe_phrases():
    text, spans = parse_marked("A [[puppet regime|pejorative_label]] fell.")
    assert text[spans[0][0] : spans[0][1]] == "puppet regime"
    spans = [(5, 10), (11, 13), (15, 19)]
    assert merge_adjacent("they blows up, lies", spans) == [(5, 13), (15, 19)]
    assert all(d.split == "test" for d in passage_docs("test"))


LITERAL_SENTENCES = (
    "The descent from the pass is treacherous after heavy snow, the guide said.",
    "A brutal heat wave scorched the plains, with temperatures above 44 degrees.",
    "The visitors were crushed 5-0 in a brutal defeat at the stadium.",
    "Doctors said the aggressive infection responded to a second course of antibiotics.",
    "The violent storm uprooted trees and left thousands without power.",
    "The striker's ruthless finishing sank the champions in the cup final.",
    'Thousands sang "Freedom or death" at the rally, a slogan first used in 1821.',
    'The exhibition "Monsters and Tyrants" opens at the national gallery on Friday.',
    "Climbers called the frozen gully a death trap after two avalanches.",
    "The river is treacherous in spring, and swimmers are warned to stay out.",
)


def test_literal_uses_chants_and_titles_are_rarely_tagged_at_the_default_point():
    # Written for this test, not used in training: weather, terrain, sport, medicine, a
    # chant and a title. Strong words there are literal, not judgements of the outlet.
    threshold = default_model().operating_points()["balanced"]["threshold"]
    tagged = [
        (s, t.text)
        for s in LITERAL_SENTENCES
        for t in analyze(s).loaded_terms
        if t.score >= threshold
    ]
    assert len(tagged) <= 2, tagged


def test_packaged_tagger_was_built_from_the_committed_data():
    """Fails when training data or the lexicon changed without rebuilding the tagger: run
    `.venv/bin/python -m framing.engine.training`."""
    assert default_tagger().meta["data_sha256"] == data_fingerprint()
