"""Texts the packaged tagger trained on are not evidence for choosing a workspace tagger."""

from dataclasses import replace

import pytest

from framing.engine.adaptation import WorkspaceDoc, adapt_tagger
from framing.engine.seen_text import seen_by_base
from framing.engine.tagger import default_tagger
from framing.engine.tagger_training import babe_docs

PLACES = ["Varno", "Kessel", "Brin", "Ostra", "Lume", "Tarrow", "Quill", "Marsh"]


def _teapot(prefix: str, place: str, key: str) -> WorkspaceDoc:
    """A text whose analysts tag an invented insult the packaged tagger does not know."""
    text = f"{prefix}Residents of {place} said the teapot council met on Tuesday to discuss roads."
    start = text.index("teapot")
    return WorkspaceDoc(text, ((start, start + 6, "pejorative_label"),), (), key)


@pytest.fixture(scope="module")
def train_sentences() -> list[str]:
    return [d.text.strip() for d in babe_docs("train") if len(d.text.split()) >= 8][:12]


def test_a_text_holding_a_training_sentence_is_seen_by_the_packaged_tagger(train_sentences):
    ours = "The council of Varno met on Tuesday to discuss roads and schools."
    assert seen_by_base(default_tagger(), [f"{ours} {train_sentences[0]}"]) == [True]


def test_held_out_and_our_own_texts_are_not_seen_by_the_packaged_tagger():
    test = next(d.text for d in babe_docs("test") if len(d.text.split()) >= 8)
    ours = "The council of Varno met on Tuesday to discuss roads and schools."
    assert seen_by_base(default_tagger(), [test, ours]) == [False, False]


def test_dev_sentences_are_seen_by_a_packaged_tagger_that_trained_on_the_dev_split():
    dev = next(d.text for d in babe_docs("dev") if len(d.text.split()) >= 14)
    tagger = default_tagger()
    assert tagger.meta["params"]["train_on_dev"]
    assert seen_by_base(tagger, [dev]) == [True]
    params = {**tagger.meta["params"], "train_on_dev": False}
    assert seen_by_base(replace(tagger, meta={**tagger.meta, "params": params}), [dev]) == [False]


def test_a_tagger_not_built_from_the_committed_data_has_seen_nothing(train_sentences):
    other = replace(default_tagger(), meta={"data_sha256": "another training set"})
    assert seen_by_base(other, train_sentences[:2]) == [False, False]


def test_the_packaged_taggers_own_training_text_does_not_choose_the_workspace_tagger(
    train_sentences,
):
    # The same teapot convention on our own texts replaces the shipped tagger
    # (test_adaptation); here every text also holds a sentence the packaged CRF was fitted
    # on, so its out-of-fold scores are not evidence and the shipped tagger stays.
    docs = [_teapot(f"{s} ", PLACES[i % 8], f"s{i}") for i, s in enumerate(train_sentences)]
    tagger, report = adapt_tagger(default_tagger(), docs)
    assert report.seen_by_base == len(docs)
    assert report.scores["stacked"]["partial"]["f1"] > report.scores["shipped"]["partial"]["f1"]
    assert report.chosen == "shipped" and tagger is default_tagger()


def test_unseen_texts_still_choose_when_some_texts_were_trained_on(train_sentences):
    seen = [_teapot(f"{s} ", PLACES[i % 8], f"s{i}") for i, s in enumerate(train_sentences[:6])]
    unseen = [_teapot("", PLACES[i % 8], f"u{i}") for i in range(12)]
    _, report = adapt_tagger(default_tagger(), [*seen, *unseen])
    assert report.seen_by_base == 6
    assert report.chosen == "stacked"
