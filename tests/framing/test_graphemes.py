import regex
from hypothesis import given
from hypothesis import strategies as st

from framing.graphemes import grapheme_around, whole_graphemes

PIECES = ["a", "e\u0301", "\u200d", "\U0001f1eb", "\U0001f1f7", "\U0001f468", "\r", "\n", " ", "é"]


def _boundaries(text: str) -> set[int]:
    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_an_offset_is_inside_a_cluster_exactly_when_it_is_not_a_boundary(text):
    bounds = _boundaries(text)
    for offset in range(len(text) + 1):
        cluster = grapheme_around(text, offset)
        assert (cluster is None) == (offset in bounds)
        if cluster:
            assert cluster[0] < offset < cluster[1]
            assert cluster[0] in bounds and cluster[1] in bounds


@given(st.lists(st.sampled_from(PIECES), min_size=2, max_size=30).map("".join), st.data())
def test_whole_graphemes_widens_a_span_to_boundaries(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    s, e = whole_graphemes(text, start, end)
    bounds = _boundaries(text)
    assert s <= start < end <= e and s in bounds and e in bounds
