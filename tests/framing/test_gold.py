import json
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from framing.gold import GoldFileError, evaluate_gold, read_gold


def _write(tmp_path, lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_span_outside_the_text_names_the_line(tmp_path):
    bad = json.dumps({"text": "short", "spans": [{"start": 2, "end": 40, "label": "x"}]})
    path = _write(tmp_path, [json.dumps({"text": "fine"}), bad])
    with pytest.raises(GoldFileError, match=r"gold.jsonl, line 2: span 0 \(2–40\)"):
        read_gold(path)


def test_invalid_json_names_the_line(tmp_path):
    with pytest.raises(GoldFileError, match="line 1: not valid JSON"):
        read_gold(_write(tmp_path, ["{nope"]))


def test_scores_are_broken_down_by_outlet_type_and_side(tmp_path):
    rows = [
        {"text": "a puppet regime", "outlet_type": "state_media", "side": "adversary",
         "spans": [{"start": 2, "end": 15, "label": "pejorative_label"}]},
        {"text": "an ironclad pledge", "outlet_type": "government", "side": "allied",
         "spans": [{"start": 3, "end": 11, "label": "glorification"}]},
    ]  # fmt: skip
    docs = read_gold(_write(tmp_path, [json.dumps(r) for r in rows]))

    def predict(text):  # finds only the first document's term
        i = text.find("puppet regime")
        return [SimpleNamespace(start=i, end=i + 13, category="pejorative_label")] if i >= 0 else []

    result = evaluate_gold(docs, predict)
    assert result["exact"]["micro"]["precision"] == 1.0
    assert result["exact"]["micro"]["recall"] == 0.5
    assert result["by_group"]["government"]["exact"]["recall"] == 0.0
    assert result["by_side"]["adversary"]["exact"]["recall"] == 1.0


@pytest.mark.django_db
def test_evaluate_command_prints_per_label_scores(tmp_path, capsys):
    row = {"text": "The junta staged a sham vote.", "spans": [
        {"start": 4, "end": 9, "label": "pejorative_label"}]}  # fmt: skip
    call_command("framing_evaluate", str(_write(tmp_path, [json.dumps(row)])))
    out = capsys.readouterr().out
    assert "EXACT MATCH" in out and "pejorative_label" in out and "(micro)" in out


@pytest.mark.django_db
def test_evaluate_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("framing_evaluate", str(tmp_path / "missing.jsonl"))


def test_label_agnostic_scores_ignore_the_category_and_carry_intervals(tmp_path):
    rows = [
        {"text": "a puppet regime",
         "spans": [{"start": 2, "end": 15, "label": "pejorative_label"}]},
        {"text": "an ironclad pledge",
         "spans": [{"start": 3, "end": 11, "label": "glorification"}]},
    ]  # fmt: skip
    docs = read_gold(_write(tmp_path, [json.dumps(r) for r in rows]))

    def predict(text):  # right span, wrong category, in the first document only
        i = text.find("puppet regime")
        return [SimpleNamespace(start=i, end=i + 13, category="hyperbole")] if i >= 0 else []

    result = evaluate_gold(docs, predict, bootstrap=50)
    assert result["exact"]["micro"]["precision"] == 0.0  # per label: the category is wrong
    agnostic = result["all_labels"]["exact"]
    assert (agnostic["precision"], agnostic["recall"]) == (1.0, 0.5)
    low, high = agnostic["ci95"]["recall"]
    assert 0.0 <= low <= 0.5 <= high <= 1.0


@pytest.mark.django_db
def test_evaluate_command_reads_the_chosen_operating_point(tmp_path, capsys):
    row = {"text": "The junta staged a sham vote.", "spans": [
        {"start": 4, "end": 9, "label": "pejorative_label"}]}  # fmt: skip
    path = _write(tmp_path, [json.dumps(row)])
    call_command("framing_evaluate", str(path), "--point", "recall", "--json", "--bootstrap", "20")
    result = json.loads(capsys.readouterr().out)
    assert result["operating_point"]["name"] == "recall"
    assert 0.0 < result["operating_point"]["threshold"] < 1.0
    assert "ci95" in result["all_labels"]["partial"]


@pytest.mark.django_db
def test_evaluate_command_scores_frames_when_the_file_has_label_sets(tmp_path, capsys):
    row = {"text": "A man was jailed for six years for burglary. Police found his prints.",
           "frames": ["crime_punishment"], "spans": []}  # fmt: skip
    call_command("framing_evaluate", str(_write(tmp_path, [json.dumps(row)])))
    out = capsys.readouterr().out
    assert "FRAMES (Policy Frames Codebook, 1 articles" in out
    assert "crime_punishment" in out and "micro-F1" in out
