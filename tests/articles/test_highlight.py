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


def _highlight_with_format_html(text, marks):
    """The rendering before it was written with f-strings (format_html per attribute)."""
    from itertools import pairwise

    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    from articles.highlight import _boundaries, _style

    parts = []
    for start, end in pairwise(_boundaries(len(text), marks)):
        piece = escape(text[start:end])
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            parts.append(piece)
            continue
        top = covering[-1]
        attrs = "".join(format_html(' data-{}="{}"', k, v) for k, v in sorted(top.data.items()))
        parts.append(
            format_html(
                '<mark class="{}" data-spans="{}" title="{}"{}{}>{}</mark>',
                top.css_class,
                " ".join(m.span_id for m in covering),
                top.title,
                mark_safe(attrs),
                mark_safe(_style(top.colour)),
                piece,
            )
        )
    return "".join(parts)


_WORDS = st.text(alphabet="ab <>&\"'é", max_size=8)


@given(
    st.text(alphabet="abc <>&\"'\n", max_size=60),
    st.lists(
        st.tuples(
            st.integers(0, 60),
            st.integers(0, 60),
            _WORDS,
            st.dictionaries(st.sampled_from(["cat", "speaker", "expl"]), _WORDS, max_size=3),
            st.sampled_from(["#aa00ff", "red", ""]),
        ),
        max_size=6,
    ),
)
def test_marks_render_as_format_html_rendered_them(text, specs):
    marks = [
        Mark(min(a, b), max(a, b), f"s{i}", f"hl {title}", title, data, colour)
        for i, (a, b, title, data, colour) in enumerate(specs)
    ]
    assert highlight(text, marks) == _highlight_with_format_html(text, marks)
