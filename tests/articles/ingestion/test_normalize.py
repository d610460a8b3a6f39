import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.ingestion.normalize import (
    SpanMappingError,
    map_span,
    normalize_text,
    normalize_with_map,
)


def test_crlf_and_lone_cr_become_newlines():
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"


def test_trailing_spaces_are_stripped_per_line():
    assert normalize_text("one  \t\ntwo ") == "one\ntwo"


def test_three_or_more_newlines_collapse_to_one_blank_line():
    assert normalize_text("a\n\n\n\n\nb\n\nc") == "a\n\nb\n\nc"


def test_whitespace_only_lines_count_as_blank():
    assert normalize_text("a\n  \n \t \n\nb") == "a\n\nb"


def test_decomposed_accent_is_composed_nfc():
    assert normalize_text("Cafe\u0301") == "Caf\u00e9"


def test_span_after_crlf_moves_left_by_removed_carriage_returns():
    original = "Line one\r\nLine two"
    norm = normalize_with_map(original)
    start = original.index("two")
    new = map_span(norm, start, start + 3)
    assert norm.text[new[0] : new[1]] == "two"


def test_span_splitting_a_composed_character_is_refused():
    norm = normalize_with_map("Cafe\u0301 noir")
    with pytest.raises(SpanMappingError, match="normalisation combines"):
        map_span(norm, 0, 4)


def test_span_covering_only_removed_whitespace_is_refused():
    norm = normalize_with_map("word   \nnext")
    with pytest.raises(SpanMappingError, match="only whitespace"):
        map_span(norm, 4, 7)


def test_span_beyond_text_is_refused():
    norm = normalize_with_map("short")
    with pytest.raises(SpanMappingError, match="outside the text"):
        map_span(norm, 2, 9)


# --- properties --------------------------------------------------------------------------------

_WS = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r\n", "\r", "\n\n\n\n", " \r\n \r\n", "\u00a0", "\x85"]
)
_WORD = st.lists(
    st.sampled_from(
        ["a", "b", "x", "\u00c5", "\u00e9", "e\u0301", "A\u030a", "\u212b", "\u1100", "\u1161"]
    ),
    min_size=1,
    max_size=6,
).map("".join)
_ANY = st.text(
    alphabet=st.sampled_from([*list("ab \t\r\n\xa0\x85\u2028"), "e", "́", "̣", "Å", "ᄀ", "ᅡ", "ᆨ"]),
    max_size=40,
)


@given(_ANY)
def test_mapped_normalisation_equals_plain_normalisation(text):
    assert normalize_with_map(text).text == normalize_text(text)


@given(_ANY)
def test_normalisation_is_idempotent_and_nfc(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(_ANY)
def test_offset_map_is_monotone_and_covers_the_text(text):
    norm = normalize_with_map(text)
    mapped = [p for p in norm.offsets if p >= 0]
    assert mapped == sorted(mapped)
    assert norm.offsets[0] == 0 and norm.offsets[-1] == len(norm.text)


@given(st.lists(st.tuples(_WS, _WORD), min_size=1, max_size=8), st.data())
def test_word_spans_map_onto_the_same_word_normalised(pieces, data):
    original = "".join(ws + word for ws, word in pieces)
    index = data.draw(st.integers(0, len(pieces) - 1))
    start = sum(len(ws) + len(word) for ws, word in pieces[:index]) + len(pieces[index][0])
    word = pieces[index][1]
    norm = normalize_with_map(original)
    new_start, new_end = map_span(norm, start, start + len(word))
    assert norm.text[new_start:new_end] == unicodedata.normalize("NFC", word)
