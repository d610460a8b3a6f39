"""The report as an editable Word document: real headings, tables and chart images.

Word has no SVG without a raster fallback, so each chart's SVG is laid out by WeasyPrint as
a one-page PDF and rendered to PNG by pdfium (both already needed for PDFs and imports).
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt, RGBColor

from reports.report.content import Report
from reports.report.html import MAX_SPEAKERS
from reports.report.svg import chart_svg

PNG_SCALE = 2.0  # pixels per CSS pixel: sharp when printed at the page width


def svg_pngs(svgs: list[str]) -> list[bytes]:
    """PNG of each SVG: one WeasyPrint document with a page the size of each chart (one
    layout for all of them), each page rendered by pdfium."""
    import pypdfium2 as pdfium
    from weasyprint import HTML

    styles, pages = [], []
    for k, svg in enumerate(svgs):
        width = svg.split('width="', 1)[1].split('"', 1)[0]
        height = svg.split('height="', 1)[1].split('"', 1)[0]
        styles.append(
            f"@page c{k} {{ size: {width}px {height}px; margin: 0 }} .c{k} {{ page: c{k} }}"
        )
        pages.append(f'<div class="c{k}" style="break-before: page">{svg}</div>')
    html = f"<style>body {{ margin: 0 }} {' '.join(styles)}</style>{''.join(pages)}"
    doc = pdfium.PdfDocument(HTML(string=html).write_pdf())
    out = []
    for page in doc:
        buffer = io.BytesIO()
        page.render(scale=PNG_SCALE).to_pil().save(buffer, format="PNG")
        out.append(buffer.getvalue())
    doc.close()
    return out


def _table(doc, columns: list[str], rows: list[list]) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = _t(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = _t(value)
    doc.add_paragraph()


# XML 1.0 refuses most control characters; python-docx raises on them, so user text that
# carries one (pasted from elsewhere) would make the whole document fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _t(value) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def report_docx(report: Report, *, base_url: str = "") -> bytes:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(_t(report.title), level=0)
    meta = doc.add_paragraph(
        _t(
            f"Event: {report.event.title} · generated {report.generated_at:%Y-%m-%d %H:%M} UTC · "
            f"model {report.model.name if report.model else 'none'} at the {report.point} "
            f"operating point · data fingerprint {report.data_hash[:16]}"
        )
    )
    meta.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    if report.warning:
        doc.add_paragraph(_t(report.warning)).runs[0].bold = True
    for key, heading in report.sections:
        doc.add_heading(heading, level=1)
        SECTION_WRITERS[key](doc, report, base_url)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _summary(doc, report: Report, base_url: str = "") -> None:
    doc.add_paragraph(_t(report.summary))


def _outlets(doc, report: Report, base_url: str = "") -> None:
    _table(
        doc,
        ["Outlet", "Type", "Country", "Classification source", "Articles", "Words"],
        [
            [
                o["name"],
                o["type"],
                o["country"] or "—",
                f"{o['source'] or '—'}{' (' + o['classified'] + ')' if o['classified'] else ''}",
                o["n"],
                o["words"],
            ]
            for o in report.outlets
        ],
    )
    doc.add_heading("Articles", level=2)
    _table(
        doc,
        ["Date", "Outlet", "Title", "Words", "Relays / origin"],
        [
            [
                a["published"] or "undated",
                a["outlet"],
                a["title"],
                a["words"],
                " ".join(
                    x
                    for x in (
                        f"republishes “{a['republishes']}”." if a["republishes"] else "",
                        f"{a['relays']}." if a["relays"] else "",
                        f"Origin on record: {a['origin']}." if a["origin"] else "",
                    )
                    if x
                )
                or "—",
            ]
            for a in report.articles
        ],
    )


def _findings(doc, report: Report, base_url: str = "") -> None:
    if not report.findings:
        doc.add_paragraph("Too few outlets or analysed articles to compare.")
    for f in report.findings:
        doc.add_paragraph(_t(f.text), style="List Number")
        evidence = (
            " Evidence: "
            + "; ".join(f"{label} <{base_url.rstrip('/')}{url}>" for label, url in f.evidence)
            if base_url
            else ""
        )
        base = doc.add_paragraph(_t(f"n: {f.n}. Uncertainty: {f.uncertainty}.{evidence}"))
        base.paragraph_format.left_indent = Cm(0.6)
        base.runs[0].font.size = Pt(8.5)


def _charts(doc, report: Report, base_url: str = "") -> None:
    images = svg_pngs([chart_svg(chart.figure) for chart in report.charts]) if report.charts else []
    for chart, png in zip(report.charts, images, strict=True):
        doc.add_picture(io.BytesIO(png), width=Cm(16))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = doc.add_paragraph(_t(chart.caption))
        caption.runs[0].italic = True
        _table(doc, chart.columns, chart.rows)


def _excerpts(doc, report: Report, base_url: str = "") -> None:
    if not report.excerpts:
        doc.add_paragraph("No fact is reported by two or more of the chosen outlets.")
        return
    names = [a.outlet.name for a in report.alignment.articles]
    table = doc.add_table(rows=1, cols=len(names))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, names, strict=True):
        cell.text = _t(name)
    for row in report.excerpts:
        cells = table.add_row().cells
        for cell, c in zip(cells, row.cells, strict=True):
            if c is None:
                cell.text = "not reported"
                continue
            if c.state == "possibly":
                cell.paragraphs[0].add_run(f"possibly the same fact ({c.similarity:.2f}): ")
            _highlighted(cell.paragraphs[0], c.text, c.terms)
    doc.add_paragraph()


def _highlighted(paragraph, text: str, terms) -> None:
    at = 0
    for start, end, _key, _colour in sorted(terms):
        if start < at or end > len(text):
            continue
        paragraph.add_run(_t(text[at:start]))
        run = paragraph.add_run(_t(text[start:end]))
        run.bold = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        at = end
    paragraph.add_run(_t(text[at:]))


def _labels(doc, report: Report, base_url: str = "") -> None:
    refs = report.alignment.referents if report.alignment else []
    if not refs:
        doc.add_paragraph("No referent is named differently by these outlets.")
        return
    _table(
        doc,
        ["Referent", "Neutral term", "Wordings by outlet (count)"],
        [
            [
                r["key"],
                r["neutral"] or "—",
                "\n".join(
                    f"{outlet}: " + ", ".join(f"“{w}” ({n})" for w, n in words)
                    for outlet, words in r["outlets"]
                ),
            ]
            for r in refs
        ],
    )


def _sources(doc, report: Report, base_url: str = "") -> None:
    for o in report.sources:
        doc.add_heading(_t(f"{o.name} ({o.n} articles, {o.words} words)"), level=2)
        _table(
            doc,
            ["Who is quoted", "Country / affiliation", "Quoted", "Attributed"],
            [
                [s.name, s.affiliation or "—", s.quoted, s.attributed]
                for s in o.speakers[:MAX_SPEAKERS]
            ],
        )
        for article, relay in o.relays:
            doc.add_paragraph(_t(f"“{article.title}”: {relay.summary}"), style="List Bullet")


def _omissions(doc, report: Report, base_url: str = "") -> None:
    matrix = report.alignment.omission_matrix() if report.alignment else []
    if not matrix:
        doc.add_paragraph("No fact was matched across two of the chosen articles.")
        return
    words = {"missing": "absent", "loaded": "reported, loaded", "reported": "reported"}
    _table(
        doc,
        ["Fact", *[a.outlet.name for a in report.alignment.articles]],
        [
            [
                row.label,
                *[words.get(s, _possibly(c) if c else s) for s, c in states],
            ]
            for row, states in matrix
        ],
    )


def _possibly(cell) -> str:
    """A weaker match, with what an analyst needs to judge it: the similarity, the sentence
    and the sentence it matched."""
    return f"possibly ({cell.similarity:.2f}) — “{cell.text}”, matched: “{cell.matched}”"


def _methodology(doc, report: Report, base_url: str = "") -> None:
    m = report.methodology
    measured = (
        f"measured precision {m.precision:.3f}, recall {m.recall:.3f} on held-out data"
        if m.precision is not None
        else "this model has no measured operating points"
    )
    agreement = (
        f"{m.agreement_coders} coders: "
        + "; ".join(
            f"{a['label']}: κ {a['kappa']:.2f}" if a["kappa"] is not None else f"{a['label']}: κ —"
            for a in m.agreement
        )
        if m.agreement
        else "No text of this event was coded by two analysts."
    )
    rows = [
        (
            "Codebook",
            f"{m.codebook}"
            f"{', version ' + str(m.codebook_version) if m.codebook_version else ''} "
            f"({m.labels} loaded-term labels); frames: {m.frames_codebook}",
        ),
        ("Model", f"{m.model_name} {m.model_id}, engine {m.engine_version or '—'}"),
        ("Operating point", f"{m.point}: suggestions from score {m.threshold:.3f}; {measured}"),
        (
            "Tags",
            f"{m.tags['suggested']} model suggestions not reviewed, {m.tags['accepted']} "
            f"accepted by an analyst, {m.tags['analyst']} written by analysts",
        ),
        ("Agreement", agreement),
        ("Data fingerprint", m.data_hash),
        ("Date", f"{m.generated_at:%Y-%m-%d %H:%M} UTC"),
        ("How to reproduce", "\n".join(m.reproduce)),
    ]
    _table(doc, ["", ""], [list(r) for r in rows])


SECTION_WRITERS = {
    "summary": _summary,
    "outlets": _outlets,
    "findings": _findings,
    "charts": _charts,
    "excerpts": _excerpts,
    "labels": _labels,
    "sources": _sources,
    "omissions": _omissions,
    "methodology": _methodology,
}
