import io

import pytest
from pypdf import PdfReader, PdfWriter

from articles.ingestion import IngestionError, read_file

from .helpers import make_pdf


def _lines():
    return [
        ["The coastal ministry of Veloria said its boats escorted two trawlers.",
         "A spokesperson called the manoeuvres a reckless provocation."],
        ["Officials in Ostrel said talks would resume next week."],
    ]  # fmt: skip


def test_pdf_text_layer_is_read_page_by_page():
    article = read_file(make_pdf(_lines(), title="Shoals"), name="a.pdf").articles[0]
    assert article.text == (
        "The coastal ministry of Veloria said its boats escorted two trawlers.\n"
        "A spokesperson called the manoeuvres a reckless provocation.\n\n"
        "Officials in Ostrel said talks would resume next week."
    )


def test_pdf_title_comes_from_metadata():
    assert read_file(make_pdf(_lines(), title="Shoals"), name="a.pdf").articles[0].title == "Shoals"


def test_scanned_pdf_without_text_layer_is_rejected():
    with pytest.raises(IngestionError, match=r"scan\.pdf: has no text layer .* OCR"):
        read_file(make_pdf([[], []], image_only=True), name="scan.pdf")


def test_password_protected_pdf_is_rejected():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(_lines()))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(IngestionError, match=r"locked\.pdf: is password-protected"):
        read_file(out.getvalue(), name="locked.pdf")


def test_truncated_pdf_is_rejected_as_damaged():
    with pytest.raises(IngestionError, match=r"broken\.pdf: (is a damaged|contains no)"):
        read_file(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", name="broken.pdf")


def test_file_named_pdf_without_signature_is_rejected():
    with pytest.raises(IngestionError, match=r"notes\.pdf: is named \.pdf but is not a PDF"):
        read_file(b"just some notes", name="notes.pdf")
