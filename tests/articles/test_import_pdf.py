"""Long PDFs are read in the sandbox's child process, every page and in order."""

from __future__ import annotations

from articles.ingestion import read_file
from tests.articles.ingestion.helpers import make_pdf


def _long_pdf() -> bytes:
    pages = [[f"Page {n} of the dossier.", "The council met again."] for n in range(70)]
    return make_pdf(pages, title="Dossier")


def test_long_pdf_keeps_every_page_in_order():
    text = read_file(_long_pdf(), name="d.pdf").articles[0].text
    assert text.count("The council met again.") == 70
    assert text.index("Page 34 ") < text.index("Page 35 ") < text.index("Page 69 ")
