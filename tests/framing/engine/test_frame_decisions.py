"""The built-in frame models on clear texts we wrote for these tests (not training data):
the frames the old engine never found, label sets whose size follows the evidence, and
outlets covering one immigration story from different angles."""

import numpy as np
import pytest

from framing.engine import analyze
from framing.engine.artifacts import EngineModel, default_model, dumps, load_model
from framing.engine.frame_training import (
    FrameDataError,
    frame_split,
    read_frame_docs,
    seed_examples,
)
from framing.engine.frames import EVIDENCE_MIN, LinearMultiLabel, score_frames, select_frames
from framing.engine.text import split_sentences, tokenize

CRIME = (
    "A former bank manager was sentenced to seven years in prison on Thursday for stealing "
    "1.2 million dollars from elderly customers' accounts. The jury convicted him of fraud and "
    "theft after a three-week trial. Detectives arrested him at an airport as he tried to board "
    "a flight to Dubai. He must also repay the money under a confiscation order."
)
FAIRNESS = (
    "Women working as cleaners and carers at the city council are paid up to 4,000 pounds a "
    "year less than men in jobs of equal value, such as refuse collectors, a report found. "
    "The union said the gap was a clear case of discrimination against women and low-paid "
    "staff. Campaigners said it was unfair that women's work had been undervalued for decades "
    "and called for equal treatment."
)
POLICY = (
    "The government plans to introduce a deposit return scheme for plastic bottles and cans "
    "from 2027, the environment minister announced. Under the proposal, shoppers would pay a "
    "20-cent deposit that is refunded when the container is returned. Officials said similar "
    "schemes in Germany and Norway had raised recycling rates above 90 percent, and an "
    "evaluation of a pilot in three towns found the measure worked."
)
SINGLE = (
    "A 27-year-old man was jailed for six years on Monday for a string of burglaries in the "
    "city's northern suburbs. Police caught him after fingerprints were found on a window at "
    "one of the houses. He admitted eleven counts of burglary and two of handling stolen goods."
)
MULTI = (
    "The state will close two prisons next year to save 150 million dollars, the governor "
    "announced, after the inmate population fell by a third. Lawmakers from her own party "
    "accused her of putting the budget ahead of jobs in rural towns, where the prisons are "
    "the largest employers. A poll found that 61 percent of voters support the closures. "
    "Prison officers' unions warned that overcrowding in the remaining jails would endanger "
    "staff and inmates, and said they would sue to stop the plan."
)
IMMIGRATION = {
    "enforcement": (
        "Immigration officers arrested 312 people in a week-long operation across Georgia, "
        "the agency said on Friday. Officials said 140 of those detained had criminal "
        "convictions, including assault and drunk driving, and that the rest had final orders "
        "of removal or had re-entered the country after being deported. Prosecutors have "
        "charged eleven of those arrested with illegal re-entry, a felony that carries up to "
        "two years in prison."
    ),
    "family": (
        "Maria Elena Cruz was making breakfast for her three children when officers knocked on "
        "the door of the family's apartment last Tuesday. Her husband, a factory worker who "
        "has lived in Georgia for nineteen years, was taken away before the children left for "
        'school. "My daughter keeps asking when he will come back," Cruz said. Advocates say '
        "families like hers are treated unfairly, punished for paperwork violations while "
        "employers who profited from their labour face no consequences."
    ),
    "industry": (
        "Georgia's carpet industry, which employs about 30,000 people, warned that a wave of "
        "immigration arrests could leave factories without enough workers to meet orders. "
        "Manufacturers say wages have risen 15 percent in two years and that profits are "
        "falling. Economists estimate that immigrant workers make up a third of the region's "
        "manufacturing workforce, and the cost to the local economy could reach 400 million "
        "dollars."
    ),
}


def _chosen(text: str, book: str = "policy") -> list[str]:
    return [f.key for f in analyze(text).frames[book] if f.selected]


def test_crime_and_punishment_is_found_in_a_court_story():
    assert "crime_punishment" in _chosen(CRIME)


def test_fairness_is_found_in_an_equal_pay_story():
    assert "fairness_equality" in _chosen(FAIRNESS)


def test_policy_prescription_is_found_in_a_policy_story():
    assert "policy_prescription" in _chosen(POLICY)


def test_single_frame_text_gets_one_label_and_a_multi_frame_text_several():
    assert _chosen(SINGLE) == ["crime_punishment"]
    multi = set(_chosen(MULTI))
    assert len(multi) >= 3
    assert {"economic", "political", "public_opinion"} & multi


def test_outlets_covering_one_immigration_story_get_different_frames():
    top = {name: analyze(text).frames["policy"][0].key for name, text in IMMIGRATION.items()}
    assert top["enforcement"] == "crime_punishment"
    assert top["industry"] == "economic"
    assert len(set(top.values())) == 3
    assert "security_defense" not in top.values()


def test_selected_frames_are_the_ones_over_their_thresholds_with_evidence():
    model = default_model().frames["policy"]
    sents = split_sentences(MULTI)
    result = score_frames(model, tokenize(MULTI, sents), len(sents))
    top_sentence = result.sentence_probs.max(axis=0)
    for f in result.article:
        j = model.labels.index(f.key)
        over = f.probability >= model.threshold[j] - 1e-4 and top_sentence[j] >= EVIDENCE_MIN
        assert f.selected == over


def test_select_frames_keeps_the_closest_frame_when_none_passes():
    labels = ("a", "b", "c")
    thresholds = np.array([0.5, 0.2, 0.5])
    assert select_frames(labels, np.array([0.6, 0.3, 0.1]), thresholds) == {0, 1}
    assert select_frames(labels, np.array([0.4, 0.1, 0.3]), thresholds) == {0}


def test_select_frames_needs_a_sentence_that_carries_the_frame():
    labels = ("a", "b")
    probs, thresholds = np.array([0.6, 0.7]), np.full(2, 0.5)
    assert select_frames(labels, probs, thresholds, np.array([True, False])) == {0}
    # none qualifies: the frame closest to its threshold still stands for the article
    assert select_frames(labels, probs, thresholds, np.array([False, False])) == {1}


def test_select_frames_applies_per_codebook_in_a_combined_model():
    labels = ("policy:a", "policy:b", "generic:c")
    chosen = select_frames(labels, np.array([0.1, 0.2, 0.1]), np.full(3, 0.5))
    assert chosen == {1, 2}


def test_word_pairs_score_only_in_order_and_within_a_sentence():
    model = LinearMultiLabel.create(
        ("x",), ("death", "penalty", "death penalty"), [[0.0], [0.0], [3.0]], [0.0], [1.0], [0.0]
    )
    probs = model.predict_texts(
        [["death", "penalty"], ["penalty", "death"], ["death", "the", "penalty"]]
    )
    assert probs[0, 0] > 0.85
    assert probs[1, 0] == pytest.approx(0.5)
    assert probs[2, 0] > 0.85  # stopwords are skipped, as in training
    text = "He faced death. Penalty kicks followed."
    sents = split_sentences(text)
    result = score_frames(model, tokenize(text, sents), len(sents))
    assert np.allclose(result.sentence_probs[:, 0], 0.5)


def test_models_without_an_article_layer_still_load_and_score():
    """Workspace models stored before the article layer existed keep working."""
    base = default_model()
    old = {
        book: LinearMultiLabel.create(m.labels, m.words, m.coef, m.intercept, m.calib_a, m.calib_b)
        for book, m in base.frames.items()
    }
    model = load_model(dumps(EngineModel(base.span, old)))
    assert not model.frames["policy"].has_article_layer
    analysis = analyze(CRIME, model=model)
    scores = analysis.frames["policy"]
    assert [f.selected for f in scores] == [
        f.probability >= 0.5 or (f is scores[0] and not any(g.probability >= 0.5 for g in scores))
        for f in scores
    ]


def test_held_out_articles_never_reach_training():
    train, held = frame_split()
    assert len(held) >= 30
    held_sentences = {s for d in held for s in d.sentences}
    assert not held_sentences & set(seed_examples("policy").sentences)
    assert {d.id for d in train}.isdisjoint({d.id for d in held})


def test_frame_data_errors_name_file_and_line(tmp_path):
    (tmp_path / "bad.txt").write_text(
        "## x-1 topic news\ncrime :: conf :: A sentence.\nzzz :: - :: Another one.\n",
        encoding="utf-8",
    )
    with pytest.raises(FrameDataError, match=r"bad.txt, line 3: unknown frame code 'zzz'"):
        read_frame_docs(tmp_path)


def test_frame_data_reads_sentences_labels_and_article_sets(tmp_path):
    (tmp_path / "ok.txt").write_text(
        "# comment\n## x-1 topic news\ncrime leg :: conf :: One.\n- :: - :: Two.\n"
        "## x-2 topic sentences\npub :: - :: Three.\n",
        encoding="utf-8",
    )
    first, second = read_frame_docs(tmp_path)
    assert first.sentences == ("One.", "Two.")
    assert first.policy == (("crime_punishment", "legality"), ())
    assert first.labels("policy") == {"crime_punishment", "legality"}
    assert first.labels("generic") == {"conflict"}
    assert first.is_article and not second.is_article


def test_demo_event_outlets_do_not_all_get_the_same_frames():
    """The demo event (a naval exercise) seen by state media, a wire, a ministry and local
    papers: security dominates, but not every outlet is framed the same way."""
    import json
    from pathlib import Path

    demo = Path(__file__).resolve().parents[3] / "articles" / "demo" / "naval_exercise.json"
    articles = json.loads(demo.read_text(encoding="utf-8"))["articles"]
    tops, sets = set(), set()
    for article in articles:
        frames = analyze(article["text"]).frames["policy"]
        tops.add(frames[0].key)
        sets.add(frozenset(f.key for f in frames if f.selected))
    assert len(tops) >= 2
    assert len(sets) >= 4
