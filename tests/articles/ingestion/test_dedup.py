import random

from articles.ingestion import NearDuplicateIndex, content_hash

from .helpers import STORY, STORY_2


def _wire_copy(seed: int, words: int = 400) -> str:
    rng = random.Random(seed)
    vocab = (STORY + " " + STORY_2).lower().replace(".", "").split()
    vocab += [f"term{i}" for i in range(300)]
    return " ".join(rng.choice(vocab) for _ in range(words))


def test_content_hash_ignores_whitespace_and_unicode_form():
    assert content_hash("Cafe\u0301 talks \r\n") == content_hash("Caf\u00e9 talks")


def test_content_hash_differs_for_different_text():
    assert content_hash(STORY) != content_hash(STORY_2)


def test_lightly_edited_republication_is_found():
    original = _wire_copy(1)
    words = original.split()
    for i in range(0, len(words), 40):
        words[i] = "edited"
    edited = "Ostrel Courier reports: " + " ".join(words[10:])
    index = NearDuplicateIndex()
    index.add("wire", original)
    index.add("other", _wire_copy(2))
    matches = index.query(edited)
    assert [key for key, _ in matches] == ["wire"]
    assert 0.6 < matches[0][1] < 1.0


def test_unrelated_texts_are_not_reported():
    index = NearDuplicateIndex()
    for seed in range(20):
        index.add(seed, _wire_copy(seed))
    assert index.query(_wire_copy(99)) == []


def test_identical_text_has_similarity_one():
    index = NearDuplicateIndex()
    index.add("a", STORY)
    assert index.query(STORY) == [("a", 1.0)]


def test_text_without_words_is_not_indexed():
    index = NearDuplicateIndex()
    index.add("blank", "  ... ")
    assert ("blank" in index, index.query("...")) == (False, [])
