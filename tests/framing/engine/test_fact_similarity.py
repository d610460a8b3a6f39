"""The aligned-facts similarity features (issue 10, part 4): a sentence carrying two facts is
compared clause by clause, numbers in words meet numbers in digits, and a match carried only
by names and numbers does not look like a match of content."""

from __future__ import annotations

from framing.engine.contrast.similarity import FEATURES, PairFeatures, clauses

TWO_FACTS = (
    "Rail services between Brannock and Tessel were suspended, and about 8,000 households "
    "were without power."
)


def _feature(a: str, b: str, name: str) -> float:
    return float(PairFeatures([[a], [b]]).pair(0, 1)[0, 0, FEATURES.index(name)])


def test_a_sentence_carrying_two_facts_is_split_into_its_clauses():
    assert clauses(TWO_FACTS)[1:] == [
        "Rail services between Brannock and Tessel were suspended",
        "and about 8,000 households were without power.",
    ]


def test_a_one_fact_sentence_matches_the_clause_that_carries_its_fact_better_than_the_whole():
    one_fact = "About 8,000 households were left without power, the grid operator said."
    clause = _feature(TWO_FACTS, one_fact, "clause_cosine")
    assert clause > _feature(TWO_FACTS, one_fact, "word_cosine") + 0.1


def test_numbers_in_words_are_shared_with_numbers_in_digits():
    a = "Three hundred soldiers were ordered to the town on Friday."
    b = "The army sent 300 soldiers to the town."
    assert _feature(a, b, "shared_numbers") == 1.0
    assert _feature(a, b, "number_clash") == 0.0


def test_a_match_carried_only_by_names_and_numbers_has_no_content_similarity():
    a = "Talks with Orvane last took place in Tessel in 2019."
    b = "Flood walls in Tessel were promised by Orvane in 2019."
    assert _feature(a, b, "word_cosine") > 0.2
    assert _feature(a, b, "content_cosine") == 0.0


def test_sentences_of_very_different_lengths_are_marked_as_such():
    short = "Two people have died."
    assert _feature(short, TWO_FACTS, "length_ratio") > _feature(
        short, "Two men have died.", "length_ratio"
    )
