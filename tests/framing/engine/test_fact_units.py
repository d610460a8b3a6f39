"""Fact units (issue 10 part 4, round 7): the clauses of a sentence that can each carry a fact
of their own, with offsets into the sentence. Measured on the development events as alignment
units (bench/README.md, round 7); the page still aligns sentences."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from framing.engine.contrast.units import article_units, unit_spans


def _texts(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in unit_spans(sentence)]


def test_two_facts_joined_by_while_are_two_units():
    sentence = (
        "Police shut the Vessel Bridge at dawn, while 800 riot officers lined the streets "
        "around parliament."
    )
    assert _texts(sentence) == [
        "Police shut the Vessel Bridge at dawn",
        "while 800 riot officers lined the streets around parliament.",
    ]


def test_a_participle_clause_carrying_a_second_fact_is_its_own_unit():
    sentence = (
        "A landslide tore through the road on Tuesday, trapping a lorry driver in his cab "
        "for six hours."
    )
    assert _texts(sentence) == [
        "A landslide tore through the road on Tuesday",
        "trapping a lorry driver in his cab for six hours.",
    ]


def test_a_one_clause_sentence_is_one_unit():
    sentence = "Prime Minister Aldo Renk insisted he would not back down."
    assert unit_spans(sentence) == [(0, len(sentence))]


def test_a_quotation_is_never_cut_into_units():
    sentence = (
        "“We will stay, and the bridge was closed anyway; while they talk we wait,” "
        "said union leader Bram Oster."
    )
    assert unit_spans(sentence) == [(0, len(sentence))]


def test_a_piece_shorter_than_four_words_joins_its_neighbour():
    sentence = "The talks failed; nobody came, and the union blamed the ministry."
    assert _texts(sentence) == [
        "The talks failed; nobody came",
        "and the union blamed the ministry.",
    ]


def test_units_know_their_sentence_and_part():
    units = article_units(
        ["One clause only here.", "Trains stopped at noon; the power failed at six."]
    )
    assert [(u.sentence, u.part, u.text) for u in units] == [
        (0, 0, "One clause only here."),
        (1, 0, "Trains stopped at noon"),
        (1, 1, "the power failed at six."),
    ]


@given(st.text(alphabet=st.sampled_from(list("ab ,;“”\"'while and ing which ed.")), max_size=80))
def test_unit_spans_are_ordered_slices_of_the_sentence(sentence):
    spans = unit_spans(sentence)
    assert spans and spans[0][0] >= 0 and spans[-1][1] <= len(sentence)
    assert all(s < e or len(spans) == 1 for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans))
