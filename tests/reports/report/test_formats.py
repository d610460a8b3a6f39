"""Each format is produced and read back: the numbers are there, user text stays text."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from docx import Document
from pypdf import PdfReader

from reports.report.config import ReportConfig
from reports.report.content import build_report
from reports.report.docx import report_docx
from reports.report.html import report_html
from reports.report.pdf import report_pdf
from reports.report.svg import chart_svg
from tests.reports.report.conftest import HOSTILE_OUTLET, HOSTILE_TITLE

pytestmark = pytest.mark.django_db


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_html_is_one_file_that_loads_nothing_from_elsewhere(hostile):
    html = report_html(build_report(hostile["event"], ReportConfig()))
    tags = _parse(html).tags
    assert not [t for t, a in tags if t == "link"]
    external = [a for _, a in tags for k in ("src", "href") if a.get(k, "").startswith("http")]
    assert external == []
    scripts = [a for t, a in tags if t == "script"]
    assert scripts and all("src" not in a for a in scripts)  # plotly.js inlined
    assert "Plotly.newPlot" in html and len(html) > 1_000_000


def test_html_shows_hostile_names_as_text(hostile):
    html = report_html(build_report(hostile["event"], ReportConfig()))
    tags = _parse(html).tags
    assert not [a for t, a in tags if t == "img" and "onerror" in a]
    assert '<script>alert("o")' not in html
    assert "&lt;script&gt;alert(&quot;o&quot;)&lt;/script&gt; &amp; Sons" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_html_chart_data_is_the_reports_chart_json(analysed):
    report = build_report(analysed["event"], ReportConfig())
    html = report_html(report)
    ids = re.findall(r'<script id="chart-data-([a-z]+)" type="application/json">', html)
    assert ids == [c.key for c in report.charts]


def _pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_the_findings_page_numbers_and_contents(hostile):
    report = build_report(hostile["event"], ReportConfig())
    reader, text = _pdf_text(report_pdf(report))
    flat = " ".join(text.split())
    assert f"Page 1 of {len(reader.pages)}" in flat
    assert "Contents" in flat and "Methodology" in flat
    own = next(f for f in report.findings if f.key == "own_voice_rate")
    assert " ".join(own.text.split()[:6]) in flat
    assert HOSTILE_OUTLET in flat  # shown as typed, not run
    assert report.data_hash in flat.replace(" ", "")


def test_pdf_charts_are_vector_images(analysed):
    report = build_report(analysed["event"], ReportConfig(sections=("charts",)))
    reader, text = _pdf_text(report_pdf(report))
    assert "Dominant frame per outlet" in text  # chart titles are text, not pixels
    assert not any(page.images for page in reader.pages)


def test_docx_has_headings_tables_and_chart_images(hostile):
    report = build_report(hostile["event"], ReportConfig())
    doc = Document(io.BytesIO(report_docx(report)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Key differences" in headings and "Methodology" in headings
    assert len(doc.inline_shapes) == len(report.charts) > 0
    outlets = doc.tables[0]
    names = {row.cells[0].text for row in outlets.rows[1:]}
    assert HOSTILE_OUTLET in names
    titles = {row.cells[2].text for row in doc.tables[1].rows[1:]}
    assert HOSTILE_TITLE in titles


def test_docx_outlet_table_numbers_equal_the_report(analysed):
    report = build_report(analysed["event"], ReportConfig(sections=("outlets",)))
    doc = Document(io.BytesIO(report_docx(report)))
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows[1:]]
    assert [(r[0], int(r[4]), int(r[5])) for r in rows] == [
        (o["name"], o["n"], o["words"]) for o in report.outlets
    ]


def test_svg_of_every_chart_is_well_formed_xml_with_hostile_names(hostile):
    report = build_report(hostile["event"], ReportConfig(sections=("charts",)))
    for chart in report.charts:
        root = ET.fromstring(chart_svg(chart.figure))
        texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
        if chart.key in ("density", "frames", "tone"):
            assert HOSTILE_OUTLET[:20] in texts, chart.key


def test_control_characters_in_names_do_not_break_docx_or_svg(analysed):
    from articles.models import Outlet

    Outlet.objects.filter(name="Wire").update(name="Wire\x0b\x01 Service")
    report = build_report(analysed["event"], ReportConfig(sections=("outlets", "charts")))
    doc = Document(io.BytesIO(report_docx(report)))
    assert "Wire Service" in {row.cells[0].text for row in doc.tables[0].rows[1:]}
    for chart in report.charts:
        ET.fromstring(chart_svg(chart.figure))


def test_evidence_links_are_absolute_with_the_sites_address(analysed):
    report = build_report(analysed["event"], ReportConfig(sections=("findings",)))
    html = report_html(report, base_url="https://parallax.example.org/")
    links = re.findall(r'<a href="([^"#][^"]*)"', html)  # the contents' own links aside
    assert links and all(u.startswith("https://parallax.example.org/events/") for u in links)
