"""Long PDFs are extracted in two halves (a helper process does the second): same text."""

from __future__ import annotations

from articles.ingestion import read_file
from articles.ingestion.readers import pdf as pdf_reader
from tests.articles.ingestion.helpers import make_pdf


def _long_pdf() -> bytes:
    pages = [[f"Page {n} of the dossier.", "The council met again."] for n in range(70)]
    return make_pdf(pages, title="Dossier")


def test_long_pdf_split_across_processes_keeps_every_page_in_order(monkeypatch):
    monkeypatch.setattr(pdf_reader.os, "cpu_count", lambda: 2)
    parallel = read_file(_long_pdf(), name="d.pdf").articles[0].text
    assert pdf_reader._helper is not None  # the split path ran
    monkeypatch.setattr(pdf_reader, "PARALLEL_MIN_PAGES", 10_000)
    serial = read_file(_long_pdf(), name="d.pdf").articles[0].text
    assert parallel == serial
    assert parallel.index("Page 34 ") < parallel.index("Page 35 ") < parallel.index("Page 69 ")
