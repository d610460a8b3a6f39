"""Text an outlet (or anyone who pastes an article) wrote must never run in a spreadsheet."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from framing.models import Annotation, Label
from framing.services import annotation_create
from reports.evidence import FORMULA_START
from tests.factories import OutletFactory, make_article
from tests.reports.exports.conftest import read_csv, read_json
from tests.reports.helpers import Term, store_analysis

TEXT = "-2+3+cmd|' /C calc'!A0 is what they wrote. =SUM(A1) @risk follows here."


@pytest.fixture
def hostile(event, owner):
    outlet = OutletFactory(workspace=event.workspace, name="+Evil Outlet", country="=1+1")
    article = make_article(
        event=event, outlet=outlet, text=TEXT, title='=HYPERLINK("http://x.example","go")'
    )
    article.byline = "@SUM(1)"
    article.save(update_fields=["byline"])
    store_analysis(article, terms=(Term("=SUM(A1)", "hyperbole", 0.9, "quoted", "\tTab Speaker"),))
    label = Label.objects.filter(
        codebook_version__codebook__workspace=event.workspace, key="hyperbole"
    ).first()
    annotation_create(
        revision=article.current_revision,
        start=TEXT.index("@risk"),
        end=TEXT.index("@risk") + 5,
        label=label,
        author_user=owner,
        note="\rcarriage",
    )
    return event


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _csv_cells(body: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        tables = [read_csv(archive.read(n)) for n in archive.namelist()]
    return [v for rows in tables for row in rows for v in [*row.keys(), *row.values()]]


def test_hostile_text_reaches_the_export(hostile, export):
    cells = _csv_cells(export(hostile, "data_zip"))
    assert "'=SUM(A1)" in cells and "'+Evil Outlet" in cells and "'@risk" in cells


def test_no_csv_text_cell_starts_with_a_formula_character(hostile, export):
    cells = _csv_cells(export(hostile, "data_zip"))
    unsafe = [c for c in cells if c.startswith(FORMULA_START) and not _is_number(c)]
    assert unsafe == []


def test_csv_keeps_negative_numbers_as_numbers(hostile, analysed, export):
    rows = read_csv(export(hostile, "csv_articles"))
    assert "-0.6" in {r["tone"] for r in rows}


def test_no_xlsx_cell_is_a_formula_or_starts_with_one(hostile, export):
    book = load_workbook(io.BytesIO(export(hostile, "data_xlsx")), read_only=True)
    bad = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                text = isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)
                if cell.data_type == "f" or text:
                    bad.append((sheet.title, cell.coordinate, cell.value))
    assert bad == []
    book.close()


def test_xlsx_shows_hostile_text_with_its_quote(hostile, export):
    book = load_workbook(io.BytesIO(export(hostile, "data_xlsx")), read_only=True)
    titles = [row[5] for row in book["articles"].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x.example","go")' in titles
    book.close()


def test_json_keeps_text_exactly_as_written(hostile, export):
    doc = read_json(export(hostile, "data_json"))
    article = next(a for a in doc["articles"] if a["outlet"] == "+Evil Outlet")
    assert article["text"] == TEXT and article["byline"] == "@SUM(1)"
    assert article["spans"][0]["note"] == "\rcarriage"


def test_annotations_stay_as_written_in_the_database(hostile, export):
    export(hostile, "data_xlsx")
    assert Annotation.objects.filter(speaker="\tTab Speaker").exists()
