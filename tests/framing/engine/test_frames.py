import numpy as np

from framing.engine.artifacts import default_model
from framing.engine.codebooks import GENERIC_FRAMES, POLICY_FRAMES
from framing.engine.frames import LinearMultiLabel, score_frames
from framing.engine.text import split_sentences, tokenize


def _score(text: str, book: str = "policy"):
    sents = split_sentences(text)
    return score_frames(default_model().frames[book], tokenize(text, sents), len(sents))


def _top(text: str, book: str = "policy") -> str:
    return _score(text, book).article[0].key


def test_default_models_cover_both_codebooks_in_order():
    frames = default_model().frames
    assert frames["policy"].labels == tuple(d.key for d in POLICY_FRAMES)
    assert frames["generic"].labels == tuple(d.key for d in GENERIC_FRAMES)


def test_military_sentence_is_security_framed():
    assert _top("The navy fired two missiles during live-fire drills near the border.") == (
        "security_defense"
    )


def test_trade_sentence_is_economic_framed():
    assert (
        _top("Exports fell as tariffs raised the price of steel for manufacturers.") == "economic"
    )


def test_poll_sentence_is_public_opinion_framed():
    assert _top("A new poll shows most voters oppose the plan, and protesters rallied.") == (
        "public_opinion"
    )


def test_sentence_probabilities_have_one_row_per_sentence_and_stay_in_range():
    result = _score("Troops massed at the border. Prices rose sharply. The poll closed.")
    assert result.sentence_probs.shape == (3, len(POLICY_FRAMES))
    assert result.sentence_probs.dtype == np.float32
    assert ((result.sentence_probs >= 0) & (result.sentence_probs <= 1)).all()


def test_article_scores_are_sorted_and_carry_cue_words():
    article = _score("The navy fired missiles during drills near the border.").article
    probs = [f.probability for f in article]
    assert probs == sorted(probs, reverse=True)
    assert set(article[0].cues) & {"navy", "missiles", "drills", "border", "fired"}


def test_generic_conflict_frame_for_an_exchange_of_accusations():
    assert _top("The two sides accused each other and rejected the warning.", "generic") == (
        "conflict"
    )


def test_empty_text_gives_no_rows_and_zero_scores():
    result = _score("")
    assert result.sentence_probs.shape == (0, len(POLICY_FRAMES))
    assert all(f.probability == 0 for f in result.article)


def test_linear_model_scores_known_words_and_ignores_unknown_ones():
    model = LinearMultiLabel.create(
        ("a", "b"), ("alpha", "beta"), [[2.0, 0.0], [0.0, 2.0]], [0.0, 0.0], [1.0, 1.0], [0.0, 0.0]
    )
    probs = model.predict_texts([["alpha", "zzz"], ["beta"], []])
    assert probs[0, 0] > 0.8 and probs[0, 1] == 0.5
    assert probs[1, 1] > 0.8
    assert np.allclose(probs[2], 0.5)
