from hypothesis import given
from hypothesis import strategies as st

from articles.highlight import Mark, highlight


def test_text_is_escaped_inside_and_outside_marks():
    html = highlight("<b>bloc</b> & co", [Mark(3, 7, "s1")])
    assert "<b>" not in html
    assert '<mark class="hl" data-spans="s1" title="">bloc</mark>' in html
    assert "&amp; co" in html


def test_overlapping_spans_are_split_into_segments_naming_both():
    html = highlight("abcdef", [Mark(0, 4, "x"), Mark(2, 6, "y")])
    assert 'data-spans="x y"' in html
    assert html.count("<mark") == 3


def test_a_colour_that_is_not_hex_is_dropped():
    html = highlight("abc", [Mark(0, 3, "x", colour="red;background:url(x)")])
    assert "style" not in html


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60))))
def test_removing_the_markup_gives_back_the_escaped_text(text, pairs):
    import html as html_lib
    import re

    marks = [Mark(min(a, b), max(a, b), f"s{i}") for i, (a, b) in enumerate(pairs) if a != b]
    out = highlight(text, marks)
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", out)) == text
