import json

import pytest

from framing.engine.frame_evaluation import (
    FrameGoldError,
    label_set_scores,
    read_frame_gold,
    sentence_scores,
)


def _write(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_micro_and_macro_f1_of_label_sets():
    gold = [{"economic", "political"}, {"legality"}]
    pred = [{"economic"}, {"legality", "political"}]
    scores = label_set_scores(gold, pred, boot=0)
    # tp 2, fp 1, fn 1 -> micro 4/6; per frame: economic 1, legality 1, political 0.
    assert scores["micro"] == pytest.approx(2 / 3)
    assert scores["macro"] == pytest.approx(2 / 3)
    assert scores["per_label"]["political"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "n_gold": 1, "n_pred": 1,
    }  # fmt: skip
    assert scores["mean_size"] == 1.5


def test_other_is_not_scored_and_intervals_hold_the_estimate():
    gold = [{"economic"}, {"crime_punishment"}, {"economic", "crime_punishment"}] * 5
    pred = [{"economic", "other"}, {"economic"}, {"crime_punishment"}] * 5
    scores = label_set_scores(gold, pred, boot=200)
    assert "other" not in scores["per_label"]
    assert scores["micro_ci"][0] <= scores["micro"] <= scores["micro_ci"][1]
    assert scores["macro_ci"][0] <= scores["macro"] <= scores["macro_ci"][1]


def test_sentence_scores_count_no_frame_as_a_class():
    result = sentence_scores(["economic", None, "legality"], ["economic", None, None])
    assert result["accuracy"] == pytest.approx(2 / 3)
    # economic 1.0, "-" 2/3, legality 0.0
    assert result["macro"] == pytest.approx((1 + 2 / 3 + 0) / 3)


def test_reader_keeps_articles_with_frames_and_names_bad_lines(tmp_path):
    rows = [
        {"text": "Spans only.", "spans": []},
        {"text": "Prices rose. Police arrested two.", "frames": ["economic"],
         "sentences": [{"start": 0, "end": 12, "frames": ["economic"]}]},
    ]  # fmt: skip
    docs = read_frame_gold(_write(tmp_path, rows))
    assert len(docs) == 1 and docs[0].frames == {"economic"}
    assert docs[0].sentences == ((0, 12, ("economic",)),)
    bad = [{"text": "x", "frames": ["economics"]}]
    with pytest.raises(FrameGoldError, match=r"gold.jsonl, line 1: field 'frames' has unknown"):
        read_frame_gold(_write(tmp_path, bad))
    outside = [{"text": "x", "frames": [], "sentences": [{"start": 0, "end": 9}]}]
    with pytest.raises(FrameGoldError, match=r"line 1: sentence 0 \(0–9\) is outside"):
        read_frame_gold(_write(tmp_path, outside))
