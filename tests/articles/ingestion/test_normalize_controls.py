from hypothesis import given
from hypothesis import strategies as st

from articles.ingestion import normalize_text
from articles.ingestion.normalize import map_span, normalize_with_map

CONTROLISH = st.text(
    alphabet=st.sampled_from("ab e\u0301\x00\x07\x0b\x0c\x1f\x7f\r\n\t"), max_size=40
)


def test_nul_and_other_controls_are_removed():
    assert normalize_text("pre\x00ss\x07 release") == "press release"


def test_form_feed_between_pages_becomes_a_line_end():
    assert normalize_text("end of page one\x0cpage two") == "end of page one\npage two"


def test_a_control_between_a_letter_and_its_accent_still_gives_nfc():
    assert normalize_text("caf\x00e\u0301") == "café"


@given(CONTROLISH)
def test_the_offset_map_gives_the_same_text_with_controls(text):
    assert normalize_with_map(text).text == normalize_text(text)


@given(CONTROLISH)
def test_normalising_is_idempotent_with_controls(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_a_span_after_a_removed_nul_moves_onto_the_same_word():
    original = "Officials\x00 called it a puppet regime."
    norm = normalize_with_map(original)
    start = original.index("puppet")
    new_start, new_end = map_span(norm, start, start + len("puppet regime"))
    assert norm.text[new_start:new_end] == "puppet regime"
