from hypothesis import given
from hypothesis import strategies as st

from articles.reanchor import reanchor


def test_span_moves_with_text_inserted_before_it():
    old = "the aggressive bloc met"
    new = "yesterday the aggressive bloc met"
    [moved] = reanchor(old, new, [(4, 19)])
    assert new[moved.start : moved.end] == "aggressive bloc" and moved.exact


def test_span_inside_a_rewritten_passage_is_not_carried():
    assert reanchor("a puppet regime here", "a lawful government here", [(2, 15)]) == [None]


def test_span_with_an_edited_middle_is_carried_but_not_exact():
    [moved] = reanchor("so-called drills", "so-called naval drills", [(0, 16)])
    assert moved is not None and not moved.exact


@given(
    prefix=st.text(max_size=30),
    middle=st.text(min_size=1, max_size=20),
    suffix=st.text(max_size=30),
    added=st.text(max_size=30),
)
def test_an_untouched_span_keeps_its_text_whatever_is_added_before_it(
    prefix, middle, suffix, added
):
    old = prefix + middle + suffix
    new = added + prefix + middle + suffix
    [moved] = reanchor(old, new, [(len(prefix), len(prefix) + len(middle))])
    assert moved is not None
    assert new[moved.start : moved.end] == middle
    assert 0 <= moved.start < moved.end <= len(new)
