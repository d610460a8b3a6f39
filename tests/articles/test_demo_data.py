"""The demo data and the gold files built on it stay consistent with each other."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = json.loads((ROOT / "articles/demo/naval_exercise.json").read_text(encoding="utf-8"))


def test_every_gold_alignment_sentence_is_still_in_its_demo_article():
    alignment = json.loads((ROOT / "framing/eval/demo_alignment.json").read_text("utf-8"))
    texts = [a["text"] for a in DEMO["articles"]]
    for pair in alignment["pairs"]:
        assert pair["a_sentence"] in texts[pair["a"]], pair["a_sentence"][:60]
        assert pair["b_sentence"] in texts[pair["b"]], pair["b_sentence"][:60]


def test_heldout_gold_file_is_up_to_date_with_its_source():
    result = subprocess.run(
        [sys.executable, str(ROOT / "framing/eval/build_heldout.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_every_demo_article_names_a_declared_outlet():
    outlets = {o["name"] for o in DEMO["outlets"]}
    for article in DEMO["articles"]:
        assert article["outlet"] in outlets
        assert article["origin"] in outlets | {None}


def test_every_second_demo_gold_sentence_and_label_is_in_its_article():
    second = json.loads((ROOT / "articles/demo/border_caravan.json").read_text(encoding="utf-8"))
    texts = [a["text"] for a in second["articles"]]
    alignment = json.loads((ROOT / "framing/eval/demo_alignment_caravan.json").read_text("utf-8"))
    for fact in alignment["facts"]:
        assert len(fact["sentences"]) >= 2, fact["fact"]
        for article, sentence in fact["sentences"].items():
            assert sentence in texts[int(article)], sentence[:60]
    labels = json.loads((ROOT / "framing/eval/demo_labels_caravan.json").read_text("utf-8"))
    for referent in labels["referents"]:
        for article, words in referent["wordings"].items():
            for word in words:
                assert word in texts[int(article)].lower(), (article, word)
