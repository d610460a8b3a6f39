from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reports.evidence import FORMULA_START, safe_cell


@given(st.text())
def test_safe_cell_never_starts_with_a_formula_character(text):
    assert not safe_cell(text).startswith(FORMULA_START)


@given(st.text())
def test_safe_cell_keeps_the_text_after_any_prefix(text):
    cell = safe_cell(text)
    assert cell == text or cell == "'" + text


def test_safe_cell_prefixes_a_leading_minus():
    assert safe_cell("-1+1") == "'-1+1"
