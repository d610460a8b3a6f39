"""The report as HTML: one self-contained file (CSS and plotly.js inlined, charts drawn in
the browser from embedded JSON), or static (charts as SVG images) for PDF and previews."""

from __future__ import annotations

import base64
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reports.report.content import Report
from reports.report.svg import chart_svg

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
MAX_SPEAKERS = 10  # per outlet in the sources section: a report names the main voices


@cache
def _static_text(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    return Path(found).read_text(encoding="utf-8")


def report_css() -> str:
    return _static_text("reports/report.css")


def plotly_js() -> str:
    # Checked when read: an inlined script must not be able to close its own element.
    js = _static_text("vendor/plotly/plotly.min.js")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("plotly.min.js cannot be inlined safely")
    return js


def highlighted(text: str, terms: list[tuple[int, int, str, str]]) -> SafeString:
    """Sentence text with its loaded terms marked; everything but our markup escaped."""
    out, at = [], 0
    for start, end, key, colour in sorted(terms):
        if start < at or end > len(text):
            continue  # overlapping or stale spans: the first one wins
        colour = colour if HEX_COLOUR.fullmatch(colour or "") else "#ffe08a"
        out.append(escape(text[at:start]))
        out.append(
            f'<mark style="background:{colour}40;border-bottom:2px solid {colour}" '
            f'title="{escape(key)}">{escape(text[start:end])}</mark>'
        )
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))


def _absolute(url: str, base_url: str) -> str:
    return f"{base_url.rstrip('/')}{url}" if url.startswith("/") else url


def document_context(
    report: Report, *, interactive: bool, base_url: str = "", links: bool = True
) -> dict[str, Any]:
    """Context of templates/reports/report/document.html. ``links``: evidence links into the
    workspace (off for share links, which must show the report and nothing else)."""
    charts = []
    for chart in report.charts:
        item = {
            "key": chart.key,
            "data_id": f"chart-data-{chart.key}",
            "caption": chart.caption,
            "columns": chart.columns,
            "rows": chart.rows,
            "figure": chart.figure,
        }
        if not interactive:
            svg = chart_svg(chart.figure).encode()
            item["img"] = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
        charts.append(item)
    findings = [
        {
            "finding": f,
            "evidence": [(label, _absolute(url, base_url)) for label, url in f.evidence]
            if links
            else [],
        }
        for f in report.findings
    ]
    excerpts = [
        {
            "row": row,
            "cells": [
                None if c is None else {"html": highlighted(c.text, c.terms), "cell": c}
                for c in row.cells
            ],
        }
        for row in report.excerpts
    ]
    return {
        "report": report,
        "charts": charts,
        "findings": findings,
        "excerpts": excerpts,
        "matrix": report.alignment.omission_matrix() if report.alignment else [],
        "interactive": interactive,
        "links": links,
        "for_pdf": False,
        "max_speakers": MAX_SPEAKERS,
        "speakers_max": f":{MAX_SPEAKERS}",
        "minus_speakers": -MAX_SPEAKERS,
        "base_url": base_url.rstrip("/"),
        # A JS string literal that cannot close the script element it sits in.
        "base_url_js": mark_safe(json.dumps(base_url.rstrip("/")).replace("<", "\\u003c")),
        "site": getattr(settings, "SITE_NAME", "Parallax"),
    }


def report_html(
    report: Report,
    *,
    interactive: bool = True,
    base_url: str = "",
    links: bool = True,
    nonce: str = "",
) -> str:
    """The whole report as one HTML document that needs nothing else to open."""
    ctx = document_context(report, interactive=interactive, base_url=base_url, links=links)
    ctx["css"] = mark_safe(report_css())  # our own file, not user text
    ctx["plotly_js"] = mark_safe(plotly_js()) if interactive and report.charts else ""
    ctx["nonce"] = nonce
    return render_to_string("reports/report/document.html", ctx)


def report_body_html(report: Report, *, links: bool = True) -> str:
    """The report's body with static charts: the builder's live preview."""
    ctx = document_context(report, interactive=False, links=links)
    return render_to_string("reports/report/_body.html", ctx)
