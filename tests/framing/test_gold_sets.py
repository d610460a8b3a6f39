"""The frozen held-out gold sets stay valid and in step with their hand-written sources."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "framing/eval/gold/build_gold.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_gold", BUILDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_gold_sets_are_up_to_date_with_their_sources():
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_speakers_dev_set_is_up_to_date_with_its_source():
    builder = ROOT / "framing/eval/dev/build_dev.py"
    result = subprocess.run(
        [sys.executable, str(builder), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + result.stdout


HEADER = (
    "---\nid: x-1\ntitle: T\noutlet: O\noutlet_type: commercial\ngenre: news\nlean: none\n"
    "topic: crime\ngroup: general\n\n"
)


def test_loaded_builder_computes_offsets_and_voice():
    gold = _builder()
    body = 'Police said it was a {{pej/a:thug}} attack. "A {{mor/q:vile}} act," he said. Calm.'
    [record] = gold.build_loaded(HEADER + body)
    text = record["text"]
    assert [(text[s["start"] : s["end"]], s["voice"]) for s in record["spans"]] == [
        ("thug", "attributed"),
        ("vile", "quoted"),
    ]


def test_loaded_builder_rejects_quoted_voice_outside_quotation_marks():
    gold = _builder()
    body = "Police said it was a {{pej/q:thug}} attack. It was late. Calm."
    with pytest.raises(gold.SourceError, match="not inside quotation marks"):
        gold.build_loaded(HEADER + body)


def test_frames_builder_requires_article_labels_to_match_sentence_labels():
    gold = _builder()
    words = " ".join(["word"] * 85)
    source = (
        "---\nid: f-1\ntitle: T\noutlet: O\ntopic: crime\nframes: crime, eco\n\n"
        f"[[crime]] Police arrested a man. {words}."
    )
    with pytest.raises(gold.SourceError, match="differ from sentence frames"):
        gold.build_frames(source)


def test_speakers_builder_rejects_an_unmarked_quotation():
    gold = _builder()
    words = " ".join(["word"] * 300)
    source = (
        "---\nid: s-1\ntitle: T\noutlet: O\noutlet_type: commercial\ntopic: crime\n\n"
        f'"{{{{d:We won,|he|a}}}}" he said. He added "never again". {words}.\n===\na: A Person\n'
    )
    with pytest.raises(gold.SourceError, match="is not marked"):
        gold.build_speakers(source)


def _relay_source(n_words: int) -> str:
    words = " ".join(["word"] * n_words)
    return (
        "---\nid: r-1\ntitle: T\noutlet: O\noutlet_type: commercial\ntopic: crime\n"
        "origin: Associated Press\n\nOSLO (AP) — {{r:Two men were held|police|p}}, police said, "
        f"according to NRK. {words}.\n===\np: Oslo police | NRK\n"
    )


def test_relays_builder_keeps_origin_and_chain_of_a_short_wire_item():
    gold = _builder()
    [record] = gold.build_relays(_relay_source(150))
    [item] = record["attributions"]
    assert record["origin"] == "Associated Press"
    assert item["chain"] == ["NRK", "Oslo police"]
    assert record["text"][item["start"] : item["end"]] == "Two men were held"


def test_relays_builder_rejects_an_item_over_400_words():
    gold = _builder()
    with pytest.raises(gold.SourceError, match="expected 150-400"):
        gold.build_relays(_relay_source(400))
