from hypothesis import given
from hypothesis import strategies as st

from articles.imports.writer import is_normalised
from articles.ingestion import normalize_text

# Characters where normalisation has something to do: line ends, spaces, combining marks.
TRICKY = st.text(
    alphabet=st.sampled_from("ab \t\r\n\u00a0\u0301e\u00e9\u2028x\x00\x0c\x1f"), max_size=40
)


@given(st.one_of(TRICKY, st.text(max_size=40)))
def test_is_normalised_agrees_with_normalize_text(text):
    assert is_normalised(text) == (normalize_text(text) == text)


@given(st.one_of(TRICKY, st.text(max_size=40)))
def test_normalised_text_passes_the_check(text):
    assert is_normalised(normalize_text(text))
