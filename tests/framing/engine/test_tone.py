from framing.engine.text import split_sentences, tokenize
from framing.engine.tone import sentence_tones, vader_lexicon


def _tones(text: str):
    sents = split_sentences(text)
    return sentence_tones(tokenize(text, sents), len(sents))


def test_positive_sentence_scores_above_zero():
    tones, _ = _tones("The summit was a great success.")
    assert tones[0] > 0.5


def test_negation_flips_the_valence():
    plain, _ = _tones("The plan is good.")
    negated, _ = _tones("The plan is not good.")
    assert plain[0] > 0 > negated[0]


def test_booster_strengthens_the_valence():
    plain, _ = _tones("The result was bad.")
    boosted, _ = _tones("The result was very bad.")
    assert boosted[0] < plain[0] < 0


def test_neutral_sentence_scores_zero_with_no_evidence():
    tones, evidence = _tones("The meeting took place on Tuesday.")
    assert tones[0] == 0
    assert evidence == [[]]


def test_evidence_points_at_the_words_that_drove_the_tone():
    text = "A brutal and cruel attack."
    _, evidence = _tones(text)
    assert [text[s:e] for s, e, _ in evidence[0]] == ["brutal", "cruel", "attack"]
    assert all(v < 0 for _, _, v in evidence[0])


def test_tone_stays_within_minus_one_and_one():
    tones, _ = _tones("Horrible terrible awful disgusting evil brutal cruel vile hateful.")
    assert -1 <= tones[0] < -0.9


def test_vader_lexicon_is_loaded_from_the_package_file():
    assert vader_lexicon()["good"] > 0
