"""Issue 10, part 4 in reports: only confident matches count as the same fact; a possible
match is shown with its similarity, its sentence and the sentence it matched."""

from __future__ import annotations

from types import SimpleNamespace

from django.template.loader import render_to_string
from docx import Document

from reports.alignment import Alignment, Cell, FactRow
from reports.report.content import _excerpts
from reports.report.docx import _omissions as docx_omissions
from reports.report.findings import _omissions as omission_findings

OUTLETS = ["Paper A", "Paper B", "Paper C", "Paper D"]


def _articles():
    return [
        SimpleNamespace(pk=k + 1, event_id=7, outlet=SimpleNamespace(name=name))
        for k, name in enumerate(OUTLETS)
    ]


def _cell(text, state="reported", similarity=0.9, matched=""):
    return Cell(0, text, [], "", None, state, similarity, matched)


def _possible_only() -> Alignment:
    """One fact Paper A reports and Papers B and C only possibly match; Paper D lacks it."""
    row = FactRow(
        [
            _cell("Police fired tear gas at the fence."),
            _cell(
                "Rain fell on the camp.", "possibly", 0.41, "Police fired tear gas at the fence."
            ),
            _cell("The camp grew.", "possibly", 0.38, "Police fired tear gas at the fence."),
            None,
        ],
        0.4,
    )
    return Alignment(_articles(), [row])


def test_side_by_side_leaves_out_a_fact_matched_only_possibly():
    assert _excerpts(_possible_only()) == []


def test_the_omission_finding_does_not_count_possible_matches_as_reports():
    assert omission_findings(_possible_only()) == []


def test_the_docx_omission_matrix_shows_the_sentence_a_possible_match_matched():
    doc = Document()
    docx_omissions(doc, SimpleNamespace(alignment=_possible_only()))
    cell = doc.tables[0].rows[1].cells[2].text
    assert cell.startswith("possibly (0.41)")
    assert "matched: “Police fired tear gas at the fence.”" in cell


def test_the_html_omission_matrix_shows_the_sentence_a_possible_match_matched():
    alignment = _possible_only()
    report = SimpleNamespace(alignment=alignment, sections=[("omissions", "Omissions")])
    html = render_to_string(
        "reports/report/_body.html",
        {"report": report, "matrix": alignment.omission_matrix(), "excerpts": []},
    )
    assert "possibly (0.41) — “Rain fell on the camp.”, matched: “Police fired tear gas" in html
