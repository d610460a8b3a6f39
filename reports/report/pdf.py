"""The report as PDF through WeasyPrint: the static HTML (charts as SVG images), with page
numbers, a table of contents with page numbers and tables that repeat their header rows."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from reports.report.content import Report
from reports.report.html import document_context, report_css


def report_pdf(report: Report, *, base_url: str = "", links: bool = True) -> bytes:
    # Imported when used: loading pango takes a moment.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    ctx = document_context(report, interactive=False, base_url=base_url, links=links)
    ctx.update(css=mark_safe(report_css()), plotly_js="", nonce="", for_pdf=True)
    html = render_to_string("reports/report/document.html", ctx)
    # The document is self-contained (charts are data: URLs): nothing else may be fetched,
    # whatever a user-written string might try.
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
